"""Identity protection for model fields: encryption at rest, blind indexes, sealed values.

Mark an identity field by using :class:`EncryptedTextField` (or :class:`EncryptedJSONField` for
lists such as aliases and phone numbers). Values are encrypted with Fernet (AES-128-CBC with
HMAC-SHA256) under ``settings.FIELD_ENCRYPTION_KEYS``; the first key encrypts, every key decrypts,
so keys rotate by adding a new key in front and re-saving (``manage.py rotate_field_keys``).
Values read from the database come back as :class:`lentera.privacy.Sealed`, which prints as a mask;
only :func:`lentera.apps.accounts.services.identity_reveal` (which checks the policy and writes the
access log) unseals them for a user.

Encrypted columns cannot be searched; :func:`blind_index` gives a keyed hash of a normalised value
(a NIK, an E.164 phone) for exact-match search without storing the value in clear.

Neither field stores the mask itself (:func:`refuse_mask`): a form filled with a sealed value
instead of its text shows the mask, and saving it would replace the stored text with the mask.
Every write (service, API, admin, ``update()``) raises a ValidationError naming the field instead.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from lentera.privacy import MASK, Sealed, unseal

PREFIX = "enc1:"


@lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    return MultiFernet([Fernet(k.encode()) for k in keys])


def cipher() -> MultiFernet:
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(plain: str) -> str:
    return PREFIX + cipher().encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    if not token.startswith(PREFIX):
        raise ValueError("value is not an encrypted Lentera field")
    try:
        return cipher().decrypt(token[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as exc:  # wrong or retired key
        raise ImproperlyConfigured(
            "An identity field cannot be decrypted with the configured keys"
        ) from exc


def rotate_token(token: str) -> str:
    """Re-encrypt a stored token under the newest key without exposing the plain value."""
    return PREFIX + cipher().rotate(token[len(PREFIX) :].encode("ascii")).decode("ascii")


def blind_index(value: str) -> str:
    """Keyed SHA-256 of an already-normalised value, for exact-match search."""
    key = settings.BLIND_INDEX_KEY.encode()
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


class Verbatim(str):
    """Text received from outside (an SMS, a WhatsApp message) and stored exactly as it came,
    even when it is nothing but the mask: it is data, not a form filled without decrypting."""

    __slots__ = ()


def keep_verbatim(obj: models.Model) -> None:
    """Mark every encrypted text of ``obj`` as received verbatim (the message gateway keeps
    every message whole, whatever it says)."""
    for field in obj._meta.concrete_fields:
        if isinstance(field, EncryptedTextField) and not isinstance(field, EncryptedJSONField):
            value = getattr(obj, field.attname)
            if isinstance(value, str) and not isinstance(value, Verbatim):
                setattr(obj, field.attname, Verbatim(value))


def refuse_mask(value: Any, field: str) -> None:
    """Raise a ValidationError for ``field`` when ``value`` (a text, or a list of texts) is the
    mask a sealed value prints as: that is a form filled without decrypting, not data. A text
    that merely contains the mask (a pasted job advert with "•••" bullets) is data and passes."""
    texts = value if isinstance(value, list | tuple) else [value]
    if any(isinstance(t, str) and not isinstance(t, Verbatim) and t.strip() == MASK for t in texts):
        raise ValidationError(
            {
                field: _(
                    "“%(mask)s” only stands for hidden text; saving it would replace the stored "
                    "text. Nothing was saved: reload the page, or type the text."
                )
                % {"mask": MASK}
            }
        )


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A text field stored encrypted; read back as a :class:`Sealed` value."""

    description = "Encrypted identity text"
    identity_field = True

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Sealed | None:
        if value is None:
            return None
        if value == "":
            return Sealed("")
        return Sealed(decrypt(value))

    def to_python(self, value: Any) -> Sealed | None:
        if value is None or isinstance(value, Sealed):
            return value
        return Sealed(str(value))

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        plain = unseal(value) if isinstance(value, Sealed | str) else str(value)
        refuse_mask(plain, self.name)
        return encrypt(plain) if plain else ""

    def value_to_string(self, obj: models.Model) -> str:
        return ""  # never serialise identity in dumps


class EncryptedJSONField(EncryptedTextField):
    """A JSON value (a list of phones, aliases...) stored encrypted; read back sealed as JSON text."""

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, Sealed):
            plain = value.unseal()
        elif isinstance(value, str):
            plain = value
        else:
            plain = json.dumps(value, ensure_ascii=False)
        refuse_mask(plain, self.name)
        refuse_mask(_json_or_none(plain), self.name)
        return encrypt(plain) if plain else ""


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def sealed_json(value: Sealed | None) -> Any:
    """Unseal and parse an :class:`EncryptedJSONField` value (identity services only)."""
    text = unseal(value)
    return json.loads(text) if text else []


def identity_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.get_fields() if getattr(f, "identity_field", False)]
