from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FasilitasiConfig(AppConfig):
    name = "fasilitasi"
    label = "fasilitasi"
    verbose_name = _("Fasilitasi")

    def ready(self):
        from pendampingan import registry

        from . import api, hooks

        hooks.daftarkan(self)
        registry.daftar_api("fasilitasi", api.FasilitasiViewSet, "fasilitasi")
        registry.daftar_api("fasilitasi-dokumen", api.DokumenViewSet, "fasilitasi-dokumen")
