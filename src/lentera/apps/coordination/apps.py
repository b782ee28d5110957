from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "lentera.apps.coordination"
    label = "coordination"
    verbose_name = _("Coordination")
