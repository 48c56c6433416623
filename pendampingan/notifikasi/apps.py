from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


def _isi_lonceng(sender, user, **kwargs):
    """Count the unread messages once at login, so the pages after it read the bell from cache."""
    from .selectors import jumlah_belum_dibaca

    jumlah_belum_dibaca(user=user, segar=True)


class NotifikasiConfig(AppConfig):
    name = "pendampingan.notifikasi"
    label = "notifikasi"
    verbose_name = _("Notifikasi")

    def ready(self):
        user_logged_in.connect(_isi_lonceng, dispatch_uid="notifikasi_isi_lonceng")
