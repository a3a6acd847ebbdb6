"""Who may make and download one traject's funding dossier: the traject's own case
managers, its consulent and its jobcoach (the people named on the traject, as in
`voortgang.regels`). A colleague who may see the traject does not: the ZIP holds the
whole file. The selector has already scoped the traject to the user (404 outside)."""

from trajecten.models import Traject


def is_casemanager(traject: Traject, user) -> bool:
    return user.pk is not None and user.pk in (
        traject.consulent_id,
        traject.jobcoach_id,
    )


def mag_dossier_maken(traject: Traject, user) -> bool:
    return user.has_perm("dossier.add_dossieraanvraag") and is_casemanager(
        traject, user
    )


def mag_dossier_downloaden(traject: Traject, user) -> bool:
    return user.has_perm("dossier.view_dossieraanvraag") and is_casemanager(
        traject, user
    )
