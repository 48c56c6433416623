"""Enrolment, verification and reset of a user's second factor (django-otp devices).

One authenticator app (``TOTPDevice``) per user and one set of ``OTP_KODE_PEMULIHAN_JUMLAH``
single-use recovery codes (a ``StaticDevice``). Wrong codes are throttled by django-otp itself (each
further try waits 1, 2, 4 … seconds × ``OTP_TOTP_THROTTLE_FACTOR``); the failure count is written
even though the answer is a refusal.
"""

from __future__ import annotations

import logging
import math
import re
from base64 import b32encode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from ..inti.akses import pastikan
from .akses import boleh_nonaktifkan

log = logging.getLogger(__name__)

NAMA_APLIKASI = "Aplikasi autentikator"
NAMA_PEMULIHAN = "Kode pemulihan"
_BUKAN_KODE = re.compile(r"[\s-]+")


def rapikan_kode(kode: str) -> str:
    """A code as typed (spaces, hyphens, capitals) to the stored form."""
    return _BUKAN_KODE.sub("", kode or "").lower()


def kunci_baru() -> str:
    """A new authenticator key (hex, 20 bytes) for the enrolment page; kept in the session, written
    to the database only when the user confirms it with a code."""
    return default_key()


def perangkat_konfirmasi(*, user, kunci: str, kode: str) -> tuple[TOTPDevice, list[str]]:
    """Register the authenticator app of ``kunci`` once its first ``kode`` matches: it replaces any
    earlier app of the user, and a fresh set of recovery codes is made. Returns the device and the
    recovery codes (shown once)."""
    kode = rapikan_kode(kode)
    perangkat = TOTPDevice(user=user, key=kunci, name=NAMA_APLIKASI, confirmed=True)
    totp = TOTP(perangkat.bin_key, perangkat.step, perangkat.t0, perangkat.digits, perangkat.drift)
    if not (kode.isdigit() and totp.verify(int(kode), perangkat.tolerance)):
        raise ValidationError(
            _("Kode tidak cocok. Pastikan jam ponsel tepat, lalu ketik kode yang sedang tampil.")
        )
    perangkat.last_t = totp.t()  # this code cannot sign in again
    perangkat.drift = totp.drift
    return _simpan(user=user, perangkat=perangkat)


@transaction.atomic
def _simpan(*, user, perangkat: TOTPDevice) -> tuple[TOTPDevice, list[str]]:
    TOTPDevice.objects.filter(user=user).delete()
    perangkat.save()
    log.info("dua langkah didaftarkan pengguna=%s", user.pk)
    return perangkat, kode_pemulihan_buat(user=user)


def rahasia_teks(kunci: str) -> str:
    """The key as the base32 text an app lets one type, in groups of four."""
    teks = b32encode(bytes.fromhex(kunci)).decode("ascii").rstrip("=")
    return " ".join(teks[i : i + 4] for i in range(0, len(teks), 4))


def url_aplikasi(*, user, kunci: str) -> str:
    """The ``otpauth://`` URL the QR code carries."""
    return TOTPDevice(user=user, key=kunci).config_url


@transaction.atomic
def kode_pemulihan_buat(*, user) -> list[str]:
    """A new set of recovery codes for ``user`` (the old ones stop working). Returns them."""
    StaticDevice.objects.filter(user=user).delete()
    perangkat = StaticDevice.objects.create(user=user, name=NAMA_PEMULIHAN, confirmed=True)
    kode = [StaticToken.random_token() for _ in range(settings.OTP_KODE_PEMULIHAN_JUMLAH)]
    StaticToken.objects.bulk_create([StaticToken(device=perangkat, token=k) for k in kode])
    return kode


def kode_periksa(*, user, kode: str):
    """The device that accepts ``kode`` — a six-digit code from the app, or one of the recovery
    codes (used up by this). A wrong code raises ``ValidationError`` (and counts for throttling)."""
    kode = rapikan_kode(kode)
    if not kode:
        raise ValidationError(_("Masukkan kode dari aplikasi autentikator atau kode pemulihan."))
    model = TOTPDevice if kode.isdigit() else StaticDevice
    perangkat = model.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if perangkat is None:
        if model is StaticDevice:
            raise ValidationError(
                _("Kode pemulihan tidak berlaku. Periksa lagi kode yang Anda ketik.")
            )
        raise ValidationError(_("Belum ada aplikasi autentikator yang terdaftar untuk akun ini."))
    if not _periksa(perangkat, kode):
        raise ValidationError(_pesan_salah(perangkat))
    log.info("dua langkah terverifikasi pengguna=%s perangkat=%s", user.pk, model.__name__)
    return perangkat


@transaction.atomic
def _periksa(perangkat, kode: str) -> bool:
    """Verify ``kode`` on the row locked; the throttle's count is written in this savepoint, so a
    refusal raised by the caller afterwards does not undo it."""
    perangkat = type(perangkat).objects.select_for_update().get(pk=perangkat.pk)
    return perangkat.verify_token(kode)


def _pesan_salah(perangkat) -> str:
    perangkat.refresh_from_db()
    boleh, info = perangkat.verify_is_allowed()
    if not boleh and info and info.get("locked_until"):
        detik = max(1, math.ceil((info["locked_until"] - timezone.now()).total_seconds()))
        return _(
            "Kode salah atau sudah terlalu banyak percobaan. Tunggu %(detik)s detik lalu coba lagi."
        ) % {"detik": detik}
    return _("Kode salah. Periksa jam di ponsel Anda dan ketik kode yang sedang tampil.")


@transaction.atomic
def perangkat_hapus(*, user, oleh) -> int:
    """Remove every second-factor device of ``user`` (the app and the recovery codes): an admin's
    reset (``oleh`` another user, who must be staff), or the user turning it off themself where
    their role allows. Returns the number of devices removed."""
    if oleh.pk == user.pk:
        pastikan(
            boleh_nonaktifkan(user),
            _("Peran Anda wajib memakai verifikasi dua langkah; tidak dapat dinonaktifkan."),
        )
    else:
        pastikan(oleh.is_staff, _("Hanya admin yang dapat mereset perangkat pengguna lain."))
    n = TOTPDevice.objects.filter(user=user).delete()[1].get("otp_totp.TOTPDevice", 0)
    n += StaticDevice.objects.filter(user=user).delete()[1].get("otp_static.StaticDevice", 0)
    log.info("dua langkah direset pengguna=%s oleh=%s", user.pk, oleh.pk)
    return n
