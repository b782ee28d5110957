"""Put the stored lists of codes of every case (acts, means, exploitation types, methods of
control) in the vocabulary's order, the order the services now store them in (issue #11: the
edit form, saved unchanged, reordered a list stored in another order, e.g. through the API).

The vocabularies are copied as they were when this migration was written (a migration must not
change meaning when the code changes later). A code not listed keeps its place after the known
ones; duplicates are dropped. Only the lists are written: ``version`` and ``updated_at`` stay, as
no fact changed.
"""

from django.db import migrations

ORDER = {
    "acts": (
        "recruitment", "transportation", "harbouring", "sending", "transfer", "receipt",
    ),
    "means": (
        "threat_of_violence", "violence", "abduction", "confinement", "forgery", "fraud",
        "abuse_of_power", "abuse_of_vulnerability", "debt_bondage", "payment_to_controller",
    ),
    "exploitation_types": (
        "sexual_exploitation", "forced_labour", "domestic_servitude", "forced_criminality",
        "forced_marriage", "forced_begging", "organ_removal", "illegal_adoption", "child_labour",
        "slavery_like", "other",
    ),
    "control_methods": (
        "false_promises", "debt_bondage", "withheld_documents", "withheld_earnings",
        "restricted_movement", "isolation", "threats", "threats_to_family", "physical_abuse",
        "sexual_abuse", "psychological_abuse", "substances", "excessive_hours", "denied_needs",
        "threat_of_authorities", "other",
    ),
}


def ordered(values, vocabulary):
    if not isinstance(values, list):
        return values
    position = {code: i for i, code in enumerate(vocabulary)}
    unique = list(dict.fromkeys(values))
    return sorted(unique, key=lambda code: position.get(code, len(position)))


def order_fact_codes(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    changed = []
    for case in Case.objects.only("pk", *ORDER).iterator(chunk_size=500):
        dirty = False
        for field, vocabulary in ORDER.items():
            values = getattr(case, field)
            new = ordered(values, vocabulary)
            if new != values:
                setattr(case, field, new)
                dirty = True
        if dirty:
            changed.append(case)
        if len(changed) >= 500:
            Case.objects.bulk_update(changed, list(ORDER))
            changed = []
    if changed:
        Case.objects.bulk_update(changed, list(ORDER))


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0002_victim_grants"),
    ]

    operations = [
        migrations.RunPython(order_fact_codes, migrations.RunPython.noop),
    ]
