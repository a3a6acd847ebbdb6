"""Sections on the traject page that higher apps contribute (rapportage: the outcome
and the follow-ups). Their context function gets `traject` and `user`; see
core/panelen.py."""

from core.panelen import Paneel, Panelen

__all__ = ["Paneel", "traject_sectie_registreren", "traject_secties_voor"]

TRAJECT_SECTIES = Panelen()
traject_sectie_registreren = TRAJECT_SECTIES.registreren


def traject_secties_voor(*, traject, user) -> list[tuple[str, dict]]:
    return TRAJECT_SECTIES.voor(traject=traject, user=user)
