"""The candidate's verklaringen page (/mijn/verklaringen/): the credential of each of
my praktijkverklaringen and mbo-verklaringen, my mbo-verklaringen with their PDF and
public link; only my own (another candidate's is 404); every download audited as
me."""

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse

import pytest
from auditlog.models import LogEntry

from tests.factories.verklaringen import met_onderdelen
from tests.mijn.test_paginas import inloggen
from tests.verklaringen.test_credential import controleren

pytestmark = pytest.mark.django_db

UITLEG = (
    "Een digitaal bewijs dat je kunt delen met een werkgever of school. "
    "Zij kunnen controleren dat het echt is."
)


@pytest.fixture(autouse=True)
def schone_cache():
    cache.clear()
    yield
    cache.clear()


def met_pdf(m):
    m.pdf.save("mbo.pdf", ContentFile(b"%PDF-1.4 mbo"))
    return m


def mijn_downloads(kandidaat_id: int, obj) -> list[dict]:
    return [
        e.additional_data
        for e in LogEntry.objects.filter(
            object_pk=str(obj.pk),
            content_type__model=obj._meta.model_name,
            action=LogEntry.Action.ACCESS,
            actor=None,
        )
        if e.additional_data.get("kandidaat") == kandidaat_id
    ]


def test_i_download_the_credential_of_my_praktijkverklaring(app):
    m, p, _mbo, _gv = met_onderdelen()
    kandidaat = p.traject.kandidaat
    inloggen(app, kandidaat)

    lijst = app.get(reverse("mijn:verklaringen"))
    kaart = lijst.html.select_one(f"#kop-v-{p.pk}").parent
    assert UITLEG in kaart.text
    bestand = lijst.click(
        description="Download het digitale bewijs", href=f"/mijn/verklaringen/{p.pk}/"
    )

    assert bestand.text == p.credential
    assert f"praktijkverklaring-{p.nummer}.jwt" in bestand["Content-Disposition"]
    assert controleren(app, tekst=bestand.text).context["uitslag"].oordeel == "geldig"
    downloads = mijn_downloads(kandidaat.pk, p)
    assert downloads == [
        {"kandidaat": kandidaat.pk, "via": "mijn", "via_credential": True}
    ]


def test_my_mbo_verklaring_is_listed_with_pdf_credential_and_public_link(app):
    m, _p, _mbo, _gv = met_onderdelen()
    met_pdf(m)
    kandidaat = m.traject.kandidaat
    inloggen(app, kandidaat)

    lijst = app.get(reverse("mijn:verklaringen"))
    kaart = lijst.html.select_one(f"#kop-m-{m.pk}").parent
    assert m.verificatie_url in kaart.text
    assert UITLEG in kaart.text
    pdf = lijst.click(description="Download de mbo-verklaring")
    bestand = lijst.click(
        description="Download het digitale bewijs", href="/mijn/mbo-verklaringen/"
    )
    als_json = app.get(reverse("mijn:mbo_verklaring_credential", args=[m.pk, "json"]))

    assert pdf.body == b"%PDF-1.4 mbo"
    assert bestand.text == m.credential
    assert f"mbo-verklaring-{m.nummer}.jwt" in bestand["Content-Disposition"]
    assert als_json.json["id"] == f"data:application/vc+jwt,{m.credential}"
    antwoord = controleren(app, tekst=bestand.text)
    assert antwoord.context["uitslag"].oordeel == "geldig"
    assert antwoord.context["uitslag"].verklaring == m
    downloads = mijn_downloads(kandidaat.pk, m)
    assert sorted(sorted(d) for d in downloads) == [
        ["kandidaat", "via", "via_credential"],
        ["kandidaat", "via", "via_credential"],
        ["kandidaat", "via", "via_pdf"],
    ]


def test_another_candidates_verklaringen_are_404_and_not_listed(app):
    eigen, _p, _mbo, _gv = met_onderdelen()
    ander, ander_p, _mbo2, _gv2 = met_onderdelen()
    met_pdf(ander)
    inloggen(app, eigen.traject.kandidaat)
    LogEntry.objects.filter(action=LogEntry.Action.ACCESS).delete()

    for url in (
        reverse("mijn:verklaring_credential", args=[ander_p.pk, "jwt"]),
        reverse("mijn:verklaring_credential", args=[ander_p.pk, "json"]),
        reverse("mijn:mbo_verklaring_credential", args=[ander.pk, "jwt"]),
        reverse("mijn:mbo_verklaring_pdf", args=[ander.pk]),
    ):
        app.get(url, status=404)
    lijst = app.get(reverse("mijn:verklaringen"))

    assert eigen.verificatie_url in lijst.text
    assert ander.verificatie_url not in lijst.text
    assert ander_p.verificatie_url not in lijst.text
    assert not mijn_downloads(eigen.traject.kandidaat_id, ander)
    assert not mijn_downloads(eigen.traject.kandidaat_id, ander_p)
    # My own, in an unknown form: 404 as well.
    app.get(
        reverse("mijn:mbo_verklaring_credential", args=[eigen.pk, "xml"]), status=404
    )


def test_without_a_candidate_session_the_download_asks_for_a_code(app):
    m, _p, _mbo, _gv = met_onderdelen()
    url = reverse("mijn:mbo_verklaring_credential", args=[m.pk, "jwt"])
    antwoord = app.get(url, status=302)
    assert antwoord["Location"] == reverse("mijn:code")
    # Staff cannot use the candidate's pages either.
    app.get(url, user=m.traject.consulent, status=403)


def test_a_revoked_mbo_verklaring_says_so_without_downloads(app):
    from verklaringen.services import mbo_verklaring_intrekken

    m, _p, mbo, _gv = met_onderdelen()
    met_pdf(m)
    mbo_verklaring_intrekken(verklaring=m, door=mbo, reden="Fout.")
    inloggen(app, m.traject.kandidaat)

    kaart = app.get(reverse("mijn:verklaringen")).html.select_one(f"#kop-m-{m.pk}")

    assert "Deze mbo-verklaring is ingetrokken." in kaart.parent.text
    assert not kaart.parent.select("a")
