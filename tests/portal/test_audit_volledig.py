"""No write of an audited model goes around the audit trail.

`QuerySet.update()`, `bulk_create()` and `bulk_update()` send no model signals, so
django-auditlog records nothing for them. This test reads the project's code (not the
tests, not the migrations) and fails on such a call whose receiver names an audited
model or a related manager that leads to one; `core.audit` offers the audited
equivalents (`bijwerken`, `bulk_aanmaken`)."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

from auditlog.registry import auditlog

BULK = {"update", "bulk_create", "bulk_update"}
# Places that may write in bulk, with the reason.
TOEGESTAAN = {
    "core/audit.py": "the audited bulk helpers themselves",
    "bewaartermijnen/services.py": "anonymising: an entry per change would keep the "
    "erased values; one audited Anonimisering row records it",
    "plpv_portal/demo/": "fictional demo data, made by a command, not by a person",
    "plpv_portal/synthetisch/": "the fictional national dataset of the benchmark",
    "verklaringen/begeleiding.py": "the standard gedragsvoorbeelden, loaded from code",
}


def _namen_die_naar_gelogde_modellen_leiden() -> set[str]:
    namen = set()
    for model in apps.get_models():
        if not auditlog.contains(model):
            continue
        namen.add(model.__name__)
        for veld in model._meta.get_fields():
            # kandidaat.adviezen.filter(...).update(...): the reverse accessor.
            if veld.is_relation and veld.many_to_one and veld.remote_field:
                namen.add(veld.remote_field.get_accessor_name())
    return namen


def _eigen_bestanden():
    for pad in sorted(Path(settings.BASE_DIR).rglob("*.py")):
        relatief = pad.relative_to(settings.BASE_DIR)
        if relatief.parts[0] in {".venv", "tests", "scripts"}:
            continue
        if "migrations" in relatief.parts:
            continue
        yield relatief.as_posix(), pad


def _namen_in(knoop: ast.AST) -> set[str]:
    return {
        n.id if isinstance(n, ast.Name) else n.attr
        for n in ast.walk(knoop)
        if isinstance(n, ast.Name | ast.Attribute)
    }


def test_no_bulk_write_of_an_audited_model_skips_the_audit_trail():
    gelogd = _namen_die_naar_gelogde_modellen_leiden()
    assert {"Kandidaat", "Advies", "adviezen", "ObservatieScore"} <= gelogd

    overtredingen = []
    for relatief, pad in _eigen_bestanden():
        if any(relatief.startswith(plek) for plek in TOEGESTAAN):
            continue
        for knoop in ast.walk(ast.parse(pad.read_text(), filename=relatief)):
            if not (
                isinstance(knoop, ast.Call)
                and isinstance(knoop.func, ast.Attribute)
                and knoop.func.attr in BULK
            ):
                continue
            # bulk_create's objects name the model in its argument.
            bereik = _namen_in(knoop.func.value)
            if knoop.func.attr == "bulk_create":
                bereik |= {a for arg in knoop.args for a in _namen_in(arg)}
            if bereik & gelogd:
                overtredingen.append(f"{relatief}:{knoop.lineno}")

    assert overtredingen == []
