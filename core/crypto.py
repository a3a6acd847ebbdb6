"""Encryption at rest for the few fields that need it (BSN, SSO client secrets), with Fernet.

Each use has its own setting (`instelling`): `BSN_SLEUTEL` for the BSN, `SSO_SLEUTEL`
for the organisations' OpenID Connect client secrets. A setting holds one key, or
several separated by commas for a rotation: the first encrypts, every key decrypts.
Rotate by putting a new key first, running the re-encrypt command
(`manage.py bsn_herversleutelen`, `manage.py sso_herversleutelen`; each re-encrypts
every stored value with the first key), then removing the old key.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet, MultiFernet

BSN = "BSN_SLEUTEL"


def sleutels(instelling: str = BSN) -> list[str]:
    return [
        s.strip() for s in getattr(settings, instelling, "").split(",") if s.strip()
    ]


def _fernet(instelling: str) -> MultiFernet:
    if not sleutels(instelling):
        raise ImproperlyConfigured(f"{instelling} is not set; see README.")
    return MultiFernet([Fernet(s.encode()) for s in sleutels(instelling)])


def versleutel(tekst: str, *, instelling: str = BSN) -> bytes:
    return _fernet(instelling).encrypt(tekst.encode())


def ontsleutel(data: bytes, *, instelling: str = BSN) -> str:
    return _fernet(instelling).decrypt(bytes(data)).decode()


def herversleutel(data: bytes, *, instelling: str = BSN) -> bytes:
    """The same value encrypted with the first key (idempotent once it is)."""
    return _fernet(instelling).rotate(bytes(data))
