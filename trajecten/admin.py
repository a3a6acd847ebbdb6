from django.contrib import admin

from .models import ChecklistVraag, PostcodeGebied, TrajectInstellingen
from .models.instellingen import ENIGE_RIJ


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
    """One row of settings (like meldingen's Herinnering, changes are in the audit
    trail): it is added once, from the list, and never deleted."""

    list_display = ["__str__", "advies_verplicht"]
    fields = ["advies_verplicht"]

    def has_add_permission(self, request):
        return (
            super().has_add_permission(request)
            and not TrajectInstellingen.objects.exists()
        )

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.pk = ENIGE_RIJ
        super().save_model(request, obj, form, change)


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
