"""Encrypt in place the case-document files that lie in clear (copied in by hand, or left by an
interrupted upgrade), as migration ``cases.0005`` does; files already encrypted are left alone.

lentera manage encrypt_evidence
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lentera.apps.cases.evidence import encrypt_stored
from lentera.apps.cases.models import CaseDocument


class Command(BaseCommand):
    help = "Encrypt the case-document files that are not encrypted yet (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        names = [name for name in CaseDocument.objects.values_list("file", flat=True) if name]
        done = encrypt_stored(names)
        self.stdout.write(f"encrypted {done} of {len(names)} document file(s)")
