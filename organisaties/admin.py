from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Arbeidsmarktregio, Medewerker, Organisatie


@admin.register(Arbeidsmarktregio)
class ArbeidsmarktregioAdmin(admin.ModelAdmin):
    list_display = ["code", "naam"]
    search_fields = ["code", "naam"]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "type", "kvk_nummer", "brin_code"]
    list_filter = ["type", "regios"]
    search_fields = ["naam", "kvk_nummer", "brin_code"]
    filter_horizontal = ["regios"]


@admin.register(Medewerker)
class MedewerkerAdmin(UserAdmin):
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
