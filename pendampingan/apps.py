from celery.signals import task_postrun
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PendampinganConfig(AppConfig):
    name = "pendampingan"
    verbose_name = _("Pendampingan (inti)")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import navigasi, registry, roles
        from .inti.masuk import saat_gagal
        from .inti.sesi import saat_masuk
        from .kegiatan.selectors import lini_masa_kegiatan

        navigasi.daftarkan_inti()
        _pasang_kalender()
        registry.daftar_lini_masa("kegiatan", lini_masa_kegiatan)
        post_migrate.connect(roles.sinkronkan_grup_setelah_migrasi, sender=self)
        user_logged_in.connect(saat_masuk, dispatch_uid="pendampingan.inti.sesi.saat_masuk")
        user_login_failed.connect(saat_gagal, dispatch_uid="pendampingan.inti.masuk.saat_gagal")
        task_postrun.connect(_bersihkan_berkas, weak=False)
        _pasang_sentry()


def _pasang_kalender():
    """An admin's change to the days off is used by the next deadline computed (kalender)."""
    from django.db.models.signals import post_delete, post_save

    from .kalender import segarkan

    post_save.connect(segarkan, sender="pendampingan.HariLibur", weak=False)
    post_delete.connect(segarkan, sender="pendampingan.HariLibur", weak=False)


def _pasang_sentry():
    """Error reporting when SENTRY_DSN is set (pendampingan/inti/pemantauan.py)."""
    from django.conf import settings

    from .inti.pemantauan import pasang_sentry

    pasang_sentry(
        dsn=settings.SENTRY_DSN,
        lingkungan=settings.SENTRY_ENVIRONMENT,
        rilis=settings.SENTRY_RELEASE,
        sampel_jejak=settings.SENTRY_TRACES_SAMPLE_RATE,
    )


def _bersihkan_berkas(**kwargs):
    """Files written by a task whose transaction did not commit are removed when it ends."""
    from .inti.berkas import bersihkan_tertunda

    bersihkan_tertunda()
