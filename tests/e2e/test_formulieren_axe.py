"""Every page with a form passes axe-core (WCAG 2.1 A/AA) for every role that uses it.

The demo region plus a few trajecten in each state give every form something to
show. Per demo login one browser session visits its form pages (from the menu in
plpv_portal/menu.py and the URLconf) and fails on any serious or critical
violation. A page that no longer answers, or has no form any more, fails too, so
the list stays honest.
"""

import datetime
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

import pytest

from kandidaten.models import Kandidaat
from kennisbank.models import Item
from kwalificaties.models import Kwalificatie, Werkproces
from leerbedrijven.models import Contactpersoon, Leerbedrijf
from meldingen.services import melding_versturen
from organisaties.models import Medewerker, Netwerkcontact
from samenwerking.models import Scan, Vraag
from tests.e2e.conftest import axe_violations, login
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from tests.factories.uitkomsten import VervolgmetingFactory, afgelopen_traject
from tests.factories.verklaringen import (
    GedragsvoorbeeldFactory,
    OntwikkeldoelFactory,
    alles_beoordelen,
)
from trajecten.constants import OvereenkomstSoort, PdfStatus
from trajecten.models import Overeenkomst, OvereenkomstVersie
from verklaringen.models import Werkopdracht
from verklaringen.services.beoordeling import (
    beoordeling_goedkeuren,
    beoordeling_indienen,
)
from verklaringen.services.verklaring import verklaring_uitreiken

pytestmark = pytest.mark.e2e

ERNSTIG = {"serious", "critical"}


def formulierdata() -> SimpleNamespace:
    """The demo objects the forms open on, and trajecten in the states they need:
    running with agreements, assessment submitted, verklaring issued (ended, so it
    takes an outcome), and an older one with a follow-up to fill in."""
    jessica = Medewerker.objects.get(username="jessica")
    hans = Medewerker.objects.get(username="hans")
    sanne = Medewerker.objects.get(username="mbo")
    peter = Contactpersoon.objects.get(naam="Peter Brink")
    bakkerij = peter.leerbedrijf
    entree = Kwalificatie.objects.get(naam="Entree")
    werkprocessen = list(Werkproces.objects.van_kwalificatie(entree).order_by("code"))[
        :2
    ]
    kandidaten = iter(
        Kandidaat.objects.filter(organisatie=jessica.organisatie).order_by("pk")
    )

    def traject(**kwargs):
        t = TrajectFactory(
            kandidaat=next(kandidaten),
            lopend=True,
            mbo_instelling=sanne.organisatie,
            werkprocessen=werkprocessen,
            **kwargs,
        )
        PlaatsingFactory(traject=t, leerbedrijf=bakkerij, praktijkopleider=peter)
        return t

    lopend = traject()
    # An agreement ready to sign (its PDF itself is not needed by the form).
    versie = OvereenkomstVersie.objects.create(
        overeenkomst=Overeenkomst.objects.get_or_create(
            traject=lopend, soort=OvereenkomstSoort.PLAATSING
        )[0],
        nummer=1,
        gegevens={},
        vingerafdruk="x" * 64,
        pdf=f"overeenkomsten/{lopend.pk}/plaatsing-v1.pdf",
        pdf_status=PdfStatus.KLAAR,
        aangevraagd_door=jessica,
    )
    doel = OntwikkeldoelFactory(traject=lopend)

    ingediend = traject()
    alles_beoordelen(ingediend, peter.account)
    beoordeling_indienen(traject=ingediend, door=peter.account)

    goedgekeurd = traject()
    alles_beoordelen(goedgekeurd, peter.account)
    beoordeling_indienen(traject=goedgekeurd, door=peter.account)
    beoordeling_goedkeuren(traject=goedgekeurd, door=sanne)

    uitgereikt = traject()
    alles_beoordelen(uitgereikt, peter.account)
    beoordeling_indienen(traject=uitgereikt, door=peter.account)
    beoordeling_goedkeuren(traject=uitgereikt, door=sanne)
    verklaring = verklaring_uitreiken(
        traject=uitgereikt,
        door=sanne,
        plaats="Enschede",
        verificatie_basis="http://testserver",
    )

    meting = VervolgmetingFactory(
        traject=afgelopen_traject(
            einde=timezone.localdate() - datetime.timedelta(days=200),
            kandidaat=next(kandidaten),
        ),
        te_laat=True,
    )
    gedrag = GedragsvoorbeeldFactory(werkproces=werkprocessen[0], leerbedrijf=bakkerij)
    opdracht = Werkopdracht.objects.create(
        werkproces=werkprocessen[0], leerbedrijf=bakkerij, titel="Deeg afwegen"
    )
    algemeen_gedrag = GedragsvoorbeeldFactory(werkproces=werkprocessen[0])
    algemene_opdracht = Werkopdracht.objects.create(
        werkproces=werkprocessen[0], titel="Werkplek klaarzetten"
    )
    # An unread notification for everyone: the list then offers "Alles gelezen".
    melding_versturen(
        ontvangers=Medewerker.objects.filter(username__in=ROLLEN),
        oorzaak="formulieren-axe",
        titel="Er staat iets voor je klaar",
        url=reverse("kennisbank:item_list"),
    )
    return SimpleNamespace(
        kandidaat=lopend.kandidaat,
        hans_kandidaat=Kandidaat.objects.filter(organisatie=hans.organisatie)
        .order_by("pk")
        .first(),
        bakkerij=bakkerij,
        peter=peter,
        erkenning=bakkerij.erkenningen.first(),
        leerbaan=bakkerij.leerbanen.first(),
        lopend=lopend,
        versie=versie,
        doel=doel,
        ingediend=ingediend,
        goedgekeurd=goedgekeurd,
        uitgereikt=uitgereikt,
        verklaring=verklaring,
        meting=meting,
        gedrag=gedrag,
        opdracht=opdracht,
        algemeen_gedrag=algemeen_gedrag,
        algemene_opdracht=algemene_opdracht,
        netwerkcontact=Netwerkcontact.objects.order_by("pk").first(),
        item=Item.objects.filter(regio__isnull=False).order_by("pk").first(),
    )


# The form pages: name -> path, given the data.
PAGINAS = {
    # the admin
    "beheer_organisaties": lambda d: reverse(
        "admin:organisaties_organisatie_changelist"
    ),
    "beheer_organisatie": lambda d: reverse(
        "admin:organisaties_organisatie_change",
        args=[Medewerker.objects.get(username="beheer").organisatie_id],
    ),
    "beheer_medewerker_nieuw": lambda d: reverse("admin:organisaties_medewerker_add"),
    "beheer_kennisbank_item": lambda d: reverse("admin:kennisbank_item_add"),
    "beheer_samenwerking_vraag": lambda d: reverse(
        "admin:samenwerking_vraag_change", args=[Vraag.objects.get(code="proces").pk]
    ),
    "beheer_kwalificatie": lambda d: reverse(
        "admin:kwalificaties_kwalificatie_change",
        args=[Kwalificatie.objects.order_by("pk").first().pk],
    ),
    "beheer_leerbedrijf": lambda d: reverse(
        "admin:leerbedrijven_leerbedrijf_change",
        args=[Leerbedrijf.objects.order_by("pk").first().pk],
    ),
    # kandidaten
    "kandidaat_list": lambda d: reverse("kandidaten:kandidaat_list"),
    "kandidaat_create": lambda d: reverse("kandidaten:kandidaat_create"),
    "kandidaat_update": lambda d: reverse(
        "kandidaten:kandidaat_update", args=[d.kandidaat.pk]
    ),
    "hans_kandidaat_update": lambda d: reverse(
        "kandidaten:kandidaat_update", args=[d.hans_kandidaat.pk]
    ),
    "kandidaat_contactmoment": lambda d: reverse(
        "kandidaten:contactmoment_create", args=[d.kandidaat.pk]
    ),
    "hans_kandidaat_contactmoment": lambda d: reverse(
        "kandidaten:contactmoment_create", args=[d.hans_kandidaat.pk]
    ),
    "kandidaat_import": lambda d: reverse("kandidaten:import_upload"),
    "team": lambda d: reverse("kandidaten:team"),
    # trajecten
    "traject_list": lambda d: reverse("trajecten:traject_list"),
    "traject_detail": lambda d: reverse("trajecten:traject_detail", args=[d.lopend.pk]),
    "traject_start": lambda d: reverse(
        "trajecten:traject_start", args=[d.meting.traject.kandidaat.pk]
    ),
    "advies_create": lambda d: reverse(
        "trajecten:advies_create", args=[d.kandidaat.pk]
    ),
    "hans_advies_create": lambda d: reverse(
        "trajecten:advies_create", args=[d.hans_kandidaat.pk]
    ),
    "matching": lambda d: reverse("trajecten:matching", args=[d.kandidaat.pk]),
    "plaatsing_create": lambda d: reverse(
        "trajecten:plaatsing_create", args=[d.lopend.pk]
    ),
    "financiering_create": lambda d: reverse(
        "trajecten:financiering_create", args=[d.lopend.pk]
    ),
    "ondertekenen": lambda d: reverse("trajecten:ondertekenen", args=[d.versie.pk]),
    # begeleiding and beoordeling
    "begeleiding": lambda d: reverse("verklaringen:begeleiding"),
    "gedragsvoorbeeld_create": lambda d: reverse(
        "verklaringen:gedragsvoorbeeld_create"
    ),
    "gedragsvoorbeeld_update": lambda d: reverse(
        "verklaringen:gedragsvoorbeeld_update", args=[d.gedrag.pk]
    ),
    "algemeen_gedragsvoorbeeld_update": lambda d: reverse(
        "verklaringen:gedragsvoorbeeld_update", args=[d.algemeen_gedrag.pk]
    ),
    "werkopdracht_create": lambda d: reverse("verklaringen:werkopdracht_create"),
    "werkopdracht_update": lambda d: reverse(
        "verklaringen:werkopdracht_update", args=[d.opdracht.pk]
    ),
    "algemene_werkopdracht_update": lambda d: reverse(
        "verklaringen:werkopdracht_update", args=[d.algemene_opdracht.pk]
    ),
    "observatie": lambda d: reverse("verklaringen:observatie", args=[d.lopend.pk]),
    "voortgang": lambda d: reverse("verklaringen:voortgang", args=[d.lopend.pk]),
    "voortgang_ingediend": lambda d: reverse(
        "verklaringen:voortgang", args=[d.ingediend.pk]
    ),
    "voortgang_goedgekeurd": lambda d: reverse(
        "verklaringen:voortgang", args=[d.goedgekeurd.pk]
    ),
    "ontwikkeldoel_update": lambda d: reverse(
        "verklaringen:ontwikkeldoel_update", args=[d.lopend.pk, d.doel.pk]
    ),
    "verklaring_list": lambda d: reverse("verklaringen:verklaring_list"),
    "verklaring_detail": lambda d: reverse(
        "verklaringen:verklaring_detail", args=[d.verklaring.pk]
    ),
    # uitkomst en nameting
    "uitkomst": lambda d: reverse(
        "uitkomsten:uitkomst_vastleggen", args=[d.uitgereikt.pk]
    ),
    "vervolgmeting": lambda d: reverse(
        "uitkomsten:vervolgmeting_vastleggen", args=[d.meting.pk]
    ),
    "dashboard": lambda d: reverse("rapportage:dashboard"),
    "vergelijking": lambda d: reverse("rapportage:vergelijking"),
    # leerbedrijven
    "leerbedrijf_list": lambda d: reverse("leerbedrijven:leerbedrijf_list"),
    "leerbedrijf_create": lambda d: reverse("leerbedrijven:leerbedrijf_create"),
    "leerbedrijf_detail": lambda d: reverse(
        "leerbedrijven:leerbedrijf_detail", args=[d.bakkerij.pk]
    ),
    "leerbedrijf_update": lambda d: reverse(
        "leerbedrijven:leerbedrijf_update", args=[d.bakkerij.pk]
    ),
    "leerbedrijf_contactmoment": lambda d: reverse(
        "leerbedrijven:contactmoment_create", args=[d.bakkerij.pk]
    ),
    "erkenning_create": lambda d: reverse(
        "leerbedrijven:erkenning_create", args=[d.bakkerij.pk]
    ),
    "erkenning_update": lambda d: reverse(
        "leerbedrijven:erkenning_update", args=[d.bakkerij.pk, d.erkenning.pk]
    ),
    "leerbaan_create": lambda d: reverse(
        "leerbedrijven:leerbaan_create", args=[d.bakkerij.pk]
    ),
    "leerbaan_update": lambda d: reverse(
        "leerbedrijven:leerbaan_update", args=[d.bakkerij.pk, d.leerbaan.pk]
    ),
    "contactpersoon_create": lambda d: reverse(
        "leerbedrijven:contactpersoon_create", args=[d.bakkerij.pk]
    ),
    "contactpersoon_update": lambda d: reverse(
        "leerbedrijven:contactpersoon_update", args=[d.bakkerij.pk, d.peter.pk]
    ),
    "vestiging_create": lambda d: reverse(
        "leerbedrijven:vestiging_create", args=[d.bakkerij.pk]
    ),
    "leerbedrijf_import": lambda d: reverse("leerbedrijven:import_upload"),
    # organisaties, netwerk, kennisbank, meldingen, account
    "organisatie_list": lambda d: reverse("organisaties:organisatie_list"),
    "medewerker_list": lambda d: reverse("organisaties:medewerker_list"),
    "audittrail": lambda d: reverse("organisaties:audittrail"),
    "netwerk": lambda d: reverse("organisaties:netwerk"),
    "netwerk_create": lambda d: reverse("organisaties:netwerk_create"),
    "samenwerking_nieuw": lambda d: reverse("samenwerking:scan_nieuw", args=["AM05"]),
    "samenwerking_scan": lambda d: reverse(
        "samenwerking:scan_detail",
        args=[Scan.objects.filter(regio__code="AM05").latest("versie").pk],
    ),
    "netwerk_update": lambda d: reverse(
        "organisaties:netwerk_update", args=[d.netwerkcontact.pk]
    ),
    "kennisbank": lambda d: reverse("kennisbank:item_list"),
    "kennisbank_detail": lambda d: reverse(
        "kennisbank:item_detail", args=[d.item.slug]
    ),
    "kennisbank_create": lambda d: reverse("kennisbank:item_create"),
    "kennisbank_update": lambda d: reverse(
        "kennisbank:item_update", args=[d.item.slug]
    ),
    "meldingen": lambda d: reverse("meldingen:melding_list"),
    "meldingen_instellingen": lambda d: reverse("meldingen:voorkeuren"),
    "wachtwoord": lambda d: reverse("password_change"),
    "inloggen": lambda d: reverse("login"),
    "wachtwoord_vergeten": lambda d: reverse("password_reset"),
}

LEERBEDRIJF_FORMULIEREN = [
    "leerbedrijf_list",
    "leerbedrijf_create",
    "leerbedrijf_detail",
    "leerbedrijf_update",
    "leerbedrijf_contactmoment",
    "erkenning_create",
    "erkenning_update",
    "leerbaan_create",
    "leerbaan_update",
    "contactpersoon_create",
    "contactpersoon_update",
    "vestiging_create",
    "leerbedrijf_import",
]
BEGELEIDING_FORMULIEREN = [
    "gedragsvoorbeeld_create",
    "gedragsvoorbeeld_update",
    "algemeen_gedragsvoorbeeld_update",
    "werkopdracht_create",
    "werkopdracht_update",
    "algemene_werkopdracht_update",
]
ALGEMEEN = [
    "organisatie_list",
    "netwerk",
    "kennisbank",
    "meldingen",
    "meldingen_instellingen",
    "wachtwoord",
]
# The admin (/beheer/): the beheerder's list, change and add forms.
BEHEER = [
    "beheer_organisaties",
    "beheer_organisatie",
    "beheer_medewerker_nieuw",
    "beheer_kennisbank_item",
    "beheer_leerbedrijf",
    "beheer_kwalificatie",
    "beheer_samenwerking_vraag",
]

# Per demo login: the pages where it finds a form (a search filter counts).
ROLLEN = {
    "anoniem": ["inloggen", "wachtwoord_vergeten"],
    "jessica": [
        "kandidaat_list",
        "kandidaat_create",
        "kandidaat_update",
        "kandidaat_contactmoment",
        "kandidaat_import",
        "traject_list",
        "traject_detail",
        "traject_start",
        "advies_create",
        "matching",
        "plaatsing_create",
        "financiering_create",
        "ondertekenen",
        "observatie",
        "voortgang",
        "ontwikkeldoel_update",
        "uitkomst",
        "vervolgmeting",
        "dashboard",
        *LEERBEDRIJF_FORMULIEREN,
        *ALGEMEEN,
    ],
    # The same role in another organisation: the forms on its own candidates.
    "hans": [
        "hans_kandidaat_update",
        "hans_kandidaat_contactmoment",
        "hans_advies_create",
    ],
    "opleider": [
        "traject_list",
        "matching",
        "ondertekenen",
        "observatie",
        "voortgang",
        "ontwikkeldoel_update",
        *BEGELEIDING_FORMULIEREN,
        "leerbedrijf_list",
        *ALGEMEEN,
    ],
    "mbo": [
        "kandidaat_list",
        "traject_list",
        "traject_detail",
        "advies_create",
        "matching",
        "plaatsing_create",
        "financiering_create",
        "ondertekenen",
        "voortgang_ingediend",
        "voortgang_goedgekeurd",
        "verklaring_detail",
        *BEGELEIDING_FORMULIEREN,
        "leerbedrijf_list",
        *ALGEMEEN,
    ],
    "coordinator": [
        "kandidaat_list",
        "traject_list",
        "matching",
        "dashboard",
        *LEERBEDRIJF_FORMULIEREN,
        "netwerk_create",
        "netwerk_update",
        "kennisbank_create",
        "kennisbank_update",
        "samenwerking_nieuw",
        "samenwerking_scan",
        *ALGEMEEN,
    ],
    "beheer": [
        *BEGELEIDING_FORMULIEREN,
        "vergelijking",
        *LEERBEDRIJF_FORMULIEREN,
        "audittrail",
        *BEHEER,
        "netwerk_create",
        "netwerk_update",
        "kennisbank_detail",
        "kennisbank_create",
        "kennisbank_update",
        *ALGEMEEN,
    ],
}


@pytest.mark.parametrize("gebruiker", list(ROLLEN))
def test_every_form_page_passes_axe(gebruiker, demo, page, live_server):
    data = formulierdata()
    page.set_default_timeout(15000)  # generous for a loaded machine
    if gebruiker != "anoniem":
        login(page, live_server.url, gebruiker)
    fouten = {}
    for naam in ROLLEN[gebruiker]:
        adres = live_server.url + PAGINAS[naam](data)
        antwoord = page.goto(adres)
        if (antwoord.status, page.url) != (200, adres):
            fouten[naam] = f"{antwoord.status} {page.url}"
        elif not page.locator("main form").count():
            fouten[naam] = "no form on the page"
        elif ernstig := [v for v in axe_violations(page) if v["impact"] in ERNSTIG]:
            fouten[naam] = ernstig
    assert fouten == {}
