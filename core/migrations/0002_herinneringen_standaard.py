from django.db import migrations

from meldingen.herinneringen import herinneringen_laden


def laden(apps, schema_editor):
    # The rules are registered by the apps' ready(), which has run before migrate.
    herinneringen_laden(apps.get_model("core", "Herinnering"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
