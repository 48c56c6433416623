"""What every write of the incident app checks: times not in the future, coordinates inside
Indonesia, a desa that is one of the incident's, and the one-time key of the submission."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.berkas import periksa_berkas
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari
from pendampingan.models import Pendamping, Wilayah

from ..models import DesaTerdampak, Kejadian

# A phone's clock may run a little ahead of the server's.
TOLERANSI_WAKTU = datetime.timedelta(minutes=5)
LINTANG = (Decimal("-11.5"), Decimal("6.5"))
BUJUR = (Decimal("94.5"), Decimal("141.5"))


def pengguna(oleh: Pendamping):
    """The account of ``oleh``, with its facilitator cached for the access predicates."""
    user = oleh.user
    user.__dict__["_pendamping_bencana"] = oleh
    return user


def sekali(model, kunci_sekali, buat: Callable):
    """``buat(kunci)`` (its checks included) once per one-time key. A repeat of the key — a double
    click, a resend, a second thread — raises ``SudahTersimpan`` with the first record, before any
    check runs again, so nothing is written (or notified) twice."""
    kunci = kunci_dari(kunci_sekali)
    obj, dibuat = buat_sekali(model, kunci, lambda: buat(kunci))
    if not dibuat:
        raise SudahTersimpan(obj)
    return obj


def waktu_lampau(waktu, field="waktu", label=None):
    if waktu is None:
        raise ValidationError({field: _("Isi waktunya.")})
    if isinstance(waktu, datetime.datetime):
        if waktu > timezone.now() + TOLERANSI_WAKTU:
            raise ValidationError({field: label or _("Waktu tidak boleh di masa depan.")})
    elif waktu > timezone.localdate():
        raise ValidationError({field: label or _("Tanggal tidak boleh di masa depan.")})


def desa_kejadian(kejadian: Kejadian, desa: Wilayah, field: str = "wilayah") -> None:
    if not DesaTerdampak.objects.filter(kejadian=kejadian, wilayah=desa).exists():
        raise ValidationError(
            {field: _("%(desa)s belum tercatat sebagai desa terdampak.") % {"desa": desa.nama}}
        )


def koordinat(lintang, bujur) -> None:
    if (lintang is None) != (bujur is None):
        raise ValidationError(_("Isi lintang dan bujur keduanya, atau kosongkan keduanya."))
    if lintang is None:
        return
    if not (LINTANG[0] <= Decimal(lintang) <= LINTANG[1]) or not (
        BUJUR[0] <= Decimal(bujur) <= BUJUR[1]
    ):
        raise ValidationError(
            {"lintang": _("Koordinat berada di luar wilayah Indonesia. Periksa lintang dan bujur.")}
        )


def periksa(berkas, jenis, field: str):
    """``periksa_berkas`` with its refusal on the form field ``field``."""
    try:
        return periksa_berkas(berkas, jenis)
    except ValidationError as e:
        raise ValidationError({field: e.messages})
