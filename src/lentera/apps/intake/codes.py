"""Tracking codes: unguessable, easy to read aloud and to type (pure Python, no Django).

A code is ``LTR-`` and eight characters from an alphabet without the letters and digits people
confuse (0/O, 1/I/L) and without U: ``LTR-7K3Q-9XPM``. Eight characters of 30 give about 6.6 × 10¹¹
codes (39 bits), drawn with :mod:`secrets`; the public status page is rate-limited, so guessing
is hopeless. People may type a code in lower case, with spaces, without dashes or without the
prefix; :func:`normalize_code` reads all of those.
"""

from __future__ import annotations

import re
import secrets

__all__ = ["ALPHABET", "PREFIX", "new_code", "normalize_code"]

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "LTR"
_BODY = re.compile(f"[{ALPHABET}]{{8}}")


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def normalize_code(value: str) -> str | None:
    """The canonical form of a typed code, or None when it cannot be one."""
    text = re.sub(r"[^0-9A-Za-z]", "", value or "").upper()
    if text.startswith(PREFIX) and len(text) == len(PREFIX) + 8:
        text = text[len(PREFIX) :]
    if not _BODY.fullmatch(text):
        return None
    return f"{PREFIX}-{text[:4]}-{text[4:]}"
