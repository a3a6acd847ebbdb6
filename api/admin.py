"""The beheerder makes and revokes API clients of their own regions' medewerkers
(never of a superuser, never of an organisation that also works in another region);
any other client is a 404.

The key belongs to the medewerker: for someone else, the beheerder never sees it;
the medewerker is notified and picks it up once at /api/sleutels/
(`services.apiclient_aanmaken`).
Made for oneself, it is shown once, right after saving, and never again (only its
hash is stored). Revoking keeps the row (and its audit trail); a revoked client
cannot be switched on again: make a new one.
"""

from django.contrib import admin, messages
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisaties.admin import RegioBeheerMixin

from . import selectors, services
from .models import ApiClient


@admin.register(ApiClient)
class ApiClientAdmin(RegioBeheerMixin, admin.ModelAdmin):
    scope_pad = "medewerker"
    list_display = [
        "naam",
        "medewerker",
        "organisatie",
        "token_begin",
        "opgehaald_op",
        "actief",
        "laatst_gebruikt_op",
    ]
    list_select_related = ["medewerker__organisatie"]
    search_fields = ["naam", "medewerker__username"]
    readonly_fields = [
        "token_begin",
        "opgehaald_op",
        "ingetrokken_op",
        "laatst_gebruikt_op",
    ]
    actions = ["intrekken"]

    @admin.display(boolean=True, description=_("actief"))
    def actief(self, obj):
        return obj.actief

    @admin.display(description=_("organisatie"))
    def organisatie(self, obj):
        return obj.medewerker.organisatie

    def get_queryset(self, request):
        # Only clients of people the beheerder may make clients for: not those of an
        # organisation that also works in another region (the superuser's call).
        qs = super().get_queryset(request)
        return qs.filter(pk__in=selectors.clients_voor(request.user).values("pk"))

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Out of reach is "does not exist": a 404, no redirect that names the id.
        raise Http404

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "medewerker":
            # Active medewerkers of organisations that work only in the beheerder's
            # regions (as for SSO), never a superuser: a client never reaches into
            # another region. The form checks a forced POST against this list.
            formfield.queryset = selectors.medewerkers_voor_clients(request.user)
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
            naam=obj.naam, medewerker=obj.medewerker, door=request.user
        )
        obj.pk, obj.token_begin = client.pk, client.token_begin
        if token is None:
            # For someone else: the key is theirs, they pick it up themselves.
            messages.warning(
                request,
                _(
                    "De koppeling %(naam)s is gemaakt. De sleutel is alleen voor "
                    "%(medewerker)s: die krijgt een melding in het portaal en haalt "
                    "de sleutel één keer op via %(adres)s, ingelogd met het eigen "
                    "account. Tot dan werkt er geen sleutel."
                )
                % {
                    "naam": client.naam,
                    "medewerker": client.medewerker,
                    "adres": request.build_absolute_uri(
                        reverse("api_sleutels:sleutels")
                    ),
                },
            )
            return
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
