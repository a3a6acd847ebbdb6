"""The navigation per role: one list, read by the header and the home page.

Later apps add their pages here; an item is shown to users holding one of its roles.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisaties.constants import Rol

IEDEREEN = frozenset(Rol.values)
BEHEER = frozenset({Rol.FUNCTIONEEL_BEHEERDER})


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    uitleg: str
    rollen: frozenset[str] = IEDEREEN

    @property
    def url(self) -> str:
        return reverse(self.url_name)


MENU: list[MenuItem] = [
    MenuItem(
        _("Kandidaten"),
        "kandidaten:kandidaat_list",
        _(
            "Je caseload: wie staat waar, wanneer had je contact, wat moet er nog gebeuren."
        ),
        rollen=frozenset(
            {Rol.CONSULENT, Rol.JOBCOACH, Rol.MBO_MEDEWERKER, Rol.REGIOCOORDINATOR}
        ),
    ),
    MenuItem(
        _("Trajecten"),
        "trajecten:traject_list",
        _("Lopende en afgeronde trajecten: plaatsing, overeenkomsten en status."),
        rollen=IEDEREEN - {Rol.FUNCTIONEEL_BEHEERDER},
    ),
    MenuItem(
        _("Verklaringen"),
        "verklaringen:verklaring_list",
        _("Uitgereikte praktijkverklaringen: nummer, werkprocessen, PDF en controle."),
        rollen=frozenset({Rol.CONSULENT, Rol.PRAKTIJKOPLEIDER, Rol.MBO_MEDEWERKER}),
    ),
    MenuItem(
        _("Teamoverzicht"),
        "kandidaten:team",
        _("De caseload van alle consulenten in de regio, met signalen."),
        rollen=frozenset({Rol.REGIOCOORDINATOR}),
    ),
    MenuItem(
        _("Leerbedrijven"),
        "leerbedrijven:leerbedrijf_list",
        _("Werkgevers waar kandidaten leren: contact, erkenningen en open leerbanen."),
    ),
    MenuItem(
        _("Netwerk"),
        "organisaties:netwerk",
        _(
            "Wie kun je in de regio bellen over praktijkleren? Namen, rollen en nummers."
        ),
    ),
    MenuItem(
        _("Kennisbank"),
        "kennisbank:item_list",
        _("Regelingen, instrumenten, voorbeelden en antwoorden over praktijkleren."),
    ),
    MenuItem(
        _("Organisaties"),
        "organisaties:organisatie_list",
        _("Alle partners in jouw regio: gemeenten, UWV, scholen en bedrijven."),
    ),
    MenuItem(
        _("Medewerkers"),
        "organisaties:medewerker_list",
        _("Wie werkt er bij jouw organisatie, en in welke rol."),
        rollen=IEDEREEN - {Rol.PRAKTIJKOPLEIDER},
    ),
    MenuItem(
        _("Audittrail"),
        "organisaties:audittrail",
        _("Wie heeft welke gegevens bekeken of gewijzigd, en wanneer."),
        rollen=BEHEER,
    ),
    MenuItem(
        _("Beheeromgeving"),
        "admin:index",
        _("Organisaties, medewerkers, rollen en geplande taken beheren."),
        rollen=BEHEER,
    ),
    MenuItem(
        _("Dashboard"),
        "rapportage:dashboard",
        _("Cijfers over instroom, trajecten, praktijkverklaringen en werk."),
        rollen=frozenset({Rol.REGIOCOORDINATOR, Rol.CONSULENT, Rol.JOBCOACH}),
    ),
    MenuItem(
        _("Regio's vergelijken"),
        "rapportage:vergelijking",
        _("De belangrijkste cijfers van jouw regio's naast elkaar, zonder namen."),
        rollen=BEHEER,
    ),
]


def menu_voor(user) -> list[MenuItem]:
    """The menu items `user` may use (all of them for a superuser)."""
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return list(MENU)
    return [item for item in MENU if item.rollen & user.rollen]
