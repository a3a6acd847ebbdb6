from django.contrib import admin

from organisaties.admin import RegioKeuzesMixin

from .models import Item, Tag
from .selectors import item_bewerkbaar_list, item_list


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Item)
class ItemAdmin(RegioKeuzesMixin, admin.ModelAdmin):
    """For corrections; editors work in the portal, where uploads are checked."""

    list_display = ["titel", "soort", "regio", "eigenaar", "laatst_gecontroleerd_op"]
    list_filter = ["soort", "regio"]
    list_select_related = ["regio", "eigenaar"]
    search_fields = ["titel", "samenvatting"]
    readonly_fields = ["bestand", "bestandsnaam"]
    filter_horizontal = ()  # the JavaScript widget fails axe: a plain multiple select

    def get_queryset(self, request):
        # The same reach as in the portal: own regions, and national items.
        return item_bewerkbaar_list(user=request.user).prefetch_related(None)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "gerelateerd" and not request.user.is_superuser:
            # As in the portal's form: the items the user may see.
            formfield.queryset = item_list(user=request.user).prefetch_related(None)
        return formfield
