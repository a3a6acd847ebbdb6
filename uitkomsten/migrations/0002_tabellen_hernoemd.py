"""The tables taken over from rapportage get uitkomsten's own names."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('uitkomsten', '0001_initial'),
        ('rapportage', '0002_uitkomsten_verhuisd'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='uitkomst',
            table=None,
        ),
        migrations.AlterModelTable(
            name='vervolgmeting',
            table=None,
        ),
    ]
