import io
import zipfile

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from webtest import Upload

from kennisbank.constants import Soort
from kennisbank.models import Item
from tests.factories.kennisbank import ItemFactory, TagFactory
from tests.factories.organisaties import regio
from tests.formulieren import posten, verzenden
from tests.pdf import pdf_met, schone_pdf

pytestmark = pytest.mark.django_db

LIJST = reverse("kennisbank:item_list")


def _data(**kwargs):
    """What an editor types; regio and eigenaar keep what the page preselects."""
    data = {
        "soort": Soort.INSTRUMENT,
        "titel": "Werkfit eerst",
        "samenvatting": "Eerst werkfit, dan praktijkleren.",
        "body": '<p onclick="x()">Uitleg</p><script>alert(1)</script>',
        "trefwoorden": "werkfit, Advies",
    }
    data.update(kwargs)
    return data


def nieuw_item(app, user):
    """The create page, reached from the list's button."""
    lijst = app.get(LIJST, user=user)
    return lijst.click(href=reverse("kennisbank:item_create"))


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def test_coordinator_creates_a_sanitised_item_checked_today(app, coordinator):
    response = verzenden(nieuw_item(app, coordinator), status=302, **_data())
    item = Item.objects.get()
    assert response["Location"] == item.get_absolute_url()
    assert item.regio == coordinator.organisatie.regios.get()
    assert item.eigenaar == coordinator.organisatie
    assert item.slug == "werkfit-eerst"
    assert item.body == "<p>Uitleg</p>"
    assert sorted(t.naam for t in item.tags.all()) == ["Advies", "werkfit"]
    assert item.laatst_gecontroleerd_op == timezone.localdate()
    assert item.gecontroleerd_door == coordinator


def test_coordinator_cannot_make_a_national_item(app, coordinator):
    pagina = nieuw_item(app, coordinator)
    assert "Landelijk (voor iedereen)" not in pagina
    response = verzenden(pagina, status=200, **_data(regio=""))
    assert "regio" in response.context["form"].errors
    assert not Item.objects.exists()


def test_beheerder_makes_a_national_item(app, beheerder):
    pagina = nieuw_item(app, beheerder)
    verzenden(pagina, status=302, **_data(regio=""))
    assert Item.objects.get().regio is None


@pytest.mark.parametrize(
    "rol", ["consulent", "jobcoach", "praktijkopleider", "mbo_medewerker"]
)
def test_only_editors_create(app, request, rol):
    user = request.getfixturevalue(rol)
    app.get(reverse("kennisbank:item_create"), user=user, status=403)
    posten(app, reverse("kennisbank:item_create"), _data(), user=user, status=403)
    item = ItemFactory(regionaal=True)
    gecontroleerd = reverse("kennisbank:item_gecontroleerd", args=[item.slug])
    assert gecontroleerd not in app.get(item.get_absolute_url())
    posten(app, gecontroleerd, user=user, status=403)
    assert not Item.objects.exclude(pk=item.pk).exists()
    item.refresh_from_db()
    assert item.gecontroleerd_door != user


def test_other_regions_item_is_404_and_absent_from_search(app, client, coordinator):
    elders = ItemFactory(titel="Regeling elders", regio=regio("AM01"))
    client.force_login(coordinator)
    for naam in ("item_detail", "item_update", "item_bestand"):
        assert (
            client.get(reverse(f"kennisbank:{naam}", args=[elders.slug])).status_code
            == 404
        )
    posten(
        app,
        reverse("kennisbank:item_gecontroleerd", args=[elders.slug]),
        user=coordinator,
        status=404,
    )
    assert not client.get(LIJST, {"q": "regeling"}).context["object_list"]


def test_national_item_is_read_by_all_but_changed_by_beheerders(
    client, coordinator, beheerder, praktijkopleider
):
    landelijk = ItemFactory(body="<p>Lees dit.</p>")
    client.force_login(praktijkopleider)
    detail = client.get(landelijk.get_absolute_url())
    assert detail.status_code == 200
    assert "<p>Lees dit.</p>" in detail.content.decode()
    client.force_login(coordinator)
    assert not client.get(landelijk.get_absolute_url()).context["bewerkbaar"]
    assert (
        client.get(reverse("kennisbank:item_update", args=[landelijk.slug])).status_code
        == 404
    )
    client.force_login(beheerder)
    assert (
        client.get(reverse("kennisbank:item_update", args=[landelijk.slug])).status_code
        == 200
    )


def test_search_filters_and_ranking_on_the_list(client, consulent):
    tag = TagFactory(naam="werkfit", slug="werkfit")
    a = ItemFactory(titel="Subsidie voor de leerbaan", soort=Soort.REGELING, tags=[tag])
    b = ItemFactory(
        titel="Over iets", body="<p>Een leerbaan vinden.</p>", regionaal=True
    )
    c = ItemFactory(titel="Werkfit", soort=Soort.VRAAG, sector="horeca")
    client.force_login(consulent)

    def titels(**params):
        return [i.titel for i in client.get(LIJST, params).context["object_list"]]

    assert titels(q="leerbaan") == [a.titel, b.titel]
    assert titels(soort="regeling") == [a.titel]
    assert titels(tag="werkfit") == [a.titel]
    assert titels(bereik="regionaal") == [b.titel]
    assert titels(bereik="landelijk") == [a.titel, c.titel]
    assert titels(sector="horeca") == [c.titel]
    assert titels(q="leerbaan", bereik="landelijk") == [a.titel]


def test_klopt_nog_clears_the_warning(app, client, coordinator):
    oud = ItemFactory(regionaal=True, verouderd=True)
    client.force_login(coordinator)
    detail = client.get(oud.get_absolute_url()).content.decode()
    assert "niet meer gecontroleerd" in detail
    lijst = client.get(LIJST, {"verouderd": "true"})
    assert list(lijst.context["object_list"]) == [oud]
    assert "Controleren" in lijst.content.decode()

    pagina = app.get(LIJST, {"verouderd": "true"}, user=coordinator)
    actie = reverse("kennisbank:item_gecontroleerd", args=[oud.slug])
    verzenden(pagina, actie=actie, status=302)

    oud.refresh_from_db()
    assert oud.laatst_gecontroleerd_op == timezone.localdate()
    assert oud.gecontroleerd_door == coordinator
    assert not client.get(LIJST, {"verouderd": "true"}).context["object_list"]
    assert (
        "niet meer gecontroleerd"
        not in client.get(oud.get_absolute_url()).content.decode()
    )


def test_klopt_nog_is_post_only(client, coordinator):
    item = ItemFactory(regionaal=True)
    client.force_login(coordinator)
    url = reverse("kennisbank:item_gecontroleerd", args=[item.slug])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize(
    ("naam", "inhoud", "fout"),
    [
        ("folder.pdf", b"Dit is gewoon tekst, geen PDF.", "past niet bij .pdf"),
        ("folder.pdf", b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024), "te groot"),
        ("brief.docx", b"PK\x03\x04 kapotte zip", "past niet bij .docx"),
        ("script.exe", b"MZ", "Dit soort bestand kan niet"),
        ("folder.docx", b"%PDF-1.4\n", "past niet bij .docx"),
        ("folder.pdf", pdf_met(open_action=True), "bevat scripts"),
        ("folder.pdf", b"%PDF-1.4\n<html><script>alert(1)</script>", "past niet bij"),
    ],
)
def test_bad_upload_gives_a_dutch_error_and_saves_nothing(
    app, coordinator, naam, inhoud, fout
):
    response = verzenden(
        nieuw_item(app, coordinator),
        status=200,
        **_data(soort=Soort.DOCUMENT, bestand=Upload(naam, inhoud)),
    )
    assert "bestand" in response.context["form"].errors
    assert fout in response.text
    assert not Item.objects.exists()


@pytest.mark.parametrize(
    ("data", "veld", "tekst"),
    [
        ({"titel": ""}, "titel", "verplicht"),
        ({"soort": Soort.DOCUMENT}, "bestand", "Voeg het document toe"),
        (
            {
                "soort": Soort.REGELING,
                "geldig_van": "2024-01-01",
                "geldig_tot": "2023-01-01",
            },
            "geldig_tot",
            "ligt voor",
        ),
        ({"max_bedrag": "veel"}, "max_bedrag", "getal"),
    ],
)
def test_bad_input_saves_nothing(app, coordinator, data, veld, tekst):
    response = verzenden(nieuw_item(app, coordinator), status=200, **_data(**data))
    assert veld in response.context["form"].errors
    assert tekst in response.text
    assert not Item.objects.exists()


@pytest.mark.parametrize(
    ("naam", "inhoud", "type_"),
    [
        ("Folder Twente.pdf", schone_pdf(), "application/pdf"),
        ("Brief.docx", _docx(), "wordprocessingml"),
    ],
)
def test_document_is_served_only_within_scope(
    app, client, coordinator, consulent, naam, inhoud, type_
):
    verzenden(
        nieuw_item(app, coordinator),
        status=302,
        **_data(soort=Soort.DOCUMENT, bestand=Upload(naam, inhoud)),
    )
    item = Item.objects.get()
    assert naam not in item.bestand.name  # stored under a random name
    client.force_login(consulent)
    response = client.get(reverse("kennisbank:item_bestand", args=[item.slug]))
    assert response.status_code == 200
    assert type_ in response["Content-Type"]
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == inhoud

    item.regio = regio("AM01")
    item.save()
    assert (
        client.get(reverse("kennisbank:item_bestand", args=[item.slug])).status_code
        == 404
    )


def test_related_items_are_symmetric_and_scoped(app, client, coordinator, consulent):
    ander = ItemFactory(titel="Ander item")
    elders = ItemFactory(titel="Geheim elders", regio=regio("AM01"))
    verzenden(
        nieuw_item(app, coordinator),
        status=302,
        **_data(gerelateerd=[str(ander.pk)]),
    )
    nieuw = Item.objects.get(slug="werkfit-eerst")
    nieuw.gerelateerd.add(elders)
    assert nieuw in ander.gerelateerd.all()
    client.force_login(consulent)
    detail = client.get(nieuw.get_absolute_url()).content.decode()
    assert "Ander item" in detail
    assert "Geheim elders" not in detail
    # Saving keeps the link the editor could not see.
    detail = app.get(nieuw.get_absolute_url(), user=coordinator)
    pagina = detail.click(href=reverse("kennisbank:item_update", args=[nieuw.slug]))
    assert "Geheim elders" not in pagina
    verzenden(pagina, gerelateerd=[], status=302)
    assert list(nieuw.gerelateerd.all()) == [elders]


def test_list_csv_and_constant_queries(client, coordinator, django_assert_num_queries):
    client.force_login(coordinator)
    tag = TagFactory()
    for i in range(3):
        ItemFactory(titel=f"Item {i:02d}", regionaal=True, tags=[tag])
    client.get(LIJST)
    with CaptureQueriesContext(connection) as drie:
        client.get(LIJST)
    for i in range(3, 25):
        ItemFactory(titel=f"Item {i:02d}", regionaal=True, tags=[tag, TagFactory()])
    for i in range(25, 30):
        ItemFactory(titel=f"Item {i:02d}")
    with django_assert_num_queries(len(drie)):
        assert len(client.get(LIJST).context["object_list"]) == 25
    with django_assert_num_queries(len(drie)):
        client.get(LIJST, {"q": "item"})
    csv = client.get(LIJST, {"export": "csv"}).content.decode()
    assert csv.startswith("\ufeffTitel;Soort;Landelijk of regio")
    assert csv.count("\n") == 31
    assert "Item 29;Instrument;Landelijk" in csv
