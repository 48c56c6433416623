from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DasborConfig(AppConfig):
    name = "pendampingan.dasbor"
    label = "dasbor"
    verbose_name = _("Dasbor dan ekspor")

    def ready(self):
        from pendampingan import registry

        from . import hooks
        from .api import DasborViewSet, MatriksViewSet

        hooks.daftarkan()
        registry.daftar_api("dasbor", DasborViewSet, "dasbor")
        registry.daftar_api("dasbor/matriks", MatriksViewSet, "dasbor-matriks")
