"""The login's per-address limit, beside axes' lockout of the pair (username, address).

Axes locks a username only at the address that failed (``AXES_LOCKOUT_PARAMETERS``), so an
attacker cannot lock a user out from elsewhere; what it does not stop is one address trying many
usernames. That is this: every failed login counts for the client's address (``inti.batas``, so
it holds with Redis down); past ``MASUK_BATAS_GAGAL_PER_ALAMAT`` failures in
``MASUK_BATAS_JENDELA_DETIK`` the address is refused — even with a right password — until the
window ends. ``BatasAlamatBackend`` (in ``AUTHENTICATION_BACKENDS`` after axes) refuses it and
marks the request, so the login form says why (``pendampingan.forms.LoginForm``) and the page
answers 429.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied

from . import batas

NAMA = "masuk-gagal"
TANDA = "masuk_dibatasi"  # set on the request that was refused


def dibatasi(request) -> bool:
    return bool(getattr(request, TANDA, False))


class BatasAlamatBackend:
    """Refuses (``PermissionDenied`` stops the other backends) an address past its failures. It
    authenticates nobody and has no ``get_user``: it is never a session's backend (Django's
    ``force_login`` and session restore pick the first backend with one)."""

    def authenticate(self, request, **credentials):
        if request is None:
            return None
        if batas.jumlah(request, NAMA) >= settings.MASUK_BATAS_GAGAL_PER_ALAMAT:
            setattr(request, TANDA, True)
            raise PermissionDenied
        return None


def saat_gagal(sender, credentials=None, request=None, **kwargs):
    """``user_login_failed``: one more failure for the client's address."""
    if request is not None and not dibatasi(request):
        batas.hitung(request, NAMA, settings.MASUK_BATAS_JENDELA_DETIK)
