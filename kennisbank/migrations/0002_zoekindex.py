from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

# The same expression as kennisbank.models.zoekvector(), frozen for this migration.
INDEX = GinIndex(
    SearchVector("titel", weight="A", config="dutch")
    + SearchVector("samenvatting", weight="B", config="dutch")
    + SearchVector("body", weight="C", config="dutch"),
    name="kennisbank_item_zoek_idx",
)


def maken(apps, schema_editor):
    # A GIN index on a Dutch tsvector exists only in PostgreSQL; on SQLite (the dev
    # server of `make run`) the search is a plain icontains and needs no index.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("kennisbank", "Item"), INDEX)


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("kennisbank", "Item"), INDEX)


class Migration(migrations.Migration):
    """The GIN index for the kennisbank's Dutch full-text search (PostgreSQL only).

    The model state always has the index (so `makemigrations` stays clean); the
    database gets it only on PostgreSQL.
    """

    dependencies = [
        ("kennisbank", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="item", index=INDEX)],
            database_operations=[migrations.RunPython(maken, verwijderen)],
        ),
    ]
