"""The account page "Sesi masuk" (/akun/sesi/): a user's own sessions only."""

from importlib import import_module

from django.conf import settings
from django.utils import timezone

from pendampingan.models import SesiPengguna

from .kasus import Login, Milik


def _sesi(d, pendamping):
    """Another signed-in device of ``pendamping`` (its session row and its record)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.create()
    s = SesiPengguna.objects.create(
        sesi_id=store.session_key,
        user=pendamping.user,
        perangkat="Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile",
        masuk=timezone.now(),
        terakhir_dilihat=timezone.now(),
    )
    return {"pk": s.pk}


KASUS = {
    "sesi:sesi-list": Login(),
    "sesi:sesi-keluar": Milik(buat=_sesi),
    "sesi:sesi-keluar-semua": Login(),
}
