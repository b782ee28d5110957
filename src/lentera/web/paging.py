"""Pages of a list whose cost does not grow with the table.

Django's paginator counts every row of the scoped query on every page (``COUNT(*)`` of what the
reader may see: a whole province's cases). :class:`CappedPaginator` counts only as far as the
page asked for plus :data:`LOOK_AHEAD` pages: below that the count is exact; beyond it the list
says "at least" (``capped``) and the pager offers the next page. The query of the page itself
reads ``LIMIT``/``OFFSET`` rows along an index on the sort key, so page 1 costs the same at ten
thousand and at a million rows.

The API's lists use :class:`lentera.api.pagination.CappedPagination` (the same rule; ``count`` is then a lower bound and
``count_capped`` is true).
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

#: Pages counted beyond the one asked for.
LOOK_AHEAD = 10
#: A page number past this one is counted as this one (and answered "no such page").
MAX_PAGE = 1_000_000


class CappedPaginator(Paginator[Any]):
    """A paginator that counts at most ``(number + LOOK_AHEAD) * per_page + 1`` rows."""

    limit: int = LOOK_AHEAD * 50 + 1

    def _plan(self, number: Any) -> None:
        try:
            wanted = min(max(1, int(number)), MAX_PAGE)
        except (TypeError, ValueError, OverflowError):
            wanted = 1
        self.limit = (wanted + LOOK_AHEAD) * self.per_page + 1
        self.__dict__.pop("count", None)
        self.__dict__.pop("num_pages", None)

    @cached_property
    def count(self) -> int:
        object_list: Any = self.object_list
        if hasattr(object_list, "count") and hasattr(object_list, "query"):
            # COUNT(*) over a LIMITed subquery: reads at most ``limit`` rows
            return int(min(object_list[: self.limit].count(), self.limit))
        return min(len(object_list), self.limit)

    @property
    def capped(self) -> bool:
        """More rows exist than were counted (the count is a lower bound)."""
        return self.count >= self.limit

    @property
    def shown_count(self) -> int:
        """The count as a reader should see it (the rows counted, less the probe row)."""
        return self.count - 1 if self.capped else self.count

    def page(self, number: Any) -> Page[Any]:
        self._plan(number)
        return super().page(number)

    def get_page(self, number: Any) -> Page[Any]:
        self._plan(number)
        return super().get_page(number)
