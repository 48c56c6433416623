"""What a signed-in session still owes, kept in the session itself so that a request costs no
query for it: ``"bebas"`` (nothing), ``"verifikasi"`` (the user has a device: ask for the code),
``"daftar"`` (the user must enrol first). Set at sign-in (``user_logged_in``), worked out on the
first request of a session that has none (signed in before this existed), and updated by the
pages that change it (enrolment, turning off). Once the session is verified (django-otp's
``otp_device_id``) nothing more is asked; a device removed by an admin makes the session
unverified again at its next request (django-otp checks the device on every request)."""

from __future__ import annotations

from .akses import punya_perangkat, wajib_dua_langkah

KUNCI = "masuk_dua_langkah"
BEBAS, VERIFIKASI, DAFTAR = "bebas", "verifikasi", "daftar"


def tuntutan(user) -> str:
    """What a new session of ``user`` owes (two queries at most)."""
    if punya_perangkat(user):
        return VERIFIKASI
    return DAFTAR if wajib_dua_langkah(user) else BEBAS


def tandai(request, nilai: str | None = None) -> str:
    """Store (and return) what the session owes; worked out from the user when ``nilai`` is None."""
    nilai = nilai or tuntutan(request.user)
    request.session[KUNCI] = nilai
    return nilai


def tandai_sesi(sender, request, user, **kwargs):
    """``user_logged_in``: a fresh session owes what its user's devices and role say."""
    if request is not None and hasattr(request, "session"):
        request.session[KUNCI] = tuntutan(user)


def tuntutan_sesi(request) -> str:
    """What the current session owes (worked out once if it was never stored)."""
    nilai = request.session.get(KUNCI)
    return nilai if nilai in (BEBAS, VERIFIKASI, DAFTAR) else tandai(request)


def sesi_lolos(request) -> bool:
    """Has this session passed the second factor it owes (or does it owe none)?"""
    return tuntutan_sesi(request) == BEBAS or request.user.is_verified()
