"""`{% filterveld %}` writes a filter field in Python: the same HTML (compared as
parsed HTML) as crispy-forms' `as_crispy_field`, which it replaces on the list
pages for speed, for every kind of field and state a filter form has."""

from django import forms
from django.template import Context, Template
from django.test.html import parse_html

import pytest

from core.lijsten import SnelleSelect

KEUZES = [("", "Alle"), ("a", "A")]


def formulier(data):
    class Filter(forms.Form):
        q = forms.CharField(label="Zoeken", required=False, help_text="Naam")
        fase = forms.ChoiceField(
            label="Fase", choices=KEUZES, widget=SnelleSelect, required=False
        )
        gewoon = forms.ChoiceField(label="Gewoon", choices=KEUZES, required=False)
        datum = forms.DateField(label="Datum", required=False)
        vinkje = forms.BooleanField(label="Alleen open", required=False)
        verplicht = forms.CharField(label="Verplicht", help_text="Uitleg")
        meer = forms.MultipleChoiceField(
            label="Meer", choices=KEUZES[1:], required=False
        )

    form = Filter(data=data)
    if data is not None:
        form.is_valid()
    return form


def velden(sjabloon: str, data) -> list[str]:
    # A fresh form per renderer: crispy changes the widget's attributes in place.
    return [
        Template(sjabloon).render(Context({"field": veld})) for veld in formulier(data)
    ]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"q": "Jansen", "fase": "a", "vinkje": "on", "verplicht": "x"},
        {"fase": "bestaat-niet", "datum": "kapot", "verplicht": ""},
    ],
    ids=["leeg", "ingevuld", "fouten"],
)
def test_each_field_is_the_html_crispy_writes(data):
    crispy = velden("{% load crispy_forms_tags %}{{ field|as_crispy_field }}", data)
    snel = velden("{% load filterveld %}{% filterveld field %}", data)
    assert len(snel) == 7
    for verwacht, html in zip(crispy, snel, strict=True):
        assert parse_html(html) == parse_html(verwacht)
    if data and data["verplicht"] == "":
        assert 'aria-describedby="id_datum_error"' in snel[3]
        assert "Voer een geldige datum in." in snel[3]
