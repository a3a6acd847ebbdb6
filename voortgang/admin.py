from django.contrib import admin

from .models import VoortgangInstellingen


@admin.register(VoortgangInstellingen)
class VoortgangInstellingenAdmin(admin.ModelAdmin):
    """The functioneel beheerder sets the default rhythm of progress meetings."""

    fields = ["gesprek_weken"]

    def has_add_permission(self, request):
        return (
            super().has_add_permission(request)
            and not VoortgangInstellingen.objects.exists()
        )

    def has_delete_permission(self, request, obj=None):
        return False
