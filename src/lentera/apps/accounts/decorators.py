"""Every page declares who may open it.

The view of each URL pattern carries :data:`ATTRIBUTE` (``lentera_permission``): the actions it
requires (a tuple; any one of them suffices), :data:`PUBLIC` (anyone, signed in or not) or
:data:`SIGNED_IN` (any signed-in user, whatever their roles). ``requires``, ``public`` and
``login_only`` set it; ``tests/web/test_url_matrix.py`` fails for a pattern whose view declares
nothing. (API views declare ``required_action`` or ``public = True``: ``lentera.api.permissions``.)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Final, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action

View = Callable[..., HttpResponseBase]
V = TypeVar("V", bound=Callable[..., Any])

ATTRIBUTE: Final = "lentera_permission"
PUBLIC: Final = "public"
SIGNED_IN: Final = "signed_in"

Permission = tuple[Action, ...] | str


def declare(view: V, permission: Permission) -> V:
    """Record on ``view`` what it requires (outer decorators built with ``functools.wraps``
    carry the record along)."""
    setattr(view, ATTRIBUTE, permission)
    return view


def declared(view: Any) -> Permission | None:
    """What ``view`` (a URL pattern's callback) declares, or None."""
    return getattr(view, ATTRIBUTE, None)


def signed_in(request: HttpRequest | Any) -> User:
    """The signed-in user of a request that a declared permission let through (a page under
    ``requires``/``login_only``, an endpoint under ``HasAction``): typed, never anonymous. The one
    way a view gets its user."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user


def requires(*actions: Action) -> Callable[[View], View]:
    """Signed in, and one of the user's roles grants one of ``actions`` (else 403)."""
    if not actions:
        raise TypeError("requires() needs at least one action")

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = signed_in(request)
            if not any(user.has_action(action) for action in actions):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return declare(login_required(wrapped), tuple(actions))

    return decorator


def login_only(view: V) -> V:
    """Any signed-in user, whatever their roles (their profile, the dashboard); anonymous
    visitors go to the sign-in page."""
    return declare(login_required(view), SIGNED_IN)


def public(view: V) -> V:
    """Anyone, signed in or not: the public forms and pages, signing in, the health check.
    Wraps the view, so marking a view of Django itself leaves Django's function alone."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return view(*args, **kwargs)

    return declare(wrapped, PUBLIC)  # type: ignore[return-value]
