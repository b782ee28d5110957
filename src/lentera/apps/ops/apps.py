from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running Lentera as a service: the worker and its schedule, health and readiness, backups."""

    name = "lentera.apps.ops"
    label = "ops"
    verbose_name = _("Operations")
