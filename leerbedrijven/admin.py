from django.contrib import admin

from organisaties.admin import RegioBeheerMixin, RegioKeuzesMixin

from .models import (
    Contactmoment,
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    LeerbedrijfStatuswijziging,
    Vestiging,
)


# Stacked, not tabular: a tabular inline's fields have no label (WCAG, axe 'label').
class VestigingInline(RegioKeuzesMixin, admin.StackedInline):
    model = Vestiging
    extra = 0


class ContactpersoonInline(RegioKeuzesMixin, admin.StackedInline):
    model = Contactpersoon
    extra = 0
    raw_id_fields = ["account"]


class ErkenningInline(RegioKeuzesMixin, admin.StackedInline):
    model = Erkenning
    extra = 0


class StatuswijzigingInline(RegioKeuzesMixin, admin.StackedInline):
    # History is written by the status service only.
    model = LeerbedrijfStatuswijziging
    extra = 0
    can_delete = False
    readonly_fields = ["van", "naar", "door", "op", "reden"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Leerbedrijf)
class LeerbedrijfAdmin(RegioBeheerMixin, admin.ModelAdmin):
    list_display = ["organisatie", "regio", "sector", "soort", "status"]
    list_filter = ["status", "sector", "soort", "regio"]
    list_select_related = ["organisatie", "regio"]
    search_fields = ["organisatie__naam", "organisatie__kvk_nummer"]
    raw_id_fields = ["organisatie"]
    # No filter_horizontal: its JavaScript widget fails axe (WCAG); a plain multiple
    # select with its label is accessible.
    readonly_fields = ["status", "versie"]
    inlines = [
        VestigingInline,
        ContactpersoonInline,
        ErkenningInline,
        StatuswijzigingInline,
    ]


@admin.register(Leerbaan)
class LeerbaanAdmin(RegioBeheerMixin, admin.ModelAdmin):
    scope_pad = "leerbedrijf"
    list_display = ["leerbedrijf", "kwalificatie", "aantal", "open"]
    list_filter = ["open", "kwalificatie"]
    list_select_related = ["leerbedrijf__organisatie", "kwalificatie"]
    # No filter_horizontal: its JavaScript widget fails axe (WCAG); a plain multiple
    # select with its label is accessible.


@admin.register(Contactmoment)
class ContactmomentAdmin(RegioBeheerMixin, admin.ModelAdmin):
    scope_pad = "leerbedrijf"
    list_display = ["leerbedrijf", "datum", "soort", "door", "volgende_actie_op"]
    list_filter = ["soort"]
    list_select_related = ["leerbedrijf__organisatie", "door"]
    date_hierarchy = "datum"
