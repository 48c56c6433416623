"""Writes of the village facilities forums meet in."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.models import Tingkat, Wilayah

from .. import akses
from ..models import (
    Sarana,
)
from ._umum import (
    _rapikan,
    _sekali,
)


# ------------------------------------------------------------------------------ facilities
def _sarana_validasi(*, wilayah: Wilayah, nama: str, kecuali_pk=None) -> dict:
    errors = {}
    if wilayah.tingkat != Tingkat.DESA:
        errors["wilayah"] = _("Sarana dicatat per desa/kelurahan.")
    if not nama:
        errors["nama"] = _("Tuliskan nama sarana.")
    elif not errors:
        sama = Sarana.objects.filter(wilayah=wilayah, nama__iexact=nama)
        if kecuali_pk:
            sama = sama.exclude(pk=kecuali_pk)
        if sama.exists():
            errors["nama"] = _("Sarana bernama %(nama)s sudah tercatat di %(desa)s.") % {
                "nama": nama,
                "desa": wilayah.nama,
            }
    return errors


@transaction.atomic
def sarana_buat(
    *,
    user,
    wilayah: Wilayah,
    jenis: str,
    nama: str,
    kondisi: str,
    kapasitas: int | None = None,
    keterangan: str = "",
    kunci_sekali: uuid.UUID | None = None,
) -> Sarana:
    """Record a village facility."""
    pastikan(akses.boleh_catat_di(user, wilayah.kode), akses.PESAN_BUKAN_WILAYAH_CATAT)

    def buat():
        nm = _rapikan(nama)
        errors = _sarana_validasi(wilayah=wilayah, nama=nm)
        if errors:
            raise ValidationError(errors)
        return Sarana.objects.create(
            wilayah=wilayah,
            jenis=jenis,
            nama=nm,
            kondisi=kondisi,
            kapasitas=kapasitas,
            keterangan=_rapikan(keterangan),
            kunci_sekali=kunci_sekali,
        )

    return _sekali(Sarana, kunci_sekali, buat)


@transaction.atomic
def sarana_ubah(
    *,
    user,
    sarana: Sarana,
    jenis: str,
    nama: str,
    kondisi: str,
    kapasitas: int | None = None,
    keterangan: str = "",
) -> Sarana:
    """Change a village facility's description."""
    pastikan(akses.boleh_ubah_sarana(user, sarana), akses.PESAN_BUKAN_WILAYAH_CATAT)
    nama = _rapikan(nama)
    errors = _sarana_validasi(wilayah=sarana.wilayah, nama=nama, kecuali_pk=sarana.pk)
    if errors:
        raise ValidationError(errors)
    sarana.jenis, sarana.nama, sarana.kondisi = jenis, nama, kondisi
    sarana.kapasitas, sarana.keterangan = kapasitas, _rapikan(keterangan)
    sarana.save(update_fields=["jenis", "nama", "kondisi", "kapasitas", "keterangan"])
    return sarana
