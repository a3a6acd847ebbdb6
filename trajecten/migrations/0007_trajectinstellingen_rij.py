from django.db import migrations


def rij_maken(apps, schema_editor):
    apps.get_model("trajecten", "TrajectInstellingen").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("trajecten", "0006_advies_reden_instellingen_postcode")]

    operations = [migrations.RunPython(rij_maken, migrations.RunPython.noop)]
