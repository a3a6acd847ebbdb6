"""Which models hold candidates' personal data, and in which fields.

The audit trail shows a functioneel beheerder who did what, but for the models
registered with `persoonsgegevens_registreren` it hides the object's name and the
changed values: the beheerder audits access, and does not get to read the case
through the back door.

`persoonsvelden_registreren` goes one step further, per field: for every model that
belongs to one candidate it names the path to that candidate, the fields that hold
personal values (emptied when the candidate is anonymised, `bewaartermijnen`) and the
text fields that are kept (codes, facts the dashboards count). A test fails for a
text or file field of a candidate's model that is in neither list, so a new field is
never forgotten. Apps register their models from AppConfig.ready().
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

PERSOONSGEGEVENS: set[str] = set()

# The default replacement of a personal field: "" stays "", any other text becomes
# this word (cut to the field's length), a file is removed from storage, JSON is
# emptied and other fields become NULL. A registration may name its own value, or a
# function of the row that returns it.
ANONIEM = "Geanonimiseerd"
STANDAARD = object()


@dataclass(frozen=True)
class Persoonsvelden:
    """The personal and the kept fields of one model that belongs to a candidate."""

    model: type
    # The ORM path from the model to its Kandidaat ("" for Kandidaat itself).
    kandidaat: str
    # Field name → replacement (STANDAARD, a value, or a function of the row).
    velden: Mapping[str, object] = field(default_factory=dict)
    bewaard: frozenset[str] = frozenset()

    def rijen(self, kandidaat):
        """The rows of this model that belong to `kandidaat` (all rows, also those a
        default manager would hide)."""
        manager = self.model._base_manager
        if not self.kandidaat:
            return manager.filter(pk=kandidaat.pk)
        return manager.filter(**{self.kandidaat: kandidaat})


PERSOONSVELDEN: dict[str, Persoonsvelden] = {}


def persoonsgegevens_registreren(*modellen) -> None:
    for model in modellen:
        PERSOONSGEGEVENS.add(model._meta.label_lower)


def persoonsvelden_registreren(
    model,
    *,
    kandidaat: str,
    velden: Iterable[str] | Mapping[str, object | Callable] = (),
    bewaard: Iterable[str] = (),
) -> None:
    """Declare which fields of `model` (reached from a Kandidaat by `kandidaat`) hold
    that candidate's personal values and which text fields are kept as they are."""
    if not isinstance(velden, Mapping):
        velden = dict.fromkeys(velden, STANDAARD)
    bekend = {f.name for f in model._meta.concrete_fields}
    onbekend = (set(velden) | set(bewaard)) - bekend
    if onbekend:
        raise ValueError(f"{model._meta.label}: unknown fields {sorted(onbekend)}")
    PERSOONSVELDEN[model._meta.label_lower] = Persoonsvelden(
        model=model,
        kandidaat=kandidaat,
        velden=dict(velden),
        bewaard=frozenset(bewaard),
    )


def is_persoonsgegeven(content_type) -> bool:
    return f"{content_type.app_label}.{content_type.model}" in PERSOONSGEGEVENS
