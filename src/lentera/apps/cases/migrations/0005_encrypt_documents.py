"""Evidence encrypted at rest (issue #12, item 4): every case document stored before is encrypted
in place under the key ring of the identity fields (atomically, one file at a time; files
already encrypted are left as they are, so the migration can run again after an interruption).
From now on the reader refuses a plain file. Going back decrypts them again."""

from typing import Any

from django.db import migrations


def _names(apps: Any) -> list[str]:
    CaseDocument = apps.get_model("cases", "CaseDocument")
    return [name for name in CaseDocument.objects.values_list("file", flat=True) if name]


def encrypt(apps: Any, schema_editor: Any) -> None:
    from lentera.apps.cases.evidence import encrypt_stored

    encrypt_stored(_names(apps))


def decrypt(apps: Any, schema_editor: Any) -> None:
    from lentera.apps.cases.evidence import decrypt_stored

    decrypt_stored(_names(apps))


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_legal_facts")]

    operations = [migrations.RunPython(encrypt, decrypt, elidable=True)]
