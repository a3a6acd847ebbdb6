from django.db import migrations

from kwalificaties.catalogus import catalogus_laden


def laden(apps, schema_editor):
    catalogus_laden(
        apps.get_model("kwalificaties", "Kwalificatie"),
        apps.get_model("kwalificaties", "Kerntaak"),
        apps.get_model("kwalificaties", "Werkproces"),
    )


class Migration(migrations.Migration):
    dependencies = [("kwalificaties", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
