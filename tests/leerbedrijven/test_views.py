"""Pages: scoping (404), query counts, forms with bad input, CSV, filters, status."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from kwalificaties.constants import Sector
from leerbedrijven.constants import LeerbedrijfStatus
from leerbedrijven.models import (
    Contactmoment,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    LeerbedrijfStatuswijziging,
    Vestiging,
)
from organisaties.models import Organisatie
from tests.factories.leerbedrijven import (
    ContactmomentFactory,
    ContactpersoonFactory,
    ErkenningFactory,
    LeerbaanFactory,
    LeerbedrijfFactory,
    VestigingFactory,
    kwalificatie,
    werkprocessen,
)
from tests.factories.organisaties import OrganisatieFactory, regio
from tests.formulieren import aanvinken, formulier, invullen, posten, verzenden

pytestmark = pytest.mark.django_db

LIJST = "/leerbedrijven/"


def url(naam, *args):
    return reverse(f"leerbedrijven:{naam}", args=args)


def elders():
    """A leerbedrijf in Groningen, outside the Twente users' scope."""
    return LeerbedrijfFactory(
        regio=regio("AM01"),
        organisatie=OrganisatieFactory(leerbedrijf=True, regios=[regio("AM01")]),
    )


# --- scoping -------------------------------------------------------------------


def test_leerbedrijf_of_other_region_answers_404_on_every_page(app, client, consulent):
    vreemd = elders()
    erkenning = ErkenningFactory(leerbedrijf=vreemd)
    client.force_login(consulent)

    assert client.get(url("leerbedrijf_detail", vreemd.pk)).status_code == 404
    assert client.get(url("leerbedrijf_update", vreemd.pk)).status_code == 404
    assert client.get(url("erkenning_create", vreemd.pk)).status_code == 404
    assert client.get(url("contactmoment_create", vreemd.pk)).status_code == 404
    posten(app, url("status", vreemd.pk), {"naar": "in_gesprek"}, consulent, 404)
    assert (
        client.get(url("erkenning_update", vreemd.pk, erkenning.pk)).status_code == 404
    )
    vreemd.refresh_from_db()
    assert vreemd.status == LeerbedrijfStatus.BENADERD


def test_child_row_of_another_leerbedrijf_answers_404_through_own(client, consulent):
    eigen = LeerbedrijfFactory()
    andere_erkenning = ErkenningFactory()  # same region, other leerbedrijf
    client.force_login(consulent)

    antwoord = client.get(url("erkenning_update", eigen.pk, andere_erkenning.pk))

    assert antwoord.status_code == 404


def test_praktijkopleider_sees_own_company_only_and_cannot_edit(
    client, praktijkopleider
):
    eigen = LeerbedrijfFactory(organisatie=praktijkopleider.organisatie)
    ander = LeerbedrijfFactory()
    client.force_login(praktijkopleider)

    lijst = client.get(LIJST)
    assert list(lijst.context["object_list"]) == [eigen]
    assert client.get(url("leerbedrijf_detail", eigen.pk)).status_code == 200
    assert client.get(url("leerbedrijf_detail", ander.pk)).status_code == 404
    assert client.get(url("leerbedrijf_update", eigen.pk)).status_code == 403
    assert client.get(url("leerbedrijf_create")).status_code == 403
    assert "Gegevens wijzigen" not in client.get(eigen.get_absolute_url()).text


def test_mbo_medewerker_may_read_but_not_change(app, client, mbo_medewerker):
    leerbedrijf = LeerbedrijfFactory()
    client.force_login(mbo_medewerker)

    pagina = app.get(leerbedrijf.get_absolute_url(), user=mbo_medewerker)
    assert "Status wijzigen" not in pagina
    posten(
        app, url("status", leerbedrijf.pk), {"naar": "in_gesprek"}, mbo_medewerker, 403
    )
    leerbedrijf.refresh_from_db()
    assert leerbedrijf.status == LeerbedrijfStatus.BENADERD
    assert client.get(url("contactmoment_create", leerbedrijf.pk)).status_code == 403


# --- query counts --------------------------------------------------------------


def _met_onderdelen(n):
    for leerbedrijf in LeerbedrijfFactory.create_batch(n):
        VestigingFactory(leerbedrijf=leerbedrijf)
        LeerbaanFactory(leerbedrijf=leerbedrijf)
        ErkenningFactory(leerbedrijf=leerbedrijf, verloopt_binnenkort=True)


def test_list_query_count_is_the_same_for_3_and_30_rows(
    client, consulent, django_assert_max_num_queries, django_assert_num_queries
):
    client.force_login(consulent)
    _met_onderdelen(3)
    with django_assert_max_num_queries(15) as drie:
        client.get(LIJST)
    _met_onderdelen(27)

    with django_assert_num_queries(len(drie.captured_queries)):
        antwoord = client.get(LIJST)

    assert antwoord.context["paginator"].count == 30
    assert len(antwoord.context["object_list"]) == 25
    assert antwoord.context["object_list"][0].aantal_verloopt_binnenkort == 1


def _queries(client, pad):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(pad).status_code == 200
    return context.captured_queries


def test_detail_query_count_does_not_grow_with_rows(
    client, consulent, django_assert_num_queries
):
    leerbedrijf = LeerbedrijfFactory()
    client.force_login(consulent)
    VestigingFactory(leerbedrijf=leerbedrijf)
    LeerbaanFactory(leerbedrijf=leerbedrijf).werkprocessen.set(werkprocessen())
    ContactmomentFactory(leerbedrijf=leerbedrijf)
    ContactpersoonFactory(leerbedrijf=leerbedrijf)
    ErkenningFactory(leerbedrijf=leerbedrijf)
    een = len(_queries(client, leerbedrijf.get_absolute_url()))

    VestigingFactory.create_batch(3, leerbedrijf=leerbedrijf)
    for naam in ("Medewerker teelt", "Medewerker veehouderij"):
        LeerbaanFactory(
            leerbedrijf=leerbedrijf, kwalificatie=kwalificatie(naam)
        ).werkprocessen.set(werkprocessen(naam))
        ErkenningFactory(leerbedrijf=leerbedrijf, kwalificatie=kwalificatie(naam))
    ContactmomentFactory.create_batch(3, leerbedrijf=leerbedrijf)
    ContactpersoonFactory.create_batch(3, leerbedrijf=leerbedrijf)
    leerbedrijf.werkprocessen.set(werkprocessen("Medewerker hospitality"))

    with django_assert_num_queries(een):
        client.get(leerbedrijf.get_absolute_url())


# --- create and edit -----------------------------------------------------------


def _profiel(**kwargs):
    return {
        "naam": "Fietsenmaker De Spaak",
        "kvk_nummer": "12345678",
        "regio": str(regio().pk),
        "sector": Sector.TECHNIEK,
        "soort": "regulier",
        "baancreatie": "geen",
        **kwargs,
    }


def nieuw_formulier(app, user):
    """The create page, reached from the list as a person would."""
    lijst = app.get(LIJST, user=user)
    return lijst.click(href=url("leerbedrijf_create"))


def test_create_records_benaderd_leerbedrijf_and_redirects(app, consulent):
    pagina = nieuw_formulier(app, consulent)
    form = invullen(formulier(pagina), **_profiel())
    aanvinken(form, "werkprocessen", [w.pk for w in werkprocessen()])

    antwoord = form.submit(status=302)

    leerbedrijf = Leerbedrijf.objects.get(organisatie__kvk_nummer="12345678")
    assert antwoord["Location"] == leerbedrijf.get_absolute_url()
    assert leerbedrijf.status == LeerbedrijfStatus.BENADERD
    assert leerbedrijf.statuswijzigingen.get().door == consulent
    assert leerbedrijf.werkprocessen.count() == 3


@pytest.mark.parametrize("kvk", ["1234567", "1234567a", "123456789"])
def test_create_with_invalid_kvk_shows_error_next_to_field_and_saves_nothing(
    app, consulent, kvk
):
    pagina = nieuw_formulier(app, consulent)

    antwoord = verzenden(pagina, status=200, **_profiel(kvk_nummer=kvk))

    assert (
        "Een KvK-nummer bestaat uit precies 8 cijfers."
        in antwoord.context["form"].errors["kvk_nummer"]
    )
    assert 'id="error_1_id_kvk_nummer"' in antwoord.text
    assert not Organisatie.objects.filter(naam="Fietsenmaker De Spaak").exists()


def test_create_with_existing_kvk_is_refused_next_to_field(app, consulent):
    OrganisatieFactory(leerbedrijf=True, kvk_nummer="12345678")
    pagina = nieuw_formulier(app, consulent)

    antwoord = verzenden(pagina, status=200, **_profiel())

    assert antwoord.context["form"].errors["kvk_nummer"] == [
        "Er is al een organisatie met dit KvK-nummer."
    ]
    assert "Er is al een organisatie met dit KvK-nummer." in antwoord.text
    assert not Leerbedrijf.objects.exists()


def test_create_offers_only_the_users_own_regions(app, consulent):
    pagina = nieuw_formulier(app, consulent)
    aangeboden = [waarde for waarde, _, _ in formulier(pagina)["regio"].options]
    assert str(regio("AM01").pk) not in aangeboden

    antwoord = verzenden(pagina, status=200, **_profiel(regio=regio("AM01").pk))

    assert "regio" in antwoord.context["form"].errors
    assert not Leerbedrijf.objects.exists()


def test_edit_with_stale_version_shows_non_field_error_and_saves_nothing(
    app, consulent
):
    leerbedrijf = LeerbedrijfFactory(organisatie__naam="Origineel")
    # Two colleagues open the edit page at the same version; one saves first.
    detail = app.get(leerbedrijf.get_absolute_url(), user=consulent)
    mijn_pagina = detail.click(href=url("leerbedrijf_update", leerbedrijf.pk))
    collega_pagina = app.get(url("leerbedrijf_update", leerbedrijf.pk))
    verzenden(collega_pagina, naam="Fietsenmaker De Spaak", status=302)

    tweede = verzenden(mijn_pagina, naam="Te laat", status=200)

    fouten = tweede.context["form"].non_field_errors()
    assert "Iemand anders heeft deze gegevens net gewijzigd" in fouten[0]
    assert 'id="formulierfout"' in tweede.text
    leerbedrijf.refresh_from_db()
    assert leerbedrijf.organisatie.naam == "Fietsenmaker De Spaak"
    assert leerbedrijf.versie == 2


# --- small forms on the detail page ---------------------------------------------


def onderdeel_pagina(app, user, leerbedrijf, naam, *args):
    """The add or edit page of a child row, clicked through from the detail page."""
    detail = app.get(leerbedrijf.get_absolute_url(), user=user)
    return detail.click(href=url(naam, leerbedrijf.pk, *args))


def test_vestiging_with_invalid_postcode_shows_error_and_saves_nothing(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    pagina = onderdeel_pagina(app, consulent, leerbedrijf, "vestiging_create")
    data = {"straat": "Markt", "huisnummer": "1", "plaats": "Enschede"}

    fout = verzenden(pagina, status=200, **data, postcode="0123 AB")
    assert (
        "Vul een Nederlandse postcode in" in fout.context["form"].errors["postcode"][0]
    )
    assert "Vul een Nederlandse postcode in" in fout.text
    assert not Vestiging.objects.exists()

    goed = verzenden(fout, postcode="7511ab", status=302)
    assert goed["Location"] == leerbedrijf.get_absolute_url()
    assert Vestiging.objects.get().postcode == "7511 AB"


def test_contactmoment_in_the_future_is_refused(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    pagina = onderdeel_pagina(app, consulent, leerbedrijf, "contactmoment_create")
    morgen = timezone.localdate() + datetime.timedelta(days=1)

    antwoord = verzenden(
        pagina,
        datum=morgen.isoformat(),
        soort="telefoon",
        samenvatting="Gebeld",
        status=200,
    )

    assert (
        "Deze datum ligt in de toekomst" in antwoord.context["form"].errors["datum"][0]
    )
    assert "Deze datum ligt in de toekomst" in antwoord.text
    assert not Contactmoment.objects.exists()


def test_contactmoment_volgende_actie_needs_a_date(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    pagina = onderdeel_pagina(app, consulent, leerbedrijf, "contactmoment_create")

    fout = verzenden(
        pagina,
        datum=timezone.localdate().isoformat(),
        soort="bezoek",
        samenvatting="Rondleiding gehad",
        volgende_actie="Offerte sturen",
        status=200,
    )
    assert fout.context["form"].errors["volgende_actie_op"] == [
        "Vul in wanneer de volgende actie moet gebeuren."
    ]
    assert "Vul in wanneer de volgende actie moet gebeuren." in fout.text
    assert not Contactmoment.objects.exists()

    volgende_week = timezone.localdate() + datetime.timedelta(days=7)
    goed = verzenden(fout, volgende_actie_op=volgende_week.isoformat(), status=302)
    assert goed["Location"] == leerbedrijf.get_absolute_url()
    assert Contactmoment.objects.get().door == consulent


def test_leerbaan_with_werkproces_of_other_kwalificatie_is_refused(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    entree = werkprocessen()
    vreemd = werkprocessen("Medewerker teelt")[0]
    pagina = onderdeel_pagina(app, consulent, leerbedrijf, "leerbaan_create")
    form = invullen(
        formulier(pagina), kwalificatie=kwalificatie("Entree").pk, aantal=2, open=True
    )
    aanvinken(form, "werkprocessen", [entree[0].pk, vreemd.pk])

    fout = form.submit(status=200)
    assert (
        "Kies alleen werkprocessen van de kwalificatie Entree"
        in fout.context["form"].errors["werkprocessen"][0]
    )
    assert "Kies alleen werkprocessen van de kwalificatie Entree" in fout.text
    assert not Leerbaan.objects.exists()

    form = aanvinken(formulier(fout), "werkprocessen", [w.pk for w in entree])
    goed = form.submit(status=302)
    assert goed["Location"] == leerbedrijf.get_absolute_url()
    assert Leerbaan.objects.get().werkprocessen.count() == 3


def test_leerbaan_needs_at_least_one_place(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    pagina = onderdeel_pagina(app, consulent, leerbedrijf, "leerbaan_create")

    antwoord = verzenden(pagina, kwalificatie=kwalificatie().pk, aantal="0", status=200)

    assert "aantal" in antwoord.context["form"].errors
    assert not Leerbaan.objects.exists()


def test_erkenning_erkend_needs_date_and_one_per_kwalificatie(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    # The form has a field `status`: fill with invullen, submit with WebTest's status.
    data = {"kwalificatie": kwalificatie().pk, "status": "erkend"}
    pagina = onderdeel_pagina(app, consulent, leerbedrijf, "erkenning_create")

    fout = invullen(formulier(pagina), **data).submit(status=200)
    assert "erkend_op" in fout.context["form"].errors
    assert not Erkenning.objects.exists()

    invullen(formulier(fout), erkend_op="2024-01-01").submit(status=302)
    pagina = onderdeel_pagina(app, consulent, leerbedrijf, "erkenning_create")
    dubbel = invullen(formulier(pagina), erkend_op="2024-01-01", **data).submit(
        status=200
    )
    assert "kwalificatie" in dubbel.context["form"].errors
    assert Erkenning.objects.count() == 1


def test_erkenning_can_be_edited(app, consulent):
    erkenning = ErkenningFactory()
    pagina = onderdeel_pagina(
        app, consulent, erkenning.leerbedrijf, "erkenning_update", erkenning.pk
    )
    form = invullen(
        formulier(pagina),
        status="erkend",
        erkend_op="2024-03-01",
        geldig_tot="2028-03-01",
    )

    antwoord = form.submit(status=302)

    assert antwoord["Location"] == erkenning.leerbedrijf.get_absolute_url()
    erkenning.refresh_from_db()
    assert erkenning.status == "erkend"
    assert erkenning.geldig_tot == datetime.date(2028, 3, 1)


# --- detail page -----------------------------------------------------------------


def test_detail_shows_warning_for_erkenning_that_expires_soon(client, consulent):
    erkenning = ErkenningFactory(verloopt_binnenkort=True)
    rustig = ErkenningFactory(
        erkend=True, kwalificatie=kwalificatie("Medewerker teelt")
    )
    client.force_login(consulent)

    html = client.get(erkenning.leerbedrijf.get_absolute_url()).text
    rustig_html = client.get(rustig.leerbedrijf.get_absolute_url()).text

    assert 'class="alert alert-warning" role="alert"' in html
    assert "de erkenning voor Entree verloopt op" in html
    assert "Verloopt binnenkort" in html
    assert "verloopt op" not in rustig_html


def test_detail_offers_only_the_allowed_next_statuses(client, consulent):
    leerbedrijf = LeerbedrijfFactory(in_gesprek=True)
    client.force_login(consulent)

    form = client.get(leerbedrijf.get_absolute_url()).context["status_form"]

    assert [k for k, _ in form.fields["naar"].choices] == ["akkoord", "gestopt"]


# --- status ---------------------------------------------------------------------


def test_status_change_is_post_only_redirects_and_logs(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    app.get(url("status", leerbedrijf.pk), user=consulent, status=405)
    pagina = app.get(leerbedrijf.get_absolute_url())

    antwoord = verzenden(
        pagina,
        actie=url("status", leerbedrijf.pk),
        naar="in_gesprek",
        reden="Eerste gesprek",
        status=302,
    )

    assert antwoord["Location"] == leerbedrijf.get_absolute_url()
    assert "De status is nu &#x27;In gesprek&#x27;." in antwoord.follow().text
    leerbedrijf.refresh_from_db()
    assert leerbedrijf.status == LeerbedrijfStatus.IN_GESPREK
    assert LeerbedrijfStatuswijziging.objects.get().reden == "Eerste gesprek"


def test_forbidden_status_change_shows_dutch_message(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    pagina = app.get(leerbedrijf.get_absolute_url(), user=consulent)
    form = formulier(pagina, actie=url("status", leerbedrijf.pk))
    assert "actief" not in [waarde for waarde, _, _ in form["naar"].options]

    antwoord = invullen(form, naar="actief").submit(status=302).follow()

    assert (
        "Van &#x27;Benaderd&#x27; kan een leerbedrijf niet naar &#x27;Actief&#x27;."
        in (antwoord.text)
    )
    leerbedrijf.refresh_from_db()
    assert leerbedrijf.status == LeerbedrijfStatus.BENADERD
    assert not LeerbedrijfStatuswijziging.objects.exists()


# --- CSV and filters ---------------------------------------------------------------


def test_csv_export_has_bom_header_semicolons_and_filtered_rows(client, consulent):
    actief = LeerbedrijfFactory(actief=True, organisatie__naam="Bakkerij; Brood")
    VestigingFactory(leerbedrijf=actief, plaats="Hengelo")
    LeerbaanFactory(leerbedrijf=actief, aantal=4)
    LeerbedrijfFactory(organisatie__naam="Alleen benaderd")
    client.force_login(consulent)

    antwoord = client.get(LIJST, {"export": "csv", "status": "actief"})

    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert antwoord["Content-Disposition"].startswith(
        'attachment; filename="leerbedrijven-'
    )
    inhoud = antwoord.content.decode("utf-8")
    assert inhoud.startswith("\ufeff")
    regels = inhoud.lstrip("\ufeff").splitlines()
    assert regels[0].split(";")[:4] == ["Naam", "KvK-nummer", "Regio", "Plaats"]
    assert len(regels) == 2
    assert regels[1].startswith(f'"Bakkerij; Brood";{actief.organisatie.kvk_nummer};')
    assert ";Hengelo;" in regels[1]
    assert ";Actief;" in regels[1]


def test_filter_erkend_voor_kwalificatie(client, consulent):
    entree = kwalificatie("Entree")
    erkend = ErkenningFactory(kwalificatie=entree, erkend=True).leerbedrijf
    ErkenningFactory(kwalificatie=entree)  # aangevraagd
    ErkenningFactory(kwalificatie=kwalificatie("Medewerker teelt"), erkend=True)
    client.force_login(consulent)

    antwoord = client.get(LIJST, {"erkend_voor": entree.pk})

    assert list(antwoord.context["object_list"]) == [erkend]


def test_filter_open_leerbanen(client, consulent):
    met_open = LeerbaanFactory().leerbedrijf
    alleen_gesloten = LeerbaanFactory(gesloten=True).leerbedrijf
    zonder = LeerbedrijfFactory()
    client.force_login(consulent)

    ja = client.get(LIJST, {"open_leerbanen": "ja"}).context["object_list"]
    nee = client.get(LIJST, {"open_leerbanen": "nee"}).context["object_list"]

    assert list(ja) == [met_open]
    assert set(nee) == {alleen_gesloten, zonder}


def test_search_on_name_kvk_and_plaats(client, consulent):
    bakker = LeerbedrijfFactory(organisatie__naam="Bakkerij Oosterhof")
    VestigingFactory(leerbedrijf=bakker, plaats="Oldenzaal")
    VestigingFactory(leerbedrijf=bakker, plaats="Oldenzaal")
    LeerbedrijfFactory(organisatie__naam="Garage Noord")
    client.force_login(consulent)

    def zoek(q):
        return list(client.get(LIJST, {"q": q}).context["object_list"])

    assert zoek("oosterhof") == [bakker]
    assert zoek(bakker.organisatie.kvk_nummer) == [bakker]
    assert zoek("oldenz") == [bakker]  # once, despite two vestigingen there
