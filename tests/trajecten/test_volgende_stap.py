"""The 'Volgende stap' line on the traject page: one test per stage. Each checks the
text on the page and that the workflow itself allows the named step for the named
role (its own check, or doing the step through the service)."""

from django.utils import timezone

import pytest

from organisaties.constants import Rol
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import UitkomstFactory
from tests.factories.verklaringen import (
    alles_beoordelen,
    goedgekeurd_traject,
    mbo_van,
    traject_met_opleider,
)
from tests.trajecten.test_traject import genereren, gestart, tekenen
from trajecten.constants import (
    Ondertekenwijze,
    OvereenkomstSoort,
    Partij,
    TrajectStatus,
)
from trajecten.models import Overeenkomst
from trajecten.regels import mag_in_portaal_tekenen
from trajecten.services.traject import (
    Beoordelingsstand,
    overgang_weigering,
    traject_status_wijzigen,
)
from trajecten.volgende_stap import volgende_stap
from uitkomsten.constants import EINDSTATUSSEN
from uitkomsten.regels import mag_vastleggen
from verklaringen.constants import ObservatieSoort
from verklaringen.regels import mag_observeren
from verklaringen.services import beoordeling_goedkeuren, beoordeling_indienen
from verklaringen.services.beoordeling import OBSERVATIE_STATUSSEN
from verklaringen.services.verklaring import verklaring_uitreiken

pytestmark = pytest.mark.django_db


def regel(app, traject, user) -> str:
    """The text of the 'Volgende stap' line as `user` sees it ('' when there is none)."""
    pagina = app.get(traject.get_absolute_url(), user=user)
    p = pagina.html.find(id="volgende-stap")
    return " ".join(p.get_text().split()) if p else ""


def versie(traject, soort):
    return (
        Overeenkomst.objects.get(traject=traject, soort=soort)
        .versies.order_by("-nummer")
        .first()
    )


def met_opleider_account(traject):
    plaatsing = traject.plaatsingen.get()
    account = medewerker_met_rol(
        Rol.PRAKTIJKOPLEIDER, organisatie=plaatsing.leerbedrijf.organisatie
    )
    plaatsing.praktijkopleider.account = account
    plaatsing.praktijkopleider.save()
    return account


def alles_behalve(traject, door, *, soort, partij):
    """Paper signatures of every party of every agreement except one."""
    for overeenkomst in Overeenkomst.objects.filter(traject=traject):
        v = versie(traject, overeenkomst.soort)
        for p in overeenkomst.partijen:
            if (overeenkomst.soort, p) != (soort, partij):
                tekenen(v, p, door, naam=f"Naam {p}")


def test_no_agreements_yet_the_consulent_makes_them(app, consulent):
    traject = gestart(consulent)
    assert (
        regel(app, traject, consulent) == "Volgende stap: jij maakt de overeenkomsten."
    )
    # The start is refused for exactly that reason.
    weigering = overgang_weigering(
        traject=traject, naar=TrajectStatus.OVEREENKOMSTEN_GETEKEND
    )
    assert "nog niet gemaakt" in weigering
    assert consulent.has_perm("trajecten.change_traject")  # the 'Maken' button's view


def test_a_missing_signature_names_the_party_that_signs(app, consulent):
    traject = gestart(consulent)
    opleider = met_opleider_account(traject)
    genereren(traject, consulent)
    alles_behalve(
        traject, consulent, soort=OvereenkomstSoort.PRAKTIJK, partij=Partij.LEERBEDRIJF
    )

    assert (
        regel(app, traject, consulent)
        == "Volgende stap: de praktijkopleider tekent de praktijkovereenkomst."
    )
    assert (
        regel(app, traject, opleider)
        == "Volgende stap: jij tekent de praktijkovereenkomst."
    )
    # The workflow lets the praktijkopleider accept in the portal, and that was all.
    assert mag_in_portaal_tekenen(
        partij=Partij.LEERBEDRIJF, traject=traject, door=opleider
    )
    tekenen(
        versie(traject, OvereenkomstSoort.PRAKTIJK),
        Partij.LEERBEDRIJF,
        opleider,
        wijze=Ondertekenwijze.PORTAAL,
    )
    assert (
        overgang_weigering(traject=traject, naar=TrajectStatus.OVEREENKOMSTEN_GETEKEND)
        is None
    )
    assert (
        regel(app, traject, consulent)
        == "Volgende stap: jij zet de status op 'Overeenkomsten getekend'."
    )


def test_the_candidates_signature_is_added_by_the_consulent(app, consulent):
    traject = gestart(consulent)
    genereren(traject, consulent)
    assert regel(app, traject, consulent) == (
        "Volgende stap: jij laat de kandidaat de plaatsingsovereenkomst tekenen en "
        "voegt de PDF toe."
    )
    tekenen(versie(traject, OvereenkomstSoort.PLAATSING), Partij.KANDIDAAT, consulent)


def test_every_agreement_signed_the_consulent_starts_the_traject(app, consulent):
    traject = gestart(consulent)
    genereren(traject, consulent)
    alles_behalve(traject, consulent, soort=None, partij=None)
    traject_status_wijzigen(
        traject=traject, naar=TrajectStatus.OVEREENKOMSTEN_GETEKEND, door=consulent
    )
    traject.refresh_from_db()
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)

    assert regel(app, traject, consulent) == "Volgende stap: jij start het traject."
    assert (
        regel(app, traject, collega) == "Volgende stap: de consulent start het traject."
    )
    assert overgang_weigering(traject=traject, naar=TrajectStatus.LOPEND) is None
    assert consulent.has_perm("trajecten.change_traject")


def test_running_without_observations_the_praktijkopleider_observes(app, consulent):
    traject, opleider = traject_met_opleider(
        kandidaat__consulent=consulent, lopend=True
    )
    assert (
        regel(app, traject, consulent)
        == "Volgende stap: de praktijkopleider legt een observatie vast."
    )
    assert (
        regel(app, traject, opleider) == "Volgende stap: jij legt een observatie vast."
    )
    assert mag_observeren(traject, opleider)
    assert traject.status in OBSERVATIE_STATUSSEN[ObservatieSoort.TUSSENRESULTAAT]


def test_everything_judged_the_praktijkopleider_submits(app, consulent):
    traject, opleider = traject_met_opleider(
        kandidaat__consulent=consulent, lopend=True
    )
    alles_beoordelen(traject, opleider)
    assert (
        regel(app, traject, consulent)
        == "Volgende stap: de praktijkopleider dient de beoordeling in."
    )
    assert (
        regel(app, traject, opleider) == "Volgende stap: jij dient de beoordeling in."
    )
    beoordeling_indienen(traject=traject, door=opleider)  # allowed: does not raise
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.BEOORDEELD


def test_submitted_the_mbo_medewerker_approves(app, consulent):
    traject, opleider = traject_met_opleider(
        kandidaat__consulent=consulent, lopend=True
    )
    alles_beoordelen(traject, opleider)
    beoordeling_indienen(traject=traject, door=opleider)
    traject.refresh_from_db()
    mbo = mbo_van(traject)
    assert (
        regel(app, traject, consulent)
        == "Volgende stap: de mbo-medewerker keurt de beoordeling goed."
    )
    assert regel(app, traject, mbo) == "Volgende stap: jij keurt de beoordeling goed."
    beoordeling_goedkeuren(traject=traject, door=mbo)  # allowed: does not raise


def test_approved_the_mbo_medewerker_issues_the_verklaring(app, consulent):
    traject, _opleider, mbo = goedgekeurd_traject(kandidaat__consulent=consulent)
    traject.refresh_from_db()
    assert (
        regel(app, traject, consulent)
        == "Volgende stap: de mbo-medewerker reikt de praktijkverklaring uit."
    )
    assert (
        regel(app, traject, mbo)
        == "Volgende stap: jij reikt de praktijkverklaring uit."
    )
    verklaring_uitreiken(
        traject=traject, door=mbo, plaats="Utrecht", verificatie_basis="https://x.nl"
    )
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.VERKLARING_UITGEREIKT


def test_ended_without_outcome_the_consulent_records_it(app, consulent):
    traject = TrajectFactory(kandidaat__consulent=consulent, uitgevallen=True)
    assert regel(app, traject, consulent) == "Volgende stap: jij legt de uitkomst vast."
    assert traject.status in EINDSTATUSSEN
    assert mag_vastleggen(user=consulent, traject=traject)


def test_closed_with_outcome_has_no_next_step(app, consulent):
    traject = TrajectFactory(kandidaat__consulent=consulent, afgesloten=True)
    UitkomstFactory(traject=traject, datum=timezone.localdate())
    assert regel(app, traject, consulent) == ""
    assert volgende_stap(traject=traject, user=consulent) is None


TRAITS = {s: s for s in TrajectStatus.values} | {
    TrajectStatus.OVEREENKOMSTEN_GETEKEND: "getekend"
}


@pytest.mark.parametrize("status", TrajectStatus.values)
def test_a_named_status_move_is_one_the_workflow_allows(consulent, status):
    """Whatever the state (a factory trait per state), a named move passes the guard
    that `traject_status_wijzigen` uses."""
    traject, opleider = traject_met_opleider(
        kandidaat__consulent=consulent, **{TRAITS[status]: True}
    )
    for user in (consulent, opleider, mbo_van(traject)):
        stap = volgende_stap(traject=traject, user=user)
        if stap and stap.naar:
            assert (
                overgang_weigering(
                    traject=traject,
                    naar=stap.naar,
                    beoordeling=(
                        Beoordelingsstand(stap.naar)
                        if stap.soort in ("indienen", "uitreiken")
                        else None
                    ),
                )
                is None
            )
