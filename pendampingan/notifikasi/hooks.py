"""Where the outbox plugs into the rest of the project (called once from ``AppConfig.ready``)."""

from django.contrib.auth.signals import user_logged_in


def _isi_lonceng(sender, user, **kwargs):
    """Count the unread messages once at login, so the pages after it read the bell from cache."""
    from .selectors import jumlah_belum_dibaca

    jumlah_belum_dibaca(user=user, segar=True)


def pasang() -> None:
    user_logged_in.connect(_isi_lonceng, dispatch_uid="notifikasi_isi_lonceng")
