"""Files encrypted at rest under the key ring of the identity fields, streamed in chunks.

Evidence files (case documents) are written through :class:`Writer` and read back through
:func:`read` or :func:`read_verified`; nothing else writes them. The key ring is
``settings.FIELD_ENCRYPTION_KEYS`` (:func:`lentera.apps.accounts.identity.cipher`): the first key
encrypts, every key decrypts, and :func:`rotate` re-encrypts a file under the first key
(``lentera manage rotate_field_keys`` rotates every encrypted file under ``MEDIA_ROOT``).

Format (version 1), so that a file is never held whole in memory::

    file   = MAGIC  file_id  frame+
    MAGIC  = b"lentera-encrypted-file/1\\n"     (25 bytes)
    file_id = 16 random bytes, new for each write
    frame  = length  token
    length = 4 bytes, big-endian: the size of the token that follows (at most MAX_TOKEN)
    token  = one Fernet token in binary form (the base64url decoding of what Fernet returns),
             whose plaintext is  file_id (16) || index (8 bytes, big-endian, from 0)
                                 || last (1 byte: 1 for the final frame, else 0)
                                 || up to CHUNK (64 KiB) bytes of the file

Every frame but the last carries exactly CHUNK bytes; the last frame (possibly empty) ends the
file and nothing may follow it. Fernet authenticates each token (AES-128-CBC, HMAC-SHA256); the
file id, index and last flag inside it make a reordered, truncated, extended or spliced file fail
as :class:`Damaged`, chunk by chunk. A whole file swapped for another one is caught by the
caller's checksum: :func:`read_verified` compares the SHA-256 of the plain content with the one
recorded at upload before it gives out a byte.

Writes are atomic: a temporary file beside the target (mode 0600, in directories of mode 0700),
fsync, rename, fsync of the directory. A failed write leaves the previous file as it was.

Errors (all :class:`EncryptedFileError`): :class:`NotEncrypted` (no MAGIC: a plain file),
:class:`Undecryptable` (a token no configured key opens: the file was altered, or it was
encrypted under a key no longer in ``LENTERA_FIELD_KEYS``), :class:`Damaged` (the frames do not
add up) and :class:`ChecksumMismatch` (decrypts, but is not the content recorded).
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from cryptography.fernet import InvalidToken

from lentera.apps.accounts.identity import cipher

MAGIC = b"lentera-encrypted-file/1\n"
CHUNK = 64 * 1024
ID_SIZE = 16
_HEADER = struct.Struct(">QB")  # index, last flag (after the file id)
_LENGTH = struct.Struct(">I")
#: The largest token a frame may announce: a CHUNK of data with its header, padded and encoded.
MAX_TOKEN = 1 + 8 + 16 + (ID_SIZE + _HEADER.size + CHUNK + 16) + 32
FILE_MODE, DIR_MODE = 0o600, 0o700


class EncryptedFileError(Exception):
    """An encrypted file cannot be read as what it should be; the message says why."""


class NotEncrypted(EncryptedFileError):
    """The file is not in the encrypted format (a plain file)."""


class Undecryptable(EncryptedFileError):
    """No configured key opens a chunk: altered, or encrypted under a retired key."""


class Damaged(EncryptedFileError):
    """The chunks decrypt but do not form one whole file (truncated, reordered, spliced)."""


class ChecksumMismatch(EncryptedFileError):
    """The file decrypts, but its content is not the one whose SHA-256 was recorded."""


def private_dirs(root: Path, directory: Path) -> None:
    """Create ``directory`` (inside ``root``) and its parents up to ``root``, each mode 0700."""
    root, directory = Path(root), Path(directory)
    chain = [root, *(root / part for part in _parts_below(root, directory))]
    for folder in chain:
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        if folder.stat().st_mode & 0o777 != DIR_MODE:
            folder.chmod(DIR_MODE)


def _parts_below(root: Path, directory: Path) -> list[Path]:
    relative = directory.resolve().relative_to(root.resolve())
    parts: list[Path] = []
    current = Path()
    for part in relative.parts:
        current = current / part
        parts.append(current)
    return parts


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def _is_temporary(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(".tmp")


def _fsync_dir(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class Writer:
    """Encrypt a stream of bytes into ``path``: ``write`` as often as needed, then ``commit``
    (or leave the ``with`` block normally). An exception inside the block, or ``abort``,
    removes the temporary file and leaves ``path`` untouched. Holds at most one CHUNK."""

    def __init__(self, path: Path, *, root: Path | None = None) -> None:
        self.path = Path(path)
        private_dirs(Path(root) if root else self.path.parent, self.path.parent)
        self.temporary = _temporary(self.path)
        descriptor = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.fchmod(descriptor, FILE_MODE)
        self._handle: IO[bytes] = os.fdopen(descriptor, "wb")
        self._file_id = secrets.token_bytes(ID_SIZE)
        self._buffer = bytearray()
        self._index = 0
        self._done = False
        self.size = 0
        self.digest = hashlib.sha256()
        self._handle.write(MAGIC + self._file_id)

    def __enter__(self) -> Writer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()

    def _frame(self, data: bytes, *, last: bool) -> None:
        plain = self._file_id + _HEADER.pack(self._index, int(last)) + data
        token = base64.urlsafe_b64decode(cipher().encrypt(plain))
        self._handle.write(_LENGTH.pack(len(token)) + token)
        self._index += 1

    def write(self, data: bytes) -> None:
        if self._done:
            raise ValueError("the file was already committed or aborted")
        self.size += len(data)
        self.digest.update(data)
        self._buffer += data
        # a full chunk goes out only once more data follows it: the last frame must say so
        while len(self._buffer) > CHUNK:
            self._frame(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def commit(self) -> None:
        if self._done:
            return
        self._frame(bytes(self._buffer), last=True)
        self._buffer.clear()
        self._done = True
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.replace(self.temporary, self.path)
        except BaseException:
            self._discard()
            raise
        _fsync_dir(self.path.parent)

    def abort(self) -> None:
        if not self._done:
            self._done = True
            self._discard()

    def _discard(self) -> None:
        if not self._handle.closed:
            self._handle.close()
        self.temporary.unlink(missing_ok=True)


def is_encrypted(path: Path) -> bool:
    with Path(path).open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _exactly(handle: IO[bytes], size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise Damaged("the file ends in the middle of a chunk (truncated)")
    return data


def read(path: Path) -> Iterator[bytes]:
    """The plain content of the encrypted file at ``path``, chunk by chunk (a generator: the
    file is opened at the first chunk, and each error is raised where it is met)."""
    with Path(path).open("rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise NotEncrypted(f"{path} is not an encrypted Lentera file")
        file_id = _exactly(handle, ID_SIZE)
        index = 0
        while True:
            prefix = handle.read(_LENGTH.size)
            if not prefix:
                raise Damaged("the file ends before its last chunk (truncated)")
            if len(prefix) != _LENGTH.size:
                raise Damaged("the file ends in the middle of a chunk (truncated)")
            (length,) = _LENGTH.unpack(prefix)
            if not 0 < length <= MAX_TOKEN:
                raise Damaged(f"chunk {index} announces an impossible size ({length} bytes)")
            token = _exactly(handle, length)
            try:
                plain = cipher().decrypt(base64.urlsafe_b64encode(token))
            except InvalidToken as exc:
                raise Undecryptable(
                    f"chunk {index} cannot be decrypted with the configured keys: the file was "
                    "altered, or it was encrypted under a key no longer in LENTERA_FIELD_KEYS"
                ) from exc
            head = ID_SIZE + _HEADER.size
            if len(plain) < head or plain[:ID_SIZE] != file_id:
                raise Damaged(f"chunk {index} belongs to another file")
            found, last = _HEADER.unpack(plain[ID_SIZE:head])
            if found != index:
                raise Damaged(f"chunk {found} stands where chunk {index} should (reordered)")
            yield plain[head:]
            if last:
                if handle.read(1):
                    raise Damaged("data follows the last chunk")
                return
            index += 1


def verify(path: Path, sha256: str) -> int:
    """Decrypt the whole file without keeping it; its size if its SHA-256 is ``sha256``."""
    digest, size = hashlib.sha256(), 0
    for chunk in read(path):
        digest.update(chunk)
        size += len(chunk)
    if digest.hexdigest() != sha256:
        raise ChecksumMismatch(
            f"{path} decrypts, but not to the content recorded (SHA-256 {digest.hexdigest()} "
            f"instead of {sha256})"
        )
    return size


def read_verified(path: Path, sha256: str) -> Iterator[bytes]:
    """Check the whole file first (:func:`verify`: any error is raised here, before a byte is
    given out), then return its plain chunks. Should the file change in between, the second
    pass fails too, in the middle of the stream (the best a stream can do)."""
    verify(path, sha256)
    return _checked(path, sha256)


def _checked(path: Path, sha256: str) -> Iterator[bytes]:
    digest = hashlib.sha256()
    for chunk in read(path):
        digest.update(chunk)
        yield chunk
    if digest.hexdigest() != sha256:
        raise ChecksumMismatch(f"{path} changed while it was being read")


def _rewrite(path: Path, chunks: Iterable[bytes]) -> None:
    with Writer(path) as writer:
        for chunk in chunks:
            writer.write(chunk)


def rotate(path: Path) -> None:
    """Re-encrypt ``path`` under the first key (atomically; the plain content stays in memory
    one chunk at a time)."""
    _rewrite(path, read(path))


def _plain_chunks(path: Path) -> Iterator[bytes]:
    with Path(path).open("rb") as handle:
        yield from iter(lambda: handle.read(CHUNK), b"")


def encrypt_in_place(path: Path) -> bool:
    """Encrypt the plain file ``path`` in place; False if it was encrypted already."""
    if is_encrypted(path):
        return False
    _rewrite(path, _plain_chunks(path))
    return True


def decrypt_in_place(path: Path) -> bool:
    """Write the plain content back in place of the encrypted ``path`` (to go back to a Lentera
    without encrypted files); False if it was plain already."""
    if not is_encrypted(path):
        return False
    temporary = _temporary(path)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in read(path):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_dir(path.parent)
    return True


@dataclass
class TreeRotation:
    """What :func:`rotate_tree` did: files re-encrypted, plain files left alone, failures."""

    rotated: int = 0
    plain: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def rotate_tree(root: Path) -> TreeRotation:
    """Re-encrypt every encrypted file under ``root`` under the first key. A file that cannot
    be read is listed with the reason and left as it was; the others are still rotated."""
    result = TreeRotation()
    root = Path(root)
    if not root.is_dir():
        return result
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.is_symlink() or _is_temporary(path):
            continue
        relative = path.relative_to(root).as_posix()
        try:
            if not is_encrypted(path):
                result.plain.append(relative)
                continue
            rotate(path)
        except (EncryptedFileError, OSError) as exc:
            result.failed.append((relative, str(exc)))
        else:
            result.rotated += 1
    return result
