from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifikasiConfig(AppConfig):
    name = "pendampingan.notifikasi"
    label = "notifikasi"
    verbose_name = _("Notifikasi")

    def ready(self):
        from . import hooks

        hooks.pasang(self)
