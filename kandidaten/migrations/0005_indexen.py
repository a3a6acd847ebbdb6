from django.db import migrations, models


class Migration(migrations.Migration):
    """Indexes found by `manage.py benchmark` at national scale (see README)."""

    dependencies = [
        ("kandidaten", "0004_dossier_permissie"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="contactmoment",
            index=models.Index(
                fields=["datum", "kandidaat"], name="kandidaat_contact_datum_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="kandidaat",
            index=models.Index(
                fields=["regio", "toestemming_op"], name="kandidaat_regio_intake_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="kandidaat",
            index=models.Index(
                fields=["achternaam", "voornaam", "id"], name="kandidaat_naam_idx"
            ),
        ),
    ]
