"""Referral grants opened before victim grants existed covered every party of the case; narrow
each to the victim its referrals concern (one grant per victim)."""

from django.db import migrations


def narrow(apps, schema_editor):
    Referral = apps.get_model("protection", "Referral")
    CaseGrant = apps.get_model("cases", "CaseGrant")
    by_grant: dict[int, list] = {}
    for referral in Referral.objects.exclude(grant=None).select_related("party"):
        by_grant.setdefault(referral.grant_id, []).append(referral)
    for grant_id, referrals in by_grant.items():
        grant = CaseGrant.objects.get(pk=grant_id)
        persons: dict[int, list] = {}
        for referral in referrals:
            persons.setdefault(referral.party.person_id, []).append(referral)
        first, *others = sorted(persons)
        grant.person_id = first
        grant.save(update_fields=["person"])
        for person_id in others:
            copy = CaseGrant.objects.create(
                case_id=grant.case_id,
                agency_id=grant.agency_id,
                scope=grant.scope,
                include_identity=grant.include_identity,
                person_id=person_id,
                reason=grant.reason,
                granted_by_id=grant.granted_by_id,
                granted_at=grant.granted_at,
                revoked_by_id=grant.revoked_by_id,
                revoked_at=grant.revoked_at,
            )
            Referral.objects.filter(pk__in=[r.pk for r in persons[person_id]]).update(
                grant=copy
            )


class Migration(migrations.Migration):
    dependencies = [
        ("protection", "0002_notifications_return_restitution_steps"),
        ("cases", "0002_victim_grants"),
    ]

    operations = [migrations.RunPython(narrow, migrations.RunPython.noop)]
