from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from organisaties.models import Arbeidsmarktregio
from organisaties.validators import DEMO_WACHTWOORD
from plpv_portal.demo.kandidaten import demo_kandidaten
from plpv_portal.demo.kennisbank import demo_kennisbank
from plpv_portal.demo.leerbedrijven import demo_leerbedrijven
from plpv_portal.demo.mijn import demo_mijn, mijn_tekst
from plpv_portal.demo.organisaties import demo_netwerk, demo_organisaties, logins_tekst
from plpv_portal.demo.samenwerking import demo_samenwerking
from plpv_portal.demo.trajecten import demo_trajecten
from plpv_portal.demo.uitkomsten import demo_uitkomsten
from plpv_portal.demo.verklaringen import demo_bewijzen, demo_verklaringen
from plpv_portal.demo.voortgang import demo_voortgang
from rapportage import feiten
from trajecten.models import PostcodeGebied
from trajecten.services.postcodes import VOORBEELD, postcodegebieden_laden
from tweestaps.services import voor_alle_rollen


class Command(BaseCommand):
    help = (
        "Create fictional demo data in Twente with one login per role (safe to repeat)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--zonder-trajecten",
            action="store_true",
            help="Skip the demo trajecten and their PDFs (faster; used by browser tests).",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "seed_demo is refused here: these settings do not allow demo data "
                "(the demo password would be a public back door)."
            )
        # The dashboards' facts once at the end (the demo backdates rows with bulk
        # updates, which no signal sees), not per change.
        kandidaat_toegang = None
        with feiten.uitgesteld(), transaction.atomic():
            twente = Arbeidsmarktregio.objects.get(code="AM05")
            organisaties, medewerkers = demo_organisaties(twente)
            demo_netwerk(organisaties, medewerkers["coordinator"])
            demo_kennisbank(twente, organisaties, medewerkers["coordinator"])
            demo_samenwerking(twente, medewerkers["coordinator"])
            # Each app adds its part here, in dependency order.
            demo_leerbedrijven(twente, organisaties, medewerkers)
            # Distances in matching: the fictional example centroids, unless a
            # beheerder loaded a real file.
            if not PostcodeGebied.objects.exists():
                postcodegebieden_laden(VOORBEELD.read_text(encoding="utf-8"))
            demo_kandidaten(medewerkers)
            if not options["zonder_trajecten"]:
                demo_trajecten(organisaties, medewerkers)
                demo_verklaringen(organisaties, medewerkers)
                demo_bewijzen(medewerkers)
                demo_uitkomsten(medewerkers)
                demo_voortgang()
                # A fresh one-time code for the candidate's own pages (each run).
                kandidaat_toegang = demo_mijn()
            # The demo logins work in one step: the second login step is off for
            # every role here (Beheer > Tweede stap per rol switches it on).
            voor_alle_rollen(verplicht=False)
        feiten.herbouwen()
        self.stdout.write(self.style.SUCCESS("Demodata staat klaar in regio Twente."))
        self.stdout.write(f"Inloggen met wachtwoord '{DEMO_WACHTWOORD}':")
        for regel in logins_tekst():
            self.stdout.write(regel)
        if kandidaat_toegang:
            for regel in mijn_tekst(kandidaat_toegang):
                self.stdout.write(regel)
        self.stdout.write(
            "De tweede stap (code uit een app) staat in de demo uit; zet hem aan per "
            "rol in Beheer > Tweede stap per rol."
        )
