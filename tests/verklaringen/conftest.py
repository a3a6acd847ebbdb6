"""Setup the verklaring tests share. The verklaringen they issue come from
tests/factories/verklaringen.py (tests/mijn uses them too)."""

from django.core.cache import cache

import pytest


@pytest.fixture
def lege_cache():
    """An empty cache before and after the test: the public verification pages
    count their rate limit in it. A module asks for it with
    `pytest.mark.usefixtures("lege_cache")`."""
    cache.clear()
    yield
    cache.clear()
