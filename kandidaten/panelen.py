"""Panels on the candidate page that higher apps contribute (advies, traject, ...).
Their context function gets `kandidaat` and `user`; see core/panelen.py."""

from core.panelen import Paneel, Panelen

__all__ = ["Paneel", "paneel_registreren", "panelen_voor"]

KANDIDAAT_PANELEN = Panelen()
paneel_registreren = KANDIDAAT_PANELEN.registreren


def panelen_voor(*, kandidaat, user) -> list[tuple[str, dict]]:
    return KANDIDAAT_PANELEN.voor(kandidaat=kandidaat, user=user)
