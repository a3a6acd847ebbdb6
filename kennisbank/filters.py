from django.utils.translation import gettext_lazy as _

import django_filters

from kwalificaties.constants import Sector

from .constants import Bereik, Soort
from .models import Item, Tag
from .selectors import controle_grens, item_zoeken


class ItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="zoeken")
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=Soort.choices, empty_label=_("Alle soorten")
    )
    tag = django_filters.ModelChoiceFilter(
        label=_("Trefwoord"),
        field_name="tags",
        to_field_name="slug",
        queryset=Tag.objects.all(),
        empty_label=_("Alle trefwoorden"),
    )
    bereik = django_filters.ChoiceFilter(
        label=_("Landelijk of regionaal"),
        choices=Bereik.choices,
        empty_label=_("Allebei"),
        method="op_bereik",
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Alle sectoren")
    )
    verouderd = django_filters.BooleanFilter(
        label=_("Alleen wat gecontroleerd moet worden"),
        method="alleen_verouderd",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Item
        fields = ["q", "soort", "tag", "bereik", "sector"]

    def zoeken(self, queryset, name, value):
        return item_zoeken(queryset, value)

    def op_bereik(self, queryset, name, value):
        return queryset.filter(regio__isnull=value == Bereik.LANDELIJK)

    def alleen_verouderd(self, queryset, name, value):
        if value:
            return queryset.filter(laatst_gecontroleerd_op__lt=controle_grens())
        return queryset
