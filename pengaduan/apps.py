from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengaduanConfig(AppConfig):
    name = "pengaduan"
    label = "pengaduan"
    verbose_name = _("Pengaduan")

    def ready(self):
        from pendampingan import registry

        from . import api, api_publik, hooks

        hooks.daftar(self)
        registry.daftar_api("pengaduan", api.PengaduanViewSet, "pengaduan")
        registry.daftar_api("pengaduan-lampiran", api.LampiranViewSet, "pengaduan-lampiran")
        registry.daftar_api(
            "pengaduan-publik", api_publik.PengaduanPublikViewSet, "pengaduan-publik"
        )
