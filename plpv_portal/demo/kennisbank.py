"""Demo kennisbank: facts from the reference pages and the seeds, in our own words.

National items are owned by the demo leerwerkloket (someone has to keep them); the
Twente items are fictional. No real contact persons: the seeds name some, the
kennisbank refers to organisations and public websites only.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from kennisbank.constants import Soort
from kennisbank.models import Item
from kennisbank.services import tags_ophalen
from kwalificaties.constants import Sector
from organisaties.models import Arbeidsmarktregio, Medewerker, Organisatie

# (slug, soort, titel, samenvatting, body, tags, extra fields); regio=True: Twente.
ITEMS = [
    (
        "wat-is-plpv",
        Soort.INSTRUMENT,
        "Wat is praktijkleren met de praktijkverklaring (PLPV)?",
        "Iemand zonder startkwalificatie leert een deel van een mbo-beroep in een "
        "echt bedrijf. Wat hij of zij goed kan, staat op een praktijkverklaring van "
        "de mbo-school.",
        "<p>Praktijkleren met de praktijkverklaring is een route in de derde leerweg "
        "van het mbo. Het is voor mensen voor wie een heel mbo-diploma of "
        "mbo-certificaat (nog) te ver weg is, maar die wel in de praktijk kunnen "
        "leren.</p><h3>Hoe werkt het?</h3><ul><li>De kandidaat werkt op een leerbaan "
        "bij een erkend leerbedrijf (erkend door SBB).</li><li>Samen kiezen jullie "
        "werkprocessen uit een mbo-kwalificatiedossier.</li><li>De praktijkopleider "
        "in het bedrijf begeleidt en beoordeelt de kandidaat aan de hand van "
        "gedragsvoorbeelden.</li><li>De mbo-school houdt contact, komt op de werkplek "
        "en geeft de praktijkverklaring af.</li></ul><p>Het is geen bol en geen bbl: "
        "de kandidaat gaat niet naar school. Na een verklaring kan een volgende "
        "verklaring komen, of een mbo-certificaat of diploma.</p>",
        ["praktijkverklaring", "derde leerweg"],
        {},
    ),
    (
        "drie-mbo-bewijzen",
        Soort.INSTRUMENT,
        "Drie bewijzen in het mbo: praktijkverklaring, mbo-certificaat en diploma",
        "Welk bewijs past bij de kandidaat? Een praktijkverklaring voor een deel van "
        "een beroep, een mbo-certificaat voor een afgerond onderdeel, of een diploma.",
        "<h3>Praktijkverklaring</h3><p>Hierop staan de werkprocessen die de "
        "kandidaat in het bedrijf heeft geleerd. De verklaring hoort bij de "
        "mbo-verklaring van de school.</p><h3>Mbo-certificaat</h3><p>Een bewijs voor "
        "een afgerond, erkend deel van een mbo-opleiding. Er is een examen voor "
        "nodig.</p><h3>Mbo-diploma</h3><p>Het bewijs voor een hele opleiding, "
        "bijvoorbeeld via de bbl (werken en leren). Vanaf niveau 2 is dit een "
        "startkwalificatie.</p><p>De <strong>Checklist inclusief advies</strong> "
        "helpt consulent en mbo-school kiezen.</p>",
        ["praktijkverklaring", "advies"],
        {},
    ),
    (
        "leerwerkloketten",
        Soort.INSTRUMENT,
        "Leerwerkloketten: gratis advies over leren en werken",
        "In elke arbeidsmarktregio is een leerwerkloket van gemeenten, mbo-scholen en "
        "UWV. Zij geven gratis en onafhankelijk advies over leren en werken.",
        "<p>Leerwerkloketten bestaan sinds 2005. Er is er één in elk van de 35 "
        "arbeidsmarktregio's. Je kunt er terecht voor advies over werkend leren, "
        "EVC en loopbaanvragen.</p><p>Sinds 2017 betaalt het Rijk ze structureel. "
        "De loketten gaan op in de nieuwe Werkcentra. Meer informatie staat op "
        '<a href="https://www.lerenenwerken.nl">lerenenwerken.nl</a>.</p>',
        ["leerwerkloket", "advies"],
        {},
    ),
    (
        "perspectief-op-werk",
        Soort.REGELING,
        "Perspectief op Werk (2019 en 2020)",
        "Extra geld om mensen die willen en kunnen werken aan een baan te helpen. "
        "Elke arbeidsmarktregio kreeg 1 miljoen euro per jaar voor een actieplan.",
        "<p>Werkgevers, gemeenten, UWV, de MBO Raad en het Rijk spraken in 2019 af "
        "om samen meer mensen aan het werk te helpen. Het kabinet gaf in 2019 en "
        "2020 elk jaar 35 miljoen euro.</p><p>Veel regio's betaalden hun "
        "praktijkleren uit dit geld. Elke regio maakte een eigen actieplan "
        "(doe-agenda), dus de afspraken verschillen per regio.</p>",
        ["financiering"],
        {
            "wie_mag": "De arbeidsmarktregio, met een actieplan dat de "
            "staatssecretaris van SZW heeft goedgekeurd.",
            "voorwaarden": "Een actieplan van de centrumgemeente en de werkgevers "
            "in de regio. Alle 35 regio's hebben er een ingediend.",
            "geldig_van": date(2019, 1, 1),
            "geldig_tot": date(2020, 12, 31),
        },
    ),
    (
        "crisisregeling-praktijkleren",
        Soort.REGELING,
        "Crisisregeling: praktijkleren via het Regionaal Mobiliteitsteam",
        "Na corona kwam er 63 miljoen euro voor korte scholing via praktijkleren in "
        "het mbo. Een traject duurde hoogstens 9 maanden.",
        "<p>De Tijdelijke regeling aanvullende crisisdienstverlening COVID-19 "
        "(maart 2021) betaalde scholing via praktijkleren in het mbo. De Regionale "
        "Mobiliteitsteams (RMT's) kochten de trajecten in.</p><ul><li>Ongeveer 31 "
        "miljoen euro voor opleidingen bij mbo-scholen.</li><li>Ongeveer 27 miljoen "
        "euro voor subsidie aan leerbedrijven.</li></ul><p>Een traject eindigt met "
        "een praktijkverklaring, mbo-certificaat of diploma. De regeling is per 1 "
        "januari 2025 vervallen; RMT's gaan op in de Werkcentra.</p>",
        ["financiering", "crisisregeling"],
        {
            "wie_mag": "Mensen die door corona hun baan kwijt waren of dreigden te "
            "raken, en mensen uit de doelgroep banenafspraak.",
            "voorwaarden": "Ingekocht via het Regionaal Mobiliteitsteam. Zowel de "
            "kosten van de mbo-school als die van de werkgever konden worden "
            "vergoed.",
            "max_duur_maanden": 9,
            "geldig_van": date(2021, 3, 22),
            "geldig_tot": date(2024, 12, 31),
        },
    ),
    (
        "subsidie-praktijkleren-derde-leerweg",
        Soort.REGELING,
        "Subsidieregeling praktijkleren in de derde leerweg",
        "Een erkend leerbedrijf kan subsidie krijgen voor het begeleiden van een "
        "werkzoekende: maximaal 2.700 euro per student per 40 weken.",
        "<p>De regeling is van het ministerie van SZW en wordt uitgevoerd door RVO. "
        "Het bedrag is naar verhouding lager bij een kortere periode. Alleen de "
        "eerste 40 weken vanaf de start van de praktijkovereenkomst tellen mee.</p>"
        "<p>Let op: dit is een andere regeling dan de gewone Subsidieregeling "
        "praktijkleren van OCW. Die is alleen voor de bbl. Kijk voor de data en "
        'voorwaarden van nu op <a href="https://www.rvo.nl">rvo.nl</a>.</p>',
        ["financiering", "subsidie", "derde leerweg"],
        {
            "wie_mag": "Een erkend leerbedrijf, voor een werkzoekende of een "
            "werkende (sinds de wijziging van 2024).",
            "voorwaarden": "Een getekende praktijkovereenkomst; een opleiding in "
            "Crebo die leidt tot een diploma, certificaat of praktijkverklaring; "
            "niet stapelen met andere subsidies.",
            "max_bedrag": Decimal("2700"),
        },
    ),
    (
        "stap-budget",
        Soort.REGELING,
        "STAP-budget (gestopt in 2023)",
        "Iedereen kon tot 1.000 euro per jaar krijgen voor een opleiding. De "
        "regeling is gestopt: de laatste aanvraag kon op 15 november 2023.",
        "<p>Het STAP-budget van UWV startte op 1 maart 2022. Ongeveer 324.000 "
        "mensen hebben het gebruikt. Het kabinet besloot in 2023 te stoppen. Je "
        "kunt het dus niet meer gebruiken voor een nieuw traject.</p>",
        ["financiering", "gestopt"],
        {
            "wie_mag": "Werkenden en werkzoekenden, voor scholing die helpt op de "
            "arbeidsmarkt.",
            "max_bedrag": Decimal("1000"),
            "geldig_van": date(2022, 3, 1),
            "geldig_tot": date(2023, 11, 15),
        },
    ),
    (
        "praktijkvoorbeeld-haaglanden-niet-te-schools",
        Soort.PRAKTIJKVOORBEELD,
        "Haaglanden: maak praktijkleren niet te schools",
        "In Haaglanden leerden ze: houd het laagdrempelig. Geen lesboeken, maar een "
        "begeleidingsdocument met concreet gedrag. De werkgever beoordeelt.",
        "<p>Vanaf 2020 probeerde een klein team in arbeidsmarktregio Haaglanden "
        "praktijkleren uit. Veel deelnemers hebben slechte ervaringen met school. "
        "Praktijkleren moet ze juist een goede leerervaring geven.</p><h3>Tips uit "
        "de regio</h3><ul><li>Begin met medewerkers zonder startkwalificatie die al "
        "in het bedrijf werken.</li><li>Gebruik het begeleidingsdocument: daarin "
        "staan werkprocessen als concreet gedrag.</li><li>De praktijkopleider "
        "beoordeelt, niet de school.</li><li>Zorg voor één vast aanspreekpunt en "
        "vast overleg, zodat het niet van één persoon afhangt.</li><li>Vraag hulp "
        "van SBB als je iets niet weet. En vooral: gewoon beginnen.</li></ul>",
        ["praktijkvoorbeeld", "begeleidingsdocument"],
        {},
    ),
    (
        "praktijkvoorbeeld-west-brabant-methodiek",
        Soort.PRAKTIJKVOORBEELD,
        "West-Brabant: kies een methodiek die bij je organisatie past",
        "West-Brabant deelde lessen over praktijkleren bij een ontwikkelbedrijf: "
        "kleine werkopdrachten, tussenresultaten digitaal vastleggen en sturen op "
        "resultaten.",
        "<p>In een workshop (2021) liet arbeidsmarktregio West-Brabant zien hoe zij "
        "praktijkleren aanpakken, samen met het ontwikkelbedrijf.</p><ul><li>Deel "
        "werkprocessen op in kleine werkopdrachten en instructiekaarten. Kleine "
        "stappen geven meer succeservaringen.</li><li>De praktijkopleider doet een "
        "0-meting en maakt met de kandidaat een POP.</li><li>Leg tussenresultaten "
        "digitaal vast: dan kun je sturen en zijn resultaten voorspelbaar.</li>"
        "<li>Ook bij dagbesteding kun je werknemersvaardigheden leren, met de "
        "Entree-werkprocessen B1-K1-W1 tot en met W3.</li></ul>",
        ["praktijkvoorbeeld", "werkfit", "ontwikkelbedrijf"],
        {},
    ),
    (
        "twente-bakkerij-voorbeeld",
        Soort.PRAKTIJKVOORBEELD,
        "Twente (demo): leren in de bakkerij",
        "Een verzonnen voorbeeld uit de demo: een kandidaat leert bij een bakkerij "
        "de Entree-werkprocessen, met een praktijkopleider die elke week meekijkt.",
        "<p>Dit voorbeeld is verzonnen voor de demo van het portaal.</p>",
        ["praktijkvoorbeeld"],
        {"regio": True, "sector": Sector.DETAILHANDEL, "dagen": 420},
    ),
    (
        "faq-is-praktijkverklaring-een-diploma",
        Soort.VRAAG,
        "Is een praktijkverklaring een diploma?",
        "Nee. Het is geen diploma en geen certificaat. Het laat zien welke "
        "werkprocessen iemand in een bedrijf beheerst.",
        "<p>De praktijkverklaring is een onderdeel van de mbo-verklaring. Het is "
        "een bewijs van wat iemand in de praktijk kan. Het kan een eerste stap zijn "
        "naar een mbo-certificaat of diploma.</p>",
        ["praktijkverklaring", "veelgestelde vraag"],
        {},
    ),
    (
        "faq-startkwalificatie",
        Soort.VRAAG,
        "Mag iemand met een startkwalificatie meedoen?",
        "Meestal is PLPV voor mensen zonder startkwalificatie. Maar het kan ook met "
        "een startkwalificatie, als je uitlegt waarom.",
        "<p>Een startkwalificatie is een havo- of vwo-diploma of een mbo-diploma "
        "vanaf niveau 2. Iemand met een startkwalificatie kan toch meedoen, "
        "bijvoorbeeld als hij of zij weinig vertrouwen heeft in leren of alleen op "
        "de werkvloer kan leren. Schrijf de reden op in het advies.</p>",
        ["startkwalificatie", "veelgestelde vraag"],
        {},
    ),
    (
        "faq-welke-overeenkomsten",
        Soort.VRAAG,
        "Welke overeenkomsten zijn nodig voor een traject?",
        "Drie: de plaatsingsovereenkomst, de praktijkovereenkomst en de "
        "opleidingsovereenkomst. Het traject start pas als alles getekend is.",
        "<ul><li><strong>Plaatsingsovereenkomst</strong>: kandidaat, leerbedrijf "
        "en gemeente of UWV.</li><li><strong>Praktijkovereenkomst</strong>: "
        "kandidaat, leerbedrijf en mbo-school.</li><li><strong>"
        "Opleidingsovereenkomst</strong>: kandidaat en mbo-school.</li></ul>",
        ["overeenkomsten", "veelgestelde vraag"],
        {},
    ),
    (
        "twente-wie-betaalt-wat",
        Soort.VRAAG,
        "Twente (demo): wie betaalt wat bij een traject?",
        "In de demo-regio Twente spreken gemeente, UWV en school per traject af wie "
        "wat betaalt. Dat staat bij de financiering van het traject.",
        "<p>Vraag het leerwerkloket als je twijfelt welke regeling past.</p>",
        ["financiering", "veelgestelde vraag"],
        {"regio": True},
    ),
]

# Pairs of related items ("zie ook").
ZIE_OOK = [
    ("wat-is-plpv", "drie-mbo-bewijzen"),
    ("wat-is-plpv", "faq-is-praktijkverklaring-een-diploma"),
    ("crisisregeling-praktijkleren", "subsidie-praktijkleren-derde-leerweg"),
    ("stap-budget", "subsidie-praktijkleren-derde-leerweg"),
    ("praktijkvoorbeeld-haaglanden-niet-te-schools", "wat-is-plpv"),
    ("praktijkvoorbeeld-west-brabant-methodiek", "twente-bakkerij-voorbeeld"),
    ("twente-wie-betaalt-wat", "crisisregeling-praktijkleren"),
]


def demo_kennisbank(
    twente: Arbeidsmarktregio, organisaties: dict[str, Organisatie], door: Medewerker
) -> None:
    """The demo kennisbank (safe to repeat: items are keyed on their slug)."""
    vandaag = timezone.localdate()
    items = {}
    for slug, soort, titel, samenvatting, body, tags, extra in ITEMS:
        extra = dict(extra)
        dagen = extra.pop("dagen", 30)
        regio = twente if extra.pop("regio", False) else None
        item, _ = Item.objects.update_or_create(
            slug=slug,
            defaults={
                "soort": soort,
                "titel": titel,
                "samenvatting": samenvatting,
                "body": body,
                "regio": regio,
                "eigenaar": organisaties["loket"],
                "laatst_gecontroleerd_op": vandaag - timedelta(days=dagen),
                "gecontroleerd_door": door,
                **extra,
            },
        )
        item.tags.set(tags_ophalen(tags))
        items[slug] = item
    for a, b in ZIE_OOK:
        items[a].gerelateerd.add(items[b])
