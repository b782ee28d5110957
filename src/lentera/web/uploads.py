"""How uploaded files are received: in memory only, and never more than the largest file a form
accepts (``settings.LENTERA_MAX_UPLOAD_BYTES``, the 10 MB of evidence).

:class:`CappedMemoryUploadHandler` is the only upload handler (``FILE_UPLOAD_HANDLERS``). It keeps
each file in memory while it is received, so an evidence file never lies in clear in a
temporary folder before it is encrypted; the request size limit
(``LENTERA_MAX_REQUEST_BYTES``, :mod:`lentera.apps.ops.middleware`) bounds the memory of one
request. A file that passes the cap is dropped as it arrives (the rest of the request is still
read, so the form's other fields come through) and reaches the form as a :class:`TooLargeUpload`:
it has the size that was received, and reading it raises a ValidationError (code
``upload_too_large``) saying the file is too large, so no consumer can take the start of a file
for the whole of it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

CODE = "upload_too_large"


class TooLargeUpload(UploadedFile[bytes]):
    """A file refused while it was received: it has a name and a size, but no content."""

    def __init__(self, *, name: str, size: int, content_type: str, cap: int) -> None:
        super().__init__(io.BytesIO(), name=name, content_type=content_type, size=size)
        self.cap = cap

    def refusal(self) -> ValidationError:
        return ValidationError(
            _("The file is larger than %(limit)s; it was not stored.")
            % {"limit": filesizeformat(self.cap)},
            code=CODE,
        )

    def read(self, *args: Any) -> bytes:
        raise self.refusal()

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        raise self.refusal()

    def __iter__(self) -> Iterator[bytes]:
        raise self.refusal()


class CappedMemoryUploadHandler(FileUploadHandler):
    """Keep each uploaded file in memory up to the cap; past it, drop it (see the module)."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.cap: int = settings.LENTERA_MAX_UPLOAD_BYTES
        self.buffer: io.BytesIO | None = io.BytesIO()
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.buffer is not None:
            if self.received > self.cap:
                self.buffer = None  # free it now: nothing of this file is kept
            else:
                self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> UploadedFile[bytes]:
        if self.buffer is None:
            return TooLargeUpload(
                name=self.file_name or "",
                size=file_size,
                content_type=self.content_type or "",
                cap=self.cap,
            )
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
