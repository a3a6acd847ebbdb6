from django import forms
from django.contrib import admin

from django_celery_beat.admin import PeriodicTaskAdmin
from django_celery_beat.models import PeriodicTask

from .models import VastePagina


@admin.register(VastePagina)
class VastePaginaAdmin(admin.ModelAdmin):
    """The functioneel beheerder keeps the public statements' texts current. The two
    pages always exist (made after every migrate), so they are neither added nor
    deleted here."""

    list_display = ["titel", "bijgewerkt_op"]
    fields = ["soort", "titel", "tekst"]
    readonly_fields = ["soort"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(PeriodicTask)


@admin.register(PeriodicTask)
class GeplandeTaakAdmin(PeriodicTaskAdmin):
    """A functioneel beheerder switches scheduled tasks on or off, nothing more.

    Which task runs, with which arguments, is the installation's: with those a
    beheerder could run any task for any region's data. Superusers keep the full form.
    """

    beheerder_velden = [
        "name",
        "task",
        "enabled",
        "description",
        "interval",
        "crontab",
        "solar",
        "clocked",
        "start_time",
        "last_run_at",
        "one_off",
        "args",
        "kwargs",
        "queue",
    ]

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return [(None, {"fields": self.beheerder_velden})]

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return [veld for veld in self.beheerder_velden if veld != "enabled"]

    def get_form(self, request, obj=None, **kwargs):
        if not request.user.is_superuser:
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, **kwargs)

    def get_actions(self, request):
        acties = super().get_actions(request)
        if not request.user.is_superuser:
            acties.pop("run_tasks", None)
        return acties
