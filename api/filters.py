"""Filters for the lists the UI filters without a FilterSet of its own (the catalog,
the trajecten's status). Kandidaten and leerbedrijven use the UI's FilterSets."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

import django_filters
from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes

from kwalificaties.models import Kwalificatie
from leerbedrijven.filters import LeerbedrijfFilter
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


# The UI's "erkend voor" filter takes a kwalificatie's id through a filter method, so
# drf-spectacular cannot see its type: say it here, without touching the UI's FilterSet.
set_override(LeerbedrijfFilter.base_filters["erkend_voor"], "field", OpenApiTypes.INT)
