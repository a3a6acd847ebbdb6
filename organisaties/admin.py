from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry

from .models import Arbeidsmarktregio, Medewerker, Organisatie
from .scoping import zichtbaar_filter


class RegioBeheerMixin:
    """A functioneel beheerder manages the rows of their own regions only.

    The model's own scope applies, or, with `scope_pad`, the scope of the parent it
    belongs to (e.g. "leerbedrijf" for a leerbaan).
    """

    scope_pad: str | None = None

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        if self.scope_pad is None:
            return qs.filter(zichtbaar_filter(qs.model, request.user))
        ouder = qs.model._meta.get_field(self.scope_pad).related_model
        zichtbaar = ouder.objects.filter(zichtbaar_filter(ouder, request.user))
        return qs.filter(**{f"{self.scope_pad}__in": zichtbaar})


@admin.register(Arbeidsmarktregio)
class ArbeidsmarktregioAdmin(admin.ModelAdmin):
    list_display = ["code", "naam"]
    search_fields = ["code", "naam"]


@admin.register(Organisatie)
class OrganisatieAdmin(RegioBeheerMixin, admin.ModelAdmin):
    list_display = ["naam", "type", "kvk_nummer", "brin_code"]
    list_filter = ["type", "regios"]
    search_fields = ["naam", "kvk_nummer", "brin_code"]
    filter_horizontal = ["regios"]


@admin.register(Medewerker)
class MedewerkerAdmin(RegioBeheerMixin, UserAdmin):
    list_display = ["username", "first_name", "last_name", "organisatie", "is_active"]
    list_filter = ["organisatie", "groups", "is_active"]
    list_select_related = ["organisatie"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (
            _("Persoon"),
            {"fields": ["first_name", "last_name", "email", "telefoon", "functie"]},
        ),
        (
            _("Organisatie en rollen"),
            {"fields": ["organisatie", "groups", "is_active"]},
        ),
        (_("Datums"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "password1", "password2"]}),
        (
            _("Organisatie en rollen"),
            {"fields": ["first_name", "last_name", "email", "organisatie", "groups"]},
        ),
    ]

    def get_queryset(self, request):
        # Superusers are out of a beheerder's reach: no password reset, no role changes.
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def has_change_permission(self, request, obj=None):
        # Nobody grants themselves roles: another beheerder changes your account.
        if (
            obj is not None
            and obj.pk == request.user.pk
            and not request.user.is_superuser
        ):
            return False
        return super().has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisatie" and not request.user.is_superuser:
            kwargs["queryset"] = Organisatie.objects.zichtbaar_voor(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class VolledigeLogEntryAdmin(LogEntryAdmin):
    """The unfiltered audit log, names and values included: superusers only.

    Functioneel beheerders use the portal's Audittrail, which hides candidates' data.
    """

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser
