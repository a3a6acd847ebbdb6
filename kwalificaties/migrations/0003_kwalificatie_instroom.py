import django.db.models.expressions
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("kwalificaties", "0002_catalogus")]

    operations = [
        # geldig_tot was never filled; SBB's Datum_einde_opleiding is what it meant.
        migrations.RenameField("kwalificatie", "geldig_tot", "einde_opleiding"),
        migrations.AlterField(
            model_name="kwalificatie",
            name="einde_opleiding",
            field=models.DateField(
                blank=True,
                help_text="Tot deze datum kan een lopend traject worden afgerond.",
                null=True,
                verbose_name="einde opleiding",
            ),
        ),
        migrations.AddField(
            model_name="kwalificatie",
            name="einde_instroom",
            field=models.DateField(
                blank=True,
                help_text="Na deze datum starten er geen nieuwe trajecten meer.",
                null=True,
                verbose_name="einde instroom",
            ),
        ),
        migrations.AddConstraint(
            model_name="kwalificatie",
            constraint=models.CheckConstraint(
                condition=models.Q(("einde_instroom__isnull", True))
                | models.Q(("einde_opleiding__isnull", True))
                | models.Q(
                    (
                        "einde_opleiding__gte",
                        django.db.models.expressions.F("einde_instroom"),
                    )
                ),
                name="kwalificatie_einde_opleiding_na_instroom",
            ),
        ),
    ]
