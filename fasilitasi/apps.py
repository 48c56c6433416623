from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FasilitasiConfig(AppConfig):
    name = "fasilitasi"
    label = "fasilitasi"
    verbose_name = _("Fasilitasi")

    def ready(self):
        from . import hooks

        hooks.daftarkan(self)
