"""The standard question set of the Checklist inclusief advies.

Loaded once (data migration); afterwards the set is data that a functioneel beheerder
changes in the admin. Effects per answer: see constants.Effect and EFFECT_VOLGORDE.
"""

K, L = "kandidaat", "leerbedrijf"

# (code, onderwerp, tekst, uitleg, effect_ja, effect_deels, effect_nee)
STANDAARD_VRAGEN = [
    (
        "motivatie",
        K,
        "Wil de kandidaat graag werken en leren?",
        "Bijvoorbeeld: komt afspraken na, vertelt zelf wat hij of zij wil.",
        "geen",
        "geen",
        "niet_geschikt",
    ),
    (
        "praktijk",
        K,
        "Leert de kandidaat het best door het te doen, in de praktijk?",
        "",
        "geen",
        "geen",
        "ander_instrument",
    ),
    (
        "taal",
        K,
        "Begrijpt de kandidaat de taal op de werkvloer goed genoeg?",
        "Instructies, veiligheidsregels en afspraken met collega's.",
        "geen",
        "geen",
        "werkfit_eerst",
    ),
    (
        "werkfit",
        K,
        "Is de kandidaat werkfit?",
        "Komt op tijd, houdt een werkdag vol, kan instructies opvolgen.",
        "geen",
        "werkfit_eerst",
        "werkfit_eerst",
    ),
    (
        "startkwalificatie",
        K,
        "Past praktijkleren bij de opleiding en startkwalificatie van de kandidaat?",
        "Bijvoorbeeld: geen of een verouderde startkwalificatie.",
        "geen",
        "geen",
        "ander_instrument",
    ),
    (
        "diploma",
        K,
        "Is een volledig mbo-diploma (bbl) nu haalbaar?",
        "",
        "diploma_haalbaar",
        "geen",
        "geen",
    ),
    (
        "certificaat",
        K,
        "Is een mbo-certificaat nu haalbaar?",
        "",
        "certificaat_haalbaar",
        "geen",
        "geen",
    ),
    (
        "ondersteuning",
        K,
        "Is de ondersteuning die de kandidaat nodig heeft te regelen?",
        "Bijvoorbeeld een jobcoach, vervoer of kinderopvang.",
        "geen",
        "geen",
        "niet_geschikt",
    ),
    (
        "erkend",
        L,
        "Is het leerbedrijf door SBB erkend voor deze kwalificatie?",
        "Of is de erkenning aangevraagd?",
        "geen",
        "geen",
        "leerbedrijf_past_niet",
    ),
    (
        "praktijkopleider",
        L,
        "Is er een praktijkopleider met tijd om te begeleiden?",
        "",
        "geen",
        "geen",
        "leerbedrijf_past_niet",
    ),
    (
        "werkprocessen",
        L,
        "Komen de gekozen werkprocessen in het werk voor?",
        "",
        "geen",
        "geen",
        "leerbedrijf_past_niet",
    ),
    (
        "capaciteit",
        L,
        "Heeft het leerbedrijf ruimte om de kandidaat te begeleiden?",
        "Niet te veel leerlingen tegelijk, een vaste plek.",
        "geen",
        "geen",
        "leerbedrijf_past_niet",
    ),
]


def standaardvragen_laden(model) -> int:
    """Create the standard questions that are missing; returns how many were created."""
    nieuw = 0
    for volgorde, (code, onderwerp, tekst, uitleg, ja, deels, nee) in enumerate(
        STANDAARD_VRAGEN
    ):
        _, gemaakt = model.objects.get_or_create(
            code=code,
            defaults={
                "onderwerp": onderwerp,
                "tekst": tekst,
                "uitleg": uitleg,
                "volgorde": volgorde,
                "effect_ja": ja,
                "effect_deels": deels,
                "effect_nee": nee,
            },
        )
        nieuw += gemaakt
    return nieuw
