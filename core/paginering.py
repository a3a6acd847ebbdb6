"""A paginator for long lists whose rows join several tables."""

from django.core.paginator import Paginator


class SleutelsEerstPaginator(Paginator):
    """Pages a queryset in two steps: first the primary keys of the page (the scope,
    filters and order on the list's own table, narrow rows), then those rows with
    everything the page joins and prefetches. In one query PostgreSQL joins every
    row in scope before it can sort and cut the page: at 100,000 candidates the
    coordinator's traject list joined 4,000 wide rows to show 50 (27 ms; two steps:
    a few). The rows come back in the order of the first step."""

    def page(self, number):
        number = self.validate_number(number)
        begin = (number - 1) * self.per_page
        einde = begin + self.per_page
        if einde + self.orphans >= self.count:
            einde = self.count
        rijen = self.object_list
        sleutels = list(
            rijen.prefetch_related(None).values_list("pk", flat=True)[begin:einde]
        )
        per_sleutel = {rij.pk: rij for rij in rijen.filter(pk__in=sleutels).order_by()}
        return self._get_page(
            [per_sleutel[pk] for pk in sleutels if pk in per_sleutel], number, self
        )
