"""Encryption at rest for the few fields that need it (BSN), with Fernet.

`BSN_SLEUTEL` holds one key, or several separated by commas for a rotation: the first
encrypts, every key decrypts. Rotate by putting a new key first, running
`manage.py bsn_herversleutelen` (re-encrypts every stored value with the first key),
then removing the old key.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet, MultiFernet


def sleutels() -> list[str]:
    return [s.strip() for s in settings.BSN_SLEUTEL.split(",") if s.strip()]


def _fernet() -> MultiFernet:
    if not sleutels():
        raise ImproperlyConfigured("BSN_SLEUTEL is not set; see README (BSN).")
    return MultiFernet([Fernet(s.encode()) for s in sleutels()])


def versleutel(tekst: str) -> bytes:
    return _fernet().encrypt(tekst.encode())


def ontsleutel(data: bytes) -> str:
    return _fernet().decrypt(bytes(data)).decode()


def herversleutel(data: bytes) -> bytes:
    """The same value encrypted with the first key (idempotent once it is)."""
    return _fernet().rotate(bytes(data))
