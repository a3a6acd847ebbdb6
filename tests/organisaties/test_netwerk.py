import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from organisaties.models import Netwerkcontact
from tests.factories.organisaties import OrganisatieFactory, regio
from tests.formulieren import verzenden

pytestmark = pytest.mark.django_db


def contact(organisatie, **kwargs):
    velden = {
        "naam": "Els Ambassadeur",
        "expertise": "ambassadeur",
        "telefoon": "0530000000",
        "gecontroleerd_op": timezone.localdate(),
    }
    velden.update(kwargs)
    return Netwerkcontact.objects.create(organisatie=organisatie, **velden)


def nieuw_contact(app, user):
    """The add page, reached from the network list's button."""
    lijst = app.get(reverse("organisaties:netwerk"), user=user)
    return lijst.click(href=reverse("organisaties:netwerk_create"))


def test_coordinator_adds_a_contact_that_is_checked_today(app, coordinator):
    response = verzenden(
        nieuw_contact(app, coordinator),
        naam="Piet SBB",
        organisatie=coordinator.organisatie.pk,
        expertise="sbb",
        email="piet@example.org",
        status=302,
    )
    nieuw = Netwerkcontact.objects.get()
    assert response["Location"] == reverse("organisaties:netwerk")
    assert nieuw.organisatie == coordinator.organisatie
    assert nieuw.gecontroleerd_op == timezone.localdate()
    assert nieuw.gecontroleerd_door == coordinator


@pytest.mark.parametrize(
    ("data", "veld", "tekst"),
    [
        ({"email": "", "telefoon": ""}, "telefoon", "telefoonnummer of e-mailadres"),
        ({"email": "geen-adres"}, "email", "geldig e-mailadres"),
        ({"naam": ""}, "naam", "verplicht"),
    ],
)
def test_bad_input_saves_nothing(app, coordinator, data, veld, tekst):
    basis = {
        "naam": "Piet",
        "organisatie": coordinator.organisatie.pk,
        "expertise": "sbb",
        "email": "piet@example.org",
    }
    pagina = nieuw_contact(app, coordinator)
    response = verzenden(pagina, status=200, **{**basis, **data})
    assert veld in response.context["form"].errors
    assert tekst in response.text
    assert not Netwerkcontact.objects.exists()


def test_everyone_in_the_region_reads_but_only_the_coordinator_keeps_it(
    client, consulent, coordinator
):
    hier = contact(consulent.organisatie)
    contact(OrganisatieFactory(regios=[regio("AM01")]), naam="Elders")
    client.force_login(consulent)
    lijst = client.get(reverse("organisaties:netwerk"))
    assert [c.naam for c in lijst.context["object_list"]] == [hier.naam]
    assert client.get(reverse("organisaties:netwerk_create")).status_code == 403


def test_other_regions_contact_is_404_for_the_coordinator(client, coordinator):
    elders = contact(OrganisatieFactory(regios=[regio("AM01")]))
    client.force_login(coordinator)
    url = reverse("organisaties:netwerk_update", args=[elders.pk])
    assert client.get(url).status_code == 404


def test_klopt_nog_stamps_the_check_and_clears_the_warning(app, client, coordinator):
    oud = contact(
        coordinator.organisatie,
        gecontroleerd_op=timezone.localdate() - datetime.timedelta(days=400),
    )
    client.force_login(coordinator)
    te_controleren = client.get(reverse("organisaties:netwerk"), {"verouderd": "true"})
    assert list(te_controleren.context["object_list"]) == [oud]
    assert "Controleren" in te_controleren.content.decode()

    pagina = app.get(
        reverse("organisaties:netwerk"), {"verouderd": "true"}, user=coordinator
    )
    verzenden(
        pagina,
        actie=reverse("organisaties:netwerk_gecontroleerd", args=[oud.pk]),
        status=302,
    )

    oud.refresh_from_db()
    assert oud.gecontroleerd_op == timezone.localdate()
    assert not client.get(
        reverse("organisaties:netwerk"), {"verouderd": "true"}
    ).context["object_list"]


def test_netwerk_csv_and_constant_queries(
    client, coordinator, django_assert_num_queries
):
    client.force_login(coordinator)
    url = reverse("organisaties:netwerk")
    for i in range(3):
        contact(coordinator.organisatie, naam=f"Contact {i}")
    client.get(url)
    with CaptureQueriesContext(connection) as drie:
        client.get(url)
    for i in range(3, 30):
        contact(OrganisatieFactory(), naam=f"Contact {i}")
    with django_assert_num_queries(len(drie)):
        assert len(client.get(url).context["object_list"]) == 30
    csv = client.get(url, {"export": "csv"}).content.decode()
    assert csv.startswith("\ufeffNaam;Organisatie;Rol of expertise")
    assert csv.count("\n") == 31
