from django.contrib import admin

from .models import Bewaartermijnen


@admin.register(Bewaartermijnen)
class BewaartermijnenAdmin(admin.ModelAdmin):
    """One row of retention periods: changed here, never added or deleted, every
    change in the audit trail. The row is made after migrate (`ready`)."""

    list_display = [
        "__str__",
        "kandidaat_jaren",
        "aanmelding_maanden",
        "audit_jaren",
        "meldingen_dagen",
        "sessies_dagen",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
