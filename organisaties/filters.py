from django.db.models import Q
from django.utils.translation import gettext_lazy as _

import django_filters
from auditlog.models import LogEntry

from .constants import Expertise, OrganisatieType
from .models import Arbeidsmarktregio, Netwerkcontact, Organisatie
from .selectors import controle_grens


class OrganisatieFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="zoeken")
    type = django_filters.ChoiceFilter(
        label=_("Soort"), choices=OrganisatieType.choices, empty_label=_("Alle soorten")
    )
    regio = django_filters.ModelChoiceFilter(
        label=_("Regio"),
        field_name="regios",
        queryset=Arbeidsmarktregio.objects.all(),
        empty_label=_("Alle regio's"),
    )

    class Meta:
        model = Organisatie
        fields = ["q", "type", "regio"]

    def zoeken(self, queryset, name, value):
        return queryset.filter(
            Q(naam__icontains=value) | Q(kvk_nummer=value) | Q(brin_code__iexact=value)
        )


class LogEntryFilter(django_filters.FilterSet):
    actie = django_filters.ChoiceFilter(
        label=_("Soort actie"),
        field_name="action",
        choices=[
            (LogEntry.Action.CREATE, _("aangemaakt")),
            (LogEntry.Action.UPDATE, _("gewijzigd")),
            (LogEntry.Action.DELETE, _("verwijderd")),
            (LogEntry.Action.ACCESS, _("bekeken")),
        ],
        empty_label=_("Alle acties"),
    )
    door = django_filters.CharFilter(
        label=_("Door (gebruikersnaam)"), field_name="actor__username"
    )
    van = django_filters.DateFilter(
        label=_("Vanaf datum"),
        field_name="timestamp",
        lookup_expr="date__gte",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )
    tot = django_filters.DateFilter(
        label=_("Tot en met datum"),
        field_name="timestamp",
        lookup_expr="date__lte",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = LogEntry
        fields = ["actie", "door", "van", "tot"]


class NetwerkcontactFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="zoeken")
    expertise = django_filters.ChoiceFilter(
        label=_("Rol of expertise"), choices=Expertise.choices, empty_label=_("Alle")
    )
    organisatie = django_filters.ModelChoiceFilter(
        label=_("Organisatie"), queryset=None, empty_label=_("Alle organisaties")
    )
    verouderd = django_filters.BooleanFilter(
        label=_("Alleen wat gecontroleerd moet worden"),
        method="alleen_verouderd",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Netwerkcontact
        fields = ["q", "expertise", "organisatie"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organisatie"].queryset = Organisatie.objects.zichtbaar_voor(user)

    def zoeken(self, queryset, name, value):
        return queryset.filter(
            Q(naam__icontains=value)
            | Q(toelichting__icontains=value)
            | Q(organisatie__naam__icontains=value)
        )

    def alleen_verouderd(self, queryset, name, value):
        if value:
            return queryset.filter(gecontroleerd_op__lt=controle_grens())
        return queryset
