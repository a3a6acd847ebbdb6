from django import forms
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from organisaties.admin import RegioBeheerMixin, binnen_eigen_regios

from . import services
from .models import SsoIdentiteit, SsoKoppeling


class SsoKoppelingForm(forms.ModelForm):
    issuer = forms.URLField(
        label=SsoKoppeling._meta.get_field("issuer").verbose_name,
        help_text=SsoKoppeling._meta.get_field("issuer").help_text,
        max_length=300,
        assume_scheme="https",
    )
    client_secret = forms.CharField(
        label=_("client secret"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_(
            "Wordt versleuteld opgeslagen en nooit meer getoond. Leeg laten: het "
            "opgeslagen geheim blijft."
        ),
    )

    class Meta:
        model = SsoKoppeling
        fields = [
            "organisatie",
            "slug",
            "actief",
            "issuer",
            "client_id",
            "client_secret",
            "claim_email",
            "email_altijd_gecontroleerd",
            "wachtwoord_toegestaan",
            "accounts_aanmaken",
            "nieuwe_accounts_rol",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean(self):
        data = super().clean()
        if not self.instance.client_secret_versleuteld and not data.get(
            "client_secret"
        ):
            self.add_error("client_secret", _("Vul het client secret in."))
        if data.get("nieuwe_accounts_rol") and not data.get("accounts_aanmaken"):
            self.add_error(
                "nieuwe_accounts_rol",
                _("Een rol voor nieuwe accounts kan alleen als die aangemaakt worden."),
            )
        if not data.get("slug") and data.get("organisatie"):
            data["slug"] = slugify(data["organisatie"].naam)[:50]
        if self.errors:
            return data
        try:
            # Fetches the discovery document: the beheerder sees at once whether the
            # address is right. Saved in save_model, after every check passed.
            self.instance.issuer = data["issuer"]
            self._bewaren = services.koppeling_controleren(koppeling=self.instance)
        except ValidationError as exc:
            self.add_error(None, exc)
        except ImproperlyConfigured:
            self.add_error(
                None,
                _(
                    "Het portaal heeft nog geen sleutel om het geheim te versleutelen "
                    "(SSO_SLEUTEL). Vraag de installatiebeheerder die in te stellen."
                ),
            )
        return data


@admin.register(SsoKoppeling)
class SsoKoppelingAdmin(RegioBeheerMixin, admin.ModelAdmin):
    """A beheerder sets up the provider of an organisation within their own regions."""

    form = SsoKoppelingForm
    scope_pad = "organisatie"
    list_display = ["organisatie", "actief", "issuer", "wachtwoord_toegestaan"]
    list_filter = ["actief"]
    list_select_related = ["organisatie"]
    readonly_fields = ["adressen_voor_de_provider", "endpoints"]

    @admin.display(description=_("Geef deze adressen op bij de provider"))
    def adressen_voor_de_provider(self, obj):
        request = self._request
        return (
            f"Redirect URI: {request.build_absolute_uri(reverse('sso:terug'))} · "
            f"Post-logout redirect URI: {request.build_absolute_uri(reverse('login'))}"
        )

    @admin.display(description=_("Gevonden bij de provider"))
    def endpoints(self, obj):
        if not obj or not obj.token_endpoint:
            return "—"
        return " · ".join(
            f"{naam}: {getattr(obj, naam) or '—'}"
            for naam in [
                "authorization_endpoint",
                "token_endpoint",
                "userinfo_endpoint",
                "jwks_uri",
                "end_session_endpoint",
            ]
        )

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            # Its accounts are that organisation's people: a koppeling stays put.
            velden.append("organisatie")
        return velden

    def get_form(self, request, obj=None, change=False, **kwargs):
        self._request = request
        return super().get_form(request, obj, change, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "organisatie" and not request.user.is_superuser:
            formfield.queryset = binnen_eigen_regios(request.user)
        return formfield

    def has_change_permission(self, request, obj=None):
        if (
            obj is not None
            and not request.user.is_superuser
            and not binnen_eigen_regios(request.user)
            .filter(pk=obj.organisatie_id)
            .exists()
        ):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(
            request, obj
        ) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        services.koppeling_opslaan(
            koppeling=obj,
            client_secret=form.cleaned_data.get("client_secret", ""),
            document=form._bewaren,
        )


@admin.register(SsoIdentiteit)
class SsoIdentiteitAdmin(RegioBeheerMixin, admin.ModelAdmin):
    """Linked provider accounts: a beheerder unlinks one by deleting it (the next
    login matches by e-mail again)."""

    scope_pad = "medewerker"
    list_display = ["medewerker", "koppeling", "laatst_gebruikt"]
    list_select_related = ["medewerker", "koppeling__organisatie"]
    search_fields = ["medewerker__username", "medewerker__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
