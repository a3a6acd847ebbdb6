from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("verklaringen", "0003_praktijkverklaring"),
    ]

    operations = [
        migrations.AddField(
            model_name="praktijkverklaring",
            name="verificatie_url",
            field=models.URLField(
                default="", max_length=300, verbose_name="controleadres"
            ),
            preserve_default=False,
        ),
    ]
