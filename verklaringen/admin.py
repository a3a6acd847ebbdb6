from django.contrib import admin

from organisaties.admin import RegioKeuzesMixin

from .models import Gedragsvoorbeeld, Werkopdracht
from .selectors import (
    begeleiding_leerbedrijven,
    gedragsvoorbeeld_list,
    werkopdracht_list,
)


class BegeleidingAdminMixin(RegioKeuzesMixin):
    """The same reach as the begeleidingsdocument pages: the general items and those
    of the leerbedrijven of the beheerder's regions; a leerbedrijf is picked from
    those only."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "leerbedrijf" and not request.user.is_superuser:
            formfield.queryset = begeleiding_leerbedrijven(user=request.user)
        return formfield


@admin.register(Gedragsvoorbeeld)
class GedragsvoorbeeldAdmin(BegeleidingAdminMixin, admin.ModelAdmin):
    list_display = ["tekst", "werkproces", "leerbedrijf", "volgorde", "actief"]
    list_filter = ["actief", "werkproces__kerntaak__kwalificatie"]
    search_fields = ["tekst", "werkproces__code"]
    list_select_related = ["werkproces", "leerbedrijf__organisatie"]
    autocomplete_fields = []
    raw_id_fields = ["leerbedrijf"]

    def get_queryset(self, request):
        return gedragsvoorbeeld_list(user=request.user)


@admin.register(Werkopdracht)
class WerkopdrachtAdmin(BegeleidingAdminMixin, admin.ModelAdmin):
    list_display = ["titel", "werkproces", "leerbedrijf", "actief"]
    list_filter = ["actief"]
    search_fields = ["titel", "instructie", "werkproces__code"]
    list_select_related = ["werkproces", "leerbedrijf__organisatie"]
    raw_id_fields = ["leerbedrijf"]

    def get_queryset(self, request):
        return werkopdracht_list(user=request.user)
