"""scripts/backup.sh and scripts/restore.sh against the real PostgreSQL of the test stack.

The data must be committed for pg_dump to see it, hence `transactional_db`. Run alone:
    scripts/test-stack.sh --skip-checks -m backup
"""

import os
import subprocess
import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import connection

import psycopg
import pytest
from psycopg import sql

from kennisbank.constants import Soort
from kennisbank.models import Item
from organisaties.models import Medewerker, Organisatie
from tests.factories.kennisbank import ItemFactory
from tests.factories.organisaties import OrganisatieFactory

pytestmark = [pytest.mark.backup, pytest.mark.django_db(transaction=True)]

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _url(naam):
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{naam}"


def _draai(script, *args, database, media):
    env = {**os.environ, "DATABASE_URL": _url(database), "MEDIA_ROOT": str(media)}
    return subprocess.run(
        [str(SCRIPTS / script), *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def lege_database():
    """A fresh, empty database on the same server; dropped afterwards."""
    naam = f"plpv_herstel_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_url("postgres"), autocommit=True) as beheer:
        beheer.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(naam)))
    yield naam
    with psycopg.connect(_url("postgres"), autocommit=True) as beheer:
        beheer.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(naam)
            )
        )


def _rijen(database, query):
    with psycopg.connect(_url(database)) as verbinding:
        return verbinding.execute(query).fetchall()


def _tellingen(database):
    """Row counts of every table in the public schema."""
    with psycopg.connect(_url(database)) as verbinding:
        tabellen = [
            r[0]
            for r in verbinding.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        return {
            t: verbinding.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))
            ).fetchone()[0]
            for t in tabellen
        }


def test_backup_en_herstel_in_een_lege_database(settings, tmp_path, lege_database):
    bron_media = tmp_path / "media"
    bron_media.mkdir()
    settings.MEDIA_ROOT = str(bron_media)
    organisatie = OrganisatieFactory(naam="Leerbedrijf De Hoeve")
    item = ItemFactory(
        soort=Soort.DOCUMENT,
        eigenaar=organisatie,
        titel="Handleiding praktijkverklaring",
        bestand=ContentFile(b"%PDF-1.4 inhoud van de handleiding", name="hand.pdf"),
        bestandsnaam="hand.pdf",
    )
    assert (bron_media / item.bestand.name).is_file()
    bron = connection.settings_dict["NAME"]

    backups = tmp_path / "backups"
    gemaakt = _draai("backup.sh", backups, database=bron, media=bron_media)
    assert gemaakt.returncode == 0, gemaakt.stderr
    (map_,) = backups.iterdir()
    assert map_.name.startswith("plpv-")
    assert {p.name for p in map_.iterdir()} == {
        "database.dump",
        "media.tar.gz",
        "MANIFEST",
        "SHA256SUMS",
    }
    assert str(map_) in gemaakt.stdout

    doel_media = tmp_path / "hersteld-media"
    hersteld = _draai("restore.sh", map_, database=lege_database, media=doel_media)
    assert hersteld.returncode == 0, hersteld.stderr

    # The same rows: every table has as many rows, and the ones made here are there.
    assert _tellingen(lege_database) == _tellingen(bron)
    assert _rijen(
        lege_database,
        f"SELECT naam FROM {Organisatie._meta.db_table} WHERE id = {organisatie.pk}",
    ) == [("Leerbedrijf De Hoeve",)]
    assert _rijen(
        lege_database,
        f"SELECT titel, bestand FROM {Item._meta.db_table} WHERE id = {item.pk}",
    ) == [("Handleiding praktijkverklaring", item.bestand.name)]
    assert _rijen(
        lege_database, f"SELECT count(*) FROM {Medewerker._meta.db_table}"
    ) == [(Medewerker.objects.count(),)]
    # The migrations table came along, so `migrate` has nothing left to do.
    assert _rijen(lege_database, "SELECT count(*) FROM django_migrations")[0][0] > 0
    # And the uploaded file, byte for byte.
    assert (doel_media / item.bestand.name).read_bytes() == (
        b"%PDF-1.4 inhoud van de handleiding"
    )

    # A second restore into the now filled database is refused, and changes nothing.
    nogmaals = _draai("restore.sh", map_, database=lege_database, media=doel_media)
    assert nogmaals.returncode != 0
    assert "not empty" in nogmaals.stderr
    assert _tellingen(lege_database) == _tellingen(bron)

    # ... unless asked to overwrite.
    with psycopg.connect(_url(lege_database)) as verbinding:
        verbinding.execute(
            f"UPDATE {Organisatie._meta.db_table} SET naam = 'Gewijzigd' "
            f"WHERE id = {organisatie.pk}"
        )
    overschreven = _draai(
        "restore.sh", map_, "--overschrijven", database=lege_database, media=doel_media
    )
    assert overschreven.returncode == 0, overschreven.stderr
    assert _rijen(
        lege_database,
        f"SELECT naam FROM {Organisatie._meta.db_table} WHERE id = {organisatie.pk}",
    ) == [("Leerbedrijf De Hoeve",)]
    assert _tellingen(lege_database) == _tellingen(bron)


def test_backup_faalt_hoorbaar_en_laat_niets_half_achter(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    backups = tmp_path / "backups"
    mislukt = _draai("backup.sh", backups, database="bestaat_niet_xyz", media=media)
    assert mislukt.returncode != 0
    assert "pg_dump failed" in mislukt.stderr
    assert list(backups.iterdir()) == []

    geen_media = _draai(
        "backup.sh",
        backups,
        database=connection.settings_dict["NAME"],
        media=tmp_path / "ontbreekt",
    )
    assert geen_media.returncode != 0
    assert "not a directory" in geen_media.stderr


def test_herstel_weigert_een_map_zonder_backup(tmp_path, lege_database):
    mislukt = _draai("restore.sh", tmp_path, database=lege_database, media=tmp_path)
    assert mislukt.returncode != 0
    assert "database.dump not found" in mislukt.stderr
