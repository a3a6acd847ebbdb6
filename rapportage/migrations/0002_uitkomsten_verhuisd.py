"""Uitkomst and Vervolgmeting now belong to the uitkomsten app (its 0001 takes them over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0001_initial"),
        ("uitkomsten", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="vervolgmeting", name="door"),
                migrations.RemoveField(model_name="vervolgmeting", name="traject"),
                migrations.DeleteModel(name="Uitkomst"),
                migrations.DeleteModel(name="Vervolgmeting"),
            ],
            database_operations=[],
        ),
    ]
