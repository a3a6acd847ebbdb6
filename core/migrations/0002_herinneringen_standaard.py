"""Loaded the reminder rules' settings rows while Herinnering was core's model. The
rules and their model moved to meldingen, a floor above core, which core may not
import; meldingen's post_migrate handler creates the missing rows after every
migrate (the first one too), so this step has nothing left to do."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = []
