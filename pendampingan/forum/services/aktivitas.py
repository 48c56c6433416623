"""Writes of a forum's activities (pengabdian, UMKM partnerships, other strategic work), each a
daily-log entry."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.models import Kegiatan

from ..models import (
    AktivitasForum,
    Forum,
    JenisAktivitas,
)
from ._kegiatan import _kegiatan_buat, _pastikan_kegiatan_bebas
from ._umum import (
    _pastikan_belum_bubar,
    _pastikan_ubah_forum,
    _rapikan,
    _sekali,
)


# ------------------------------------------------------------------------------ activities
def aktivitas_validasi(*, jenis, bidang, umkm, kesepakatan) -> dict:
    errors = {}
    if jenis == JenisAktivitas.PENGABDIAN and not bidang:
        errors["bidang"] = _("Pilih bidang pengabdian masyarakat.")
    if jenis != JenisAktivitas.PENGABDIAN and bidang:
        errors["bidang"] = _("Bidang hanya diisi untuk pengabdian masyarakat.")
    if jenis == JenisAktivitas.KEMITRAAN_UMKM:
        if not (umkm or "").strip():
            errors["umkm"] = _("Sebutkan UMKM yang terlibat.")
        if not (kesepakatan or "").strip():
            errors["kesepakatan"] = _("Tuliskan apa yang disepakati dengan UMKM.")
    return errors


@transaction.atomic
def aktivitas_tautkan(
    *,
    user,
    kegiatan: Kegiatan,
    forum: Forum,
    jenis: str,
    bidang: str = "",
    umkm: str = "",
    kesepakatan: str = "",
    kunci_sekali: uuid.UUID | None = None,
) -> AktivitasForum:
    """Make a daily-log entry an activity of ``forum`` (or update the activity it already is).
    ``kunci_sekali`` is stored on a new activity."""
    _pastikan_ubah_forum(user, forum)
    _pastikan_belum_bubar(forum)
    errors = aktivitas_validasi(jenis=jenis, bidang=bidang, umkm=umkm, kesepakatan=kesepakatan)
    if errors:
        raise ValidationError(errors)
    aktivitas = AktivitasForum.objects.filter(kegiatan=kegiatan).first()
    _pastikan_kegiatan_bebas(kegiatan, kecuali=aktivitas)
    if aktivitas is None:
        aktivitas = AktivitasForum(kegiatan=kegiatan, kunci_sekali=kunci_sekali)
    aktivitas.forum, aktivitas.jenis, aktivitas.bidang = forum, jenis, bidang or ""
    aktivitas.umkm = "\n".join(_rapikan(x) for x in (umkm or "").splitlines() if x.strip())
    aktivitas.kesepakatan = (kesepakatan or "").strip()
    aktivitas.save()
    kegiatan_services.kegiatan_butir_segarkan(kegiatan=kegiatan)
    return aktivitas


@transaction.atomic
def aktivitas_catat(
    *,
    user,
    forum: Forum,
    tanggal: datetime.date,
    jam_mulai: datetime.time,
    jam_selesai: datetime.time,
    judul: str,
    uraian: str = "",
    jenis: str,
    bidang: str = "",
    umkm: str = "",
    kesepakatan: str = "",
    kunci_sekali: uuid.UUID | None = None,
) -> AktivitasForum:
    """Record an activity of the forum from its page (a pengorganisasian entry in the daily log),
    once per ``kunci_sekali``."""
    _pastikan_ubah_forum(user, forum)
    _pastikan_belum_bubar(forum)

    def buat():
        errors = aktivitas_validasi(jenis=jenis, bidang=bidang, umkm=umkm, kesepakatan=kesepakatan)
        try:
            kegiatan = _kegiatan_buat(
                user=user,
                wilayah=forum.wilayah,
                tanggal=tanggal,
                jam_mulai=jam_mulai,
                jam_selesai=jam_selesai,
                judul=judul,
                uraian=uraian,
            )
        except ValidationError as e:
            errors.update(e.message_dict)
            raise ValidationError(errors)
        if errors:
            raise ValidationError(errors)
        return aktivitas_tautkan(
            user=user,
            kegiatan=kegiatan,
            forum=forum,
            jenis=jenis,
            bidang=bidang,
            umkm=umkm,
            kesepakatan=kesepakatan,
            kunci_sekali=kunci_sekali,
        )

    return _sekali(AktivitasForum, kunci_sekali, buat)
