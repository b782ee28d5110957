"""Pages of the API's lists, counted as far as ten pages ahead (:mod:`lentera.web.paging`)."""

from __future__ import annotations

from typing import Any

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from lentera.web.paging import CappedPaginator


class CappedPagination(PageNumberPagination):
    """``?page=``, 50 a page, counted as far as ten pages ahead (see :class:`CappedPaginator`)."""

    django_paginator_class = CappedPaginator

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None
        paginator = self.page.paginator
        assert isinstance(paginator, CappedPaginator)
        return Response(
            {
                "count": paginator.shown_count,
                "count_capped": paginator.capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )
