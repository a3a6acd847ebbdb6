from django.contrib import admin

from .models import ChecklistVraag, PostcodeGebied, TrajectInstellingen


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


@admin.register(PostcodeGebied)
class PostcodeGebiedAdmin(admin.ModelAdmin):
    """The centroids of 4-digit postcodes for the distance in matching. Loaded from a
    CSV file with `manage.py postcodegebieden_laden` (pc4;lat;lon); read here."""

    list_display = ["pc4", "lat", "lon"]
    search_fields = ["pc4"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
