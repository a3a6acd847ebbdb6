from django.db import migrations, models


class Migration(migrations.Migration):
    """The traject list's order as an index, found by `manage.py benchmark`."""

    dependencies = [
        ("trajecten", "0003_traject_plaatsing_overeenkomst"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="traject",
            index=models.Index(fields=["-startdatum", "-id"], name="traject_lijst_idx"),
        ),
    ]
