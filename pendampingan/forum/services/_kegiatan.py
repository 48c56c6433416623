"""The daily-log entry behind a meeting or an activity, made through the core's entry service."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.models import Kegiatan, TataCara, Wilayah

from ..models import (
    AktivitasForum,
    Pertemuan,
)
from ._umum import (
    _rapikan,
)


# -------------------------------------------------------------------------- daily-log entry
def _kegiatan_buat(
    *,
    user,
    wilayah: Wilayah,
    tanggal: datetime.date,
    jam_mulai: datetime.time,
    jam_selesai: datetime.time,
    judul: str,
    uraian: str = "",
    peserta_laki: int = 0,
    peserta_perempuan: int = 0,
) -> Kegiatan:
    """A pengorganisasian entry in the user's daily log, through the core's entry service (a draft
    the user completes — prinsip checklist, photos — and submits with the rest of their day)."""
    return kegiatan_services.kegiatan_buat(
        user=user,
        data={
            "wilayah": wilayah,
            "tanggal": tanggal,
            "jam_mulai": jam_mulai,
            "jam_selesai": jam_selesai,
            "tata_cara": TataCara.PENGORGANISASIAN,
            "judul": _rapikan(judul),
            "uraian": uraian or "",
            "peserta_laki": peserta_laki,
            "peserta_perempuan": peserta_perempuan,
        },
    ).kegiatan


def _pastikan_kegiatan_bebas(kegiatan: Kegiatan, kecuali=None) -> None:
    p = Pertemuan.objects.filter(kegiatan=kegiatan).exclude(pk=getattr(kecuali, "pk", None))
    a = AktivitasForum.objects.filter(kegiatan=kegiatan).exclude(pk=getattr(kecuali, "pk", None))
    if (not isinstance(kecuali, Pertemuan) and p.exists()) or (
        not isinstance(kecuali, AktivitasForum) and a.exists()
    ):
        raise ValidationError(_("Kegiatan ini sudah tertaut ke forum."))
