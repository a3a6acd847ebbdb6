import pytest
from cryptography.fernet import Fernet


@pytest.fixture(autouse=True)
def bsn_sleutel(settings):
    # The dossier stores an (encrypted) BSN.
    settings.BSN_SLEUTEL = Fernet.generate_key().decode()
