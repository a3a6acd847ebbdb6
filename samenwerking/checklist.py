"""The standard Checklist regionale samenwerking, loaded once by a data migration;
afterwards the questions are data that the functioneel beheerder keeps in the admin.

Sources (in our own words, B1): the maturity table "van werkbedrijf naar regionale
partner voor arbeidsontwikkeling" (Arbeidsmarktregio West-Brabant and PTC Groep,
2021) for the three dimensions and their five stages; the AEF report "Maatwerk in de
praktijk" (2021, recommendations to regions) for the agreements; the closing learning
circle of the national pilots (KBA evaluation, the toolbox's "checklist regionale
samenwerking") for recruitment and employers.
"""

# The five stages of the maturity table, lowest first.
FASES = [
    "Werkbedrijf (productiegericht)",
    "Werk-leerbedrijf (begeleiding beperkt, niet uniform)",
    "Werk-leerbedrijf (begeleiding beperkt, wel uniform)",
    "Leer-werkbedrijf (balans tussen productie en ontwikkeling)",
    "Regionale partner voor arbeidsontwikkeling",
]

# (naam, uitleg, [(code, soort, tekst, uitleg, verplicht, [beschrijving per fase])])
THEMAS = [
    (
        "Werkwijze: waar staat de regio?",
        "Naar de tabel van West-Brabant en PTC Groep: van werkbedrijf naar regionale "
        "partner voor arbeidsontwikkeling. Kies per onderdeel de fase die nu het best "
        "past. Twijfel je tussen twee fases? Kies de laagste en schrijf in de "
        "toelichting wat er al wel is.",
        [
            (
                "proces",
                "fase",
                "Proces: hoe is het ontwikkelproces ingericht?",
                "Binnen de organisaties en op de leerwerkplekken bij werkgevers.",
                True,
                [
                    "Productie staat voorop. Het ontwikkelproces en de taakverdeling "
                    "zijn niet vastgelegd. Leerdoelen en leerwerkplekken zijn niet op "
                    "elkaar afgestemd.",
                    "Het ontwikkelproces en de taakverdeling zijn formeel vastgesteld. "
                    "Leerdoelen passen bij doorstroom en de eisen van de arbeidsmarkt. "
                    "Ontwikkeldoelen en leerwerkplekken zijn op elkaar afgestemd. "
                    "Productie gaat nog voor ontwikkeling.",
                    "Zoals in fase 2: het proces is vastgesteld en leerdoelen en "
                    "leerwerkplekken zijn afgestemd. Productie gaat nog voor "
                    "ontwikkeling. Het verschil met fase 2 zit in de begeleiding.",
                    "Het proces is vastgesteld, leerdoelen en leerwerkplekken zijn "
                    "afgestemd, en er is balans tussen productiedoelen en "
                    "ontwikkeldoelen.",
                    "Zoals in fase 4. Daarnaast neemt de regio het initiatief voor "
                    "regionale hubs: zij richt samen met partners het proces, de "
                    "leerwerkplekken en de hulpmiddelen in.",
                ],
            ),
            (
                "begeleiding",
                "fase",
                "Begeleiding: hoe worden kandidaat en werkgever begeleid?",
                "Gericht op de taak en op het hele leerwerktraject.",
                True,
                [
                    "De praktijkopleider beoordeelt alleen het resultaat. Er is geen "
                    "vaste tijd voor begeleiding of voortgangsgesprekken.",
                    "Er is tijd voor begeleiding en regelmatig voortgangsoverleg. De "
                    "praktijkopleider geeft werkopdrachten of instructiekaarten; de "
                    "kandidaat werkt zelf aan ontwikkeldoelen. Elke praktijkopleider "
                    "doet het op zijn eigen manier.",
                    "Zoals in fase 2, en de praktijkopleiders werken op één manier: zij "
                    "observeren bij de nulmeting voor het POP, stellen het POP vast met "
                    "de kandidaat, geven methodisch instructie en coachen op dezelfde "
                    "manier.",
                    "Uniforme, methodische begeleiding zoals in fase 3, met genoeg tijd "
                    "omdat ontwikkeling even zwaar weegt als productie.",
                    "Zoals in fase 4. Daarnaast is er begeleiding, coaching en "
                    "intervisie bij regionale partners en hubs.",
                ],
            ),
            (
                "monitoring",
                "fase",
                "Monitoring en sturing: worden resultaten gevolgd, en is de methode "
                "uit te leggen?",
                "Aan opdrachtgevers zoals gemeente en UWV.",
                True,
                [
                    "Tussenresultaten worden niet vastgelegd. Er is geen "
                    "stuurinformatie. De methode is niet uit te leggen aan "
                    "opdrachtgevers.",
                    "Zoals in fase 1: resultaten worden nog niet stelselmatig "
                    "bijgehouden en de methode is nog niet uit te leggen aan "
                    "opdrachtgevers.",
                    "De methode is uit te leggen aan opdrachtgevers. Tussenresultaten "
                    "worden nog niet digitaal vastgelegd; er is weinig "
                    "stuurinformatie.",
                    "Tussenresultaten worden digitaal vastgelegd en er is "
                    "stuurinformatie. Resultaten worden gevolgd en er wordt vooruit "
                    "gestuurd. Ontwikkel- en doorstroomresultaten zijn voorspelbaar: "
                    "geen black box.",
                    "Zoals in fase 4, voor de hele regio: partners en hubs werken met "
                    "dezelfde gegevens en sturen samen.",
                ],
            ),
        ],
    ),
    (
        "Afspraken in de regio",
        "Maak heldere afspraken over wie wat doet en wie wat betaalt (aanbeveling "
        "uit het AEF-onderzoek). Is er nog geen afspraak? Schrijf dat op, en wat de "
        "volgende stap is.",
        [
            (
                "verantwoordelijk",
                "open",
                "Wie is verantwoordelijk voor praktijkleren met de praktijkverklaring "
                "in de regio?",
                "Bijvoorbeeld de centrumgemeente, het ontwikkelbedrijf of het "
                "leerwerkloket. Noem ook wie de regie heeft.",
                True,
                [],
            ),
            (
                "doelgroepen",
                "open",
                "Voor welke doelgroepen zetten jullie praktijkleren in, en voor "
                "welke vaardigheden?",
                "Alleen vakvaardigheden, of ook basis werknemersvaardigheden? Denk "
                "ook aan kwetsbare werkenden.",
                True,
                [],
            ),
            (
                "financiering",
                "open",
                "Wie betaalt wat?",
                "Bijvoorbeeld: de inzet van de mbo-instelling, de begeleiding op de "
                "werkplek en het werkfit-deel. Hoe zijn de lasten en opbrengsten "
                "verdeeld?",
                True,
                [],
            ),
            (
                "mbo_borging",
                "open",
                "Wat doet de mbo-instelling in de borging en beoordeling, en tegen "
                "welke prijs?",
                "Bijvoorbeeld: werkplekbezoek, beoordeling met de praktijkopleider, "
                "het afgeven van de praktijkverklaring. Prijs per traject of per "
                "verklaring.",
                True,
                [],
            ),
        ],
    ),
    (
        "Werving en werkgevers",
        "Uit de evaluatie van de pilots: de werving van kandidaten en de "
        "betrokkenheid van bedrijven zijn de sleutel om op te schalen. Deze vragen "
        "zijn niet verplicht.",
        [
            (
                "werving",
                "open",
                "Hoe komen kandidaten binnen?",
                "Welke partners melden kandidaten aan (gemeente, UWV, sw-bedrijf)? "
                "Wat werkt goed, wat niet?",
                False,
                [],
            ),
            (
                "werkgevers",
                "open",
                "Hoe betrekken jullie werkgevers en leerbedrijven?",
                "Bijvoorbeeld via het werkgeversservicepunt of een branche.",
                False,
                [],
            ),
            (
                "een_traject",
                "open",
                "Zijn werkfit en praktijkleren voor de kandidaat één traject?",
                "Aan de achterkant mag het gescheiden zijn; voor de kandidaat voelt "
                "het als één traject.",
                False,
                [],
            ),
        ],
    ),
]


def standaardvragen_laden(Thema, Vraag, Antwoordoptie) -> None:  # noqa: N803
    """Create the standard themes, questions and stages (models passed in, so the
    data migration can use its historical models); existing codes are left alone."""
    for t, (naam, uitleg, vragen) in enumerate(THEMAS, start=1):
        thema, _ = Thema.objects.get_or_create(
            naam=naam, defaults={"uitleg": uitleg, "volgorde": t}
        )
        for v, (
            code,
            soort,
            tekst,
            vraaguitleg,
            verplicht,
            beschrijvingen,
        ) in enumerate(vragen, start=1):
            vraag, nieuw = Vraag.objects.get_or_create(
                code=code,
                defaults={
                    "thema": thema,
                    "soort": soort,
                    "tekst": tekst,
                    "uitleg": vraaguitleg,
                    "verplicht": verplicht,
                    "volgorde": v,
                },
            )
            if nieuw:
                for fase, (titel, beschrijving) in enumerate(
                    zip(FASES, beschrijvingen, strict=False), start=1
                ):
                    Antwoordoptie.objects.create(
                        vraag=vraag, fase=fase, titel=titel, beschrijving=beschrijving
                    )
