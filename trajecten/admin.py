from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .models import ChecklistVraag, PostcodeGebied, TrajectInstellingen
from .services.postcodes import postcodegebieden_laden


@admin.register(ChecklistVraag)
class ChecklistVraagAdmin(admin.ModelAdmin):
    """The question set of the Checklist inclusief advies is data a beheerder keeps."""

    list_display = [
        "tekst",
        "onderwerp",
        "volgorde",
        "actief",
        "effect_ja",
        "effect_deels",
        "effect_nee",
    ]
    list_editable = ["volgorde", "actief"]
    list_filter = ["onderwerp", "actief"]


@admin.register(TrajectInstellingen)
class TrajectInstellingenAdmin(admin.ModelAdmin):
    """One row of settings (like meldingen's Herinnering: changed here, never added
    or deleted, every change in the audit trail). The row comes from the migration
    and is restored after a flush (`TrajectenConfig.ready`)."""

    list_display = ["__str__", "advies_verplicht"]
    fields = ["advies_verplicht"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


MAX_POSTCODEBESTAND = 2 * 1024 * 1024
LADEN_RECHT = "trajecten.add_postcodegebied"


class PostcodeBestandForm(forms.Form):
    bestand = forms.FileField(
        label="CSV-bestand",
        help_text="Kolommen pc4, lat en lon (gescheiden door ; of ,), bijvoorbeeld "
        "7511;52.22;6.90. Het bestand vervangt wat er nu staat.",
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_POSTCODEBESTAND:
            raise forms.ValidationError("Het bestand is groter dan 2 MB.")
        try:
            return bestand.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(
                "Sla het bestand op als CSV met UTF-8."
            ) from exc


@admin.register(PostcodeGebied)
class PostcodeGebiedAdmin(admin.ModelAdmin):
    """The centroids of 4-digit postcodes for the distance in matching: uploaded here
    as a CSV file (or `manage.py postcodegebieden_laden`), read, never typed in."""

    list_display = ["pc4", "lat", "lon"]
    search_fields = ["pc4"]
    change_list_template = "admin/trajecten/postcodegebied_changelist.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "laden/",
                self.admin_site.admin_view(self.laden),
                name="trajecten_postcodegebied_laden",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request,
            {**(extra_context or {}), "mag_laden": request.user.has_perm(LADEN_RECHT)},
        )

    def laden(self, request):
        """Upload a file: every row is checked; one bad row loads nothing."""
        if not request.user.has_perm(LADEN_RECHT):
            raise PermissionDenied
        form = PostcodeBestandForm(request.POST or None, request.FILES or None)
        uitkomst = None
        if request.method == "POST" and form.is_valid():
            uitkomst = postcodegebieden_laden(form.cleaned_data["bestand"])
            if uitkomst.goed:
                messages.success(
                    request, f"Geladen: {len(uitkomst.gebieden)} postcodegebieden."
                )
                return redirect(reverse("admin:trajecten_postcodegebied_changelist"))
        return TemplateResponse(
            request,
            "admin/trajecten/postcodegebieden_laden.html",
            {
                **self.admin_site.each_context(request),
                "title": "Postcodegebieden laden",
                "form": form,
                "uitkomst": uitkomst,
                "opts": self.model._meta,
            },
        )
