from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry

from kandidaten.constants import Fase
from kandidaten.models import Kandidaat
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.formulieren import formulier, invullen
from trajecten.constants import AdviesUitkomst
from trajecten.models import Advies, AdviesAntwoord, ChecklistVraag
from trajecten.services import GegevenAntwoord, advies_vastleggen, advies_voorstel

pytestmark = pytest.mark.django_db

KANDIDAAT_JA = {
    "motivatie": "ja",
    "praktijk": "ja",
    "taal": "ja",
    "werkfit": "ja",
    "startkwalificatie": "ja",
    "diploma": "nee",
    "certificaat": "nee",
    "ondersteuning": "ja",
}


def antwoorden(**afwijkend) -> list[GegevenAntwoord]:
    keuzes = {**KANDIDAAT_JA, **afwijkend}
    vragen = ChecklistVraag.objects.in_bulk(list(keuzes), field_name="code")
    return [GegevenAntwoord(vraag=vragen[c], antwoord=a) for c, a in keuzes.items()]


@pytest.mark.parametrize(
    ("afwijkend", "uitkomst", "in_reden"),
    [
        ({}, AdviesUitkomst.PRAKTIJKVERKLARING, "praktijkverklaring past"),
        ({"diploma": "ja"}, AdviesUitkomst.MBO_DIPLOMA, "volledig mbo-diploma"),
        ({"certificaat": "ja"}, AdviesUitkomst.MBO_CERTIFICAAT, "mbo-certificaat"),
        ({"werkfit": "deels"}, AdviesUitkomst.WERKFIT_EERST, "werkfit"),
        ({"taal": "nee", "diploma": "ja"}, AdviesUitkomst.WERKFIT_EERST, "taal"),
        ({"praktijk": "nee"}, AdviesUitkomst.ANDER_INSTRUMENT, "in de praktijk"),
        (
            {"motivatie": "nee", "werkfit": "nee"},
            AdviesUitkomst.NIET_GESCHIKT,
            "werken en leren",
        ),
    ],
)
def test_advies_voorstel_follows_the_answers_and_explains_why(
    afwijkend, uitkomst, in_reden
):
    voorstel = advies_voorstel(antwoorden=antwoorden(**afwijkend))
    assert voorstel.uitkomst == uitkomst
    assert any(in_reden in reden for reden in voorstel.redenen), voorstel.redenen


def test_advies_voorstel_uses_the_question_set_as_data():
    ChecklistVraag.objects.filter(code="praktijk").update(effect_nee="niet_geschikt")
    voorstel = advies_voorstel(antwoorden=antwoorden(praktijk="nee"))
    assert voorstel.uitkomst == AdviesUitkomst.NIET_GESCHIKT


def test_leerbedrijf_that_does_not_fit_is_named_in_the_reasons():
    vraag = ChecklistVraag.objects.get(code="praktijkopleider")
    voorstel = advies_voorstel(
        antwoorden=[*antwoorden(), GegevenAntwoord(vraag, "nee")]
    )
    assert voorstel.uitkomst == AdviesUitkomst.PRAKTIJKVERKLARING
    assert any("Let op, het leerbedrijf" in r for r in voorstel.redenen)


@pytest.fixture
def mbo():
    return medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )


def test_advies_vastleggen_makes_new_versions_and_keeps_the_old_one(consulent, mbo):
    kandidaat = KandidaatFactory(consulent=consulent)
    eerste = advies_vastleggen(
        kandidaat=kandidaat,
        door=consulent,
        mbo_medewerker=mbo,
        antwoorden=antwoorden(),
        besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
        motivatie="Past goed.",
    )
    tweede = advies_vastleggen(
        kandidaat=kandidaat,
        door=consulent,
        mbo_medewerker=mbo,
        antwoorden=antwoorden(werkfit="nee"),
        besluit=AdviesUitkomst.WERKFIT_EERST,
        motivatie="Eerst werkfit.",
    )
    eerste.refresh_from_db()
    assert (eerste.versie, eerste.actueel, eerste.besluit) == (
        1,
        False,
        "praktijkverklaring",
    )
    assert (tweede.versie, tweede.actueel, tweede.voorgesteld) == (
        2,
        True,
        "werkfit_eerst",
    )
    assert tweede.antwoorden.count() == 8
    assert tweede.mbo_instelling == mbo.organisatie
    kandidaat.refresh_from_db()
    assert kandidaat.fase == Fase.ADVIES_GEGEVEN
    soorten = list(kandidaat.gebeurtenissen.values_list("soort", flat=True))
    assert soorten.count("advies") == 2


def test_advies_vastleggen_refuses_missing_answers_and_saves_nothing(consulent, mbo):
    kandidaat = KandidaatFactory(consulent=consulent)
    with pytest.raises(ValidationError):
        advies_vastleggen(
            kandidaat=kandidaat,
            door=consulent,
            mbo_medewerker=mbo,
            antwoorden=antwoorden()[:-1],
            besluit="praktijkverklaring",
            motivatie="x",
        )
    assert not Advies.objects.exists()


def checklist_invullen(pagina, mbo, **extra):
    """Answer every kandidaat question on the page's checklist (all yes, except what
    `extra` says) and choose the mbo-medewerker."""
    form = formulier(pagina)
    antwoorden = {f"vraag_{c}": a for c, a in KANDIDAAT_JA.items()} | extra
    overslaan = [vraag for vraag, antwoord in antwoorden.items() if antwoord is None]
    for vraag in overslaan:
        del antwoorden[vraag]
    return invullen(form, mbo_medewerker=str(mbo.pk), **antwoorden)


def test_checklist_page_shows_suggestion_with_reasons_then_records_decision(
    app, consulent, mbo
):
    kandidaat = KandidaatFactory(consulent=consulent)
    url = reverse("trajecten:advies_create", args=[kandidaat.pk])
    pagina = app.get(kandidaat.get_absolute_url(), user=consulent).click(href=url)

    bekijk = checklist_invullen(pagina, mbo, vraag_werkfit="nee").submit(
        "actie", value="berekenen", status=200
    )
    assert "Voorstel van het portaal: Eerst een werkfit-traject" in bekijk
    assert "Is de kandidaat werkfit? Nee." in bekijk
    assert not Advies.objects.exists()

    # The suggestion comes with the decision fields; the answers stay filled in.
    form = invullen(
        formulier(bekijk),
        besluit="werkfit_eerst",
        motivatie="Eerst ritme opbouwen bij het werkbedrijf.",
    )
    assert form["vraag_werkfit"].value == "nee"
    vastleggen = form.submit("actie", value="vastleggen", status=302)
    advies = Advies.objects.get()
    assert vastleggen["Location"] == advies.get_absolute_url()
    assert "Eerst ritme opbouwen" in vastleggen.follow()


@pytest.mark.parametrize(
    ("weglaten", "veld", "tekst"),
    [
        ("vraag_taal", "vraag_taal", "Dit veld is verplicht"),
        ("motivatie", "motivatie", "Dit veld is verplicht"),
    ],
)
def test_checklist_bad_input_shows_error_next_to_the_field(
    app, consulent, mbo, weglaten, veld, tekst
):
    kandidaat = KandidaatFactory(consulent=consulent)
    pagina = app.get(
        reverse("trajecten:advies_create", args=[kandidaat.pk]), user=consulent
    )
    if weglaten == "vraag_taal":  # a question left unanswered
        response = checklist_invullen(pagina, mbo, vraag_taal=None).submit(
            "actie", value="berekenen", status=200
        )
    else:  # the decision without a motivation
        bekijk = checklist_invullen(pagina, mbo).submit(
            "actie", value="berekenen", status=200
        )
        form = invullen(formulier(bekijk), besluit="praktijkverklaring", motivatie="")
        response = form.submit("actie", value="vastleggen", status=200)
    assert veld in response.context["form"].errors
    assert tekst in response.text
    assert not Advies.objects.exists()


def test_mbo_medewerker_sees_the_kandidaat_after_the_advice(client, consulent, mbo):
    kandidaat = KandidaatFactory(consulent=consulent)
    assert not Kandidaat.objects.zichtbaar_voor(mbo).exists()
    advies_vastleggen(
        kandidaat=kandidaat,
        door=consulent,
        mbo_medewerker=mbo,
        antwoorden=antwoorden(),
        besluit="praktijkverklaring",
        motivatie="Past.",
    )
    client.force_login(mbo)
    assert client.get(kandidaat.get_absolute_url()).status_code == 200
    andere_mbo = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    client.force_login(andere_mbo)
    assert client.get(kandidaat.get_absolute_url()).status_code == 404


def test_checklist_of_another_organisations_kandidaat_is_404(client, consulent, mbo):
    kandidaat = KandidaatFactory(consulent=consulent)
    hans = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory(uwv=True))
    client.force_login(hans)
    assert (
        client.get(reverse("trajecten:advies_create", args=[kandidaat.pk])).status_code
        == 404
    )


def test_a_new_advice_audits_the_old_one_and_every_answer_with_the_actor(
    consulent, mbo
):
    kandidaat = KandidaatFactory(consulent=consulent)
    with set_actor(consulent):
        eerste = advies_vastleggen(
            kandidaat=kandidaat,
            door=consulent,
            mbo_medewerker=mbo,
            antwoorden=antwoorden(),
            besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
            motivatie="Past goed.",
        )
        advies_vastleggen(
            kandidaat=kandidaat,
            door=consulent,
            mbo_medewerker=mbo,
            antwoorden=antwoorden(werkfit="nee"),
            besluit=AdviesUitkomst.WERKFIT_EERST,
            motivatie="Eerst werkfit.",
        )

    vervangen = LogEntry.objects.get_for_object(eerste).get(
        action=LogEntry.Action.UPDATE
    )
    assert vervangen.actor == consulent
    assert vervangen.changes_dict["actueel"] == ["True", "False"]
    antwoorden_gelogd = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(AdviesAntwoord),
        action=LogEntry.Action.CREATE,
        actor=consulent,
    )
    assert antwoorden_gelogd.count() == AdviesAntwoord.objects.count() > 0
