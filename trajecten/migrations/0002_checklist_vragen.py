from django.db import migrations

from trajecten.checklist import standaardvragen_laden


def laden(apps, schema_editor):
    standaardvragen_laden(apps.get_model("trajecten", "ChecklistVraag"))


class Migration(migrations.Migration):
    dependencies = [("trajecten", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
