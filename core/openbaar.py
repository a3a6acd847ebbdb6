"""Public pages every visitor may read, logged in or not: the statements a Dutch public
body publishes (toegankelijkheidsverklaring, privacyverklaring) and security.txt
(RFC 9116). The statements' texts live in `VastePagina`; a missing row gets the
default text below after every migrate, so the pages always answer."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .models import VastePagina

STANDAARD = {
    VastePagina.Soort.TOEGANKELIJKHEID: (
        "Toegankelijkheidsverklaring",
        "Wij willen dat iedereen dit portaal kan gebruiken. Ook als je slecht ziet, "
        "een schermlezer gebruikt of alleen een toetsenbord.\n\n"
        "Het portaal is gebouwd volgens de eisen van WCAG 2.1 op niveau AA. Bij elke "
        "nieuwe versie controleren we de pagina's automatisch (met axe) en met de hand "
        "met het toetsenbord.\n\n"
        "Werkt iets niet goed voor jou? Vertel het ons. Neem contact op met de "
        "functioneel beheerder van jouw regio. Je krijgt binnen 5 werkdagen antwoord.\n\n"
        "De functioneel beheerder vult hier de datum van het laatste onderzoek en de "
        "contactgegevens van de regio in.",
    ),
    VastePagina.Soort.PRIVACY: (
        "Privacyverklaring",
        "In dit portaal staan gegevens van kandidaten, medewerkers en leerbedrijven. "
        "We gebruiken die gegevens alleen om praktijkleren met de praktijkverklaring "
        "te begeleiden en om te meten wat het oplevert.\n\n"
        "Je ziet alleen de gegevens die bij jouw rol en organisatie horen. Elke keer "
        "dat iemand het dossier van een kandidaat bekijkt of verandert, leggen we vast "
        "wie dat was en wanneer.\n\n"
        "Wil je weten welke gegevens we van je hebben, of wil je iets laten "
        "verbeteren of verwijderen? Neem contact op met je consulent of met de "
        "functioneel beheerder van jouw regio.\n\n"
        "De functioneel beheerder vult hier de verwerkingsverantwoordelijke, de "
        "bewaartermijnen en de contactgegevens van de functionaris gegevensbescherming in.",
    ),
}


def vaste_paginas_laden(model=VastePagina) -> int:
    """Create the missing pages with their default text; never changes an existing
    one. Returns how many were made. `model` is the migration's historical model
    there, the real one after every migrate."""
    nieuw = 0
    for soort, (titel, tekst) in STANDAARD.items():
        _pagina, gemaakt = model.objects.get_or_create(
            soort=soort, defaults={"titel": titel, "tekst": tekst}
        )
        nieuw += gemaakt
    return nieuw


@login_not_required
@require_GET
def vaste_pagina(request, soort: str):
    pagina = get_object_or_404(VastePagina, soort=soort)
    alineas = [a.strip() for a in pagina.tekst.replace("\r\n", "\n").split("\n\n")]
    return render(
        request,
        "core/vaste_pagina.html",
        {"pagina": pagina, "alineas": [a for a in alineas if a]},
    )


@login_not_required
@require_GET
def security_txt(request):
    """Where to report a vulnerability (RFC 9116); valid for a year from each request."""
    verloopt = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    regels = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {verloopt.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: nl, en",
    ]
    if settings.PORTAL_URL:
        regels.append(
            f"Canonical: {settings.PORTAL_URL.rstrip('/')}/.well-known/security.txt"
        )
    return HttpResponse(
        "\n".join(regels) + "\n", content_type="text/plain; charset=utf-8"
    )
