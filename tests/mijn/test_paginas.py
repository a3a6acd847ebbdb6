"""The candidate's own pages (/mijn/): what they show, that a candidate sees only
their own data, that staff and candidate sessions never mix, and the audit trail."""

import datetime
import time

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

import pytest
from auditlog.models import LogEntry

from kandidaten.models import Kandidaat
from mijn.constants import SESSIE_KANDIDAAT, SESSIE_LAATST
from mijn.inzage import inzage_lijst
from mijn.services import code_opmaken, toegang_code_maken
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.verklaringen import traject_met_opleider
from tests.formulieren import verzenden
from tests.verklaringen.test_verklaring_views import uitgereikt
from verklaringen.constants import Niveau, ObservatieSoort
from verklaringen.selectors import gedragsvoorbeelden_voor
from verklaringen.services import observatie_vastleggen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def schone_cache():
    cache.clear()
    yield
    cache.clear()


def inloggen(app, kandidaat: Kandidaat):
    """The candidate logs in with a printed code, as on paper."""
    nieuw = toegang_code_maken(kandidaat=kandidaat, door=kandidaat.consulent)
    pagina = app.get(reverse("mijn:code"))
    antwoord = verzenden(
        pagina,
        code=code_opmaken(nieuw.sleutel),
        geboortedatum=kandidaat.geboortedatum.isoformat(),
        status=302,
    )
    return antwoord.follow()


def met_verklaring():
    v, opleider, _mbo = uitgereikt()
    v.pdf.save("verklaring.pdf", ContentFile(b"%PDF-1.4 eigen"))
    return v


def test_the_overview_shows_my_traject_and_who_helps_me(app):
    traject, _opleider = traject_met_opleider()
    plaatsing = traject.plaatsingen.get()
    plaatsing.praktijkopleider.telefoon = "0612345678"
    plaatsing.praktijkopleider.save()

    pagina = inloggen(app, traject.kandidaat)

    assert traject.kwalificatie.naam in pagina.text
    assert plaatsing.leerbedrijf.organisatie.naam in pagina.text
    assert plaatsing.praktijkopleider.naam in pagina.text
    assert 'href="tel:0612345678"' in pagina.text
    assert traject.consulent.get_full_name() in pagina.text
    assert traject.mbo_instelling.naam in pagina.text
    assert "Je volgende gesprek is rond" in pagina.text  # a lopend traject


def test_what_i_can_shows_the_latest_level_in_words_without_notes(app):
    traject, opleider = traject_met_opleider()
    wp = traject.werkprocessen.order_by("code").first()
    gv = gedragsvoorbeelden_voor(traject)[wp.pk][0]
    vandaag = timezone.localdate()
    observatie_vastleggen(
        traject=traject,
        door=opleider,
        datum=vandaag - datetime.timedelta(days=7),
        soort=ObservatieSoort.NULMETING,
        scores={gv.pk: (Niveau.NOG_NIET, "")},
    )
    observatie_vastleggen(
        traject=traject,
        door=opleider,
        datum=vandaag,
        soort=ObservatieSoort.TUSSENRESULTAAT,
        scores={gv.pk: (Niveau.MET_HULP, "Interne notitie voor de school")},
    )
    inloggen(app, traject.kandidaat)

    pagina = app.get(reverse("mijn:wat_ik_kan"))

    assert wp.titel in pagina.text
    assert gv.tekst in pagina.text
    assert "Dit kun je met hulp" in pagina.text
    assert "Hier werk je nog aan" not in pagina.text  # the older level is gone
    assert "Interne notitie" not in pagina.text
    assert "Nog niet bekeken" in pagina.text  # the other gedragsvoorbeelden


def test_my_verklaring_downloads_and_shows_its_public_link(app):
    v = met_verklaring()
    inloggen(app, v.traject.kandidaat)

    lijst = app.get(reverse("mijn:verklaringen"))
    pdf = lijst.click(description="Download de verklaring")

    assert v.verificatie_url in lijst.text
    assert pdf.body == b"%PDF-1.4 eigen"
    assert "attachment" in pdf["Content-Disposition"]
    entry = LogEntry.objects.filter(object_pk=str(v.pk), action=3).latest("pk")
    assert entry.actor is None
    assert entry.additional_data["kandidaat"] == v.traject.kandidaat_id


def test_a_candidate_sees_only_their_own_data(app):
    eigen = met_verklaring()
    ander = met_verklaring()
    inloggen(app, eigen.traject.kandidaat)

    app.get(reverse("mijn:verklaring_pdf", args=[ander.pk]), status=404)
    lijst = app.get(reverse("mijn:verklaringen"))
    overzicht = app.get(reverse("mijn:overzicht"))

    assert eigen.verificatie_url in lijst.text
    assert ander.verificatie_url not in lijst.text
    assert ander.traject.kandidaat.voornaam not in overzicht.text.replace(
        eigen.traject.kandidaat.voornaam, ""
    )


def test_without_a_session_the_pages_ask_for_a_code(app):
    antwoord = app.get(reverse("mijn:privacy"), status=302)
    assert antwoord["Location"] == reverse("mijn:code")


def test_the_session_ends_after_the_idle_time(app, settings):
    settings.MIJN_SESSIE_MINUTEN = 30
    k = KandidaatFactory()
    inloggen(app, k)
    sessie = app.session
    sessie[SESSIE_LAATST] = int(time.time()) - 31 * 60
    sessie.save()

    antwoord = app.get(reverse("mijn:overzicht"), status=302)

    assert antwoord["Location"] == reverse("mijn:code")
    assert SESSIE_KANDIDAAT not in app.session


def test_logging_out_ends_the_candidate_session(app):
    k = KandidaatFactory()
    pagina = inloggen(app, k)
    uit = verzenden(pagina, actie=reverse("mijn:uitloggen"), status=302).follow()
    assert "Je bent uitgelogd" in uit.text
    app.get(reverse("mijn:overzicht"), status=302)


def test_a_staff_session_cannot_open_the_candidate_pages(app, consulent):
    KandidaatFactory(consulent=consulent)
    pagina = app.get(reverse("mijn:overzicht"), user=consulent, status=403)
    assert "Deze pagina is voor kandidaten" in pagina.text


def test_a_candidate_login_logs_staff_out_in_that_browser(app, consulent):
    k = KandidaatFactory(consulent=consulent)
    app.get(reverse("home"), user=consulent)
    app.set_user(None)  # django-webtest's header login off; the session cookie stays
    assert app.get(reverse("home")).status_code == 200  # logged in by session

    inloggen(app, k)

    assert app.get(reverse("home")).status_code == 302  # staff session gone
    assert app.get(reverse("mijn:overzicht")).status_code == 200


def test_a_staff_login_ends_the_candidate_session(app, consulent):
    consulent.set_password("geheim-wachtwoord-1")
    consulent.save()
    k = KandidaatFactory(consulent=consulent)
    inloggen(app, k)

    login = app.get(reverse("login"))
    verzenden(
        login, username=consulent.username, password="geheim-wachtwoord-1", status=302
    )

    assert SESSIE_KANDIDAAT not in app.session
    app.get(reverse("mijn:overzicht"), status=403)


def test_every_page_is_audited_as_the_candidate(app, consulent):
    k = KandidaatFactory(consulent=consulent)
    inloggen(app, k)
    LogEntry.objects.filter(action=LogEntry.Action.ACCESS).delete()

    for naam in (
        "mijn:overzicht",
        "mijn:wat_ik_kan",
        "mijn:verklaringen",
        "mijn:privacy",
    ):
        app.get(reverse(naam))

    entries = LogEntry.objects.filter(action=LogEntry.Action.ACCESS)
    assert entries.count() == 4
    for entry in entries:
        assert entry.actor is None
        assert entry.object_pk == str(k.pk)
        assert entry.additional_data["kandidaat"] == k.pk


def test_who_looked_shows_me_as_u_zelf_and_staff_without_names(app, consulent):
    k = KandidaatFactory(consulent=consulent)
    app.get(k.get_absolute_url(), user=consulent)  # the consulent looks: an entry
    app.reset()
    inloggen(app, k)
    app.get(reverse("mijn:overzicht"))

    pagina = app.get(reverse("mijn:privacy"))
    inzage = pagina.html.select_one("#kop-inzage").parent.text

    assert "U zelf (kandidaat)" in inzage
    assert f"{consulent.organisatie.naam} (Consulent)" in inzage
    assert consulent.first_name not in inzage
    assert consulent.last_name not in inzage
    rijen = {(r.organisatie, r.rol) for r in inzage_lijst(k)}
    assert ("U zelf", "kandidaat") in rijen
    # Consent: the date and the organisation that recorded it.
    toestemming = pagina.html.select_one("#kop-toestemming").parent.text
    assert consulent.organisatie.naam in toestemming
