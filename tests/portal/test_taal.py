"""Dutch on every page: the admin's third-party labels, and organisation names and
abbreviations as written in the middle of a sentence."""

import gettext
import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.urls import reverse

import pytest

from tests.trajecten.test_traject import gestart
from trajecten.models import OvereenkomstVersie
from trajecten.services import overeenkomsten_genereren, pdf_maken

CATALOGUS = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"

# The English the admin index showed before (third-party apps without Dutch).
ENGELS = [
    "Periodic Tasks",
    "Periodic tasks",
    "Clocked",
    "Crontabs",
    "Intervals",
    "Solar events",
    "Axes",
    "Access attempts",
    "Access failures",
    "Access logs",
    "Audit log",
    "Log entries",
    "Model name",
    "Add link",
    "Change or view list link",
]


def po_vertalingen(pad: Path) -> dict[str, str]:
    """msgid -> msgstr of a simple .po file (single-line entries; a plural's first form)."""
    vertalingen = {}
    msgid = None
    for regel in pad.read_text().splitlines():
        if m := re.match(r'msgid "(.*)"$', regel):
            msgid = m.group(1)
        elif (m := re.match(r'msgstr(?:\[0\])? "(.*)"$', regel)) and msgid:
            vertalingen[msgid.encode().decode("unicode_escape")] = (
                m.group(1)
                .encode("latin-1", "backslashreplace")
                .decode("unicode_escape")
            )
            msgid = None
    return vertalingen


def test_the_committed_mo_file_is_compiled_from_the_po_file():
    """The .mo is committed (no install needs gettext): it must say what the .po says.
    Rebuild: msgfmt -o locale/nl/LC_MESSAGES/django.mo locale/nl/LC_MESSAGES/django.po"""
    po = po_vertalingen(CATALOGUS / "django.po")
    with (CATALOGUS / "django.mo").open("rb") as f:
        mo = gettext.GNUTranslations(f)
    assert len(po) > 150
    verschillen = {
        msgid: (msgstr, mo.gettext(msgid))
        for msgid, msgstr in po.items()
        if "msgid_plural" not in msgid and mo.gettext(msgid) != msgstr
    }
    assert verschillen == {}


@pytest.mark.parametrize("wie", ["beheerder", "superuser"])
def test_admin_index_names_every_app_and_model_in_dutch(app, request, wie):
    pagina = app.get(reverse("admin:index"), user=request.getfixturevalue(wie))
    apps_en_modellen = [
        tekst.strip()
        for tekst in pagina.html.select_one("#content-main").stripped_strings
    ]
    assert [t for t in apps_en_modellen if t in ENGELS] == []
    assert "Geplande taken" in apps_en_modellen
    assert "Inlogpogingen" in apps_en_modellen
    if wie == "superuser":
        assert "Audittrail" in apps_en_modellen


def test_periodic_task_form_speaks_dutch(app, superuser):
    pagina = app.get(
        reverse("admin:django_celery_beat_periodictask_add"), user=superuser
    )
    assert "Korte omschrijving van deze taak" in pagina.text
    assert "Kies één soort schema en laat de andere leeg" in pagina.text
    assert "Short Description For This Task" not in pagina.text
    assert "Crontab translation" not in pagina.text


@pytest.mark.parametrize(
    ("label", "in_een_zin"),
    [
        ("Gemeente of UWV", "gemeente of UWV"),
        ("UWV", "UWV"),
        ("Mbo-instelling", "mbo-instelling"),
        ("Kandidaat", "kandidaat"),
        ("WIA", "WIA"),
        ("", ""),
    ],
)
def test_midden_in_zin_keeps_abbreviations_as_written(label, in_een_zin):
    sjabloon = Template("{% load tekst %}{{ label|midden_in_zin }}")
    assert sjabloon.render(Context({"label": label})) == in_een_zin


def test_signature_link_writes_uwv_in_capitals(app, consulent):
    traject = gestart(consulent)
    overeenkomsten_genereren(traject=traject, door=consulent)
    for versie in OvereenkomstVersie.objects.all():
        pdf_maken(versie_id=versie.pk)

    pagina = app.get(traject.get_absolute_url(), user=consulent)

    links = [a.text for a in pagina.html.select("#overeenkomsten a")]
    assert any(
        tekst.startswith("Handtekening gemeente of UWV vastleggen") for tekst in links
    ), links
    assert any(t.startswith("Handtekening mbo-instelling vastleggen") for t in links)
    assert "uwv" not in pagina.text.replace("UWV", "")


def test_no_installed_app_changes_djangos_own_dutch():
    """An installed app's Dutch catalog overrides Django's for the same message (Django
    REST framework says "Dit veld is vereist."): the portal keeps Django's words."""
    import django
    from django.apps import apps
    from django.utils import translation

    def catalogus(map_):
        pad = Path(map_) / "locale" / "nl" / "LC_MESSAGES" / "django.mo"
        if not pad.exists():
            return {}
        with pad.open("rb") as f:
            return gettext.GNUTranslations(f)._catalog

    django_nl = catalogus(Path(django.__file__).parent / "conf")
    anders = {
        msgid
        for app in apps.get_app_configs()
        if not app.name.startswith("django.")
        for msgid, tekst in catalogus(app.path).items()
        if isinstance(msgid, str) and msgid and django_nl.get(msgid, tekst) != tekst
    }

    assert "This field is required." in anders  # the case that broke the forms
    with translation.override("nl"):
        assert {m: translation.gettext(m) for m in anders} == {
            m: django_nl[m] for m in anders
        }
