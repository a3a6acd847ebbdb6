"""Import of leerbedrijven from .xlsx or .csv: upload, preview, confirm, template."""

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core import spreadsheet
from organisaties.models import Arbeidsmarktregio

from . import importeren

SOORT = "leerbedrijven"


def _regios(user):
    # Only the user's own regions, as on the leerbedrijf form.
    regios = Arbeidsmarktregio.objects.all()
    if not user.is_superuser:
        regios = regios.filter(organisaties=user.organisatie_id)
    return regios.distinct().order_by("naam")


class LeerbedrijfImportForm(spreadsheet.ImportUploadForm):
    """The file and the region of the new leerbedrijven."""

    kolommen = importeren.KOLOMMEN

    regio = forms.ModelChoiceField(
        label=_("Arbeidsmarktregio van de nieuwe leerbedrijven"),
        queryset=Arbeidsmarktregio.objects,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].queryset = _regios(user)
        eerste = list(self.fields["regio"].queryset[:2])
        # With one region there is nothing to choose.
        self.enige_regio = eerste[0] if len(eerste) == 1 else None
        if self.enige_regio:
            del self.fields["regio"]

    def keuzes(self) -> dict:
        return {"regio": (self.enige_regio or self.cleaned_data["regio"]).pk}


class LeerbedrijfImportMixin(spreadsheet.ImportMixin):
    permission_required = "leerbedrijven.add_leerbedrijf"
    soort = SOORT
    titel = _("Leerbedrijven importeren")
    lijst_url = "leerbedrijven:leerbedrijf_list"

    def regio(self, data):
        regio = _regios(self.request.user).filter(pk=data["keuzes"]["regio"]).first()
        if regio is None:  # the organisation left the region since the upload
            raise Http404("Regio niet beschikbaar")
        return regio


class LeerbedrijfImportView(LeerbedrijfImportMixin, spreadsheet.ImportUploadView):
    form_class = LeerbedrijfImportForm
    template_name = "leerbedrijven/import_upload.html"


class LeerbedrijfImportVoorbeeldView(
    LeerbedrijfImportMixin, spreadsheet.ImportVoorbeeldView
):
    template_name = "leerbedrijven/import_voorbeeld.html"

    def voorbeeld(self, data):
        return importeren.preview(
            tabel=data["tabel"], user=self.request.user, regio=self.regio(data)
        )


class LeerbedrijfImportBevestigenView(
    LeerbedrijfImportMixin, spreadsheet.ImportBevestigenView
):
    def opslaan(self, data):
        return importeren.importeren(
            tabel=data["tabel"], door=self.request.user, regio=self.regio(data)
        )


class LeerbedrijfSjabloonView(LeerbedrijfImportMixin, spreadsheet.SjabloonView):
    kolommen = importeren.KOLOMMEN
