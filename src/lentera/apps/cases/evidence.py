"""The files of case documents and evidence on disk.

Each file lies under ``MEDIA_ROOT/cases/<case id>/<random name>``, encrypted with the key ring of
the identity fields (format: :mod:`lentera.apps.accounts.encrypted_files`), mode 0600 in folders
of mode 0700. :func:`store` encrypts an upload while it reads it, one chunk at a time, so the size
limit is enforced as the bytes come and a file over it is never held whole nor stored;
:func:`open_verified` decrypts the whole file and compares the SHA-256 of its plain content with
the one recorded at upload before a byte is served, so a tampered file, or one under a key no
longer configured, fails with :class:`Unreadable` instead of being served.

A plain (unencrypted) file is refused like a damaged one: files written before encryption are
encrypted in place by migration ``cases.0005`` (which also runs after ``lentera restore`` of an
older archive), and ``lentera manage encrypt_evidence`` does it again for files copied in by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from lentera.apps.accounts import encrypted_files

log = logging.getLogger(__name__)

CHUNK = encrypted_files.CHUNK
#: The code of the ValidationError an upload refused while it was received raises when read
#: (``lentera.web.uploads``).
UPLOAD_TOO_LARGE = "upload_too_large"


class TooLarge(Exception):
    """The file is larger than the limit; nothing was stored."""


class Unreadable(Exception):
    """The stored file cannot be served: missing, plain, altered, or under a retired key."""


@dataclass(frozen=True)
class Stored:
    name: str
    size: int
    sha256: str


def path_of(name: str) -> Path:
    return Path(default_storage.path(name))


def read_chunk(source: IO[bytes]) -> bytes:
    """Up to CHUNK bytes of ``source`` (fewer only at its end)."""
    data = b""
    try:
        while len(data) < CHUNK:
            more = source.read(CHUNK - len(data))
            if not more:
                break
            data += more
    except ValidationError as exc:
        if exc.code == UPLOAD_TOO_LARGE:
            raise TooLarge from exc
        raise
    return data


def store(name: str, head: bytes, source: IO[bytes], *, limit: int) -> Stored:
    """Encrypt ``head`` and then the rest of ``source`` into the file ``name``. Past ``limit``
    bytes: :class:`TooLarge`, and no file is left behind."""
    with encrypted_files.Writer(path_of(name), root=Path(settings.MEDIA_ROOT)) as writer:
        chunk = head
        while chunk:
            if writer.size + len(chunk) > limit:
                raise TooLarge
            writer.write(chunk)
            chunk = read_chunk(source)
    return Stored(name=name, size=writer.size, sha256=writer.digest.hexdigest())


def discard(name: str) -> None:
    path_of(name).unlink(missing_ok=True)


def open_verified(*, name: str, sha256: str, document_id: int) -> Iterator[bytes]:
    """The plain content of the stored file, once it is checked whole (else :class:`Unreadable`,
    logged with the reason)."""
    try:
        return encrypted_files.read_verified(path_of(name), sha256)
    except (encrypted_files.EncryptedFileError, OSError) as exc:
        log.error(
            "evidence file unreadable",
            extra={"document": document_id, "reason": type(exc).__name__, "detail": str(exc)},
        )
        raise Unreadable(str(exc)) from exc


def encrypt_stored(names: Iterable[str]) -> int:
    """Encrypt in place the plain files among ``names`` (missing ones are skipped) and make
    their folders owner-only; how many were encrypted."""
    root, done = Path(settings.MEDIA_ROOT), 0
    for name in names:
        path = path_of(name)
        if not path.is_file():
            continue
        encrypted_files.private_dirs(root, path.parent)
        done += encrypted_files.encrypt_in_place(path)
    return done


def decrypt_stored(names: Iterable[str]) -> int:
    """The reverse of :func:`encrypt_stored` (to go back to a Lentera without encryption)."""
    return sum(
        encrypted_files.decrypt_in_place(path_of(name)) for name in names if path_of(name).is_file()
    )
