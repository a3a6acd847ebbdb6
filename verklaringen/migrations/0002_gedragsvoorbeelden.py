from django.db import migrations


def laden(apps, schema_editor):
    from verklaringen.begeleiding import standaard_gedragsvoorbeelden_laden

    standaard_gedragsvoorbeelden_laden(
        apps.get_model("verklaringen", "Gedragsvoorbeeld"),
        apps.get_model("kwalificaties", "Werkproces"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("verklaringen", "0001_initial"),
        ("kwalificaties", "0002_catalogus"),
    ]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
