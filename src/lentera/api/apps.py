from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "lentera.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from lentera.api import schema  # noqa: F401  (registers the OpenAPI extension)
