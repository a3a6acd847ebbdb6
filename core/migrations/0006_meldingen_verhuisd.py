"""Melding and Herinnering now belong to the meldingen app (its 0001 takes them over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_inzending"),
        ("meldingen", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Herinnering"),
                migrations.DeleteModel(name="Melding"),
            ],
            database_operations=[],
        ),
    ]
