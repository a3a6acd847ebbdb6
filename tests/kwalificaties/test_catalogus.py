import pytest

from kwalificaties.models import Kwalificatie, Werkproces
from kwalificaties.selectors import werkproces_list

pytestmark = pytest.mark.django_db


def test_sample_catalog_is_loaded_from_the_shared_csv():
    assert Kwalificatie.objects.get(crebo="27052").naam == "Medewerker hospitality"
    entree = Kwalificatie.objects.get(naam="Entree")
    codes = list(werkproces_list(kwalificatie=entree).values_list("code", flat=True))
    assert codes == ["B1-K1-W1", "B1-K1-W2", "B1-K1-W3"]
    assert Werkproces.objects.count() == 42
