"""The API's own endpoints: its OpenAPI description and documentation."""

from __future__ import annotations

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from lentera.api.permissions import HasAction
from lentera.apps.accounts.permissions import Action

PERMS = [HasAction]


class SchemaView(SpectacularAPIView):
    """The OpenAPI description, for anyone who may use the API."""

    permission_classes = PERMS
    required_action = Action.USE_API


class DocsView(SpectacularSwaggerSplitView):
    """The API's browsable documentation (Swagger UI), for anyone who may use the API."""

    permission_classes = PERMS
    required_action = Action.USE_API
