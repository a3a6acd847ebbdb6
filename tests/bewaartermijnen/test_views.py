"""The erasure request page (consulent) and the retention page (beheerder)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from bewaartermijnen.models import Anonimisering
from kandidaten.models import Kandidaat
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import UitkomstFactory
from tests.formulieren import posten, verzenden

pytestmark = pytest.mark.django_db


def url(kandidaat) -> str:
    return reverse("bewaartermijnen:anonimiseren", args=[kandidaat.pk])


def test_the_consulent_anonymises_from_the_candidate_page(app, consulent):
    kandidaat = KandidaatFactory(consulent=consulent, achternaam="Verzoeker")
    pagina = app.get(kandidaat.get_absolute_url(), user=consulent)

    bevestigen = pagina.click("Gegevens anonimiseren")
    assert "Dit kan niet terug." in bevestigen
    response = verzenden(bevestigen, reden="Verzoek per brief van 3 maart.", status=302)

    assert response["Location"] == reverse("kandidaten:kandidaat_list")
    kandidaat.refresh_from_db()
    assert kandidaat.geanonimiseerd_op is not None
    assert kandidaat.achternaam == f"#{kandidaat.pk}"
    anonimisering = Anonimisering.objects.get(kandidaat=kandidaat)
    assert anonimisering.door == consulent
    assert anonimisering.reden == "Verzoek per brief van 3 maart."
    # The candidate page says so and offers no second time.
    pagina = app.get(kandidaat.get_absolute_url(), user=consulent)
    assert "De persoonsgegevens van deze kandidaat zijn op" in pagina
    assert "Gegevens anonimiseren" not in pagina


def test_without_a_reason_the_form_comes_back_and_nothing_changes(app, consulent):
    kandidaat = KandidaatFactory(consulent=consulent, achternaam="Verzoeker")

    response = verzenden(app.get(url(kandidaat), user=consulent), reden="", status=200)

    assert "reden" in response.context["form"].errors
    assert "Schrijf op waarom de gegevens weg moeten." in response.text
    kandidaat.refresh_from_db()
    assert kandidaat.geanonimiseerd_op is None
    assert kandidaat.achternaam == "Verzoeker"
    assert not Anonimisering.objects.exists()


def test_a_candidate_outside_the_scope_is_a_404(app, consulent):
    anderen = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory())
    kandidaat = KandidaatFactory(consulent=anderen, achternaam="Verzoeker")

    app.get(url(kandidaat), user=consulent, status=404)
    posten(app, url(kandidaat), {"reden": "Weg ermee."}, user=consulent, status=404)

    kandidaat.refresh_from_db()
    assert kandidaat.geanonimiseerd_op is None
    assert kandidaat.achternaam == "Verzoeker"


def test_the_beheerder_sees_no_candidate_so_cannot_anonymise(app, beheerder):
    kandidaat = KandidaatFactory()

    posten(app, url(kandidaat), {"reden": "Weg ermee."}, user=beheerder, status=404)

    assert Kandidaat.objects.get(pk=kandidaat.pk).geanonimiseerd_op is None


def test_a_role_without_the_right_gets_a_403(app, jobcoach):
    kandidaat = KandidaatFactory(jobcoach=jobcoach)

    app.get(url(kandidaat), user=jobcoach, status=403)
    posten(app, url(kandidaat), {"reden": "Weg ermee."}, user=jobcoach, status=403)

    assert Kandidaat.objects.get(pk=kandidaat.pk).geanonimiseerd_op is None


def test_the_beheerder_reads_the_periods_and_the_coming_month(app, beheerder):
    einde = timezone.localdate().replace(year=timezone.localdate().year - 2)
    traject = TrajectFactory(
        afgesloten=True,
        einddatum=einde + timedelta(days=5),
        kandidaat__toestemming_op=einde - timedelta(days=300),
    )
    UitkomstFactory(traject=traject, datum=einde + timedelta(days=5))
    KandidaatFactory()  # intake today: not due

    pagina = app.get(reverse("home"), user=beheerder).click("Bewaartermijnen", index=0)

    assert "2 jaar na de uitkomst" in pagina
    assert "12 maanden na het laatste contact" in pagina
    assert f"Nr. {traject.kandidaat_id}" in pagina
    assert traject.kandidaat.achternaam not in pagina
    assert pagina.text.count("Nr. ") == 1


def test_the_consulent_has_no_retention_page(app, consulent):
    app.get(reverse("bewaartermijnen:overzicht"), user=consulent, status=403)


def test_an_anonymised_verklaring_still_verifies_without_a_name(app):
    from django.core.files.base import ContentFile

    from bewaartermijnen.services import kandidaat_anonimiseren
    from tests.verklaringen.test_verklaring_views import uitgereikt

    verklaring, _opleider, mbo = uitgereikt()
    verklaring.pdf.save("verklaring.pdf", ContentFile(b"%PDF-1.4 proef"))
    kandidaat = verklaring.traject.kandidaat
    kandidaat_anonimiseren(
        kandidaat=kandidaat, door=kandidaat.consulent, reden="Brief."
    )

    pagina = app.get(verklaring.verificatie_url.removeprefix("http://testserver"))
    assert verklaring.nummer in pagina
    assert "(geanonimiseerd)" in pagina
    # The PDF is gone: a 404, not a server error.
    app.get(
        reverse("verklaringen:verklaring_pdf", args=[verklaring.pk]),
        user=mbo,
        status=404,
    )


def test_the_beheerder_changes_a_period_in_the_admin(app, beheerder):
    from bewaartermijnen.models import Bewaartermijnen

    wijzigen = reverse("admin:bewaartermijnen_bewaartermijnen_change", args=[1])

    fout = verzenden(app.get(wijzigen, user=beheerder), kandidaat_jaren=0, status=200)
    assert "Een bewaartermijn is minstens 1." in fout.text
    assert Bewaartermijnen.huidig().kandidaat_jaren == 2

    verzenden(app.get(wijzigen, user=beheerder), kandidaat_jaren=3, status=302)

    assert Bewaartermijnen.huidig().kandidaat_jaren == 3
    pagina = app.get(reverse("bewaartermijnen:overzicht"), user=beheerder)
    assert "3 jaar na de uitkomst" in pagina
