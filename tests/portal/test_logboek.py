"""Structured logs (core.logboek): request id, user id and task id; no names, no BSNs."""

import io
import json
import logging
import re

from django.urls import reverse

import pytest

from core.logboek import ContextFilter, JsonFormatter
from plpv_portal.celery import app as celery_app
from tests.factories.kandidaten import KandidaatFactory


@pytest.fixture
def json_log():
    """The root logger also writes JSON lines, as production does, into a buffer."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    vorig_niveau = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    verzoek = logging.getLogger("plpv.verzoek")
    verzoek_niveau = verzoek.level
    verzoek.setLevel(logging.INFO)

    def regels():
        handler.flush()
        return [json.loads(r) for r in buffer.getvalue().splitlines() if r]

    regels.tekst = lambda: buffer.getvalue()
    yield regels
    root.removeHandler(handler)
    root.setLevel(vorig_niveau)
    verzoek.setLevel(verzoek_niveau)


def test_request_van_ingelogde_gebruiker_logt_request_id_en_user_id(
    app, consulent, json_log
):
    kandidaat = KandidaatFactory(
        consulent=consulent, voornaam="Fenna", achternaam="Uitdeoudehoeve"
    )
    url = reverse("kandidaten:kandidaat_detail", args=[kandidaat.pk])
    pagina = app.get(url, user=consulent, headers={"X-Request-ID": "test-123"})
    assert "Uitdeoudehoeve" in pagina.text  # the page itself does show the name
    assert pagina.headers["X-Request-ID"] == "test-123"

    regels = [r for r in json_log() if r.get("request_id") == "test-123"]
    verzoek = [r for r in regels if r["logger"] == "plpv.verzoek"]
    assert len(verzoek) == 1
    assert verzoek[0]["user_id"] == consulent.pk
    assert verzoek[0]["status"] == 200
    assert verzoek[0]["path"] == "/kandidaten/<int:pk>/"
    assert "Uitdeoudehoeve" not in json_log.tekst()
    assert "Fenna" not in json_log.tekst()
    assert consulent.get_full_name() not in json_log.tekst()


def test_zonder_header_krijgt_een_request_een_eigen_id(app, db, json_log):
    eerste = app.get(reverse("health"), status="*")
    tweede = app.get(
        reverse("health"), headers={"X-Request-ID": "<script>" * 20}, status="*"
    )
    for response in (eerste, tweede):
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])
    assert eerste.headers["X-Request-ID"] != tweede.headers["X-Request-ID"]
    verzoek = [r for r in json_log() if r["logger"] == "plpv.verzoek"]
    assert [r["request_id"] for r in verzoek] == [
        eerste.headers["X-Request-ID"],
        tweede.headers["X-Request-ID"],
    ]
    assert all("user_id" not in r for r in verzoek)  # logged out


@celery_app.task(name="tests.portal.test_logboek.schrijf")
def _schrijf():
    logging.getLogger("core.tasks").info("bezig")


def test_een_taak_logt_zijn_task_id(json_log):
    # The Celery app (plpv_portal.celery) connects task_prerun/task_postrun.
    _schrijf.apply(task_id="taak-42")
    logging.getLogger("core.tasks").info("klaar")
    regels = [r for r in json_log() if r["logger"] == "core.tasks"]
    assert [(r["message"], r.get("task_id")) for r in regels] == [
        ("bezig", "taak-42"),
        ("klaar", None),
    ]


def test_een_bsn_in_een_bericht_wordt_gemaskeerd(json_log):
    logging.getLogger("core").warning("kon 123456782 niet vinden (rij 7)")
    (regel,) = json_log()
    assert "123456782" not in regel["message"]
    assert regel["message"] == "kon [bsn] niet vinden (rij 7)"


def test_secret_values_in_a_path_never_reach_the_log(app, json_log):
    app.get("/verificatie/GEHEIM-code-123/", status="*")
    app.get("/bestaat/niet/abc-geheim/", status=404)

    assert "GEHEIM-code-123" not in json_log.tekst()
    assert "abc-geheim" not in json_log.tekst()
    paden = [r["path"] for r in json_log() if r["logger"] == "plpv.verzoek"]
    assert "/verificatie/<str:code>/" in paden
    assert "(geen route)" in paden
