from django.contrib import admin

from .models import VoortgangInstellingen


@admin.register(VoortgangInstellingen)
class VoortgangInstellingenAdmin(admin.ModelAdmin):
    """The functioneel beheerder sets the default rhythm of progress meetings. One
    row, changed here, never added or deleted; it comes from the migration and is
    restored after a flush (`VoortgangConfig.ready`)."""

    list_display = ["__str__", "gesprek_weken"]
    fields = ["gesprek_weken"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
