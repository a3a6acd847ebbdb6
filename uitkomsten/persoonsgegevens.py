"""The personal fields of uitkomsten's models (organisaties.audit): what anonymising a
candidate empties; the outcome itself is a fact the dashboards count."""

from organisaties.audit import persoonsvelden_registreren

from .models import Uitkomst, Vervolgmeting

persoonsvelden_registreren(
    Uitkomst, kandidaat="traject__kandidaat", velden=["toelichting"]
)
persoonsvelden_registreren(
    Vervolgmeting, kandidaat="traject__kandidaat", velden=["toelichting"]
)
