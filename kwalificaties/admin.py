from django.contrib import admin

from .models import Kerntaak, Kwalificatie, Werkproces


class KerntaakInline(admin.TabularInline):
    model = Kerntaak
    extra = 0


@admin.register(Kwalificatie)
class KwalificatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "crebo", "niveau"]
    search_fields = ["naam", "crebo"]
    inlines = [KerntaakInline]


@admin.register(Werkproces)
class WerkprocesAdmin(admin.ModelAdmin):
    list_display = ["code", "titel", "kerntaak"]
    list_select_related = ["kerntaak__kwalificatie"]
    list_filter = ["kerntaak__kwalificatie"]
    search_fields = ["code", "titel"]
