"""Helpers for list pages that render many rows."""

from collections.abc import Callable, Iterable

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe

_PLAATSHOUDER = 987654321


def detail_urls(rijen: Iterable, naam: str, *, attribuut: str = "url") -> None:
    """Set `attribuut` on every row to the URL `naam` with the row's pk: reverse() once
    for the page instead of once per row in the template (`get_absolute_url`), which
    was the most expensive call of a 50-row list. `naam` takes one integer argument."""
    maak = url_maker(naam)
    for rij in rijen:
        setattr(rij, attribuut, maak(rij.pk))


def url_maker(naam: str) -> Callable[[int], str]:
    voor, na = reverse(naam, args=[_PLAATSHOUDER]).split(str(_PLAATSHOUDER))
    return lambda pk: f"{voor}{int(pk)}{na}"


def keuze_labels(choices) -> dict:
    """A choices field's labels as plain strings, translated once for the page: the
    rows then look theirs up (get_FOO_display() hashes the choices and translates the
    label again for every row)."""
    return {waarde: str(label) for waarde, label in choices}


def datum_kort(datum) -> str:
    """A date as the lists show it ("j-n-Y": 5-3-2026), "" for none; the same text as
    the template filter, without parsing the format for every cell."""
    return f"{datum.day}-{datum.month}-{datum.year}" if datum else ""


class SnelleSelect(forms.Select):
    """A select whose options are written in Python: the same HTML as Django's select
    (name, attributes, one option per choice, `selected`), without a template include
    or an option dictionary per option. A filter's consulent dropdown has an option
    per consulent of the region; through the templates those options were the filter
    form's main cost."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            name,
            flatatt(attrs),
            mark_safe("\n".join(self._opties(set(self.format_value(value))))),
        )

    def _opties(self, gekozen: set[str]):
        # As Django's optgroups(): only the first matching option is selected, unless
        # several may be. Flat choices only (no filter of ours has option groups).
        al_gekozen = False
        for waarde, label in _zonder_cursor(self.choices):
            tekst = "" if waarde is None else str(waarde)
            selected = (self.allow_multiple_selected or not al_gekozen) and (
                tekst in gekozen
            )
            al_gekozen = al_gekozen or selected
            yield (
                f'<option value="{escape(tekst)}"{" selected" if selected else ""}>'
                f"{conditional_escape(label)}</option>"
            )


def _zonder_cursor(keuzes):
    """A model field's choices read in one query. Django's ModelChoiceIterator reads
    its queryset with .iterator(): on PostgreSQL a server-side cursor (DECLARE ...
    WITH HOLD, FETCH, CLOSE), several round trips for a dropdown of a few hundred
    rows (5 ms of the regional dashboard at 100,000 candidates). Only Django's own
    iterator: django-filter's adds a "none" option of its own."""
    if type(keuzes) is not ModelChoiceIterator:
        return keuzes
    return _modelkeuzes(keuzes)


def _modelkeuzes(keuzes: ModelChoiceIterator):
    if keuzes.field.empty_label is not None:
        yield "", keuzes.field.empty_label
    for obj in keuzes.queryset.all():
        yield keuzes.choice(obj)
