"""Encryption at rest for the few fields that need it (BSN), with Fernet."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet


def _fernet() -> Fernet:
    if not settings.BSN_SLEUTEL:
        raise ImproperlyConfigured("BSN_SLEUTEL is not set; see README (BSN).")
    return Fernet(settings.BSN_SLEUTEL.encode())


def versleutel(tekst: str) -> bytes:
    return _fernet().encrypt(tekst.encode())


def ontsleutel(data: bytes) -> str:
    return _fernet().decrypt(bytes(data)).decode()
