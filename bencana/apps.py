from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BencanaConfig(AppConfig):
    name = "bencana"
    label = "bencana"
    verbose_name = _("KLB dan bencana")

    def ready(self):
        from . import hooks

        hooks.pasang(self)
