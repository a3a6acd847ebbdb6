"""Uitkomst and Vervolgmeting move here from rapportage (now the dashboards only): the
tables stay (renamed in 0002), only Django's idea of their app changes. Existing content
types move along, so the audit log and group permissions keep pointing at them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _inhoudstypen_verhuizen(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ('uitkomst', 'vervolgmeting'):
        if not ContentType.objects.filter(app_label="uitkomsten", model=model).exists():
            ContentType.objects.filter(app_label="rapportage", model=model).update(
                app_label="uitkomsten"
            )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("rapportage", "0001_initial"),
        ('trajecten', '0005_traject_correctie'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Uitkomst',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='gewijzigd op')),
                        ('soort', models.CharField(choices=[('werk_leerbedrijf', 'Werk bij het leerbedrijf'), ('werk_elders', 'Werk bij een andere werkgever'), ('mbo_certificaat', 'Verder leren: mbo-certificaat'), ('mbo_diploma', 'Verder leren: mbo-diploma'), ('bbl', 'Verder leren: bbl (werken en leren)'), ('volgende_verklaring', 'Nog een praktijkverklaring'), ('geen_vervolg', 'Geen vervolg'), ('uitgevallen', 'Uitgevallen')], max_length=30, verbose_name='uitkomst')),
                        ('datum', models.DateField(verbose_name='datum')),
                        ('contractsoort', models.CharField(blank=True, choices=[('vast', 'Vast contract'), ('tijdelijk', 'Tijdelijk contract'), ('uitzend', 'Uitzendwerk'), ('oproep', 'Oproepcontract'), ('beschut', 'Beschut werk')], max_length=20, verbose_name='soort contract')),
                        ('uren_per_week', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='uren per week')),
                        ('uitval_reden', models.CharField(blank=True, choices=[('gezondheid', 'Gezondheid'), ('motivatie', 'Motivatie of gedrag'), ('werk_gevonden', 'Ander werk gevonden'), ('prive', 'Privé-omstandigheden'), ('leerbedrijf', 'Leerbedrijf stopt of past niet'), ('niveau', 'Te moeilijk of te makkelijk'), ('financiering', 'Financiering stopt'), ('anders', 'Anders')], max_length=20, verbose_name='reden van uitval')),
                        ('toelichting', models.TextField(blank=True, max_length=1000, verbose_name='toelichting')),
                        ('door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='door')),
                        ('traject', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='uitkomst', to='trajecten.traject')),
                    ],
                    options={
                        'verbose_name': 'uitkomst',
                        'verbose_name_plural': 'uitkomsten',
                        'db_table': 'rapportage_uitkomst',
                        'constraints': [models.CheckConstraint(condition=models.Q(('soort__in', ['werk_leerbedrijf', 'werk_elders', 'mbo_certificaat', 'mbo_diploma', 'bbl', 'volgende_verklaring', 'geen_vervolg', 'uitgevallen'])), name='uitkomst_soort_geldig'), models.CheckConstraint(condition=models.Q(models.Q(('soort__in', ['werk_leerbedrijf', 'werk_elders']), _negated=True), models.Q(models.Q(('contractsoort', ''), _negated=True), ('uren_per_week__gt', 0)), _connector='OR'), name='uitkomst_werk_heeft_contract', violation_error_message='Vul bij werk het soort contract en de uren per week in.'), models.CheckConstraint(condition=models.Q(models.Q(('soort', 'uitgevallen'), _negated=True), models.Q(('uitval_reden', ''), _negated=True), _connector='OR'), name='uitkomst_uitval_heeft_reden', violation_error_message='Kies de reden van uitval.'), models.CheckConstraint(condition=models.Q(('uren_per_week__isnull', True), ('uren_per_week__lte', 60), _connector='OR'), name='uitkomst_uren_redelijk')],
                    },
                ),
                migrations.CreateModel(
                    name='Vervolgmeting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='gewijzigd op')),
                        ('maanden', models.PositiveSmallIntegerField(verbose_name='maanden na het einde')),
                        ('gepland_op', models.DateField(db_index=True, verbose_name='gepland op')),
                        ('gemeten_op', models.DateField(blank=True, null=True, verbose_name='gemeten op')),
                        ('situatie', models.CharField(blank=True, choices=[('werk', 'Heeft betaald werk'), ('werk_en_opleiding', 'Werkt en leert (bijvoorbeeld bbl)'), ('opleiding', 'Volgt een opleiding'), ('zoekt_werk', 'Zoekt werk'), ('geen_werk', 'Geen werk en zoekt niet'), ('onbekend', 'Niet bereikt')], max_length=20, verbose_name='situatie')),
                        ('contractsoort', models.CharField(blank=True, choices=[('vast', 'Vast contract'), ('tijdelijk', 'Tijdelijk contract'), ('uitzend', 'Uitzendwerk'), ('oproep', 'Oproepcontract'), ('beschut', 'Beschut werk')], max_length=20, verbose_name='soort contract')),
                        ('uren_per_week', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='uren per week')),
                        ('toelichting', models.TextField(blank=True, max_length=1000, verbose_name='toelichting')),
                        ('door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='door')),
                        ('traject', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='vervolgmetingen', to='trajecten.traject')),
                    ],
                    options={
                        'verbose_name': 'vervolgmeting',
                        'verbose_name_plural': 'vervolgmetingen',
                        'db_table': 'rapportage_vervolgmeting',
                        'ordering': ['gepland_op', 'pk'],
                        'constraints': [models.UniqueConstraint(fields=('traject', 'maanden'), name='vervolgmeting_uniek'), models.CheckConstraint(condition=models.Q(('situatie', ''), ('situatie__in', ['werk', 'werk_en_opleiding', 'opleiding', 'zoekt_werk', 'geen_werk', 'onbekend']), _connector='OR'), name='vervolgmeting_situatie_geldig'), models.CheckConstraint(condition=models.Q(models.Q(('gemeten_op__isnull', True), ('situatie', '')), models.Q(('gemeten_op__isnull', False), models.Q(('situatie', ''), _negated=True)), _connector='OR'), name='vervolgmeting_gemeten_heeft_situatie'), models.CheckConstraint(condition=models.Q(models.Q(('situatie__in', ['werk', 'werk_en_opleiding']), _negated=True), models.Q(models.Q(('contractsoort', ''), _negated=True), ('uren_per_week__gt', 0)), _connector='OR'), name='vervolgmeting_werk_heeft_contract', violation_error_message='Vul bij werk het soort contract en de uren per week in.')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(_inhoudstypen_verhuizen, migrations.RunPython.noop),
    ]
