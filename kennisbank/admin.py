from django.contrib import admin

from .models import Item, Tag
from .selectors import item_bewerkbaar_list


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    """For corrections; editors work in the portal, where uploads are checked."""

    list_display = ["titel", "soort", "regio", "eigenaar", "laatst_gecontroleerd_op"]
    list_filter = ["soort", "regio"]
    list_select_related = ["regio", "eigenaar"]
    search_fields = ["titel", "samenvatting"]
    readonly_fields = ["bestand", "bestandsnaam"]
    filter_horizontal = ["tags", "gerelateerd"]

    def get_queryset(self, request):
        # The same reach as in the portal: own regions, and national items.
        return item_bewerkbaar_list(user=request.user).prefetch_related(None)
