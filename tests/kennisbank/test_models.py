import pytest

from kennisbank.constants import Soort
from kennisbank.models import Item
from tests.factories.kennisbank import ItemFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("invoer", "verboden"),
    [
        ("<p>Hallo<script>alert('x')</script></p>", ["<script", "alert"]),
        ('<p onclick="steel()">Klik</p>', ["onclick", "steel"]),
        ('<p style="color:red">Rood</p><style>p{}</style>', ["style", "color"]),
        ('<a href="javascript:alert(1)">link</a>', ["javascript"]),
        (
            '<img src="x" onerror="y()"><iframe src="https://x.nl"></iframe>',
            ["<img", "<iframe"],
        ),
    ],
)
def test_item_save_sanitises_the_body(invoer, verboden):
    item = ItemFactory(body=invoer)
    item.refresh_from_db()
    for woord in verboden:
        assert woord not in item.body


def test_item_save_keeps_the_allowed_markup():
    html = (
        "<h3>Kop</h3><p><strong>Vet</strong> en <em>schuin</em><br></p>"
        '<ul><li>een</li></ul><ol><li>twee</li></ol><h4>Klein</h4><a href="https://rvo.nl">rvo</a>'
    )
    body = ItemFactory(body=html).body
    for tag in ("<h3>", "<strong>", "<em>", "<br>", "<ul>", "<ol>", "<li>", "<h4>"):
        assert tag in body
    assert 'href="https://rvo.nl"' in body


def test_item_save_sanitises_also_through_update():
    item = ItemFactory()
    item.body = '<p onmouseover="x()">Nieuw</p>'
    item.save()
    assert Item.objects.get(pk=item.pk).body == "<p>Nieuw</p>"


def test_moet_gecontroleerd_after_the_configured_months(settings):
    settings.KENNISBANK_CONTROLE_MAANDEN = 12
    assert ItemFactory(verouderd=True).moet_gecontroleerd  # 400 days
    assert not ItemFactory().moet_gecontroleerd
    settings.KENNISBANK_CONTROLE_MAANDEN = 24
    assert not ItemFactory(verouderd=True).moet_gecontroleerd


def test_bestand_only_on_a_document_is_a_db_rule():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        ItemFactory(soort=Soort.VRAAG, bestand="kennisbank/x.pdf")
