"""Backup → wipe → restore, on whichever database the suite runs (SQLite and PostgreSQL): every
case, identity (decrypted) and evidence file comes back, and the stored ciphertext is the same
bytes. Wrong keys, a damaged archive or a non-empty installation change nothing. The key file
opens only with its passphrase."""

from __future__ import annotations

import io
import json
import shutil
import stat
import tarfile
from datetime import date
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case, CaseDocument
from lentera.apps.ops import backup as ops_backup
from lentera.apps.ops.backup import BackupError, RestoreError
from lentera.apps.people.models import Person
from lentera.apps.people.services import person_create
from lentera.privacy import unseal

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n% Lentera test evidence\n" + bytes(range(256)) * 40
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00fictional photo\x00" * 300


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "private-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(cast, regions, media):
    """Two cases of Polresta Kupang, a victim with identity, two evidence files."""
    investigator = cast.kupang_police_investigator
    cases = [
        case_services.case_open(
            actor=investigator,
            title=title,
            region=regions["53.71"],
            offence_date=date(2024, 3, 1),
            narrative="Korban dibujuk bekerja di Batam (fiktif).",
            acts=["recruitment"],
        )
        for title in ("Perekrutan ke Batam", "Pengiriman ke Malaysia")
    ]
    victim = person_create(
        actor=investigator,
        owner_agency=cast.kupang_police,
        full_name="Ester Contoh Nenobais",
        sex="female",
        birth_date=date(2004, 4, 12),
        nik="5371015204040001",
        phones=["0812-3456-7890"],
        address="Kelurahan Alak, Kota Kupang",
        region=regions["53.71.01"],
    )
    case_services.case_add_party(actor=investigator, case=cases[0], person=victim, role="victim")
    case_services.document_add(actor=investigator, case=cases[0], filename="bap.pdf", content=PDF)
    case_services.document_add(actor=investigator, case=cases[1], filename="foto.png", content=PNG)
    return cases


def raw_identity() -> list[tuple]:
    """The identity columns exactly as stored (ciphertext)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, full_name, nik, phones, address FROM people_person ORDER BY id")
        return cursor.fetchall()


def stored_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def read_everything(client, cast) -> dict:
    """Every case (its page), every identity (decrypted), every evidence file (downloaded)."""
    client.force_login(cast.kupang_police_investigator)
    seen: dict = {"cases": {}, "people": {}, "documents": {}}
    for case in Case.objects.order_by("pk"):
        page = client.get(reverse("cases:detail", args=[case.pk]))
        assert page.status_code == 200
        seen["cases"][case.pk] = (case.reference, case.title, case.narrative)
    for person in Person.objects.order_by("pk"):
        seen["people"][person.pk] = tuple(
            unseal(getattr(person, name)) for name in ("full_name", "nik", "phones", "address")
        )
    for document in CaseDocument.objects.order_by("pk"):
        response = client.get(reverse("cases:document", args=[document.case_id, document.pk]))
        assert response.status_code == 200
        seen["documents"][document.pk] = (unseal(document.name), b"".join(response))
    return seen


def wipe(media_root: Path) -> None:
    """An empty installation: migrated tables without rows, no files."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root, ignore_errors=True)


def test_backup_wipe_restore_brings_back_every_case_identity_and_file(
    world, cast, client, media, tmp_path
):
    before = read_everything(client, cast)
    assert before["people"] and len(before["documents"]) == 2
    assert before["documents"][min(before["documents"])][1] in {PDF, PNG}
    raw, files = raw_identity(), stored_files(media)

    archive = ops_backup.backup(output=tmp_path / "backups" / "lentera-test.tar.gz")

    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    written = AuditEvent.objects.get(event_type=EventType.BACKUP_WRITTEN)
    assert written.data["archive"] == archive.name and written.actor is None
    manifest = ops_backup.read_manifest(archive)
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"]["cases.Case"] == 2 and manifest["counts"]["cases.CaseDocument"] == 2
    assert {f"media/{name}" for name in files} < set(manifest["files"])
    with tarfile.open(archive) as tar:
        dump = b"".join(
            tar.extractfile(m).read() for m in tar.getmembers() if m.name.startswith("database/")
        )
    assert b"Nenobais" not in dump and b"5371015204040001" not in dump  # ciphertext only
    assert all(key.encode() not in dump for key in ops_backup.settings.FIELD_ENCRYPTION_KEYS)

    wipe(media)
    assert ops_backup.holds_data() == [] and not media.exists()

    result = ops_backup.restore(archive)

    assert result.warnings == [] and result.counts == manifest["counts"]
    assert raw_identity() == raw  # the same ciphertext, byte for byte
    assert stored_files(media) == files
    assert read_everything(client, cast) == before
    restored = AuditEvent.objects.get(event_type=EventType.BACKUP_RESTORED)
    assert restored.data == {
        "archive": archive.name,
        "created_at": manifest["created_at"],
        "force": False,
    }


def test_restoring_with_the_wrong_keys_fails_clearly_and_changes_nothing(
    world, cast, media, settings, tmp_path
):
    archive = ops_backup.backup(output=tmp_path / "lentera-test.tar.gz")
    person_create(actor=None, owner_agency=cast.kupang_uptd, full_name="Orang Baru", sex="male")
    raw, files = raw_identity(), stored_files(media)
    right_keys = settings.FIELD_ENCRYPTION_KEYS

    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(RestoreError, match="LENTERA_FIELD_KEYS"):
        ops_backup.restore(archive, force=True)
    settings.FIELD_ENCRYPTION_KEYS = right_keys
    settings.BLIND_INDEX_KEY = "another-index-key"
    with pytest.raises(RestoreError, match="LENTERA_INDEX_KEY"):
        ops_backup.restore(archive, force=True)

    assert raw_identity() == raw and stored_files(media) == files
    assert not list(media.parent.glob(".lentera-restore-*"))  # no staging left behind


def test_a_non_empty_installation_is_refused_unless_forced(world, cast, media, tmp_path):
    archive = ops_backup.backup(output=tmp_path / "lentera-test.tar.gz")
    Case.objects.filter(pk=world[1].pk).delete()  # the state to be replaced
    with pytest.raises(RestoreError, match="not empty"):
        ops_backup.restore(archive)
    assert Case.objects.count() == 1

    result = ops_backup.restore(archive, force=True)

    assert Case.objects.count() == 2
    assert result.media_kept_aside is not None and result.media_kept_aside.is_dir()


def test_a_damaged_archive_is_refused_before_anything_changes(world, media, tmp_path):
    archive = ops_backup.backup(output=tmp_path / "lentera-test.tar.gz")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data[:-1] + bytes([data[-1] ^ 1])  # one bit flipped
            target.addfile(member, io.BytesIO(data))
    wipe(media)
    with pytest.raises(RestoreError, match="checksum mismatch"):
        ops_backup.restore(damaged)
    assert ops_backup.holds_data() == [] and not media.exists()


def test_the_commands_verify_and_restore(world, media, tmp_path, capsys):
    call_command("backup", "--output", str(tmp_path / "lentera-cmd.tar.gz"))
    archive = Path(capsys.readouterr().out.strip())
    call_command("restore", str(archive), "--verify-only")
    assert "verified" in capsys.readouterr().out
    wipe(media)
    call_command("restore", str(archive))
    assert "restored" in capsys.readouterr().out and Case.objects.count() == 2


@pytest.mark.django_db(transaction=False)
def test_the_keys_travel_in_a_passphrase_protected_file(settings, tmp_path):
    path = ops_backup.export_keys(tmp_path / "keys.json", "kunci cadangan kupang", n=2**14)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text()
    assert all(key not in text for key in settings.FIELD_ENCRYPTION_KEYS)
    assert settings.BLIND_INDEX_KEY not in text and json.loads(text)["kdf"]["name"] == "scrypt"

    keys = ops_backup.read_keys(path, "kunci cadangan kupang")
    assert keys == {
        "field_keys": list(settings.FIELD_ENCRYPTION_KEYS),
        "index_key": settings.BLIND_INDEX_KEY,
    }
    with pytest.raises(BackupError, match="wrong passphrase"):
        ops_backup.read_keys(path, "kunci cadangan salah!")
    with pytest.raises(BackupError, match="at least 12"):
        ops_backup.export_keys(tmp_path / "short.json", "pendek")
    with pytest.raises(BackupError, match="exists"):
        ops_backup.export_keys(path, "kunci cadangan kupang", n=2**14)


@pytest.mark.django_db(transaction=False)
def test_the_key_commands_write_an_environment_file(settings, tmp_path, capsys):
    secret = tmp_path / "passphrase"
    secret.write_text("kunci cadangan kupang\n")
    keys, env = tmp_path / "keys.json", tmp_path / "keys.env"
    call_command("backup", "--keys", "--output", str(keys), "--passphrase-file", str(secret))
    call_command(
        "restore", "--keys", str(keys), "--output", str(env), "--passphrase-file", str(secret)
    )
    assert env.read_text() == (
        f"LENTERA_FIELD_KEYS={','.join(settings.FIELD_ENCRYPTION_KEYS)}\n"
        f"LENTERA_INDEX_KEY={settings.BLIND_INDEX_KEY}\n"
    )
    assert stat.S_IMODE(env.stat().st_mode) == 0o600


def test_old_archives_are_pruned(tmp_path):
    for stamp in ("20260101T000000Z", "20260102T000000Z", "20260103T000000Z"):
        (tmp_path / f"lentera-{stamp}.tar.gz").write_bytes(b"x")
    removed = ops_backup.prune_archives(tmp_path, keep=2)
    assert [p.name for p in removed] == ["lentera-20260101T000000Z.tar.gz"]
    assert len(list(tmp_path.glob("lentera-*.tar.gz"))) == 2
