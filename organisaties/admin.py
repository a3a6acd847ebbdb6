from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from core.beheer import AlleenLezen

from .constants import Rol
from .models import Arbeidsmarktregio, Medewerker, Organisatie
from .scoping import zichtbaar_filter


def eigen_regios(user):
    """The regions `user`'s organisation works in (all of them for a superuser)."""
    if user.is_superuser:
        return Arbeidsmarktregio.objects.all()
    return Arbeidsmarktregio.objects.filter(organisaties=user.organisatie_id)


def binnen_eigen_regios(user):
    """Organisations that work only in `user`'s regions: the ones whose people a
    beheerder may manage without reaching into a region that is not theirs."""
    qs = Organisatie.objects.zichtbaar_voor(user)
    if user.is_superuser:
        return qs
    andere = Arbeidsmarktregio.objects.exclude(pk__in=eigen_regios(user).values("pk"))
    return qs.exclude(pk__in=Organisatie.objects.filter(regios__in=andere).values("pk"))


def keuzes_voor(model, user, qs):
    """What a non-superuser may pick for a relation to `model` in the admin.

    Regions: their own. A region-bound model: what they may see in the portal.
    Anything else is national reference data (kwalificaties, werkprocessen, tags).
    """
    if user.is_superuser:
        return qs
    if model is Arbeidsmarktregio:
        return qs.filter(pk__in=eigen_regios(user).values("pk"))
    if hasattr(model, "zichtbaarheid"):
        return qs.filter(zichtbaar_filter(model, user))
    return qs


class RegioKeuzesMixin:
    """Relation fields offer (and accept) only objects within the beheerder's reach.

    For ModelAdmins and inlines alike: a forced POST with another region's id fails
    form validation, because the field's queryset is what the form checks against.
    """

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None and hasattr(formfield, "queryset"):
            formfield.queryset = keuzes_voor(
                db_field.related_model, request.user, formfield.queryset
            )
        return formfield

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if formfield is not None and hasattr(formfield, "queryset"):
            formfield.queryset = keuzes_voor(
                db_field.related_model, request.user, formfield.queryset
            )
        return formfield


class RegioBeheerMixin(RegioKeuzesMixin):
    """A functioneel beheerder manages the rows of their own regions only.

    The model's own scope applies, or, with `scope_pad`, the scope of the parent it
    belongs to (e.g. "leerbedrijf" for a leerbaan). Relation fields are limited too
    (`RegioKeuzesMixin`), so a row cannot be moved into another region.
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
    """Scope is not self-service: the regions an organisation works in decide what its
    people see, so only a superuser changes them. A beheerder picks them once, from
    their own regions, when adding an organisation. (Adding a region with a second
    beheerder's confirmation, four eyes, is future work.)"""

    list_display = ["naam", "type", "kvk_nummer", "brin_code"]
    list_filter = ["type", "regios"]
    search_fields = ["naam", "kvk_nummer", "brin_code"]
    filter_horizontal = ()  # the JavaScript widget fails axe: a plain multiple select

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None and not request.user.is_superuser:
            velden.append("regios")
        return velden

    def has_change_permission(self, request, obj=None):
        # An organisation that also works in another region is that region's too.
        if (
            obj is not None
            and not request.user.is_superuser
            and not binnen_eigen_regios(request.user).filter(pk=obj.pk).exists()
        ):
            return False
        return super().has_change_permission(request, obj)


@admin.register(Medewerker)
class MedewerkerAdmin(RegioBeheerMixin, UserAdmin):
    """A beheerder manages the accounts of organisations that work only in their
    regions. The organisation of an existing account is scope, so only a superuser
    moves it; superuser and staff status are not in the form at all."""

    list_display = ["username", "first_name", "last_name", "organisatie", "is_active"]
    filter_horizontal = ()  # the JavaScript widget fails axe: a plain multiple select
    # Only organisations in the list: the plain filter would name every organisation.
    list_filter = [
        ("organisatie", admin.RelatedOnlyFieldListFilter),
        "groups",
        "is_active",
    ]
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

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None and not request.user.is_superuser:
            velden.append("organisatie")
        return velden

    def has_change_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            # Nobody grants themselves roles: another beheerder changes your account.
            if obj.pk == request.user.pk:
                return False
            # Roles for someone whose organisation also works in another region
            # would reach into that region: that is the superuser's call.
            if (
                not binnen_eigen_regios(request.user)
                .filter(pk=obj.organisatie_id)
                .exists()
            ):
                return False
        return super().has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "organisatie" and not request.user.is_superuser:
            formfield.queryset = binnen_eigen_regios(request.user)
        return formfield

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups" and not request.user.is_superuser:
            # Roles only: no other group a permission could be hung on.
            formfield.queryset = Group.objects.filter(name__in=Rol.values)
        return formfield


admin.site.unregister(Group)


@admin.register(Group)
class RolAdmin(AlleenLezen, GroupAdmin):
    """The roles, read only: what a role may do is the role matrix in the apps'
    `rechten.py` (organisaties.rollen), which the permission checks read and every
    migrate writes to these groups. A change made here would not count."""


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


class EigenAccountsMixin:
    """Login attempts of the accounts the beheerder manages; a superuser sees all
    (including attempts on user names that do not exist)."""

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        accounts = Medewerker.objects.filter(
            zichtbaar_filter(Medewerker, request.user), is_superuser=False
        )
        return qs.filter(username__in=accounts.values("username"))


admin.site.unregister([AccessAttempt, AccessLog, AccessFailureLog])


@admin.register(AccessAttempt)
class EigenAccessAttemptAdmin(EigenAccountsMixin, AccessAttemptAdmin):
    pass


@admin.register(AccessLog)
class EigenAccessLogAdmin(EigenAccountsMixin, AccessLogAdmin):
    pass


@admin.register(AccessFailureLog)
class EigenAccessFailureLogAdmin(EigenAccountsMixin, AccessFailureLogAdmin):
    pass
