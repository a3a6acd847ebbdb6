import hashlib

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .importeren import catalogus_controleren, catalogus_importeren, csv_lezen
from .models import Kerntaak, Kwalificatie, Werkproces
from .sbb_xml import lijkt_op_xml, max_bytes, xml_controleren, xml_importeren

MAX_CATALOGUS = 2 * 1024 * 1024


def vingerafdruk(bestand) -> str:
    """SHA-256 of an uploaded file: the import step must get the file that was checked."""
    bestand.seek(0)
    h = hashlib.sha256()
    for stuk in bestand.chunks():
        h.update(stuk)
    bestand.seek(0)
    return h.hexdigest()


class CatalogusForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand (CSV of XML van SBB)",
        required=False,
        help_text="Een CSV in de vorm van werkprocessen.csv (kwalificatie, crebo, "
        "niveau, kerntaak_code, kerntaak_titel, werkproces_code, werkproces_titel), of "
        "het XML-bestand met kwalificatiedossiers van SBB.",
    )
    inhoud = forms.CharField(widget=forms.HiddenInput, required=False)
    xml_vingerafdruk = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        bestand = data.get("bestand")
        if bestand:
            bestand.seek(0)
            begin = bestand.read(64)
            bestand.seek(0)
            if lijkt_op_xml(bestand.name, begin):
                if bestand.size > max_bytes():
                    self.add_error(
                        "bestand",
                        f"Het bestand is groter dan {settings.CATALOGUS_XML_MAX_MB} MB.",
                    )
                else:
                    data["xml"] = bestand
                return data
            if bestand.size > MAX_CATALOGUS:
                self.add_error("bestand", "Het bestand is groter dan 2 MB.")
                return data
            try:
                data["inhoud"] = bestand.read().decode("utf-8")
            except UnicodeDecodeError:
                self.add_error("bestand", "Sla het bestand op als CSV met UTF-8.")
        elif not data.get("inhoud"):
            self.add_error("bestand", "Kies een CSV- of XML-bestand.")
        return data


class KerntaakInline(admin.StackedInline):
    model = Kerntaak
    extra = 0


@admin.register(Kwalificatie)
class KwalificatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "crebo", "niveau", "einde_instroom"]
    search_fields = ["naam", "crebo"]
    inlines = [KerntaakInline]
    change_list_template = "admin/kwalificaties/kwalificatie_changelist.html"

    def get_urls(self):
        return [
            path(
                "importeren/",
                self.admin_site.admin_view(self.importeren),
                name="kwalificaties_kwalificatie_importeren",
            ),
            *super().get_urls(),
        ]

    def importeren(self, request):
        """Upload → dry-run preview with per-row errors → import on confirmation."""
        if not (
            self.has_add_permission(request) and self.has_change_permission(request)
        ):
            raise PermissionDenied
        form = CatalogusForm(request.POST or None, request.FILES or None)
        controle = None
        importeren = request.POST.get("actie") == "importeren"
        if request.method == "POST" and form.is_valid():
            if xml := form.cleaned_data.get("xml"):
                # Too big for a hidden field: the import step gets the same file again,
                # checked against the fingerprint of the file that was previewed.
                afdruk = vingerafdruk(xml)
                if importeren and afdruk != form.cleaned_data["xml_vingerafdruk"]:
                    form.add_error(
                        "bestand",
                        "Dit is niet het bestand dat je net hebt gecontroleerd. "
                        "Controleer het eerst.",
                    )
                    return self._importpagina(request, form, None)
                controle = (xml_importeren if importeren else xml_controleren)(
                    xml, grootte=xml.size
                )
                volgende = CatalogusForm(initial={"xml_vingerafdruk": afdruk})
            else:
                rijen = csv_lezen(form.cleaned_data["inhoud"])
                controle = (
                    catalogus_importeren if importeren else catalogus_controleren
                )(rijen)
                volgende = CatalogusForm(
                    initial={"inhoud": form.cleaned_data["inhoud"]}
                )
            if importeren and controle.goed:
                messages.success(
                    request,
                    f"Geïmporteerd: {controle.kwalificaties} kwalificaties, "
                    f"{len(controle.rijen)} werkprocessen ({controle.nieuw} nieuw, "
                    f"{controle.bijgewerkt} bijgewerkt); eerste gedragsvoorbeelden "
                    f"(concept) voor {controle.gedrag_concepten} werkprocessen.",
                )
                return redirect(reverse("admin:kwalificaties_kwalificatie_changelist"))
            form = volgende
        return self._importpagina(request, form, controle)

    def _importpagina(self, request, form, controle):
        return TemplateResponse(
            request,
            "admin/kwalificaties/importeren.html",
            {
                **self.admin_site.each_context(request),
                "title": "Kwalificatiedossiers importeren",
                "form": form,
                "controle": controle,
                "opts": self.model._meta,
            },
        )


@admin.register(Werkproces)
class WerkprocesAdmin(admin.ModelAdmin):
    list_display = ["code", "titel", "kerntaak"]
    list_select_related = ["kerntaak__kwalificatie"]
    list_filter = ["kerntaak__kwalificatie"]
    search_fields = ["code", "titel"]
