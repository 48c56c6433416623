"""Where the outbox plugs into the rest of the project (called once from ``AppConfig.ready``)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_migrate, post_save


def _isi_lonceng(sender, user, **kwargs):
    """Count the unread messages once at login, so the pages after it read the bell from cache."""
    from .selectors import jumlah_belum_dibaca

    jumlah_belum_dibaca(user=user, segar=True)


def pasang(app_config) -> None:
    from . import kementerian

    user_logged_in.connect(_isi_lonceng, dispatch_uid="notifikasi_isi_lonceng")
    # the "no ministry recipient" warning forgets its answer when a recipient changes
    for sinyal in (post_save, post_delete):
        sinyal.connect(
            kementerian.lupakan,
            sender="notifikasi.PenerimaKementerian",
            dispatch_uid=f"notifikasi_lupakan_penerima_{sinyal is post_save}",
        )
    # the recipient named by PENERIMA_KEMENTERIAN_EMAIL / _WEBHOOK, once, after every migrate
    post_migrate.connect(
        kementerian.semai_setelah_migrasi, sender=app_config, dispatch_uid="notifikasi_semai"
    )
