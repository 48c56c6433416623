"""Writes of the account page: ending one's own sessions (and device tokens)."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from ..api.models import TokenPerangkat
from ..api.services import token_cabut
from ..inti.akses import pastikan
from ..models import SesiPengguna
from .selectors import sesi_milik


def _hapus_sesi(kunci: str) -> None:
    # through the session engine (a cached_db cache entry goes too); the record goes with the row
    import_module(settings.SESSION_ENGINE).SessionStore().delete(kunci)


@transaction.atomic
def sesi_akhiri(*, user, sesi: SesiPengguna) -> None:
    """Sign out one of ``user``'s own sessions (its device must sign in again)."""
    pastikan(sesi.user_id == user.pk, _("Anda hanya dapat mengakhiri sesi Anda sendiri."))
    _hapus_sesi(sesi.sesi_id)
    SesiPengguna.objects.filter(pk=sesi.pk).delete()


@transaction.atomic
def sesi_akhiri_semua(*, user) -> tuple[int, int]:
    """Sign ``user`` out everywhere: every session (this one too) and every active API device
    token (a lost phone's offline app included). Returns (sessions ended, tokens revoked)."""
    kunci = list(sesi_milik(user).values_list("sesi_id", flat=True))
    for k in kunci:
        _hapus_sesi(k)
    SesiPengguna.objects.filter(user=user).delete()
    token = list(TokenPerangkat.objects.aktif().filter(user=user))
    for t in token:
        token_cabut(user=user, token=t)
    return len(kunci), len(token)
