"""The tables taken over from core get meldingen's own names."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('meldingen', '0001_initial'),
        ('core', '0006_meldingen_verhuisd'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='herinnering',
            table=None,
        ),
        migrations.AlterModelTable(
            name='melding',
            table=None,
        ),
    ]
