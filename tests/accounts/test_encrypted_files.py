"""The format of files encrypted at rest (lentera.apps.accounts.encrypted_files): every size
round-trips chunk by chunk; a reordered, truncated, extended or spliced file is Damaged, an
altered token or a retired key Undecryptable, a plain file NotEncrypted; writes are atomic,
mode 0600 in folders of mode 0700."""

from __future__ import annotations

import hashlib
import stat
import struct
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from lentera.apps.accounts import encrypted_files as ef

CHUNK = ef.CHUNK
HEADER = len(ef.MAGIC) + ef.ID_SIZE


def write(path: Path, data: bytes, pieces: int = 7) -> Path:
    with ef.Writer(path) as writer:
        step = max(1, len(data) // pieces)
        for start in range(0, len(data), step):
            writer.write(data[start : start + step])
    return path


def frames(path: Path) -> tuple[bytes, list[bytes]]:
    """The header and the frames (length prefix included) of an encrypted file."""
    data = path.read_bytes()
    head, rest, found = data[:HEADER], data[HEADER:], []
    while rest:
        (length,) = struct.unpack(">I", rest[:4])
        found.append(rest[: 4 + length])
        rest = rest[4 + length :]
    return head, found


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])
def test_every_size_round_trips_in_chunks(tmp_path, size):
    data = bytes(i % 251 for i in range(size))
    path = write(tmp_path / "f", data)
    chunks = list(ef.read(path))
    assert b"".join(chunks) == data
    assert all(len(c) == CHUNK for c in chunks[:-1]) and len(chunks[-1]) <= CHUNK
    assert len(frames(path)[1]) == max(1, -(-size // CHUNK))
    assert ef.verify(path, hashlib.sha256(data).hexdigest()) == size


def test_files_are_owner_only_and_writes_leave_no_temporary_file(tmp_path):
    root = tmp_path / "media"
    path = root / "cases" / "7" / "abc"
    with ef.Writer(path, root=root) as writer:
        writer.write(b"bukti")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (root, root / "cases", root / "cases" / "7"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["abc"]


def test_a_failed_write_leaves_the_old_file_as_it_was(tmp_path):
    path = write(tmp_path / "f", b"versi pertama")
    before = path.read_bytes()
    with pytest.raises(RuntimeError), ef.Writer(path) as writer:
        writer.write(b"versi kedua")
        raise RuntimeError("interrupted")
    assert path.read_bytes() == before and list(tmp_path.iterdir()) == [path]


def test_two_writes_of_the_same_content_differ(tmp_path):
    a, b = write(tmp_path / "a", b"sama"), write(tmp_path / "b", b"sama")
    assert a.read_bytes() != b.read_bytes()


def _rebuild(path: Path, head: bytes, parts: list[bytes]) -> Path:
    path.write_bytes(head + b"".join(parts))
    return path


def _damaged(path: Path) -> str:
    with pytest.raises(ef.Damaged) as error:
        b"".join(ef.read(path))
    return str(error.value)


def test_reordered_truncated_extended_or_spliced_files_are_damaged(tmp_path):
    data = bytes(range(256)) * 1024  # four chunks
    path = write(tmp_path / "f", data)
    head, parts = frames(path)
    assert len(parts) == 4
    assert "reordered" in _damaged(_rebuild(path, head, [parts[1], parts[0], *parts[2:]]))
    assert "truncated" in _damaged(_rebuild(path, head, parts[:3]))  # the last chunk dropped
    assert "truncated" in _damaged(_rebuild(path, head, [*parts[:3], parts[3][:-5]]))
    assert "follows the last" in _damaged(_rebuild(path, head, [*parts, parts[3]]))
    other = frames(write(tmp_path / "g", data))[1]
    assert "another file" in _damaged(_rebuild(path, head, [parts[0], other[1], *parts[2:]]))
    impossible = struct.pack(">I", ef.MAX_TOKEN + 1)
    assert "impossible size" in _damaged(_rebuild(path, head, [impossible + parts[0][4:]]))


def test_an_altered_byte_or_a_retired_key_is_undecryptable(tmp_path, settings):
    path = write(tmp_path / "f", b"%PDF-1.4 bukti")
    data = bytearray(path.read_bytes())
    data[HEADER + 4 + 60] ^= 1
    altered = tmp_path / "altered"
    altered.write_bytes(bytes(data))
    with pytest.raises(ef.Undecryptable, match="LENTERA_FIELD_KEYS"):
        list(ef.read(altered))
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ef.Undecryptable):
        list(ef.read(path))


def test_a_plain_file_is_not_read_as_encrypted(tmp_path):
    path = tmp_path / "plain.pdf"
    path.write_bytes(b"%PDF-1.4 bukti")
    assert not ef.is_encrypted(path)
    with pytest.raises(ef.NotEncrypted):
        list(ef.read(path))
    assert ef.encrypt_in_place(path) and not ef.encrypt_in_place(path)
    assert b"".join(ef.read(path)) == b"%PDF-1.4 bukti"
    assert ef.decrypt_in_place(path) and path.read_bytes() == b"%PDF-1.4 bukti"


def test_read_verified_checks_before_giving_out_a_byte(tmp_path):
    path = write(tmp_path / "f", b"isi asli")
    with pytest.raises(ef.ChecksumMismatch):
        ef.read_verified(path, hashlib.sha256(b"isi lain").hexdigest())
    stream = ef.read_verified(path, hashlib.sha256(b"isi asli").hexdigest())
    write(path, b"isi diganti")  # changed after the check: the stream fails at its end
    with pytest.raises(ef.ChecksumMismatch):
        b"".join(stream)


def test_rotation_reencrypts_under_the_first_key(tmp_path, settings):
    old = settings.FIELD_ENCRYPTION_KEYS
    (tmp_path / "cases").mkdir()
    path = write(tmp_path / "cases" / "f", b"bukti" * 40000)
    (tmp_path / "plain").write_bytes(b"tidak terenkripsi")
    (tmp_path / "bad").write_bytes(path.read_bytes()[:-3])
    new = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new, *old]

    result = ef.rotate_tree(tmp_path)

    assert result.rotated == 1 and result.plain == ["plain"]
    assert [name for name, _ in result.failed] == ["bad"]
    settings.FIELD_ENCRYPTION_KEYS = [new]
    assert b"".join(ef.read(path)) == b"bukti" * 40000
