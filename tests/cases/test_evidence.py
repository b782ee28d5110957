"""Evidence encrypted at rest (issue #12, item 4): on disk a document is ciphertext, owner-only;
it downloads as it was uploaded, through the policy and the access log; a file over 10 MB is
refused while it is read and leaves nothing; key rotation re-encrypts it; a tampered file, a
plain one or one under a retired key is refused clearly; backup and restore keep it readable."""

from __future__ import annotations

import io
import logging
import shutil
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from lentera.apps.accounts import encrypted_files
from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.cases import evidence, services
from lentera.apps.cases.models import CaseDocument

pytestmark = pytest.mark.django_db

# three and a bit chunks, so that order and the last chunk matter
PDF = b"%PDF-1.4\n% bukti transfer BRI a.n. Ester Contoh Nenobais\n" + bytes(range(256)) * 800
LIMIT = services.MAX_DOCUMENT_BYTES


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "private-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def document(cast, kupang_case, media):
    return services.document_add(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        filename="bukti-transfer.pdf",
        content=PDF,
        description="Bukti transfer",
    )


def _url(document):
    return reverse("cases:document", args=[document.case_id, document.pk])


def _download(client, user, document):
    client.force_login(user)
    return client.get(_url(document))


def _files(root: Path) -> list[Path]:
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


def test_on_disk_the_file_is_ciphertext_and_owner_only(document, media):
    path = Path(document.file.path)
    stored = path.read_bytes()
    assert stored.startswith(encrypted_files.MAGIC)
    assert PDF[:40] not in stored and b"Nenobais" not in stored and bytes(range(256)) not in stored
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (media, media / "cases", path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert _files(media) == [path]  # no temporary file left beside it
    # the checksum and size recorded are those of the plain content
    assert document.size == len(PDF)
    assert encrypted_files.verify(path, document.sha256) == len(PDF)


def test_download_returns_the_original_through_the_policy_and_the_log(client, cast, document):
    response = _download(client, cast.kupang_police_investigator, document)
    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Length"] == str(len(PDF))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="document-{document.pk}"'
    assert AccessLog.objects.filter(object_type="cases.casedocument").count() == 1


def test_another_agency_gets_404_and_nothing_is_logged(client, cast, document):
    response = _download(client, cast.batam_social_worker, document)
    assert response.status_code == 404
    assert not AccessLog.objects.exists()


def test_a_page_upload_is_stored_encrypted_and_downloads_the_same(client, cast, kupang_case, media):
    client.force_login(cast.kupang_police_investigator)
    upload = SimpleUploadedFile("bukti.pdf", PDF, "application/pdf")
    response = client.post(reverse("cases:document_add", args=[kupang_case.pk]), {"file": upload})
    assert response.status_code == 302
    document = CaseDocument.objects.get()
    assert PDF[:40] not in Path(document.file.path).read_bytes()
    assert b"".join(client.get(_url(document)).streaming_content) == PDF


class Endless(io.RawIOBase):
    """A PDF that never ends, counting what was read of it."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = 64 * 1024 if size is None or size < 0 else size
        data = (b"%PDF-1.4 " + b"x" * size)[:size] if self.given == 0 else b"x" * size
        self.given += len(data)
        return data


def test_a_file_over_the_limit_is_refused_while_it_is_read_and_nothing_is_written(
    cast, kupang_case, media
):
    stream = Endless()
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        services.document_add(
            actor=cast.kupang_police_investigator,
            case=kupang_case,
            filename="besar.pdf",
            content=stream,  # type: ignore[arg-type]
        )
    assert refused.value.message_dict == {"file": ["The file is larger than 10 MB."]}
    # reading stopped at the limit (plus one chunk): the rest was never asked for
    assert LIMIT < stream.given <= LIMIT + evidence.CHUNK
    assert (
        not CaseDocument.objects.exists()
        and not AuditEvent.objects.filter(event_type="case_document_added").exists()
    )
    assert _files(media) == []
    # exactly at the limit is accepted
    exact = b"%PDF-" + b"x" * (LIMIT - 5)
    document = services.document_add(
        actor=cast.kupang_police_investigator, case=kupang_case, filename="pas.pdf", content=exact
    )
    assert document.size == LIMIT and len(_files(media)) == 1


def test_an_upload_over_the_limit_is_refused_with_a_clear_error_and_nothing_stored(
    client, cast, kupang_case, media
):
    client.force_login(cast.kupang_police_investigator)
    big = SimpleUploadedFile("besar.pdf", b"%PDF-" + b"x" * LIMIT, "application/pdf")
    response = client.post(
        reverse("cases:document_add", args=[kupang_case.pk]),
        {"file": big, "description": "Rekaman"},
    )
    assert response.status_code == 400  # in the officers' language
    assert response.context["document_form"].errors["file"] == ["Ukuran berkas lebih dari 10 MB."]
    assert 'value="Rekaman"' in response.content.decode()  # what was typed is kept
    assert not CaseDocument.objects.exists() and _files(media) == []


def test_key_rotation_reencrypts_the_file_and_it_still_downloads(
    client, cast, document, settings, capsys
):
    path = Path(document.file.path)
    before = path.read_bytes()
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, *settings.FIELD_ENCRYPTION_KEYS]

    call_command("rotate_field_keys")

    assert "and 1 file(s)" in capsys.readouterr().out
    after = path.read_bytes()
    assert after != before and after.startswith(encrypted_files.MAGIC)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _files(path.parent) == [path]
    event = AuditEvent.objects.get(event_type="field_keys_rotated")
    assert event.data["files"] == 1 and event.data["files_failed"] == 0
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key retired
    response = _download(client, cast.kupang_police_investigator, document)
    assert b"".join(response.streaming_content) == PDF


def test_rotation_lists_a_file_it_cannot_read_and_rotates_the_rest(
    cast, kupang_case, document, settings
):
    other = services.document_add(
        actor=cast.kupang_police_investigator, case=kupang_case, filename="b.pdf", content=PDF
    )
    damaged = Path(other.file.path)
    damaged.write_bytes(damaged.read_bytes()[:-10])
    settings.FIELD_ENCRYPTION_KEYS = [
        Fernet.generate_key().decode(),
        *settings.FIELD_ENCRYPTION_KEYS,
    ]
    with pytest.raises(Exception, match="1 file\\(s\\) could not be re-encrypted"):
        call_command("rotate_field_keys")
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS[:1]
    assert encrypted_files.verify(Path(document.file.path), document.sha256) == len(PDF)


def _refused(client, cast, document, caplog):
    with caplog.at_level(logging.ERROR, logger="lentera.apps.cases.evidence"):
        response = _download(client, cast.kupang_police_investigator, document)
    assert response.status_code == 500 and not response.streaming
    assert "Dokumen ini tidak dapat dibuka" in response.content.decode()  # the officers' language
    assert PDF[:20] not in response.content
    assert not AccessLog.objects.exists()  # nothing was served
    return [r for r in caplog.records if r.getMessage() == "evidence file unreadable"][-1]


def test_a_tampered_file_fails_clearly(client, cast, document, caplog):
    path = Path(document.file.path)
    data = bytearray(path.read_bytes())
    data[len(encrypted_files.MAGIC) + 16 + 4 + 100] ^= 1  # one bit inside the first token
    path.write_bytes(bytes(data))
    assert _refused(client, cast, document, caplog).reason == "Undecryptable"


def test_a_swapped_file_fails_its_checksum(client, cast, kupang_case, document, caplog):
    other = services.document_add(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        filename="lain.pdf",
        content=b"%PDF-1.4 another file",
    )
    shutil.copyfile(other.file.path, document.file.path)  # valid ciphertext, other content
    assert _refused(client, cast, document, caplog).reason == "ChecksumMismatch"


def test_a_file_under_a_retired_key_fails_clearly(client, cast, document, settings, caplog):
    keys = settings.FIELD_ENCRYPTION_KEYS
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *keys]
    encrypted_files.rotate(Path(document.file.path))  # under a key that is then dropped
    settings.FIELD_ENCRYPTION_KEYS = keys
    assert _refused(client, cast, document, caplog).reason == "Undecryptable"


def test_a_plain_file_is_refused_until_it_is_encrypted(client, cast, document, caplog):
    path = Path(document.file.path)
    path.write_bytes(PDF)  # as Lentera stored evidence before issue #12
    path.chmod(0o644)
    assert _refused(client, cast, document, caplog).reason == "NotEncrypted"

    call_command("encrypt_evidence")
    call_command("encrypt_evidence")  # idempotent

    assert encrypted_files.is_encrypted(path) and stat.S_IMODE(path.stat().st_mode) == 0o600
    response = _download(client, cast.kupang_police_investigator, document)
    assert b"".join(response.streaming_content) == PDF


def test_the_migration_encrypts_old_files_and_going_back_decrypts_them(document):
    path = Path(document.file.path)
    evidence.decrypt_stored([document.file.name])
    assert path.read_bytes() == PDF
    assert evidence.encrypt_stored([document.file.name, "cases/0/missing"]) == 1
    assert encrypted_files.verify(path, document.sha256) == len(PDF)


@pytest.mark.django_db(transaction=True)
def test_a_document_survives_backup_and_restore(client, cast, kupang_case, media, tmp_path):
    from lentera.apps.ops import backup as ops_backup

    document = services.document_add(
        actor=cast.kupang_police_investigator, case=kupang_case, filename="a.pdf", content=PDF
    )
    stored = Path(document.file.path).read_bytes()
    archive = ops_backup.backup(output=tmp_path / "lentera-test.tar.gz")
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)

    ops_backup.restore(archive)

    path = Path(CaseDocument.objects.get(pk=document.pk).file.path)
    assert path.read_bytes() == stored  # still ciphertext, byte for byte
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    response = _download(client, cast.kupang_police_investigator, document)
    assert b"".join(response.streaming_content) == PDF
