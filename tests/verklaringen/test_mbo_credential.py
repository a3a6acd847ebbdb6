"""The mbo-verklaring as a verifiable credential (verklaringen/credential.py): signed
at issue with its parts, verified with the published JWKS (and by a verifier that
shares no code with the portal), its bit on the shared status list, embedded in its
PDF, downloaded by staff who may see it, and checked on the public upload page."""

import base64
import json

from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader
from webtest import Upload

from tests.factories.verklaringen import (
    VERIFICATIE_BASIS,
    mbo_uitreiken,
    met_onderdelen,
    met_praktijkverklaring,
    onderdelen,
)
from tests.formulieren import verzenden
from tests.verklaringen.test_credential import b64, controleren, geverifieerd, kop
from tests.verklaringen.test_credential_onafhankelijk import ingetrokken, verifieer
from verklaringen import credential as vc
from verklaringen.models import MboVerklaring, Statuslijst
from verklaringen.services import mbo_verklaring_intrekken

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_cache")]


def test_signed_at_issue_and_verifies_with_the_jwks_listing_its_parts(app):
    m, p, _mbo, gv = met_onderdelen()
    kandidaat = m.traject.kandidaat

    assert m.credential  # stored when issued
    assert kop(m.credential)["typ"] == "vc+jwt"
    cred = geverifieerd(app, m.credential)
    assert verifieer(app, m.credential) == cred  # the independent verifier agrees

    assert cred["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert cred["id"] == m.verificatie_url
    assert cred["name"] == f"Mbo-verklaring {m.nummer}"
    assert cred["issuer"]["name"] == m.mbo_instelling.naam
    assert cred["validFrom"] == f"{m.uitgereikt_op:%Y-%m-%d}T00:00:00Z"
    onderwerp = cred["credentialSubject"]
    prestatie = onderwerp["achievement"]
    assert prestatie["achievementType"] == "ext:MboVerklaring"
    assert prestatie["humanCode"] == m.nummer
    # The werkprocessen of its praktijkverklaring, pointing at that verklaring.
    assert [a["targetCode"] for a in prestatie["alignment"]] == [
        w.code for w in p.werkprocessen.order_by("code")
    ]
    assert all(
        a["targetUrl"].startswith(p.verificatie_url) for a in prestatie["alignment"]
    )
    # Every part: a ResultDescription in the achievement, a Result in the subject.
    delen = {d["id"]: d for d in prestatie["resultDescription"]}
    resultaten = {r["resultDescription"]: r for r in onderwerp["result"]}
    assert set(delen) == set(resultaten)
    per_soort = {d["resultType"]: (d, resultaten[d["id"]]) for d in delen.values()}
    assert set(per_soort) == {
        "ext:Praktijkverklaring",
        "ext:examenresultaat",
        "ext:werknemersvaardigheden",
    }
    deel, resultaat = per_soort["ext:Praktijkverklaring"]
    assert deel["name"] == f"Praktijkverklaring {p.nummer}"
    assert p.mbo_instelling.naam in resultaat["value"]
    assert f"{p.uitgereikt_op:%Y-%m-%d}" in resultaat["value"]
    deel, resultaat = per_soort["ext:examenresultaat"]
    assert resultaat["value"] == (
        f"Uitgegeven door ROC Examenbureau op {timezone.localdate():%Y-%m-%d}: "
        "Nederlands 2F: voldoende"
    )
    deel, resultaat = per_soort["ext:werknemersvaardigheden"]
    assert deel["name"] == "Certificaat werknemersvaardigheden"
    assert "Werkbedrijf Oost" in resultaat["value"]
    assert [a["targetName"] for a in deel["alignment"]] == [gv.tekst]
    assert [e["id"] for e in cred["evidence"]] == [p.verificatie_url]
    # Its own entry on the shared status list.
    status = cred["credentialStatus"]
    assert status["statusListIndex"] == str(m.status_index)
    assert status["statusListCredential"].endswith(
        reverse("statuslijst", args=[m.statuslijst_id])
    )
    # The candidate only as a salted hash of the name.
    identiteit = onderwerp["identifier"][0]
    assert identiteit["identityHash"] == vc.naam_hash(
        kandidaat.voornaam, kandidaat.achternaam, identiteit["salt"]
    )
    tekst = json.dumps(cred)
    assert kandidaat.achternaam not in tekst
    assert kandidaat.voornaam not in tekst
    assert f"{kandidaat.geboortedatum:%Y-%m-%d}" not in tekst


def test_revoking_flips_the_check_and_the_status_list_bit(app):
    m, p, mbo, _gv = met_onderdelen()
    cred = geverifieerd(app, m.credential)
    assert controleren(app, tekst=m.credential).context["uitslag"].oordeel == "geldig"
    assert ingetrokken(app, cred) is False

    detail = app.get(m.get_absolute_url(), user=mbo)
    verzenden(
        detail,
        actie=reverse("verklaringen:mbo_verklaring_intrekken", args=[m.pk]),
        reden="Verkeerde persoon.",
        status=302,
    )

    antwoord = controleren(app, tekst=m.credential)
    assert antwoord.context["uitslag"].oordeel == "ingetrokken"
    assert "deze mbo-verklaring ingetrokken" in antwoord.text
    assert ingetrokken(app, cred) is True  # the published status list says so
    lijst = Statuslijst.objects.get(pk=m.statuslijst_id)
    assert vc.bit(bytes(lijst.bits), m.status_index) is True
    # Its praktijkverklaring keeps its own bit.
    assert controleren(app, tekst=p.credential).context["uitslag"].oordeel == "geldig"


@pytest.mark.parametrize("deel", [1, 2])
def test_one_changed_byte_is_vervalst(app, deel):
    m, _p, _mbo, _gv = met_onderdelen()
    delen = m.credential.split(".")
    ruw = bytearray(base64.urlsafe_b64decode(delen[deel] + "=="))
    ruw[len(ruw) // 2] ^= 0x01
    delen[deel] = b64(bytes(ruw))

    antwoord = controleren(app, tekst=".".join(delen))

    assert antwoord.context["uitslag"].oordeel == "vervalst"
    assert "De handtekening klopt niet" in antwoord.text


def test_the_check_page_names_the_mbo_verklaring_and_its_parts(app):
    m, p, _mbo, _gv = met_onderdelen()

    antwoord = controleren(
        app, bestand=Upload("mbo.jwt", m.credential.encode(), "application/vc+jwt")
    )

    uitslag = antwoord.context["uitslag"]
    assert uitslag.oordeel == "geldig"
    assert uitslag.verklaring == m
    assert "deze mbo-verklaring niet ingetrokken" in antwoord.text
    assert m.nummer in antwoord.text
    assert f"Praktijkverklaring {p.nummer}" in antwoord.text
    assert "Examenresultaat: ROC Examenbureau" in antwoord.text
    assert "Certificaat werknemersvaardigheden: Werkbedrijf Oost" in antwoord.text
    assert m.traject.kandidaat.voornaam not in antwoord.text


def test_a_signed_credential_with_an_unknown_mbo_code_is_onbekend(app):
    m, _p, _mbo, _gv = met_onderdelen()
    cred = vc.inhoud(m.credential)
    cred["id"] = f"{VERIFICATIE_BASIS}/verificatie/bestaatniet00000000000000/"

    antwoord = controleren(app, tekst=vc.ondertekenen(cred))

    assert antwoord.context["uitslag"].oordeel == "onbekend"


def test_the_pdf_embeds_the_credential(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        m, _p, _mbo, _gv = met_onderdelen()
    m.refresh_from_db()
    reader = PdfReader(m.pdf.path)

    bijlagen = reader.attachments
    naam = f"mbo-verklaring-{m.nummer}"
    assert set(bijlagen) == {f"{naam}.jwt", f"{naam}.json"}
    assert bijlagen[f"{naam}.jwt"][0].decode() == m.credential
    assert json.loads(bijlagen[f"{naam}.json"][0]) == vc.inhoud(m.credential)


def test_the_consulent_downloads_it_and_another_region_gets_404(app):
    m, _p, _mbo, _gv = met_onderdelen()
    consulent = m.traject.consulent
    pagina = app.get(m.get_absolute_url(), user=consulent)

    als_jwt = pagina.click(description="Downloaden als .jwt")
    assert als_jwt.text == m.credential
    assert f"mbo-verklaring-{m.nummer}.jwt" in als_jwt["Content-Disposition"]
    als_json = pagina.click(description="Downloaden als .json")
    assert als_json.json["id"] == f"data:application/vc+jwt,{m.credential}"
    antwoord = controleren(
        app, bestand=Upload("mbo.json", als_json.body, "application/json")
    )
    assert antwoord.context["uitslag"].oordeel == "geldig"
    from auditlog.models import LogEntry

    assert LogEntry.objects.filter(
        object_pk=str(m.pk),
        action=LogEntry.Action.ACCESS,
        actor=consulent,
        additional_data__via="credential",
    ).exists()

    ander, _p2, ander_mbo, _gv2 = met_onderdelen()
    url = reverse("verklaringen:mbo_verklaring_credential", args=[m.pk, "jwt"])
    app.get(url, user=ander_mbo, status=404)
    app.get(
        reverse("verklaringen:mbo_verklaring_credential", args=[m.pk, "xml"]),
        user=consulent,
        status=404,
    )


def test_one_issued_before_the_credential_gets_it_on_its_status_index(app):
    m, _p, mbo, _gv = met_onderdelen()
    mbo_verklaring_intrekken(verklaring=m, door=mbo, reden="Fout.")
    MboVerklaring.objects.filter(pk=m.pk).update(credential="")
    index = m.status_index

    pagina = app.get(
        reverse("verklaringen:mbo_verklaring_credential", args=[m.pk, "jwt"]),
        user=mbo,
    )

    m.refresh_from_db()
    assert pagina.text == m.credential
    assert m.status_index == index  # no second index taken
    status = geverifieerd(app, m.credential)["credentialStatus"]
    assert status["statusListIndex"] == str(index)
    assert controleren(app, tekst=m.credential).context["uitslag"].oordeel == (
        "ingetrokken"
    )


def test_after_anonymising_the_holders_copy_still_verifies(app):
    from bewaartermijnen.services import kandidaat_anonimiseren

    m, _p, _mbo, _gv = met_onderdelen()
    kopie = m.credential
    kandidaat_anonimiseren(
        kandidaat=m.traject.kandidaat, door=m.traject.consulent, reden="Verzoek."
    )
    m.refresh_from_db()

    antwoord = controleren(app, tekst=kopie)

    assert m.credential == ""
    assert antwoord.context["uitslag"].oordeel == "geldig"
    assert "(geanonimiseerd)" in antwoord.text


def test_a_large_kwalificatie_still_fits_the_check_page(app):
    """Every werkproces is in the credential twice (the achievement and its part): a
    kwalificatie far larger than any in the SBB catalog (36 werkprocessen, titles of
    250 characters; real ones have up to about 30 of under 100) still gives a
    credential the public check accepts, as text and as an uploaded file."""
    from kwalificaties.models import Kerntaak, Kwalificatie, Werkproces

    groot = Kwalificatie.objects.create(
        naam="Grote kwalificatie", crebo="99999", niveau=4
    )
    for k in range(1, 4):
        kerntaak = Kerntaak.objects.create(
            kwalificatie=groot, code=f"P1-K{k}", titel="Kerntaak " + "k" * 180
        )
        for w in range(1, 13):
            Werkproces.objects.create(
                kerntaak=kerntaak, code=f"P1-K{k}-W{w}", titel=f"W{w} " + "w" * 246
            )
    traject, mbo, p = met_praktijkverklaring(kwalificatie=groot)
    _gv, bewijzen = onderdelen(traject, mbo)
    m = mbo_uitreiken(traject, mbo, [p], bewijzen)
    assert m.traject.werkprocessen.count() == 36
    assert len(m.credential.encode()) < vc.MAX_GROOTTE
    assert controleren(app, tekst=m.credential).context["uitslag"].oordeel == "geldig"
    antwoord = controleren(
        app, bestand=Upload("mbo.jwt", m.credential.encode(), "application/vc+jwt")
    )
    assert antwoord.context["uitslag"].oordeel == "geldig"
