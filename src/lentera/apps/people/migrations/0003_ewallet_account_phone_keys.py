"""E-wallet accounts are now matched by their phone number in international form, so 0812… and
+62 812… are one account: recompute the blind index of the wallets already recorded."""

from django.db import migrations


def rekey_wallets(apps, schema_editor):
    from lentera.apps.accounts.identity import blind_index
    from lentera.apps.people.services import account_key

    PersonAccount = apps.get_model("people", "PersonAccount")
    PersonIdentifier = apps.get_model("people", "PersonIdentifier")
    for account in PersonAccount.objects.filter(kind="ewallet").iterator():
        identifier = account.identifier
        raw = identifier.unseal() if hasattr(identifier, "unseal") else str(identifier)
        digest = blind_index(account_key("ewallet", account.provider, raw))
        if digest == account.digest:
            continue
        old = PersonIdentifier.objects.filter(
            person_id=account.person_id, kind="account", digest=account.digest
        )
        if PersonIdentifier.objects.filter(
            person_id=account.person_id, kind="account", digest=digest
        ).exists():
            old.delete()  # the same wallet was recorded twice in two spellings
        else:
            old.update(digest=digest)
        account.digest = digest
        account.save(update_fields=["digest"])


class Migration(migrations.Migration):
    dependencies = [("people", "0002_alter_personidentifier_kind_personaccount")]

    operations = [migrations.RunPython(rekey_wallets, migrations.RunPython.noop)]
