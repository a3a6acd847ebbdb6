"""Every text or file field of a model that belongs to a candidate is declared: as
personal (emptied when the candidate is anonymised) or as kept. A new field that is
in neither list fails here, so anonymising never forgets it."""

from dataclasses import replace

from django.apps import apps
from django.db import models

import pytest

from kandidaten.models import Kandidaat
from organisaties.audit import PERSOONSGEGEVENS, PERSOONSVELDEN

pytestmark = pytest.mark.django_db

TEKST = (
    models.CharField,
    models.TextField,
    models.FileField,
    models.JSONField,
    models.BinaryField,
)


def hoort_bij_kandidaat(model, diepte: int = 5) -> bool:
    """Whether a chain of foreign keys leads from `model` to Kandidaat."""
    if model is Kandidaat:
        return True
    if diepte == 0:
        return False
    return any(
        hoort_bij_kandidaat(veld.related_model, diepte - 1)
        for veld in model._meta.concrete_fields
        if veld.is_relation and veld.related_model is not model
    )


def onbekende_velden() -> list[str]:
    """Text and file fields of a candidate's models that are neither personal nor
    kept (a field with fixed choices holds a code, never free text)."""
    onbekend = []
    for model in apps.get_models():
        if not hoort_bij_kandidaat(model):
            continue
        spec = PERSOONSVELDEN.get(model._meta.label_lower)
        bekend = set(spec.velden) | spec.bewaard if spec else set()
        onbekend += [
            f"{model._meta.label}.{veld.name}"
            for veld in model._meta.concrete_fields
            if isinstance(veld, TEKST) and not veld.choices and veld.name not in bekend
        ]
    return onbekend


def test_every_text_field_of_a_candidates_model_is_declared():
    assert onbekende_velden() == []


def test_a_forgotten_field_is_found(monkeypatch):
    label = "kandidaten.contactmoment"
    spec = PERSOONSVELDEN[label]
    monkeypatch.setitem(
        PERSOONSVELDEN, label, replace(spec, velden={"volgende_actie": None})
    )

    assert onbekende_velden() == ["kandidaten.Contactmoment.samenvatting"]


def test_every_model_hidden_in_the_audit_trail_declares_its_fields():
    assert set(PERSOONSVELDEN) >= PERSOONSGEGEVENS


def test_every_path_leads_to_the_candidate():
    kandidaat = Kandidaat(pk=1)
    for spec in PERSOONSVELDEN.values():
        pad = spec.kandidaat or "pk"
        waarde = kandidaat if spec.kandidaat else kandidaat.pk
        # Compiles the query (a wrong path raises FieldError) without rows.
        assert not spec.model._base_manager.filter(**{pad: waarde}).exists()
