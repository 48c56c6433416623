from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "pendampingan.api"
    label = "api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .. import registry
        from .wilayah import WilayahViewSet

        registry.daftar_api("wilayah", WilayahViewSet, "wilayah")
