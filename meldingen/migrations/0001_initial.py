"""Melding and Herinnering move here from core: the tables stay (renamed in 0002), only
Django's idea of their app changes. Existing content types move along, so the audit log
and group permissions keep pointing at them."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _inhoudstypen_verhuizen(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("melding", "herinnering"):
        if not ContentType.objects.filter(app_label="meldingen", model=model).exists():
            ContentType.objects.filter(app_label="core", model=model).update(
                app_label="meldingen"
            )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0005_inzending"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.CreateModel(
                        name='Herinnering',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('code', models.SlugField(unique=True, verbose_name='code')),
                            ('omschrijving', models.CharField(max_length=200, verbose_name='omschrijving')),
                            ('dagen', models.PositiveSmallIntegerField(help_text='Wat het aantal dagen betekent, staat in de omschrijving.', verbose_name='dagen')),
                            ('actief', models.BooleanField(default=True, verbose_name='actief')),
                        ],
                        options={
                            'verbose_name': 'herinnering',
                            'verbose_name_plural': 'herinneringen',
                            'db_table': 'core_herinnering',
                            'ordering': ['code'],
                        },
                    ),
                    migrations.CreateModel(
                        name='Melding',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('oorzaak', models.CharField(max_length=100, verbose_name='oorzaak')),
                            ('titel', models.CharField(max_length=200, verbose_name='titel')),
                            ('tekst', models.TextField(blank=True, verbose_name='tekst')),
                            ('url', models.CharField(blank=True, max_length=500, verbose_name='link')),
                            ('aangemaakt_op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='aangemaakt op')),
                            ('gelezen_op', models.DateTimeField(blank=True, null=True, verbose_name='gelezen op')),
                            ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='veroorzaakt door')),
                            ('ontvanger', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meldingen', to=settings.AUTH_USER_MODEL, verbose_name='ontvanger')),
                        ],
                        options={
                            'verbose_name': 'melding',
                            'verbose_name_plural': 'meldingen',
                            'db_table': 'core_melding',
                            'ordering': ['-aangemaakt_op', '-pk'],
                            'indexes': [models.Index(condition=models.Q(('gelezen_op__isnull', True)), fields=['ontvanger'], name='melding_ongelezen_idx'), models.Index(fields=['ontvanger', '-aangemaakt_op'], name='melding_lijst_idx')],
                            'constraints': [models.UniqueConstraint(fields=('ontvanger', 'oorzaak'), name='melding_eenmaal_per_oorzaak')],
                        },
                    ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(_inhoudstypen_verhuizen, migrations.RunPython.noop),
    ]
