from django.contrib import admin

from .models import ChecklistVraag


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
