"""Input the database cannot hold never reaches a query.

A posted id beyond the range of the key's column (say 99999999999999999999 for a
werkproces) must get the same Dutch "Selecteer een geldige keuze" as an id that does
not exist. Django already answers so for `pk=` on PostgreSQL and SQLite, but not for
`pk__in=` (ModelMultipleChoiceField) nor for a lookup through a foreign key: SQLite
then raises OverflowError while running the query, a 500.

Where the check sits: on Django's own ModelChoiceField and ModelMultipleChoiceField,
installed once from CoreConfig.ready(). Every choice of a model in the portal is one
of these two classes or a subclass: the fields a ModelForm builds from a foreign key
or many-to-many field, the fields the project declares itself, django-filter's
ModelChoiceFilter (its field subclasses Django's) and the admin. A shared form base
class or mixin would miss the filters and the admin, and a form written tomorrow
without it; a subclass would have to be named in every form and filter. The check
only adds a refusal before the query, with the error and code Django gives for a
choice that does not exist, so nothing else about the fields changes.

For ids a view or form reads from request data itself, use `id_of_none`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.backends.base.operations import BaseDatabaseOperations

# The range of the portal's keys (BigAutoField) on PostgreSQL and SQLite alike.
_GROOTSTE_ID = 2**63 - 1


def id_of_none(waarde) -> int | None:
    """The id in a request value ("12"), or None for anything that cannot be a key
    of a row: not a whole number, zero or less, or beyond the database's range."""
    tekst = str(waarde).strip() if waarde is not None else ""
    if not tekst.isascii() or not tekst.isdigit():
        return None
    getal = int(tekst)
    return getal if 0 < getal <= _GROOTSTE_ID else None


def _sleutelveld(veld):
    """The model field the choice field looks values up by (through a key to a key)."""
    meta = veld.queryset.model._meta
    sleutel = meta.get_field(veld.to_field_name) if veld.to_field_name else meta.pk
    while sleutel.is_relation:
        sleutel = sleutel.target_field
    return sleutel


def _past_in_database(veld, waarde) -> bool:
    """False only for a whole number beyond the range of the key's integer column.

    Anything else (the empty value, "abc", an instance) is left to Django's own
    checks, which already give a proper error for it.
    """
    sleutel = _sleutelveld(veld)
    if sleutel.get_internal_type() not in BaseDatabaseOperations.integer_field_ranges:
        return True
    try:
        getal = sleutel.to_python(waarde)
    except (ValidationError, TypeError, ValueError):
        return True
    if not isinstance(getal, int):
        return True
    ops = connections[veld.queryset.db].ops
    laagste, hoogste = ops.integer_field_range(sleutel.get_internal_type())
    return (laagste is None or getal >= laagste) and (
        hoogste is None or getal <= hoogste
    )


def keuzevelden_begrenzen() -> None:
    """Make both model choice fields refuse ids beyond the database's range
    (called once from CoreConfig.ready; calling it again changes nothing)."""
    if getattr(forms.ModelChoiceField, "_plpv_begrensd", False):
        return
    enkel_to_python = forms.ModelChoiceField.to_python
    meervoud_check = forms.ModelMultipleChoiceField._check_values

    def to_python(self, value):
        if value not in self.empty_values and not _past_in_database(self, value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return enkel_to_python(self, value)

    def _check_values(self, value):
        if isinstance(value, list | tuple):
            for waarde in value:
                if not isinstance(waarde, list | dict) and not _past_in_database(
                    self, waarde
                ):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": waarde},
                    )
        return meervoud_check(self, value)

    forms.ModelChoiceField.to_python = to_python
    forms.ModelMultipleChoiceField._check_values = _check_values
    forms.ModelChoiceField._plpv_begrensd = True
