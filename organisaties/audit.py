"""Which audited models hold candidates' personal data.

The audit trail shows a functioneel beheerder who did what, but for these models it
hides the object's name and the changed values: the beheerder audits access, and
does not get to read the case through the back door. Apps register their models
from AppConfig.ready().
"""

PERSOONSGEGEVENS: set[str] = set()


def persoonsgegevens_registreren(*modellen) -> None:
    for model in modellen:
        PERSOONSGEGEVENS.add(model._meta.label_lower)


def is_persoonsgegeven(content_type) -> bool:
    return f"{content_type.app_label}.{content_type.model}" in PERSOONSGEGEVENS
