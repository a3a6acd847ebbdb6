from django.db.models import Q
from django.utils.translation import gettext_lazy as _

import django_filters

from kwalificaties.constants import Sector
from kwalificaties.models import Kwalificatie
from organisaties.models import Arbeidsmarktregio

from .constants import LeerbedrijfStatus
from .models import Leerbedrijf, Vestiging

JA, NEE = "ja", "nee"


class LeerbedrijfFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method="zoeken",
        help_text=_("Naam, KvK-nummer of plaats"),
    )
    regio = django_filters.ModelChoiceFilter(
        label=_("Regio"),
        queryset=Arbeidsmarktregio.objects.all(),
        empty_label=_("Alle regio's"),
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Alle sectoren")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=LeerbedrijfStatus.choices,
        empty_label=_("Alle statussen"),
    )
    erkend_voor = django_filters.ModelChoiceFilter(
        label=_("Erkend voor"),
        queryset=Kwalificatie.objects.all(),
        method="filter_erkend_voor",
        empty_label=_("Alle kwalificaties"),
    )
    open_leerbanen = django_filters.ChoiceFilter(
        label=_("Open leerbanen"),
        choices=[
            (JA, _("Ja, heeft open leerbanen")),
            (NEE, _("Nee, geen open leerbanen")),
        ],
        method="filter_open_leerbanen",
        empty_label=_("Maakt niet uit"),
    )

    class Meta:
        model = Leerbedrijf
        fields = ["q", "regio", "sector", "status", "erkend_voor", "open_leerbanen"]

    def zoeken(self, queryset, name, value):
        value = value.strip()
        # Plaats lives on the vestigingen: a subquery keeps one row per leerbedrijf.
        in_plaats = Vestiging.objects.filter(plaats__icontains=value).values(
            "leerbedrijf"
        )
        return queryset.filter(
            Q(organisatie__naam__icontains=value)
            | Q(organisatie__kvk_nummer=value.replace(" ", ""))
            | Q(pk__in=in_plaats)
        )

    def filter_erkend_voor(self, queryset, name, value):
        return queryset.erkend_voor(value) if value else queryset

    def filter_open_leerbanen(self, queryset, name, value):
        if value in (JA, NEE):
            return queryset.met_open_leerbanen(value == JA)
        return queryset
