"""Creating and revoking per-device tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..inti.akses import pastikan
from .models import TokenPerangkat

BATAS_TOKEN_AKTIF = 20


def hash_rahasia(rahasia: str) -> str:
    return hashlib.sha256(rahasia.encode()).hexdigest()


def boleh_cabut(*, user, token: TokenPerangkat) -> bool:
    return token.user_id == user.pk or user.is_superuser


@transaction.atomic
def token_buat(*, user, nama: str) -> tuple[TokenPerangkat, str]:
    """A new token for ``user``; returns it and its secret, which is shown once and never again."""
    nama = (nama or "").strip()
    if not nama:
        raise ValidationError({"nama": _("Beri nama perangkat, mis. “HP kerja”.")})
    if TokenPerangkat.objects.aktif().filter(user=user).count() >= BATAS_TOKEN_AKTIF:
        raise ValidationError(
            _("Sudah ada %(n)d token aktif. Cabut yang tidak dipakai lagi dulu.")
            % {"n": BATAS_TOKEN_AKTIF}
        )
    rahasia = secrets.token_urlsafe(32)
    token = TokenPerangkat.objects.create(
        user=user, nama=nama[:100], awalan=rahasia[:8], hash=hash_rahasia(rahasia)
    )
    return token, rahasia


@transaction.atomic
def token_cabut(*, user, token: TokenPerangkat) -> TokenPerangkat:
    """Revoke ``token`` (its owner or an admin). Revoking twice is a no-op."""
    pastikan(boleh_cabut(user=user, token=token), _("Anda tidak boleh mencabut token ini."))
    token = TokenPerangkat.objects.select_for_update().get(pk=token.pk)
    if token.dicabut is None:
        token.dicabut = timezone.now()
        token.dicabut_oleh = user
        token.save(update_fields=["dicabut", "dicabut_oleh"])
    return token


def token_dari_rahasia(rahasia: str) -> TokenPerangkat | None:
    """The active token of ``rahasia`` (with its user), or None."""
    if not rahasia or len(rahasia) > 200:
        return None
    return (
        TokenPerangkat.objects.aktif()
        .select_related("user")
        .filter(hash=hash_rahasia(rahasia))
        .first()
    )
