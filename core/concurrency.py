"""Optimistic locking for edit forms: the second of two concurrent saves is refused.

A model with a `versie` field is edited through a form that carries the version it
showed; `opslaan_met_versie` saves only when the row still has that version and bumps it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

GELIJKTIJDIG_GEWIJZIGD = _(
    "Iemand anders heeft deze gegevens net gewijzigd. Je wijzigingen zijn niet "
    "opgeslagen. Open de pagina opnieuw om de nieuwe gegevens te zien en voer je "
    "wijziging daarna nog een keer in."
)


class VersieModel(models.Model):
    versie = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    class Meta:
        abstract = True


class VersieFormMixin(forms.Form):
    """Adds the hidden version the user started from; the view passes it to the service."""

    # Within the range of the PositiveIntegerField on PostgreSQL.
    versie = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["versie"].initial = instance.versie
            self.fields["versie"].required = True

    def clean(self):
        # A hidden field shows no error of its own: a mangled version (a hand-made
        # request) gets the advice of a stale page at the top of the form.
        if self.has_error("versie"):
            self.add_error(None, GELIJKTIJDIG_GEWIJZIGD)
        return super().clean()


@transaction.atomic
def opslaan_met_versie(instance: VersieModel, *, versie: int | None) -> VersieModel:
    """Save `instance` if its row still has `versie`; raises ValidationError otherwise."""
    model = type(instance)
    huidig = model.objects.select_for_update().only("versie").get(pk=instance.pk)
    if versie is not None and huidig.versie != versie:
        raise ValidationError(GELIJKTIJDIG_GEWIJZIGD, code="gelijktijdig_gewijzigd")
    instance.versie = F("versie") + 1
    instance.save()
    instance.refresh_from_db(fields=["versie"])
    return instance
