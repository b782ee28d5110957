"""The legal facts a case file gives the qualification engine (issue #13): whether exploitation
occurred, the movement, elements confirmed absent, the circumstances and the labour-placement
facts on the case; a victim's harms and a suspect's kind, abuse of position, participation, use
of a victim and offences against justice on the party; the settings and the suspect assessed on
each snapshot.

Existing rows keep their meaning: an empty list with nothing confirmed absent and an unrecorded
exploitation stay "not known yet", as before. An official suspect no longer counts as having
abused power unless the file says so (the fix the issue asks for).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_order_fact_codes"),
        ("reference", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="absent_elements",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Acts, means or purposes established as absent (not merely unrecorded).",
                verbose_name="confirmed absent",
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="document_forgery",
            field=models.BooleanField(default=False, verbose_name="forged documents"),
        ),
        migrations.AddField(
            model_name="case",
            name="exploitation_occurred",
            field=models.BooleanField(
                blank=True, null=True, verbose_name="the person was in fact exploited"
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="illegal_entry_for_profit",
            field=models.BooleanField(default=False, verbose_name="illegal entry for profit"),
        ),
        migrations.AddField(
            model_name="case",
            name="incitement_without_offence",
            field=models.BooleanField(default=False, verbose_name="failed incitement"),
        ),
        migrations.AddField(
            model_name="case",
            name="movement",
            field=models.CharField(
                blank=True,
                default="",
                help_text="Empty: read from the journey legs.",
                max_length=20,
                verbose_name="movement",
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="organised_group",
            field=models.BooleanField(default=False, verbose_name="organised group"),
        ),
        migrations.AddField(
            model_name="case",
            name="placement_country",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="reference.country",
                verbose_name="placement country",
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="placement_facts",
            field=models.JSONField(blank=True, default=list, verbose_name="labour placement facts"),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="abused_position",
            field=models.BooleanField(
                default=False,
                help_text="Shown only to roles with the complicity permission.",
                verbose_name="abused their position as an official",
            ),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="harms",
            field=models.JSONField(blank=True, default=list, verbose_name="harm suffered"),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="is_corporation",
            field=models.BooleanField(default=False, verbose_name="a corporation"),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="obstruction",
            field=models.JSONField(
                blank=True, default=list, verbose_name="offences against justice"
            ),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="obstruction_harm",
            field=models.CharField(
                blank=True, default="none", max_length=20, verbose_name="harm the attack caused"
            ),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="participation",
            field=models.CharField(
                blank=True, default="principal", max_length=20, verbose_name="participation"
            ),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="use_of_victim",
            field=models.JSONField(blank=True, default=list, verbose_name="use of a victim"),
        ),
        migrations.AddField(
            model_name="qualificationsnapshot",
            name="party",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="cases.caseparty",
                verbose_name="suspect assessed",
            ),
        ),
        migrations.AddField(
            model_name="qualificationsnapshot",
            name="settings",
            field=models.JSONField(blank=True, default=dict, verbose_name="settings"),
        ),
    ]
