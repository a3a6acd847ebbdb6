from django.contrib import admin

from .models import Herinnering


@admin.register(Herinnering)
class HerinneringAdmin(admin.ModelAdmin):
    """The functioneel beheerder turns reminders on or off and sets their period.

    Rows come from the registered rules (`herinneringen_laden`), so they are neither
    added nor deleted here: switching one off is `actief`. Notifications themselves
    (`Melding`) are not in the admin: their text holds candidates' data.
    """

    list_display = ["omschrijving", "dagen", "actief", "code"]
    list_editable = ["dagen", "actief"]
    list_filter = ["actief"]
    fields = ["code", "omschrijving", "dagen", "actief"]
    readonly_fields = ["code", "omschrijving"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
