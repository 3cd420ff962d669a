"""Pagination whose deep pages cost what page 1 costs.

OFFSET makes the database read and throw away every row before the page. Here it reads
only the ids of those rows, from an index covering the filter and the order (see the
`*_list_idx` indexes on Article and Document), and then fetches the page's rows by id: a
"deferred join". The page keeps the queryset's order, select_related and prefetches.
Near the top of the list OFFSET costs nothing worth a second query, so shallow pages (page 1
above all) keep Django's single query.
"""

from django.core.paginator import Paginator


class DeferredJoinPaginator(Paginator):
    # Rows skipped before a page is fetched by id rather than by OFFSET.
    deferred_from = 1000

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < self.deferred_from:
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)
