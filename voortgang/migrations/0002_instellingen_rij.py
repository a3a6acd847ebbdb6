from django.db import migrations


def rij_maken(apps, schema_editor):
    apps.get_model("voortgang", "VoortgangInstellingen").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("voortgang", "0001_initial")]

    operations = [migrations.RunPython(rij_maken, migrations.RunPython.noop)]
