from django.contrib import admin

from .models import Gedragsvoorbeeld, Werkopdracht


@admin.register(Gedragsvoorbeeld)
class GedragsvoorbeeldAdmin(admin.ModelAdmin):
    list_display = ["tekst", "werkproces", "leerbedrijf", "volgorde", "actief"]
    list_filter = ["actief", "werkproces__kerntaak__kwalificatie"]
    search_fields = ["tekst", "werkproces__code"]
    list_select_related = ["werkproces", "leerbedrijf__organisatie"]
    autocomplete_fields = []
    raw_id_fields = ["leerbedrijf"]


@admin.register(Werkopdracht)
class WerkopdrachtAdmin(admin.ModelAdmin):
    list_display = ["titel", "werkproces", "leerbedrijf", "actief"]
    list_filter = ["actief"]
    search_fields = ["titel", "instructie", "werkproces__code"]
    list_select_related = ["werkproces", "leerbedrijf__organisatie"]
    raw_id_fields = ["leerbedrijf"]
