from functools import partial

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

import django_filters

from core.lijsten import SnelleSelect

from .constants import Fase
from .consulent_keuzes import consulent_keuzes
from .selectors import actie_te_laat_filter, geen_contact_filter

SIGNALEN = [
    ("geen_contact", _("Geen contact in 30 dagen")),
    ("actie_te_laat", _("Actie te laat")),
    ("advies_open", _("Advies staat open")),
]


class EenmaligeKeuzes:
    """Choices looked up when a form first needs them (rendering or validating), then
    kept: a request that filters without them (the API, the CSV) asks nothing. The
    form's deepcopy of its fields shares this object instead of copying it."""

    def __init__(self, opzoeken):
        self.opzoeken = opzoeken
        self.keuzes = None

    def __call__(self):
        if self.keuzes is None:
            self.keuzes = self.opzoeken()
        return self.keuzes

    def __deepcopy__(self, memo):
        return self


class KandidaatFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken op naam of postcode"), method="zoeken"
    )
    fase = django_filters.ChoiceFilter(
        label=_("Fase"),
        choices=Fase.choices,
        empty_label=_("Alle fasen"),
        widget=SnelleSelect,
    )
    consulent = django_filters.ChoiceFilter(
        label=_("Consulent"),
        empty_label=_("Alle consulenten"),
        widget=SnelleSelect,
    )
    signaal = django_filters.ChoiceFilter(
        label=_("Signaal"),
        choices=SIGNALEN,
        method="met_signaal",
        empty_label=_("Alle"),
        widget=SnelleSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["consulent"].extra["choices"] = EenmaligeKeuzes(
            partial(consulent_keuzes, user)
        )

    def zoeken(self, queryset, name, value):
        q = Q()
        for woord in value.split():
            q &= (
                Q(voornaam__icontains=woord)
                | Q(achternaam__icontains=woord)
                | Q(postcode__icontains=woord)
            )
        return queryset.filter(q)

    def met_signaal(self, queryset, name, value):
        if value == "geen_contact":
            return queryset.filter(geen_contact_filter())
        if value == "actie_te_laat":
            return queryset.filter(actie_te_laat_filter())
        return queryset.filter(fase=Fase.ADVIES)
