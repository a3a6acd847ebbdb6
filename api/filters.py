"""Filters for the lists the UI filters without a FilterSet of its own (the catalog,
the trajecten's status). Kandidaten and leerbedrijven use the UI's FilterSets."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

import django_filters

from kwalificaties.models import Kwalificatie
from trajecten.constants import TrajectStatus
from trajecten.models import Traject


class KwalificatieFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Naam of crebo"), method="zoeken")
    niveau = django_filters.NumberFilter(label=_("Niveau"))

    class Meta:
        model = Kwalificatie
        fields = ["q", "niveau"]

    def zoeken(self, queryset, name, value):
        return queryset.filter(Q(naam__icontains=value) | Q(crebo=value.strip()))


class TrajectFilter(django_filters.FilterSet):
    """The list page's `?status=` (trajecten.views.TrajectListView)."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=TrajectStatus.choices
    )

    class Meta:
        model = Traject
        fields = ["status"]
