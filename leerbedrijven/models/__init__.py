"""Leerbedrijven: the employers recruited for praktijkleren, with their places,
erkenningen, contacts and the contact log (werkgeversdienstverlening)."""

from .leerbedrijf import Leerbedrijf, LeerbedrijfStatuswijziging
from .onderdelen import Contactmoment, Contactpersoon, Erkenning, Leerbaan, Vestiging

__all__ = [
    "Contactmoment",
    "Contactpersoon",
    "Erkenning",
    "Leerbaan",
    "Leerbedrijf",
    "LeerbedrijfStatuswijziging",
    "Vestiging",
]
