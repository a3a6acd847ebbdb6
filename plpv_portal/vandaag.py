"""The "Vandaag" block on the home page: what waits for the user today, per kind,
each with a count and a link to the page where it is done.

The roof may read every app; each kind comes from the app that owns the rule (the
caseload's signals, the reminder rules' definitions and periods, the follow-up
work list), scoped to the user's own work. A fixed number of queries (about eight)
whatever the number of rows.
"""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.datums import datum_tekst
from kandidaten.constants import GEEN_CONTACT_SIGNAAL_DAGEN
from kandidaten.selectors import signalen_tellen
from leerbedrijven.selectors import geplande_acties
from meldingen.herinneringen import regel_dagen
from organisaties.constants import Rol
from trajecten.constants import Partij
from trajecten.herinneringen import ongetekend
from trajecten.models import OvereenkomstVersie, Traject
from uitkomsten.selectors import werklijst_consulent
from verklaringen.herinneringen import zonder_observatie
from voortgang.selectors import open_acties, open_weken_opleider


@dataclass
class Item:
    tekst: str
    url: str
    toelichting: str = ""


@dataclass
class Soort:
    """One line of the block: `code` is its HTML id (`kop-<code>`)."""

    code: str
    titel: str
    aantal: int
    url: str = ""  # the page for the whole line (a filtered list); or per item:
    items: list[Item] = field(default_factory=list)
    uitleg: str = ""
    objecten: list = field(default_factory=list)


@dataclass
class Vandaag:
    soorten: list[Soort]
    getoond: bool  # a consulent always sees the block, even with nothing to do

    def soort(self, code: str) -> Soort | None:
        return next((s for s in self.soorten if s.code == code), None)


def vandaag_voor(user, *, vandaag: date) -> Vandaag:
    consulent = user.heeft_rol(Rol.CONSULENT)
    soorten = []
    if consulent:
        soorten += _kandidaten(user)
    soorten.append(_leerbedrijf_acties(user, vandaag))
    soorten.append(_gesprek_acties(user, vandaag))
    if user.heeft_rol(Rol.PRAKTIJKOPLEIDER):
        soorten.append(_uren_bevestigen(user, vandaag))
    if consulent:
        eigen = Traject.objects.zichtbaar_voor(user).filter(consulent=user)
        soorten += [
            _handtekeningen(eigen),
            _zonder_observatie(eigen, vandaag),
            *_werklijst(user, vandaag),
        ]
    soorten = [s for s in soorten if s.aantal]
    return Vandaag(soorten=soorten, getoond=consulent or bool(soorten))


def _caseload_url(user, signaal: str, sort: str) -> str:
    query = urlencode({"consulent": user.pk, "signaal": signaal, "sort": sort})
    return f"{reverse('kandidaten:kandidaat_list')}?{query}"


def _kandidaten(user) -> list[Soort]:
    aantallen = signalen_tellen(user=user)
    return [
        Soort(
            "actie-te-laat",
            _("Acties bij kandidaten te laat"),
            aantallen["actie_te_laat"],
            url=_caseload_url(user, "actie_te_laat", "volgende_actie"),
            uitleg=_("De datum van de volgende actie is voorbij."),
        ),
        Soort(
            "geen-contact",
            _("Kandidaten zonder contact in %(dagen)s dagen")
            % {"dagen": GEEN_CONTACT_SIGNAAL_DAGEN},
            aantallen["geen_contact"],
            url=_caseload_url(user, "geen_contact", "laatste_contact"),
        ),
    ]


def _leerbedrijf_acties(user, vandaag) -> Soort:
    momenten = list(geplande_acties(tot_en_met=vandaag, user=user))
    return Soort(
        "leerbedrijf-acties",
        _("Acties bij leerbedrijven"),
        len(momenten),
        items=[
            Item(
                f"{m.leerbedrijf}: {m.volgende_actie or _('volgende actie')}",
                m.leerbedrijf.get_absolute_url(),
                _("gepland op %s") % datum_tekst(m.volgende_actie_op),
            )
            for m in momenten
        ],
        uitleg=_("Je hebt ze zelf gepland. De datum is vandaag of al voorbij."),
        objecten=momenten,
    )


def _handtekeningen(eigen) -> Soort:
    versies = ongetekend(
        OvereenkomstVersie.objects.filter(overeenkomst__traject__in=eigen)
    )
    return Soort(
        "handtekeningen",
        _("Overeenkomsten die op een handtekening wachten"),
        len(versies),
        items=[
            Item(
                f"{versie.overeenkomst.traject.kandidaat}: "
                f"{versie.overeenkomst.get_soort_display()}",
                versie.overeenkomst.traject.get_absolute_url(),
                _("nog niet getekend door %s")
                % ", ".join(str(Partij(p).label) for p in ontbreekt),
            )
            for versie, ontbreekt in versies
        ],
        objecten=[versie for versie, _ontbreekt in versies],
    )


def _zonder_observatie(eigen, vandaag) -> Soort:
    dagen = regel_dagen("geen_observatie")
    trajecten = list(
        zonder_observatie(eigen, vandaag=vandaag, dagen=dagen)
        .select_related("kandidaat")
        .order_by("sinds", "pk")
    )
    return Soort(
        "geen-observatie",
        ngettext(
            "Trajecten zonder observatie in %(dagen)s dag",
            "Trajecten zonder observatie in %(dagen)s dagen",
            dagen,
        )
        % {"dagen": dagen},
        len(trajecten),
        items=[
            Item(
                str(t.kandidaat),
                reverse("verklaringen:observatie", args=[t.pk]),
                _("niets vastgelegd sinds %s") % datum_tekst(t.sinds),
            )
            for t in trajecten
        ],
        uitleg=_(
            "Vraag de praktijkopleider om een observatie, of leg er zelf een vast."
        ),
        objecten=trajecten,
    )


def _werklijst(user, vandaag) -> list[Soort]:
    werklijst = werklijst_consulent(user=user, vandaag=vandaag)
    te_meten, zonder_uitkomst = werklijst["te_meten"], werklijst["zonder_uitkomst"]
    return [
        Soort(
            "te-meten",
            _("Nametingen om in te vullen"),
            len(te_meten),
            items=[
                Item(
                    _("%(kandidaat)s: nameting na %(maanden)s maanden")
                    % {"kandidaat": m.traject.kandidaat, "maanden": m.maanden},
                    reverse("uitkomsten:vervolgmeting_vastleggen", args=[m.pk]),
                    _("gepland op %s") % datum_tekst(m.gepland_op),
                )
                for m in te_meten
            ],
            objecten=te_meten,
        ),
        Soort(
            "zonder-uitkomst",
            _("Trajecten zonder uitkomst"),
            len(zonder_uitkomst),
            items=[
                Item(
                    _("%s: uitkomst vastleggen") % t.kandidaat,
                    reverse("uitkomsten:uitkomst_vastleggen", args=[t.pk]),
                    _("traject klaar sinds %s") % datum_tekst(t.einde)
                    if t.einde
                    else "",
                )
                for t in zonder_uitkomst
            ],
            objecten=zonder_uitkomst,
        ),
    ]


def _gesprek_acties(user, vandaag) -> Soort:
    acties = open_acties(user=user)
    return Soort(
        "gesprek-acties",
        _("Acties uit voortgangsgesprekken"),
        len(acties),
        items=[
            Item(
                f"{a.gesprek.traject.kandidaat}: {a.omschrijving}",
                f"{a.gesprek.get_absolute_url()}#actie-{a.pk}",
                (
                    _("te laat: uiterlijk %s")
                    if a.uiterlijk_op < vandaag
                    else _("uiterlijk %s")
                )
                % datum_tekst(a.uiterlijk_op),
            )
            for a in acties
        ],
        uitleg=_("Jij doet ze. Klaar? Zet ze op afgerond bij het gesprek."),
        objecten=acties,
    )


def _uren_bevestigen(user, vandaag) -> Soort:
    rijen = open_weken_opleider(user=user, vandaag=vandaag)
    return Soort(
        "uren-bevestigen",
        _("Weken om de uren te bevestigen"),
        sum(len(weken) for _p, weken in rijen),
        url=reverse("voortgang:uren"),
        uitleg=_("Eén tik per week: klopt het aantal uren?"),
        objecten=[(p, w) for p, weken in rijen for w in weken],
    )
