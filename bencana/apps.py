from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BencanaConfig(AppConfig):
    name = "bencana"
    label = "bencana"
    verbose_name = _("KLB dan bencana")

    def ready(self):
        from pendampingan import registry

        from . import api, hooks

        hooks.pasang(self)
        registry.daftar_api("bencana", api.KejadianViewSet, "bencana")
        registry.daftar_api("bencana-bukti", api.BuktiViewSet, "bencana-bukti")
