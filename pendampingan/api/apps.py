from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "pendampingan.api"
    label = "api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .. import registry
        from .kegiatan import AntreanViewSet, KegiatanViewSet
        from .kegiatan_lain import DokumenKegiatanViewSet, FotoKegiatanViewSet, TindakLanjutViewSet
        from .pendamping import PendampingViewSet
        from .wilayah import WilayahViewSet

        registry.daftar_api("wilayah", WilayahViewSet, "wilayah")
        registry.daftar_api("pendamping", PendampingViewSet, "pendamping")
        # the daily log (pendampingan/api/kegiatan.py, kegiatan_lain.py)
        registry.daftar_api("kegiatan", KegiatanViewSet, "kegiatan")
        registry.daftar_api("kegiatan/antrean", AntreanViewSet, "kegiatan-antrean")
        registry.daftar_api("kegiatan/foto", FotoKegiatanViewSet, "foto-kegiatan")
        registry.daftar_api("kegiatan/dokumen", DokumenKegiatanViewSet, "dokumen-kegiatan")
        registry.daftar_api("tindak-lanjut", TindakLanjutViewSet, "tindaklanjut")
