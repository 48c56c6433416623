from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulananConfig(AppConfig):
    name = "pendampingan.bulanan"
    label = "bulanan"
    verbose_name = _("Laporan bulanan")

    def ready(self):
        from pendampingan import registry

        from .api import LaporanBulananViewSet
        from .hooks import pasang

        pasang(self)
        registry.daftar_api("laporan-bulanan", LaporanBulananViewSet, "laporanbulanan")
