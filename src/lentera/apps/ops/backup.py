"""Backup and restore of one installation.

:func:`backup` writes one archive (``tar.gz``, readable only by its owner) holding:

- ``database/lentera.sqlite3`` (SQLite's online backup API: a consistent copy while Lentera
  runs) or ``database/lentera.pgdump`` (``pg_dump --format=custom``): the database exactly as
  stored, so identity fields stay ciphertext, password hashes stay hashes, and ids and sequences
  are kept;
- ``media/...``: every file under ``MEDIA_ROOT`` (case documents, evidence, photos) as stored;
- ``manifest.json``: the format, when, which Lentera and database, the applied migrations, the
  number of records of the main tables, a SHA-256 checksum and size of every other member, and
  key checks: a short known text encrypted under each field-encryption key and its blind index.
  The keys themselves are never in the archive.

:func:`export_keys` writes the keys (``FIELD_ENCRYPTION_KEYS``, ``BLIND_INDEX_KEY``) to a separate
file, encrypted with AES-256-GCM under a key derived from a passphrase by scrypt; :func:`read_keys`
opens it again. An archive without its keys is ciphertext; keys without the archive are nothing.

:func:`restore` checks everything before it changes anything: the checksum of every member, the
format, the database engine, that this installation's keys open the archive's key checks (wrong
keys: :class:`RestoreError`, nothing changed), that the archive is not from a newer Lentera, and
that the installation is empty (no users, people, cases or complaints) unless ``force``. Then it
restores the database (PostgreSQL: ``pg_restore --single-transaction``, all or nothing), puts the
archive's files in place of ``MEDIA_ROOT`` (the old folder is kept aside) and applies the
migrations of this Lentera.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import blind_index, cipher

log = logging.getLogger(__name__)

FORMAT, VERSION = "lentera-backup", 1
KEYS_FORMAT, KEYS_VERSION = "lentera-keys", 1
KEY_CHECK = "lentera-backup-key-check"
MANIFEST = "manifest.json"
# Tables whose rows make an installation "not empty" for restore.
HOLDING = ["accounts.User", "people.Person", "cases.Case", "intake.Complaint"]
# Counted into the manifest (and checked by the restore drill).
COUNTED = [*HOLDING, "cases.CaseDocument", "protection.Referral", "justice.Proceeding"]
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
MIN_PASSPHRASE = 12
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup, a restore or a key file could not be made or read; the message says why."""


class RestoreError(BackupError):
    """The archive cannot be restored here; nothing was changed."""


@dataclass
class Restored:
    archive: Path
    counts: dict[str, int]
    files: int
    media_kept_aside: Path | None = None
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# backup


def default_output(now: datetime | None = None) -> Path:
    now = now or timezone.now()
    return Path(settings.VAR_DIR) / "backups" / f"lentera-{now:%Y%m%dT%H%M%SZ}.tar.gz"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


class _Hashing(io.RawIOBase):
    """Reads through to ``source`` and hashes what passes."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source, self.digest, self.size = source, hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _add(tar: tarfile.TarFile, path: Path, name: str) -> dict[str, Any]:
    info = tar.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o600
    with path.open("rb") as handle:
        hashing = _Hashing(handle)
        tar.addfile(info, hashing)
    return {"sha256": hashing.digest.hexdigest(), "size": hashing.size}


def _media_files() -> Iterator[tuple[Path, str]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, path.relative_to(root).as_posix()


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGSSLMODE", (db.get("OPTIONS") or {}).get("sslmode")),
    ):
        if value:
            env[key] = str(value)
    return env


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(  # noqa: S603 - fixed programs, arguments we build
            command, env=_pg_env(), capture_output=True, text=True, check=False
        )
    except FileNotFoundError as exc:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)"
        ) from exc
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def _dump_database(folder: Path) -> tuple[Path, str]:
    if connection.vendor == "sqlite":
        target_path = folder / "lentera.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(target_path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return target_path, "database/lentera.sqlite3"
    if connection.vendor == "postgresql":
        target_path = folder / "lentera.pgdump"
        name = str(connection.settings_dict["NAME"])
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={target_path}",
                f"--dbname={name}",
            ]
        )
        return target_path, "database/lentera.pgdump"
    raise BackupError(f"backups of a {connection.vendor} database are not supported")


def _migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


def key_checks() -> dict[str, Any]:
    """A known text under each field key (each alone), and its blind index."""
    return {
        "field": [
            Fernet(key.encode()).encrypt(KEY_CHECK.encode()).decode()
            for key in settings.FIELD_ENCRYPTION_KEYS
        ],
        "index": blind_index(KEY_CHECK),
    }


def backup(*, output: Path | None = None) -> Path:
    """Write the archive (mode 0600) to ``output`` and return its path."""
    now = timezone.now()
    output = Path(output or default_output(now))
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.exists():
        raise BackupError(f"{output} exists already")
    partial = output.with_name(output.name + ".partial")
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".lentera-backup-") as tmp:
        db_path, db_name = _dump_database(Path(tmp))
        files: dict[str, dict[str, Any]] = {}
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                files[db_name] = _add(tar, db_path, db_name)
                for path, relative in _media_files():
                    files[f"media/{relative}"] = _add(tar, path, f"media/{relative}")
                manifest = {
                    "format": FORMAT,
                    "version": VERSION,
                    "created_at": now.isoformat(),
                    "lentera": metadata.version("lentera"),
                    "database": {"vendor": connection.vendor, "file": db_name},
                    "migrations": _migrations(),
                    "counts": _counts(),
                    "keys": key_checks(),
                    "files": files,
                }
                data = json.dumps(manifest, indent=1, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode, info.mtime = len(data), 0o600, int(now.timestamp())
                tar.addfile(info, io.BytesIO(data))
            os.replace(partial, output)
        finally:
            if partial.exists():
                partial.unlink()
    # the archive names no person: its file name, size and what it holds are the audit trail
    record_event(
        actor=None,
        event_type=EventType.BACKUP_WRITTEN,
        summary=output.name,
        data={"archive": output.name, "files": len(files), "counts": manifest["counts"]},
    )
    log.info(
        "backup written",
        extra={"archive": str(output), "files": len(files), "bytes": output.stat().st_size},
    )
    return output


def prune_archives(folder: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest ``lentera-*.tar.gz`` archives in ``folder``."""
    archives = sorted(folder.glob("lentera-*.tar.gz"))
    doomed = archives[:-keep] if keep > 0 else []
    for path in doomed:
        path.unlink()
    return doomed


# ---------------------------------------------------------------------------------------------
# keys


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def export_keys(path: Path, passphrase: str, *, n: int = SCRYPT_N) -> Path:
    """Write the field-encryption and blind-index keys to ``path`` (mode 0600), encrypted under
    ``passphrase``. Refuses a short passphrase and an existing file."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} exists already")
    payload = json.dumps(
        {
            "field_keys": list(settings.FIELD_ENCRYPTION_KEYS),
            "index_key": settings.BLIND_INDEX_KEY,
        }
    ).encode()
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_derive(passphrase, salt, n, SCRYPT_R, SCRYPT_P)).encrypt(
        nonce, payload, KEYS_FORMAT.encode()
    )
    document = {
        "format": KEYS_FORMAT,
        "version": KEYS_VERSION,
        "created_at": timezone.now().isoformat(),
        "kdf": {
            "name": "scrypt",
            "n": n,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": base64.b64encode(salt).decode(),
        },
        "cipher": "AES-256-GCM",
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(sealed).decode(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        json.dump(document, handle, indent=1)
    return path


def read_keys(path: Path, passphrase: str) -> dict[str, Any]:
    """The keys in a file written by :func:`export_keys`: ``field_keys`` and ``index_key``."""
    try:
        document = json.loads(Path(path).read_text())
        if document.get("format") != KEYS_FORMAT or document.get("version") != KEYS_VERSION:
            raise BackupError(f"{path} is not a Lentera key file")
        kdf = document["kdf"]
        key = _derive(
            passphrase, base64.b64decode(kdf["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        )
        plain = AESGCM(key).decrypt(
            base64.b64decode(document["nonce"]),
            base64.b64decode(document["ciphertext"]),
            KEYS_FORMAT.encode(),
        )
    except InvalidTag as exc:
        raise BackupError("wrong passphrase, or the key file is damaged") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackupError(f"cannot read {path}: {exc}") from exc
    data: dict[str, Any] = json.loads(plain)
    return data


def keys_environment(keys: dict[str, Any]) -> str:
    """The environment lines that install ``keys`` (for the service's environment file)."""
    return (
        f"LENTERA_FIELD_KEYS={','.join(keys['field_keys'])}\n"
        f"LENTERA_INDEX_KEY={keys['index_key']}\n"
    )


# ---------------------------------------------------------------------------------------------
# restore


def _safe_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = tar.getmembers()
    for member in members:
        parts = Path(member.name).parts
        if not member.isfile() or member.name.startswith("/") or ".." in parts:
            raise RestoreError(f"the archive holds an unexpected entry: {member.name!r}")
    return members


def read_manifest(archive: Path) -> dict[str, Any]:
    try:
        with tarfile.open(archive, "r:*") as tar:
            handle = tar.extractfile(MANIFEST)
            if handle is None:
                raise KeyError(MANIFEST)
            manifest: dict[str, Any] = json.loads(handle.read())
    except (OSError, tarfile.TarError, KeyError, ValueError) as exc:
        raise RestoreError(f"{archive} is not a readable Lentera backup: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise RestoreError(f"{archive} is not a Lentera backup")
    if manifest.get("version") != VERSION:
        raise RestoreError(f"backup format version {manifest.get('version')} is not supported")
    return manifest


def extract_verified(archive: Path, folder: Path) -> dict[str, Any]:
    """Extract ``archive`` into ``folder`` and check every member against the manifest."""
    manifest = read_manifest(archive)
    listed: dict[str, dict[str, Any]] = manifest["files"]
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = _safe_members(tar)
            names = {m.name for m in members} - {MANIFEST}
            if names != set(listed):
                extra = sorted(names - set(listed))[:5]
                missing = sorted(set(listed) - names)[:5]
                raise RestoreError(
                    f"the archive does not match its manifest (missing {missing}, extra {extra})"
                )
            tar.extractall(folder, members=members, filter="data")
    except (OSError, tarfile.TarError) as exc:
        raise RestoreError(f"{archive} cannot be read: {exc}") from exc
    for name, expected in listed.items():
        path = folder / name
        if path.stat().st_size != expected["size"] or _sha256(path) != expected["sha256"]:
            raise RestoreError(f"checksum mismatch for {name}: the archive is damaged")
    return manifest


def check_keys(manifest: dict[str, Any]) -> None:
    """This installation's keys open every key check of the archive (else RestoreError)."""
    checks = manifest["keys"]
    try:
        for token in checks["field"]:
            if cipher().decrypt(token.encode()).decode() != KEY_CHECK:
                raise InvalidToken
    except InvalidToken as exc:
        raise RestoreError(
            "the field-encryption keys of this installation (LENTERA_FIELD_KEYS) cannot read "
            "this backup: install the keys exported with it (lentera restore --keys FILE) and "
            "try again. Nothing was changed."
        ) from exc
    if blind_index(KEY_CHECK) != checks["index"]:
        raise RestoreError(
            "the blind-index key of this installation (LENTERA_INDEX_KEY) is not the one of "
            "this backup: install the keys exported with it and try again. Nothing was changed."
        )


def holds_data() -> list[str]:
    """The tables of :data:`HOLDING` that have rows."""
    found = []
    for label in HOLDING:
        try:
            if apps.get_model(label).objects.exists():
                found.append(label)
        except DatabaseError:  # not migrated: empty
            connection.close()
    return found


def _check_migrations(manifest: dict[str, Any]) -> None:
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = [tuple(m) for m in manifest["migrations"] if tuple(m) not in known]
    if newer:
        raise RestoreError(
            f"the backup comes from a newer Lentera ({manifest.get('lentera')}; unknown "
            f"migrations such as {newer[0][0]}.{newer[0][1]}): restore it with that version"
        )


def _restore_database(manifest: dict[str, Any], folder: Path) -> None:
    source = folder / manifest["database"]["file"]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
        return
    connections.close_all()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        ]
    )


def _restore_media(staged: Path) -> Path | None:
    """Put ``staged`` in place of MEDIA_ROOT; an old non-empty MEDIA_ROOT is kept aside."""
    root = Path(settings.MEDIA_ROOT)
    aside = None
    if root.exists():
        if any(root.iterdir()):
            aside = root.with_name(f"{root.name}.before-restore-{timezone.now():%Y%m%dT%H%M%SZ}")
            root.rename(aside)
        else:
            root.rmdir()
    if staged.is_dir():
        staged.rename(root)
    else:
        root.mkdir(parents=True)
    root.chmod(0o700)
    return aside


def restore(archive: Path, *, force: bool = False, verify_only: bool = False) -> Restored:
    """Restore ``archive`` onto this installation (see the module docstring)."""
    archive = Path(archive)
    root = Path(settings.MEDIA_ROOT)
    root.parent.mkdir(parents=True, exist_ok=True)
    # the staging folder sits beside MEDIA_ROOT, so the files move into place by a rename
    with tempfile.TemporaryDirectory(dir=root.parent, prefix=".lentera-restore-") as tmp:
        folder = Path(tmp)
        manifest = extract_verified(archive, folder)
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise RestoreError(
                f"the backup holds a {vendor} database and this installation uses "
                f"{connection.vendor}: restore it onto a {vendor} installation"
            )
        check_keys(manifest)
        _check_migrations(manifest)
        result = Restored(archive=archive, counts=manifest["counts"], files=len(manifest["files"]))
        if verify_only:
            return result
        occupied = holds_data()
        if occupied and not force:
            raise RestoreError(
                f"this installation is not empty (it has {', '.join(occupied)}): restore onto "
                "an empty one, or pass --force to replace its data"
            )
        _restore_database(manifest, folder)
        result.media_kept_aside = _restore_media(folder / "media")
    call_command("migrate", interactive=False, verbosity=0)
    result.counts = _counts()
    if result.counts != manifest["counts"]:
        result.warnings.append(f"records after restore {result.counts} != {manifest['counts']}")
    record_event(
        actor=None,
        event_type=EventType.BACKUP_RESTORED,
        summary=archive.name,
        data={"archive": archive.name, "created_at": manifest["created_at"], "force": force},
    )
    log.info("backup restored", extra={"archive": str(archive), "files": result.files})
    return result
