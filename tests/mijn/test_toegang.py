"""The candidate's way in (issue #16, point 4): a one-time link by e-mail or a printed
code, confirmed with the date of birth; expiry, reuse, guessing, rate limits; a
candidate session apart from staff sessions."""

import re
from datetime import date, timedelta

from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest
from auditlog.models import LogEntry

from mijn.constants import SESSIE_KANDIDAAT
from mijn.models import Toegang
from tests.factories.kandidaten import KandidaatFactory
from tests.formulieren import posten, verzenden

pytestmark = pytest.mark.django_db

GEBOREN = date(1990, 3, 17)
VERLOPEN = "Deze link of code werkt niet meer"


@pytest.fixture(autouse=True)
def schone_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def kandidaat(consulent):
    return KandidaatFactory(
        consulent=consulent,
        voornaam="Halima",
        email="halima@example.org",
        geboortedatum=GEBOREN,
    )


def toegang_url(k) -> str:
    return reverse("mijn_toegang:toegang", args=[k.pk])


def link_sturen(app, consulent, k, capture) -> str:
    """The consulent sends the link from the candidate page; returns the link path."""
    detail = app.get(k.get_absolute_url(), user=consulent)
    pagina = detail.click(description="Link of code geven")
    with capture(execute=True):
        antwoord = verzenden(
            pagina, actie=reverse("mijn_toegang:link", args=[k.pk]), status=302
        )
    assert antwoord["Location"] == k.get_absolute_url()
    assert "De link is verstuurd naar halima@example.org" in antwoord.follow().text
    (bericht,) = mail.outbox
    assert bericht.to == ["halima@example.org"]
    return re.search(r"http://testserver(/mijn/link/\S+/)", bericht.body).group(1)


def code_afdrukken(app, consulent, k) -> str:
    pagina = app.get(toegang_url(k), user=consulent)
    afdruk = verzenden(
        pagina, actie=reverse("mijn_toegang:code", args=[k.pk]), status=200
    )
    assert "http://testserver/mijn/code/" in afdruk.text
    return afdruk.html.select_one(".font-monospace").text.strip()


def uitloggen_staff(app):
    app.reset()  # a new browser: the candidate opens the link on their own phone


def test_the_whole_link_flow(
    app, consulent, kandidaat, django_capture_on_commit_callbacks
):
    link = link_sturen(app, consulent, kandidaat, django_capture_on_commit_callbacks)
    toegang = Toegang.objects.get()
    assert toegang.sleutel_hash not in link
    assert len(toegang.sleutel_hash) == 64
    uitloggen_staff(app)

    bevestigen = app.get(link).follow()
    assert bevestigen.request.path == reverse("mijn:bevestigen")  # token left the URL
    overzicht = verzenden(bevestigen, geboortedatum="1990-03-17", status=302).follow()

    assert overzicht.request.path == reverse("mijn:overzicht")
    assert "Hallo Halima" in overzicht.text
    assert "Jessica" in overzicht.text  # who helps me: the consulent
    toegang.refresh_from_db()
    assert toegang.gebruikt_op is not None
    # The other pages open in the same session.
    for naam in ("mijn:wat_ik_kan", "mijn:verklaringen", "mijn:privacy"):
        assert app.get(reverse(naam)).status_code == 200


def test_the_link_works_once(
    app, consulent, kandidaat, django_capture_on_commit_callbacks
):
    link = link_sturen(app, consulent, kandidaat, django_capture_on_commit_callbacks)
    uitloggen_staff(app)
    verzenden(app.get(link).follow(), geboortedatum="1990-03-17", status=302)
    app.reset()

    opnieuw = app.get(link, status=404)

    assert VERLOPEN in opnieuw.text
    assert SESSIE_KANDIDAAT not in app.session


def test_opening_the_link_does_not_use_it(
    app, consulent, kandidaat, django_capture_on_commit_callbacks
):
    # A mail scanner opens links; only the date of birth uses one up.
    link = link_sturen(app, consulent, kandidaat, django_capture_on_commit_callbacks)
    uitloggen_staff(app)
    app.get(link)
    app.reset()
    bevestigen = app.get(link).follow()
    assert verzenden(bevestigen, geboortedatum="1990-03-17", status=302)


def test_expired_link_and_guessed_link_get_the_same_page(
    app, consulent, kandidaat, django_capture_on_commit_callbacks
):
    link = link_sturen(app, consulent, kandidaat, django_capture_on_commit_callbacks)
    Toegang.objects.update(geldig_tot=timezone.now() - timedelta(seconds=1))
    uitloggen_staff(app)

    verlopen = app.get(link, status=404)
    geraden = app.get(reverse("mijn:link", args=["x" * 43]), status=404)

    assert verlopen.text == geraden.text
    assert VERLOPEN in verlopen.text


def test_the_printed_code_flow(app, consulent, kandidaat):
    code = code_afdrukken(app, consulent, kandidaat)
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    toegang = Toegang.objects.get(kandidaat=kandidaat)
    assert (toegang.geldig_tot - timezone.now()).days == 6  # 7 days, minus seconds
    uitloggen_staff(app)

    pagina = app.get(reverse("mijn:code"))
    # Typed as a person does: lower case, spaces instead of dashes.
    antwoord = verzenden(
        pagina,
        code=code.lower().replace("-", " "),
        geboortedatum="1990-03-17",
        status=302,
    )

    assert antwoord.follow().request.path == reverse("mijn:overzicht")
    toegang.refresh_from_db()
    assert toegang.gebruikt_op is not None
    # And not twice.
    app.reset()
    opnieuw = verzenden(
        app.get(reverse("mijn:code")), code=code, geboortedatum="1990-03-17", status=404
    )
    assert VERLOPEN in opnieuw.text


def test_a_wrong_date_of_birth_is_refused_and_burns_the_code_at_the_limit(
    app, consulent, kandidaat, settings
):
    settings.MIJN_MAX_FOUTE_GEBOORTEDATUM = 3
    code = code_afdrukken(app, consulent, kandidaat)
    uitloggen_staff(app)

    for _ in range(2):
        fout = verzenden(
            app.get(reverse("mijn:code")),
            code=code,
            geboortedatum="1990-03-18",
            status=200,
        )
        assert "Deze geboortedatum klopt niet" in fout.text
        assert fout.context["form"].errors["geboortedatum"]
        assert SESSIE_KANDIDAAT not in app.session
    derde = verzenden(
        app.get(reverse("mijn:code")), code=code, geboortedatum="1990-03-18", status=404
    )
    assert VERLOPEN in derde.text
    toegang = Toegang.objects.get()
    assert toegang.vervallen_op is not None
    assert toegang.mislukte_pogingen == 3
    # Burned: the right date does not help any more.
    goed = verzenden(
        app.get(reverse("mijn:code")), code=code, geboortedatum="1990-03-17", status=404
    )
    assert VERLOPEN in goed.text


def test_failures_from_one_address_are_rate_limited(
    app, consulent, kandidaat, settings
):
    settings.MIJN_LIMIET = (3, 900)
    settings.MIJN_MAX_FOUTE_GEBOORTEDATUM = 99
    code = code_afdrukken(app, consulent, kandidaat)
    uitloggen_staff(app)
    # Guessed links and a wrong date of birth count together.
    app.get(reverse("mijn:link", args=["geraden" * 5]), status=404)
    app.get(reverse("mijn:link", args=["ookgeraden" * 4]), status=404)
    verzenden(
        app.get(reverse("mijn:code")), code=code, geboortedatum="1990-01-01", status=200
    )

    te_vaak = app.get(reverse("mijn:code"), status=429)

    assert "Te vaak geprobeerd" in te_vaak.text
    # Even the right code is refused now, and stays unused.
    assert app.get(reverse("mijn:link", args=["x" * 43]), status=429)
    assert Toegang.objects.get().gebruikt_op is None


def test_a_new_code_replaces_the_earlier_one(app, consulent, kandidaat):
    eerste = code_afdrukken(app, consulent, kandidaat)
    code_afdrukken(app, consulent, kandidaat)
    uitloggen_staff(app)
    antwoord = verzenden(
        app.get(reverse("mijn:code")),
        code=eerste,
        geboortedatum="1990-03-17",
        status=404,
    )
    assert VERLOPEN in antwoord.text


def test_no_link_without_an_email_address(app, consulent):
    k = KandidaatFactory(consulent=consulent, email="")
    pagina = app.get(toegang_url(k), user=consulent)
    assert "Er is geen e-mailadres van deze kandidaat" in pagina.text
    assert "Link versturen" not in pagina.text
    posten(app, reverse("mijn_toegang:link", args=[k.pk]), user=consulent, status=302)
    assert not Toegang.objects.exists()


def test_another_consulents_candidate_is_404(app, consulent):
    from organisaties.constants import Rol
    from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol

    ander = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory())
    k = KandidaatFactory(consulent=ander, email="x@example.org")
    app.get(toegang_url(k), user=consulent, status=404)
    posten(app, reverse("mijn_toegang:code", args=[k.pk]), user=consulent, status=404)
    assert not Toegang.objects.exists()


def test_the_access_page_is_audited(app, consulent, kandidaat):
    LogEntry.objects.filter(action=LogEntry.Action.ACCESS).delete()
    app.get(toegang_url(kandidaat), user=consulent)
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert entry.actor == consulent
    assert entry.object_pk == str(kandidaat.pk)


def test_anonymising_ends_an_open_link(
    app, consulent, kandidaat, django_capture_on_commit_callbacks
):
    from bewaartermijnen.services import kandidaat_anonimiseren

    link = link_sturen(app, consulent, kandidaat, django_capture_on_commit_callbacks)
    kandidaat_anonimiseren(kandidaat=kandidaat, door=consulent, reden="Verzoek.")
    uitloggen_staff(app)

    assert VERLOPEN in app.get(link, status=404).text
    assert not Toegang.objects.bruikbaar().exists()
