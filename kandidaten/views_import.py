"""Import of kandidaten from .xlsx or .csv: upload, preview, confirm, template."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import spreadsheet
from organisaties.constants import Rol
from organisaties.models import Arbeidsmarktregio, Medewerker

from . import importeren

SOORT = "kandidaten"


class KandidaatImportForm(spreadsheet.ImportUploadForm):
    """The file, the consulent of the own organisation and (when several) the region."""

    kolommen = importeren.KOLOMMEN

    consulent = forms.ModelChoiceField(
        label=_("Consulent van de nieuwe kandidaten"), queryset=Medewerker.objects
    )
    regio = forms.ModelChoiceField(
        label=_("Arbeidsmarktregio"), queryset=Arbeidsmarktregio.objects
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consulent"].queryset = Medewerker.objects.filter(
            organisatie=user.organisatie_id, is_active=True, groups__name=Rol.CONSULENT
        ).order_by("first_name", "last_name")
        self.fields["consulent"].initial = user.pk
        regios = (
            user.organisatie.regios.all()
            if user.organisatie_id
            else Arbeidsmarktregio.objects.none()
        )
        self.fields["regio"].queryset = regios
        eerste = list(regios[:2])
        # With one region there is nothing to choose.
        self.enige_regio = eerste[0] if len(eerste) == 1 else None
        if self.enige_regio:
            del self.fields["regio"]

    def keuzes(self) -> dict:
        return {
            "consulent": self.cleaned_data["consulent"].pk,
            "regio": (self.enige_regio or self.cleaned_data["regio"]).pk,
        }


class KandidaatImportMixin(spreadsheet.ImportMixin):
    permission_required = "kandidaten.add_kandidaat"
    soort = SOORT
    titel = _("Kandidaten importeren")
    lijst_url = "kandidaten:kandidaat_list"

    def has_permission(self):
        # Candidates belong to an organisation: an account without one imports none.
        return super().has_permission() and self.request.user.organisatie_id is not None


class KandidaatImportView(KandidaatImportMixin, spreadsheet.ImportUploadView):
    form_class = KandidaatImportForm
    template_name = "kandidaten/import_upload.html"


class KandidaatImportVoorbeeldView(
    KandidaatImportMixin, spreadsheet.ImportVoorbeeldView
):
    template_name = "kandidaten/import_voorbeeld.html"

    def voorbeeld(self, data):
        return importeren.preview(tabel=data["tabel"], user=self.request.user)


class KandidaatImportBevestigenView(
    KandidaatImportMixin, spreadsheet.ImportBevestigenView
):
    def opslaan(self, data):
        user = self.request.user
        # The choices are checked again: the consulent may have left in between.
        form = KandidaatImportForm(user=user)
        keuzes = data["keuzes"]
        consulent = (
            form.fields["consulent"].queryset.filter(pk=keuzes["consulent"]).first()
        )
        regio = user.organisatie.regios.filter(pk=keuzes["regio"]).first()
        if consulent is None or regio is None:
            raise ValidationError(_("Kies opnieuw een consulent en regio."))
        return importeren.importeren(
            tabel=data["tabel"],
            door=user,
            consulent=consulent,
            regio=regio,
            bestandsnaam=data["bestandsnaam"],
        )


class KandidaatSjabloonView(KandidaatImportMixin, spreadsheet.SjabloonView):
    kolommen = importeren.KOLOMMEN
