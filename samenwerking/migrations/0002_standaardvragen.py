from django.db import migrations


def laden(apps, schema_editor):
    from samenwerking.checklist import standaardvragen_laden

    standaardvragen_laden(
        apps.get_model("samenwerking", "Thema"),
        apps.get_model("samenwerking", "Vraag"),
        apps.get_model("samenwerking", "Antwoordoptie"),
    )


class Migration(migrations.Migration):
    dependencies = [("samenwerking", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
