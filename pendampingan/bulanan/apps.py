from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulananConfig(AppConfig):
    name = "pendampingan.bulanan"
    label = "bulanan"
    verbose_name = _("Laporan bulanan")

    def ready(self):
        from .hooks import pasang

        pasang(self)
