import contextlib

from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.beheer import AlleenLezen
from organisaties.admin import RegioBeheerMixin, binnen_eigen_regios
from organisaties.models import Medewerker
from organisaties.scoping import zichtbaar_filter

from . import services
from .models import TweedeStapAccount, TweedeStapGebeurtenis, TweedeStapRegel

# django-otp's own device pages show the secret keys: the accounts page below is the
# one place to see and reset a user's second step.
for model in (TOTPDevice, StaticDevice):
    with contextlib.suppress(NotRegistered):
        admin.site.unregister(model)


@admin.register(TweedeStapRegel)
class TweedeStapRegelAdmin(admin.ModelAdmin):
    """One row per role (made by migrate): switched on and off, never added."""

    list_display = ["rol", "verplicht"]
    list_editable = ["verplicht"]
    fields = ["rol", "verplicht"]
    readonly_fields = ["rol"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _mag_beheren(request, account) -> bool:
    """As for the account itself (MedewerkerAdmin): not your own, and only people of
    organisations that work in your regions alone."""
    if request.user.is_superuser:
        return True
    return (
        account.pk != request.user.pk
        and binnen_eigen_regios(request.user).filter(pk=account.organisatie_id).exists()
    )


@admin.register(TweedeStapAccount)
class TweedeStapAccountAdmin(RegioBeheerMixin, admin.ModelAdmin):
    list_display = [
        "username",
        "first_name",
        "last_name",
        "organisatie",
        "app_ingesteld",
        "herstelcodes",
    ]
    list_select_related = ["organisatie"]
    list_filter = [("organisatie", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["username", "first_name", "last_name"]
    fields = ["username", "first_name", "last_name", "organisatie"]
    readonly_fields = fields
    actions = ["opnieuw_instellen"]

    def get_queryset(self, request):
        qs = (
            super()
            .get_queryset(request)
            .annotate(
                _app=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                ),
                _codes=Count(
                    "staticdevice__token_set",
                    filter=Q(staticdevice__confirmed=True),
                    distinct=True,
                ),
            )
        )
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    @admin.display(boolean=True, description=_("app ingesteld"))
    def app_ingesteld(self, obj):
        return obj._app

    @admin.display(description=_("herstelcodes over"))
    def herstelcodes(self, obj):
        return obj._codes

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        if obj is not None and not _mag_beheren(request, obj):
            return False
        return super().has_change_permission(request, obj)

    @admin.action(
        description=_("Tweede stap opnieuw laten instellen (telefoon kwijt)"),
        permissions=["change"],
    )
    def opnieuw_instellen(self, request, queryset):
        gedaan = overgeslagen = 0
        for account in queryset:
            if _mag_beheren(request, account):
                services.opnieuw_instellen(account, door=request.user)
                gedaan += 1
            else:
                overgeslagen += 1
        if gedaan:
            self.message_user(
                request,
                _(
                    "De app en de herstelcodes van %(aantal)d medewerker(s) zijn "
                    "verwijderd. Zij stellen de tweede stap opnieuw in bij de volgende "
                    "keer inloggen."
                )
                % {"aantal": gedaan},
                messages.SUCCESS,
            )
        if overgeslagen:
            self.message_user(
                request,
                _(
                    "%(aantal)d medewerker(s) overgeslagen: je eigen account, of een "
                    "account van een organisatie die ook buiten jouw regio werkt."
                )
                % {"aantal": overgeslagen},
                messages.WARNING,
            )


@admin.register(TweedeStapGebeurtenis)
class TweedeStapGebeurtenisAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["op", "gebruiker", "soort", "door", "ip_adres"]
    list_filter = ["soort"]
    list_select_related = ["gebruiker", "door"]
    search_fields = ["gebruiker__username"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        accounts = Medewerker.objects.filter(
            zichtbaar_filter(Medewerker, request.user), is_superuser=False
        )
        return qs.filter(gebruiker__in=accounts)
