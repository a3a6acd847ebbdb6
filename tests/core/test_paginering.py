"""SleutelsEerstPaginator: the same pages, rows and order as Django's paginator, in
two steps (keys, then rows)."""

import datetime

from django.core.paginator import Paginator

import pytest

from core.paginering import SleutelsEerstPaginator
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.trajecten import TrajectFactory
from trajecten.selectors import traject_list


@pytest.fixture
def trajecten(consulent):
    begin = datetime.date(2026, 1, 1)
    for i in range(8):
        # Pairs on the same day: the order's tie-break (pk) must hold across pages.
        TrajectFactory(
            kandidaat=KandidaatFactory(consulent=consulent),
            startdatum=begin + datetime.timedelta(days=i // 2),
        )
    TrajectFactory()  # another organisation's: out of scope


def test_pages_hold_the_rows_djangos_paginator_gives(consulent, trajecten):
    rijen = traject_list(user=consulent)
    django = Paginator(rijen, 3, orphans=2)
    snel = SleutelsEerstPaginator(rijen, 3, orphans=2)
    assert (snel.count, snel.num_pages) == (django.count, django.num_pages) == (8, 2)
    for nummer in django.page_range:
        verwacht = [t.pk for t in django.page(nummer)]
        pagina = snel.page(nummer)
        assert [t.pk for t in pagina] == verwacht
        assert pagina.has_next() == (nummer < django.num_pages)
    # The rows come with what the list joins and prefetches: no query per row.
    eerste = snel.page(1).object_list[0]
    assert "kandidaat" in eerste._state.fields_cache
    assert "plaatsingen" in eerste._prefetched_objects_cache
