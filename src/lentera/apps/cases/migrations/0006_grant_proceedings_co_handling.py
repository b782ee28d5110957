from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_encrypt_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="casegrant",
            name="co_handling",
            field=models.BooleanField(
                default=False,
                help_text="The agency works on the case beside the lead: it edits the file.",
                verbose_name="co-handling agency",
            ),
        ),
        migrations.AlterField(
            model_name="casegrant",
            name="scope",
            field=models.CharField(
                choices=[
                    ("full", "The whole file"),
                    ("facts", "Facts and journey only"),
                    ("people", "Facts, journey and people"),
                    ("proceedings", "Facts, journey and the proceedings (no identities)"),
                ],
                max_length=20,
                verbose_name="what is shared",
            ),
        ),
    ]
