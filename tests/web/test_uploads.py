"""Uploads are received in memory only and capped while they arrive (lentera.web.uploads): a
file within the cap reaches the form whole (never through a temporary file), one past it
reaches the form as a refusal that cannot be read as if it were the file."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.test import RequestFactory
from django.test.client import encode_multipart
from django.utils import translation

from lentera.web.uploads import CODE, TooLargeUpload


def _files(settings, size: int, cap: int):
    settings.LENTERA_MAX_UPLOAD_BYTES = cap
    body = encode_multipart(
        "BoUnDaRy",
        {"file": SimpleUploadedFile("bukti.pdf", b"%PDF-" + b"x" * (size - 5)), "note": "tetap"},
    )
    request = RequestFactory().post(
        "/", body, content_type="multipart/form-data; boundary=BoUnDaRy"
    )
    return request.POST, request.FILES


def test_a_file_within_the_cap_stays_in_memory_whole(settings):
    size = 5 * 1024 * 1024  # past Django's 2.5 MB, after which it would spool to /tmp
    post, files = _files(settings, size, cap=size)
    upload = files["file"]
    assert isinstance(upload, InMemoryUploadedFile) and upload.size == size
    assert len(upload.read()) == size and post["note"] == "tetap"


def test_a_file_past_the_cap_is_dropped_and_cannot_be_read(settings):
    post, files = _files(settings, 300_000, cap=200_000)
    upload = files["file"]
    assert isinstance(upload, TooLargeUpload)
    assert upload.size == 300_000 and upload.name == "bukti.pdf"
    assert post["note"] == "tetap"  # the fields after the file still come through
    for attempt in (upload.read, lambda: list(upload.chunks()), lambda: list(upload)):
        with pytest.raises(ValidationError) as refused, translation.override("en"):
            attempt()
        assert refused.value.code == CODE
        assert refused.value.message == "The file is larger than 195.3\xa0KB; it was not stored."
