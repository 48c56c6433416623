"""Who must sign in with two factors, and what a session still owes.

* ``wajib_dua_langkah(user)``: staff and superusers (Django admin) and facilitators whose jabatan
  ranks at kabupaten level or above (``OTP_WAJIB_PERINGKAT_MIN`` on ``inti.akses.peringkat``:
  TAPM Kab, Korkab, TA/Koordinator Provinsi, pusat) — while ``OTP_WAJIB`` is on (always in
  production). PLD, PD and Pendamping Teknis may enrol; they are not made to.
* ``punya_perangkat(user)``: a confirmed authenticator app (TOTP) is registered; recovery codes
  alone do not count (they are made with it and go with it).
"""

from __future__ import annotations

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..inti.akses import peringkat


def wajib_dua_langkah(user) -> bool:
    """Must ``user`` sign in with a second factor?"""
    if not settings.OTP_WAJIB or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    pendamping = getattr(user, "pendamping", None)
    return bool(pendamping) and peringkat(pendamping.jabatan) >= settings.OTP_WAJIB_PERINGKAT_MIN


def punya_perangkat(user) -> bool:
    """Has ``user`` a confirmed authenticator app?"""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def boleh_nonaktifkan(user) -> bool:
    """A user who is not required to may turn two-factor sign-in off again."""
    return not wajib_dua_langkah(user)
