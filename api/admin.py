"""The beheerder makes and revokes API clients of their own regions' medewerkers.

The token is shown once, right after saving, and never again (only its hash is
stored). Revoking keeps the row (and its audit trail); a revoked client cannot be
switched on again: make a new one.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from organisaties.admin import RegioBeheerMixin, binnen_eigen_regios

from . import services
from .models import ApiClient


@admin.register(ApiClient)
class ApiClientAdmin(RegioBeheerMixin, admin.ModelAdmin):
    scope_pad = "medewerker"
    list_display = [
        "naam",
        "medewerker",
        "organisatie",
        "token_begin",
        "actief",
        "laatst_gebruikt_op",
    ]
    list_select_related = ["medewerker__organisatie"]
    search_fields = ["naam", "medewerker__username"]
    readonly_fields = ["token_begin", "ingetrokken_op", "laatst_gebruikt_op"]
    actions = ["intrekken"]

    @admin.display(boolean=True, description=_("actief"))
    def actief(self, obj):
        return obj.actief

    @admin.display(description=_("organisatie"))
    def organisatie(self, obj):
        return obj.medewerker.organisatie

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "medewerker" and not request.user.is_superuser:
            # Active medewerkers of organisations that work only in the beheerder's
            # regions (as for SSO): a client never reaches into another region.
            formfield.queryset = formfield.queryset.filter(
                is_active=True,
                is_superuser=False,
                organisatie__in=binnen_eigen_regios(request.user),
            )
        return formfield

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            # The client acts as this person; another person is another client.
            velden += ["medewerker"]
        return velden

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            obj.save(update_fields=["naam", "updated_at"])
            return
        client, token = services.apiclient_aanmaken(
            naam=obj.naam, medewerker=obj.medewerker
        )
        obj.pk, obj.token_begin = client.pk, client.token_begin
        messages.warning(
            request,
            _(
                "De sleutel van %(naam)s is: %(token)s — kopieer hem nu. Hij wordt "
                "niet nog eens getoond."
            )
            % {"naam": client.naam, "token": token},
        )

    @admin.action(description=_("Intrekken (de sleutel werkt meteen niet meer)"))
    def intrekken(self, request, queryset):
        for client in queryset:
            services.apiclient_intrekken(client=client)
        self.message_user(request, _("De gekozen koppelingen zijn ingetrokken."))

    def get_actions(self, request):
        acties = super().get_actions(request)
        if not self.has_change_permission(request):
            acties.pop("intrekken", None)
        return acties
