from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .importeren import catalogus_controleren, catalogus_importeren, csv_lezen
from .models import Kerntaak, Kwalificatie, Werkproces

MAX_CATALOGUS = 2 * 1024 * 1024


class CatalogusForm(forms.Form):
    bestand = forms.FileField(
        label="CSV-bestand",
        required=False,
        help_text="In de vorm van werkprocessen.csv: kwalificatie, crebo, niveau, "
        "kerntaak_code, kerntaak_titel, werkproces_code, werkproces_titel.",
    )
    inhoud = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        bestand = data.get("bestand")
        if bestand:
            if bestand.size > MAX_CATALOGUS:
                self.add_error("bestand", "Het bestand is groter dan 2 MB.")
                return data
            try:
                data["inhoud"] = bestand.read().decode("utf-8")
            except UnicodeDecodeError:
                self.add_error("bestand", "Sla het bestand op als CSV met UTF-8.")
        elif not data.get("inhoud"):
            self.add_error("bestand", "Kies een CSV-bestand.")
        return data


class KerntaakInline(admin.StackedInline):
    model = Kerntaak
    extra = 0


@admin.register(Kwalificatie)
class KwalificatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "crebo", "niveau"]
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
        if request.method == "POST" and form.is_valid():
            rijen = csv_lezen(form.cleaned_data["inhoud"])
            if request.POST.get("actie") == "importeren":
                controle = catalogus_importeren(rijen)
                if controle.goed:
                    messages.success(
                        request,
                        f"Geïmporteerd: {len(controle.rijen)} werkprocessen "
                        f"({controle.nieuw} nieuw, {controle.bijgewerkt} bijgewerkt).",
                    )
                    return redirect(
                        reverse("admin:kwalificaties_kwalificatie_changelist")
                    )
            else:
                controle = catalogus_controleren(rijen)
            form = CatalogusForm(initial={"inhoud": form.cleaned_data["inhoud"]})
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
