from django.urls import reverse

import pytest
from auditlog.models import LogEntry

from organisaties.constants import Rol
from tests.factories.organisaties import MedewerkerFactory, OrganisatieFactory, regio
from tests.formulieren import verzenden

pytestmark = pytest.mark.django_db


def wijzig_pagina(app, user, organisatie):
    """The admin's change page, clicked through from the admin's list."""
    lijst = app.get(reverse("admin:organisaties_organisatie_changelist"), user=user)
    return lijst.click(
        href=reverse("admin:organisaties_organisatie_change", args=[organisatie.pk])
    )


def test_a_change_is_recorded_with_its_actor(app, beheerder):
    organisatie = OrganisatieFactory(naam="Oude naam")
    pagina = wijzig_pagina(app, beheerder, organisatie)

    # The change form has no action attribute: it posts to the page itself.
    verzenden(pagina, naam="Nieuwe naam", status=302)

    entry = (
        LogEntry.objects.get_for_object(organisatie)
        .filter(action=LogEntry.Action.UPDATE)
        .latest("timestamp")
    )
    assert entry.actor == beheerder
    assert entry.changes_dict["naam"] == ["Oude naam", "Nieuwe naam"]


def test_bad_input_in_admin_changes_nothing(app, beheerder):
    organisatie = OrganisatieFactory(naam="Blijft", regios=[regio()])
    pagina = wijzig_pagina(app, beheerder, organisatie)
    response = verzenden(pagina, naam="Anders", kvk_nummer="123", status=200)
    assert "8 cijfers" in response.text
    organisatie.refresh_from_db()
    assert organisatie.naam == "Blijft"
    assert list(organisatie.regios.all()) == [regio()]


def test_viewing_a_medewerker_is_recorded_as_access(client, coordinator):
    bekeken = MedewerkerFactory()
    client.force_login(coordinator)

    client.get(reverse("organisaties:medewerker_detail", args=[bekeken.pk]))

    entry = LogEntry.objects.get_for_object(bekeken).get(action=LogEntry.Action.ACCESS)
    assert entry.actor == coordinator


def test_a_404_is_not_recorded_as_access(client, consulent):
    elders = MedewerkerFactory(organisatie=OrganisatieFactory(regios=[regio("AM01")]))
    client.force_login(consulent)
    client.get(reverse("organisaties:medewerker_detail", args=[elders.pk]))
    assert (
        not LogEntry.objects.get_for_object(elders)
        .filter(action=LogEntry.Action.ACCESS)
        .exists()
    )


def test_audit_trail_page_shows_entries_of_own_region_to_beheerder(client, beheerder):
    hier = MedewerkerFactory(first_name="Hier", rollen=[Rol.CONSULENT])
    elders = MedewerkerFactory(
        first_name="Elders",
        rollen=[Rol.CONSULENT],
        organisatie=OrganisatieFactory(regios=[regio("AM01")]),
    )
    for actor in (hier, elders):
        client.force_login(actor)
        client.get(reverse("organisaties:medewerker_detail", args=[actor.pk]))

    client.force_login(beheerder)
    response = client.get(reverse("organisaties:audittrail"), {"actie": 3})

    actors = {entry.actor for entry in response.context["object_list"]}
    assert actors == {hier}
    assert "bekeken" in response.content.decode()


def test_audit_trail_is_closed_to_other_roles(client, consulent, coordinator):
    for gebruiker in (consulent, coordinator):
        client.force_login(gebruiker)
        assert client.get(reverse("organisaties:audittrail")).status_code == 403
