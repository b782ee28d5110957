# Wanted notices (DPO) on proceedings (issue #17).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("justice", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="WantedNotice",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("issued_on", models.DateField(verbose_name="issued on")),
                ("number", models.CharField(blank=True, max_length=80, verbose_name="DPO number")),
                ("ended_on", models.DateField(blank=True, null=True, verbose_name="ended on")),
                (
                    "end_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("arrested", "Arrested"),
                            ("surrendered", "Surrendered"),
                            ("revoked", "Notice revoked"),
                        ],
                        default="",
                        max_length=12,
                        verbose_name="how it ended",
                    ),
                ),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "ended_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "issued_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="accounts.agency",
                        verbose_name="issuing agency",
                    ),
                ),
                (
                    "proceeding",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="wanted",
                        to="justice.proceeding",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "wanted notice",
                "ordering": ["issued_on", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("ended_on__isnull", True)),
                        fields=("proceeding",),
                        name="uniq_open_wanted_notice",
                    )
                ],
            },
        ),
    ]
