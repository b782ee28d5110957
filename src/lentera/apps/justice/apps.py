from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JusticeConfig(AppConfig):
    name = "lentera.apps.justice"
    label = "justice"
    verbose_name = _("Proceedings")

    def ready(self) -> None:
        from lentera.apps.justice import watching

        watching.connect()
