from django.db import migrations

from organisaties.regios import regios_laden

ROLLEN = [
    "consulent",
    "jobcoach",
    "praktijkopleider",
    "mbo_medewerker",
    "regiocoordinator",
    "functioneel_beheerder",
]


def laden(apps, schema_editor):
    regios_laden(apps.get_model("organisaties", "Arbeidsmarktregio"))
    Group = apps.get_model("auth", "Group")
    for naam in ROLLEN:
        Group.objects.get_or_create(name=naam)
    # Permissions follow after migrate: organisaties.rollen.rollen_synchroniseren.


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
