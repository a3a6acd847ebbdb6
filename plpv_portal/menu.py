"""The navigation per role: one list, read by the header and the home page.

Later apps add their pages here; an item is shown to users holding one of its roles.
The order is the order of importance: the header shows the first items in its row
and puts the rest under "Meer" when the screen is too narrow (`kopmenu`).
"""

from dataclasses import dataclass
from itertools import accumulate

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
        _("Dashboard"),
        "rapportage:dashboard",
        _("Cijfers over instroom, trajecten, praktijkverklaringen en werk."),
        rollen=frozenset({Rol.REGIOCOORDINATOR, Rol.CONSULENT, Rol.JOBCOACH}),
    ),
    MenuItem(
        _("Beheeromgeving"),
        "admin:index",
        _("Organisaties, medewerkers, rollen en geplande taken beheren."),
        rollen=BEHEER,
    ),
    MenuItem(
        _("Audittrail"),
        "organisaties:audittrail",
        _("Wie heeft welke gegevens bekeken of gewijzigd, en wanneer."),
        rollen=BEHEER,
    ),
    MenuItem(
        _("Bewaartermijnen"),
        "bewaartermijnen:overzicht",
        _("Hoe lang het portaal gegevens bewaart, en wie binnenkort anoniem wordt."),
        rollen=BEHEER,
    ),
    MenuItem(
        _("Regio's vergelijken"),
        "rapportage:vergelijking",
        _("De belangrijkste cijfers van jouw regio's naast elkaar, zonder namen."),
        rollen=BEHEER,
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
]


def menu_voor(user) -> list[MenuItem]:
    """The menu items `user` may use (all of them for a superuser)."""
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return list(MENU)
    return [item for item in MENU if item.rollen & user.rollen]


# --- The header: one row from Bootstrap's lg breakpoint (992 px) ---
# Which items fit in the row is decided here, from an estimate of the labels' width,
# so that no script has to measure and nothing shifts while the page loads. Below
# 992 px the menu button shows every item in a column. tests/e2e/test_kopmenu.py
# checks at every breakpoint, for every role, that the row does not wrap.
PX_PER_TEKEN = 9.5  # a 16 px letter of DejaVu Sans (a wide font), bold included
PX_PER_ITEM = 13  # the padding around a menu link
# The width of the header's row at each breakpoint (Bootstrap's container minus its
# padding), less what always stands in it: the brand, "Start", "Meer" and the bell
# (with a "99+" badge).
BREEDTES = {"lg": 936, "xl": 1116, "xxl": 1296}
VAST = 154 + (5 * PX_PER_TEKEN + PX_PER_ITEM) + 70 + 90


@dataclass(frozen=True)
class KopItem:
    item: MenuItem
    # Bootstrap display classes: the link in the row, and its copy under "Meer".
    in_rij: str
    onder_meer: str


@dataclass(frozen=True)
class Kopmenu:
    items: list[KopItem]
    meer: str  # display classes of the "Meer" dropdown ("" when it is not needed)


def _breedte(tekst: str) -> int:
    return len(str(tekst)) * PX_PER_TEKEN + PX_PER_ITEM


def kopmenu(user, items: list[MenuItem]) -> Kopmenu:
    """Split `items` over the header's row and its "Meer" dropdown, per breakpoint.

    An item stands in the row from the first breakpoint at which it and every item
    before it fit; below that, and never when it fits nowhere, it sits under "Meer".
    The user's own menu (their first name) takes its share of the row."""
    naam = user.first_name or user.username
    beschikbaar = {
        bp: breedte - VAST - _breedte(naam) - 12 for bp, breedte in BREEDTES.items()
    }
    kop, vanaf_alle = [], []
    for item, tot_hier in zip(
        items, accumulate(_breedte(i.label) for i in items), strict=True
    ):
        vanaf = next((bp for bp in BREEDTES if tot_hier <= beschikbaar[bp]), None)
        vanaf_alle.append(vanaf)
        kop.append(
            KopItem(
                item=item,
                in_rij={"lg": "", "xl": "d-lg-none d-xl-block"}.get(
                    vanaf, "d-lg-none d-xxl-block" if vanaf else "d-lg-none"
                ),
                onder_meer={"lg": "d-none", "xl": "d-xl-none", "xxl": "d-xxl-none"}.get(
                    vanaf, ""
                ),
            )
        )
    laatste = vanaf_alle[-1] if items else "lg"
    meer = {
        "lg": "",
        "xl": "d-none d-lg-block d-xl-none",
        "xxl": "d-none d-lg-block d-xxl-none",
        None: "d-none d-lg-block",
    }[laatste]
    return Kopmenu(items=kop, meer=meer)
