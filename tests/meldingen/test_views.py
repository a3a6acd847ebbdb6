"""The bell in the header and the /meldingen/ page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from meldingen.models import Melding
from meldingen.services import melding_versturen
from tests.formulieren import posten, verzenden

pytestmark = pytest.mark.django_db

LIJST = "/meldingen/"


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
    assert [m.titel for m in response.context["meldingen"]] == [
        "Melding 1",
        "Melding 0",
    ]
    assert "Niet voor jou" not in html
    assert html.count(">Nieuw<") == 1
    assert "Je hebt <strong>1 nieuwe melding</strong>." in html
    assert 'aria-label="Markeer als gelezen: Melding 1"' in html
    assert "Alles gelezen" in html
    assert '<th scope="col">Melding</th>' in html


def test_list_query_count_is_the_same_for_3_and_30_rows(
    client, consulent, django_assert_num_queries
):
    client.force_login(consulent)
    meldingen(consulent, 3)
    with CaptureQueriesContext(connection) as drie:
        client.get(LIJST)
    Melding.objects.all().delete()
    meldingen(consulent, 30)

    with django_assert_num_queries(len(drie.captured_queries)):
        response = client.get(LIJST)
    assert len(response.context["meldingen"]) == 25
    assert response.context["page_obj"].paginator.num_pages == 2
    assert len(client.get(LIJST + "?page=2").context["meldingen"]) == 5


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
