"""A client that knows the API only from its OpenAPI document: it takes every GET
operation from `/api/v1/openapi.json`, calls it as each role, and checks that the
status is one the document lists and that every 200 body matches the document's
schema; a detail is readable exactly when its object is in the role's list."""

from django.test import Client

import pytest
from openapi_schema_validator import OAS31Validator

pytestmark = pytest.mark.django_db

ROLLEN = [
    "consulent",
    "jobcoach",
    "praktijkopleider",
    "mbo_medewerker",
    "coordinator",
    "beheerder",
]


def _inline(node, spec):
    """The schema with every local `$ref` replaced by what it points to."""
    if isinstance(node, dict):
        if "$ref" in node:
            doel = spec
            for deel in node["$ref"].removeprefix("#/").split("/"):
                doel = doel[deel]
            return _inline(doel, spec)
        return {k: _inline(v, spec) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, spec) for v in node]
    return node


@pytest.fixture
def spec():
    return Client().get("/api/v1/openapi.json").json()


def _object_ids(zaak) -> dict[str, int]:
    """An existing object per collection, for the `{id}` in a path."""
    return {
        "kandidaten": zaak.kandidaat.pk,
        "trajecten": zaak.traject.pk,
        "leerbedrijven": zaak.leerbedrijf.pk,
        "verklaringen": zaak.verklaring.pk,
        "kwalificaties": zaak.traject.kwalificatie_id,
    }


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_get_operation_of_the_document_as_each_role(spec, rollen, hier, rol):
    server = spec["servers"][0]["url"]
    client = Client()
    client.force_login(rollen[rol])
    ids = _object_ids(hier)
    lijsten: dict[str, set[int]] = {}
    details: dict[str, int] = {}

    for pad, operaties in sorted(spec["paths"].items()):
        operatie = operaties.get("get")
        if operatie is None:
            continue
        verzameling = pad.strip("/").split("/")[0]
        url = server + pad.replace("{id}", str(ids.get(verzameling, 0)))

        antwoord = client.get(url)

        assert str(antwoord.status_code) in operatie["responses"], (pad, rol)
        if antwoord.status_code != 200:
            continue
        inhoud = operatie["responses"]["200"]["content"]["application/json"]
        OAS31Validator(
            _inline(inhoud["schema"], spec),
            format_checker=OAS31Validator.FORMAT_CHECKER,
        ).validate(antwoord.json())
        body = antwoord.json()
        if "{id}" in pad:
            details[verzameling] = body["id"]
        elif isinstance(body, dict) and "results" in body:
            lijsten[verzameling] = {rij["id"] for rij in body["results"]}

    for verzameling, id_ in ids.items():
        # Kwalificaties are reference data on many pages; the others are scoped.
        if verzameling in lijsten and verzameling != "kwalificaties":
            assert (id_ in lijsten[verzameling]) == (verzameling in details), (
                verzameling,
                rol,
            )
