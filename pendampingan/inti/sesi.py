"""Sessions by role, and the record of who is signed in where.

* **Lifetime by role**, set at login (``user_logged_in``): field staff (PLD, PD, Pendamping Teknis,
  on their own phone, often offline) ``SESI_UMUR_LAPANGAN_HARI``; supervisors and anyone else
  ``SESI_UMUR_PENGAWAS_JAM``; Django admin users (``is_staff``/``is_superuser``, whatever their
  jabatan) ``SESI_UMUR_ADMIN_JAM``. The lifetime counts from login (an absolute expiry: using the
  site does not stretch it).
* **The record**: every signed-in session has a ``SesiPengguna`` row (device, address, login time,
  last seen), written at login and refreshed by ``SesiMiddleware`` at most every
  ``SESI_SEGARKAN_DETIK`` (between two refreshes a request costs no query). The row hangs on
  Django's session row and goes with it (logout, expiry, "keluar" on the account page).
* **No session without a record**: a signed-in session that carries no record mark (one made
  before this existed) is signed out, so "keluar dari semua perangkat" really reaches every
  device and the lifetimes above hold for everyone. A session whose key changed under it (the
  password change cycles the key) is recorded again under its new key.
"""

from __future__ import annotations

import datetime
import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.db import transaction
from django.utils import timezone

from .alamat import alamat_ip

TANDA = "_sesi"  # in the session: {"k": its key when recorded, "m": login epoch, "t": last refresh}
PERANGKAT_MAKS = 300


def umur_sesi(user) -> datetime.timedelta:
    """How long a session of ``user`` lasts from login (see the module docstring)."""
    if user.is_staff or user.is_superuser:
        return datetime.timedelta(hours=settings.SESI_UMUR_ADMIN_JAM)
    from ..models import Pendamping
    from .akses import peringkat

    jabatan = Pendamping.objects.filter(user=user).values_list("jabatan", flat=True).first()
    if jabatan and peringkat(jabatan) <= peringkat("pd"):
        return datetime.timedelta(days=settings.SESI_UMUR_LAPANGAN_HARI)
    return datetime.timedelta(hours=settings.SESI_UMUR_PENGAWAS_JAM)


def _alamat(request) -> str | None:
    return alamat_ip(request)


def _perangkat(request) -> str:
    return (request.META.get("HTTP_USER_AGENT") or "")[:PERANGKAT_MAKS]


@transaction.atomic
def sesi_catat(*, request, user, masuk: datetime.datetime | None = None):
    """Record the signed-in session of ``request`` (its key must exist) for ``user``: the row
    (created or moved to this key) and the mark in the session. Returns the row."""
    from ..models import SesiPengguna

    sekarang = timezone.now()
    kunci = request.session.session_key
    baris, _dibuat = SesiPengguna.objects.update_or_create(
        sesi_id=kunci,
        defaults={
            "user": user,
            "perangkat": _perangkat(request),
            "alamat": _alamat(request),
            "masuk": masuk or sekarang,
            "terakhir_dilihat": sekarang,
        },
    )
    request.session[TANDA] = {
        "k": kunci,
        "m": (masuk or sekarang).timestamp(),
        "t": sekarang.timestamp(),
    }
    return baris


def saat_masuk(sender, request=None, user=None, **kwargs):
    """``user_logged_in``: the lifetime by role and the record (a login without a request — none
    in this site — sets neither)."""
    if request is None or user is None or not hasattr(request, "session"):
        return
    if request.session.session_key is None:
        request.session.save()
    request.session.set_expiry(timezone.now() + umur_sesi(user))
    sesi_catat(request=request, user=user)


def sesi_segarkan(*, request) -> None:
    """Refresh the record's last-seen time and address (``SesiMiddleware``)."""
    from ..models import SesiPengguna

    sekarang = timezone.now()
    SesiPengguna.objects.filter(sesi_id=request.session.session_key).update(
        terakhir_dilihat=sekarang, alamat=_alamat(request)
    )
    tanda = dict(request.session[TANDA])
    tanda["t"] = sekarang.timestamp()
    request.session[TANDA] = tanda


class SesiMiddleware:
    """After ``AuthenticationMiddleware``: keeps every signed-in session recorded (see the module
    docstring). Reads only the session; the user is loaded only for a session to re-record."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sesi = getattr(request, "session", None)
        if sesi is not None and sesi.get(SESSION_KEY) is not None:
            tanda = sesi.get(TANDA)
            if not isinstance(tanda, dict):
                logout(request)  # a session from before the record: sign in again
            elif tanda.get("k") != sesi.session_key:
                if request.user.is_authenticated:  # the key was cycled (password change)
                    masuk = datetime.datetime.fromtimestamp(
                        tanda.get("m") or time.time(), datetime.UTC
                    )
                    sesi_catat(request=request, user=request.user, masuk=masuk)
            elif time.time() - (tanda.get("t") or 0) > settings.SESI_SEGARKAN_DETIK:
                sesi_segarkan(request=request)
        return self.get_response(request)
