"""The bell in the header and the /meldingen/ page."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

import pytest

from meldingen.models import Bezorging, Melding, MeldingVoorkeur
from meldingen.services import melding_versturen, voorkeuren
from tests.factories.trajecten import TrajectFactory
from tests.formulieren import formulier, invullen, posten, verzenden

pytestmark = pytest.mark.django_db

LIJST = "/meldingen/"
INSTELLINGEN = "/meldingen/instellingen/"


def meldingen(user, aantal, **kwargs):
    for i in range(aantal):
        melding_versturen(
            ontvangers=[user],
            oorzaak=f"test:{i}",
            titel=f"Melding {i}",
            tekst="Halima Haddou: bellen",
            url="/kandidaten/",
            **kwargs,
        )


def test_bell_shows_the_unread_count(client, consulent):
    meldingen(consulent, 3)
    Melding.objects.filter(oorzaak="test:0").update(gelezen_op="2026-01-01T08:00Z")
    client.force_login(consulent)

    html = client.get("/").content.decode()

    assert 'aria-label="Meldingen, 2 ongelezen"' in html
    assert 'href="/meldingen/"' in html


def test_bell_says_geen_without_unread(client, consulent):
    client.force_login(consulent)
    assert 'aria-label="Meldingen, geen ongelezen"' in client.get("/").content.decode()


def test_bell_is_absent_when_logged_out(client):
    assert "Meldingen," not in client.get("/inloggen/").content.decode()


def test_bell_costs_one_query(client, consulent):
    meldingen(consulent, 3)
    client.force_login(consulent)

    with CaptureQueriesContext(connection) as ctx:
        client.get("/")

    assert (
        len([q for q in ctx.captured_queries if "meldingen_melding" in q["sql"]]) == 1
    )


def test_list_shows_own_notifications_newest_first_with_unread_marked(
    client, consulent, jobcoach
):
    meldingen(consulent, 2)
    melding_versturen(ontvangers=[jobcoach], oorzaak="ander", titel="Niet voor jou")
    Melding.objects.filter(oorzaak="test:0").update(gelezen_op="2026-01-01T08:00Z")
    client.force_login(consulent)

    response = client.get(LIJST)

    html = response.content.decode()
    # Without a subject each notification is a group of its own.
    assert [[m.titel for m in g["meldingen"]] for g in response.context["groepen"]] == [
        ["Melding 1"],
        ["Melding 0"],
    ]
    assert "Niet voor jou" not in html
    assert html.count(">Nieuw<") == 1
    assert "Je hebt <strong>1 nieuwe melding</strong>." in html
    assert 'aria-label="Markeer als gelezen: Melding 1"' in html
    assert "Alles gelezen" in html
    assert f'href="{INSTELLINGEN}"' in html


def test_list_query_count_is_the_same_for_3_and_30_rows(
    client, consulent, django_assert_num_queries
):
    """Groups per traject and loose notifications; the page takes the same queries."""
    trajecten = TrajectFactory.create_batch(2, consulent=consulent)
    client.force_login(consulent)

    def aanmaken(aantal):
        for i in range(aantal):
            traject = trajecten[i % 3] if i % 3 < 2 else None
            melding_versturen(
                ontvangers=[consulent],
                oorzaak=f"test:{i}",
                titel=f"Melding {i}",
                url=traject.get_absolute_url() if traject else "/kandidaten/",
            )

    aanmaken(3)
    with CaptureQueriesContext(connection) as drie:
        client.get(LIJST)
    Melding.objects.all().delete()
    aanmaken(75)

    with django_assert_num_queries(len(drie.captured_queries)):
        response = client.get(LIJST)
    # 2 groups of 25 trajecten's notifications and 25 loose ones: 27 groups.
    assert len(response.context["groepen"]) == 25
    assert response.context["page_obj"].paginator.num_pages == 2
    assert len(client.get(LIJST + "?page=2").context["groepen"]) == 2


def test_list_groups_per_traject_newest_group_first_with_counts(app, consulent):
    eerste, tweede = TrajectFactory.create_batch(2, consulent=consulent)
    nu = timezone.now()
    for i in range(4):
        melding_versturen(
            ontvangers=[consulent],
            oorzaak=f"traject_status:{i}",
            titel=f"Status {i}",
            url=eerste.get_absolute_url(),
        )
    melding_versturen(
        ontvangers=[consulent],
        oorzaak="geen_observatie:1",
        titel="Tijd voor een observatie",
        url=reverse("verklaringen:observatie", args=[tweede.pk]),
    )
    melding_versturen(ontvangers=[consulent], oorzaak="los", titel="Los")
    # Oldest first: the first traject's, then the loose one, then the second's.
    for minuten, oorzaak in enumerate(
        ["traject_status:0", "traject_status:1", "traject_status:2", "los"]
        + ["geen_observatie:1", "traject_status:3"]
    ):
        Melding.objects.filter(oorzaak=oorzaak).update(
            aangemaakt_op=nu - timedelta(minutes=60 - minuten)
        )

    pagina = app.get(LIJST, user=consulent)

    groepen = pagina.context["groepen"]
    assert [g["naam"] for g in groepen] == [
        f"Traject van {eerste}",
        f"Traject van {tweede}",
        "",
    ]
    assert [g["aantal"] for g in groepen] == [4, 1, 1]
    # A group shows its newest three and links to the rest.
    assert [m.titel for m in groepen[0]["meldingen"]] == [
        "Status 3",
        "Status 2",
        "Status 1",
    ]
    assert escape(f"Traject van {eerste}") in pagina.text
    assert "4 meldingen, <strong>4 nieuw</strong>" in pagina.text
    assert "Status 0" not in pagina.text
    assert f'href="?groep=traject%3A{eerste.pk}"' in pagina.text
    assert "Toon alle 4 meldingen over" in pagina.text

    alle = pagina.click(href=f"groep=traject%3A{eerste.pk}")
    assert [m.titel for m in alle.context["meldingen"]] == [
        "Status 3",
        "Status 2",
        "Status 1",
        "Status 0",
    ]


def test_markeer_groep_als_gelezen_marks_only_that_group(app, consulent):
    traject = TrajectFactory(consulent=consulent)
    for i in range(2):
        melding_versturen(
            ontvangers=[consulent],
            oorzaak=f"traject_status:{i}",
            titel=f"Status {i}",
            url=traject.get_absolute_url(),
        )
    meldingen(consulent, 1)
    pagina = app.get(LIJST, user=consulent)

    response = verzenden(pagina, actie=reverse("meldingen:groep_gelezen"), status=302)

    assert response["Location"] == LIJST + "?page=1"
    assert "De meldingen in deze groep zijn gelezen." in response.follow().text
    ongelezen = Melding.objects.filter(gelezen_op__isnull=True)
    assert list(ongelezen.values_list("oorzaak", flat=True)) == ["test:0"]


def test_a_group_of_someone_else_is_not_found_nor_marked(app, consulent, jobcoach):
    traject = TrajectFactory(consulent=jobcoach)
    melding_versturen(
        ontvangers=[jobcoach], oorzaak="x", titel="x", url=traject.get_absolute_url()
    )
    groep = f"traject:{traject.pk}"

    app.get(LIJST, {"groep": groep}, user=consulent, status=404)
    posten(app, reverse("meldingen:groep_gelezen"), {"groep": groep}, user=consulent)
    assert Melding.objects.get().gelezen_op is None


@pytest.mark.parametrize(
    "groep", ["", "melding:", "melding:x", "traject:", "melding:\u00b2", "x\x00y"]
)
def test_a_key_that_names_no_group_marks_nothing(app, consulent, groep):
    meldingen(consulent, 2)

    posten(app, reverse("meldingen:groep_gelezen"), {"groep": groep}, user=consulent)

    assert Melding.objects.filter(gelezen_op__isnull=True).count() == 2


# --- the settings: per kind, how it reaches you ---
def test_instellingen_show_every_kind_with_the_digest_as_default(app, consulent):
    pagina = app.get(INSTELLINGEN, user=consulent)

    form = formulier(pagina)
    assert form["herinneringen"].value == Bezorging.DAGELIJKS
    assert form["ondertekeningen"].value == Bezorging.DAGELIJKS
    assert "Handtekeningen en overeenkomsten" in pagina.text
    assert "Dagelijks overzicht per e-mail" in pagina.text
    assert "Alleen in het portaal" in pagina.text


def test_instellingen_opslaan(app, consulent):
    pagina = app.get(INSTELLINGEN, user=consulent)

    response = verzenden(
        pagina,
        herinneringen=Bezorging.PORTAAL,
        ondertekeningen=Bezorging.DIRECT,
        status=302,
    )

    assert response["Location"] == INSTELLINGEN
    assert "Je keuzes zijn opgeslagen." in response.follow().text
    keuzes = voorkeuren(user=consulent)
    assert keuzes["herinneringen"] == Bezorging.PORTAAL
    assert keuzes["ondertekeningen"] == Bezorging.DIRECT
    assert keuzes["trajectstatus"] == Bezorging.DAGELIJKS
    # And they apply: a reminder now stays in the portal.
    melding_versturen(
        ontvangers=[consulent], oorzaak="einddatum_nadert:1:2027-01-01", titel="x"
    )
    assert Melding.objects.get().bezorging == Bezorging.PORTAAL
    assert formulier(app.get(INSTELLINGEN, user=consulent))["herinneringen"].value == (
        Bezorging.PORTAAL
    )


def test_instellingen_with_a_value_the_page_does_not_offer_changes_nothing(
    app, consulent
):
    pagina = app.get(INSTELLINGEN, user=consulent)
    form = invullen(
        formulier(pagina), herinneringen="wekelijks", ondertekeningen="direct"
    )

    response = form.submit(status=200)

    assert response.context["form"].errors == {
        "herinneringen": ["Kies een van de mogelijkheden."]
    }
    assert "Kies een van de mogelijkheden." in response.text
    assert not MeldingVoorkeur.objects.exists()


def test_instellingen_need_a_login(client):
    response = client.get(INSTELLINGEN)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_markeer_als_gelezen_marks_and_redirects_to_the_same_page(app, consulent):
    meldingen(consulent, 27)
    melding = Melding.objects.get(oorzaak="test:1")
    pagina = app.get(LIJST + "?page=2", user=consulent)

    response = verzenden(
        pagina, actie=reverse("meldingen:gelezen", args=[melding.pk]), status=302
    )

    assert response["Location"] == LIJST + "?page=2"
    melding.refresh_from_db()
    assert melding.gelezen_op is not None
    assert Melding.objects.filter(gelezen_op__isnull=True).count() == 26


def test_markeer_als_gelezen_is_post_only_and_404_for_someone_elses(
    app, consulent, jobcoach
):
    meldingen(jobcoach, 1)
    melding = Melding.objects.get()
    url = reverse("meldingen:gelezen", args=[melding.pk])

    app.get(url, user=consulent, status=405)
    posten(app, url, user=consulent, status=404)
    melding.refresh_from_db()
    assert melding.gelezen_op is None


def test_alles_gelezen_marks_every_own_notification(app, consulent, jobcoach):
    meldingen(consulent, 3)
    meldingen(jobcoach, 1)
    pagina = app.get(LIJST, user=consulent)

    response = verzenden(pagina, actie=reverse("meldingen:alles_gelezen"), status=302)

    assert response["Location"] == LIJST + "?page=1"
    response = response.follow()
    assert "Alle meldingen zijn gelezen." in response.text
    assert 'aria-label="Meldingen, geen ongelezen"' in response.text
    assert Melding.objects.filter(gelezen_op__isnull=True).get().ontvanger == jobcoach


def test_openen_marks_read_and_follows_the_link(client, consulent):
    meldingen(consulent, 1)
    melding = Melding.objects.get()
    client.force_login(consulent)

    response = client.get(reverse("meldingen:openen", args=[melding.pk]))

    assert response["Location"] == "/kandidaten/"
    melding.refresh_from_db()
    assert melding.gelezen_op is not None


def test_openen_never_redirects_to_another_host(client, consulent):
    melding_versturen(
        ontvangers=[consulent], oorzaak="x", titel="x", url="//evil.example/"
    )
    client.force_login(consulent)

    response = client.get(reverse("meldingen:openen", args=[Melding.objects.get().pk]))

    assert response["Location"] == LIJST


def test_list_needs_a_login(client):
    response = client.get(LIJST)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


@pytest.mark.parametrize("groep", ["melding:\u00b2", "traject:1\x00"])
def test_a_strange_group_key_is_not_found_never_an_error(app, consulent, groep):
    meldingen(consulent, 1)

    app.get(LIJST, {"groep": groep}, user=consulent, status=404)


def test_a_traject_the_user_no_longer_sees_does_not_name_its_candidate(
    app, consulent, jobcoach
):
    # A notification stays after the user lost access to the traject (here: it was
    # never theirs); the group heading then falls back to the notification's title.
    traject = TrajectFactory(consulent=jobcoach)
    melding_versturen(
        ontvangers=[consulent],
        oorzaak="status:1",
        titel="Een traject is gewijzigd",
        url=traject.get_absolute_url(),
    )

    pagina = app.get(LIJST, user=consulent)

    assert [g["naam"] for g in pagina.context["groepen"]] == [
        "Een traject is gewijzigd"
    ]
    assert str(traject.kandidaat) not in pagina.text
