"""core.lijsten: the list helpers write what Django would, without its per-row cost."""

import datetime
import re

from django import forms
from django.template.defaultfilters import date as date_filter

from core.lijsten import SnelleSelect, datum_kort, detail_urls, keuze_labels
from kandidaten.constants import Fase

KEUZES = [("", "Alle"), ("x", "X & <b>"), ("y", "Y")]


class Formulier(forms.Form):
    snel = forms.ChoiceField(choices=KEUZES, widget=SnelleSelect, required=False)
    django = forms.ChoiceField(choices=KEUZES, required=False)


def _zonder_witruimte(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def test_the_fast_select_writes_djangos_html():
    form = Formulier(data={"snel": "x", "django": "x"})
    snel = form["snel"].as_widget(attrs={"class": "form-select"})
    django = form["django"].as_widget(attrs={"class": "form-select"})
    assert _zonder_witruimte(snel) == _zonder_witruimte(django).replace(
        'name="django"', 'name="snel"'
    ).replace('id="id_django"', 'id="id_snel"')
    assert "X &amp; &lt;b&gt;" in snel  # escaped
    # A true attribute is written bare, a false one not at all (as Django does).
    uit = form["snel"].as_widget(attrs={"disabled": True, "required": False})
    assert " disabled" in uit
    assert "required" not in uit


def test_the_fast_select_selects_what_django_selects():
    for data in ({}, {"snel": "", "django": ""}, {"snel": "y", "django": "y"}):
        form = Formulier(data=data or None)
        snel, django = form["snel"].as_widget(), form["django"].as_widget()
        assert _zonder_witruimte(snel) == _zonder_witruimte(django).replace(
            'name="django"', 'name="snel"'
        ).replace('id="id_django"', 'id="id_snel"')


def test_short_dates_and_labels_match_the_template_filter():
    for dag in (datetime.date(2026, 3, 5), datetime.date(2026, 12, 31)):
        assert datum_kort(dag) == date_filter(dag, "j-n-Y")
    assert datum_kort(None) == ""
    assert keuze_labels(Fase.choices)[Fase.ADVIES] == str(Fase.ADVIES.label)


def test_detail_urls_match_reverse(db):
    class Rij:
        def __init__(self, pk):
            self.pk = pk

    rijen = [Rij(1), Rij(987654321), Rij(42)]
    detail_urls(rijen, "kandidaten:kandidaat_detail")
    assert [r.url for r in rijen] == [
        "/kandidaten/1/",
        "/kandidaten/987654321/",
        "/kandidaten/42/",
    ]


def test_the_fast_select_reads_a_model_field_in_one_query(db):
    """A model field's options: the same HTML as Django's select, read in one plain
    query instead of through a server-side cursor (DECLARE ... FETCH ... CLOSE)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisaties.models import Arbeidsmarktregio

    class Modelformulier(forms.Form):
        snel = forms.ModelChoiceField(
            Arbeidsmarktregio.objects.order_by("naam"),
            widget=SnelleSelect,
            empty_label="Alle regio's",
            required=False,
        )
        django = forms.ModelChoiceField(
            Arbeidsmarktregio.objects.order_by("naam"),
            empty_label="Alle regio's",
            required=False,
        )

    gekozen = str(Arbeidsmarktregio.objects.order_by("naam")[3].pk)
    form = Modelformulier(data={"snel": gekozen, "django": gekozen})
    with CaptureQueriesContext(connection) as vastgelegd:
        snel = form["snel"].as_widget()
    django = form["django"].as_widget()
    assert _zonder_witruimte(snel) == _zonder_witruimte(django).replace(
        'name="django"', 'name="snel"'
    ).replace('id="id_django"', 'id="id_snel"')
    assert snel.count("<option") == Arbeidsmarktregio.objects.count() + 1
    assert f'value="{gekozen}" selected' in snel
    sql = [q["sql"] for q in vastgelegd.captured_queries]
    assert not [q for q in sql if "DECLARE" in q]
    assert (
        len([q for q in sql if 'ORDER BY "organisaties_arbeidsmarktregio"."naam"' in q])
        == 1
    )
