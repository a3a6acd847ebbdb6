from django.db import migrations, models
from django.db.models import F


def bestaande_zijn_opgehaald(apps, schema_editor):
    # Clients made before this migration had their key shown at once: they work.
    ApiClient = apps.get_model("api", "ApiClient")
    ApiClient.objects.update(opgehaald_op=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="apiclient",
            name="token_begin",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=12,
                verbose_name="begin van de sleutel",
            ),
        ),
        migrations.AddField(
            model_name="apiclient",
            name="opgehaald_op",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="sleutel opgehaald op",
            ),
        ),
        migrations.RunPython(bestaande_zijn_opgehaald, migrations.RunPython.noop),
    ]
