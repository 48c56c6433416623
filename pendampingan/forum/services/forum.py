"""Writes of forums: their description and their status (through ``inti.alur.pindah_status``)."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import pindah_status
from pendampingan.models import Pendamping, Tingkat, Wilayah

from .. import akses
from ..models import (
    Forum,
    JenisForum,
    StatusForum,
)
from ._umum import (
    JENIS_ANTARDESA,
    TINGKAT_FORUM,
    _pastikan_ubah_forum,
    _rapikan,
    _sekali,
)


# ----------------------------------------------------------------------------------- forum
def _forum_validasi(*, nama, jenis, wilayah: Wilayah, tanggal_dibentuk, kecuali_pk=None) -> dict:
    errors = {}
    if not nama:
        errors["nama"] = _("Tuliskan nama forum.")
    if wilayah.tingkat not in TINGKAT_FORUM:
        errors["wilayah"] = _("Forum dibentuk di desa, kecamatan, atau kabupaten.")
    elif wilayah.tingkat != Tingkat.DESA and jenis not in JENIS_ANTARDESA:
        errors["wilayah"] = _(
            "%(jenis)s dibentuk di tingkat desa. Pilih desanya, bukan %(tingkat)s."
        ) % {"jenis": JenisForum(jenis).label, "tingkat": wilayah.get_tingkat_display().lower()}
    if tanggal_dibentuk and tanggal_dibentuk > timezone.localdate():
        errors["tanggal_dibentuk"] = _("Tanggal dibentuk tidak boleh di masa depan.")
    if nama and "wilayah" not in errors:
        sama = Forum.objects.filter(wilayah=wilayah, nama__iexact=nama)
        if kecuali_pk:
            sama = sama.exclude(pk=kecuali_pk)
        if sama.exists():
            errors["nama"] = _("Sudah ada forum bernama %(nama)s di %(wilayah)s.") % {
                "nama": nama,
                "wilayah": wilayah.nama,
            }
    return errors


@transaction.atomic
def forum_buat(
    *,
    user,
    nama: str,
    jenis: str,
    wilayah: Wilayah,
    tanggal_dibentuk: datetime.date,
    dasar_hukum: str = "",
    pendamping: Pendamping | None = None,
    keterangan: str = "",
    kunci_sekali: uuid.UUID | None = None,
) -> Forum:
    """Record a forum or community centre in a region the user records in. The facilitator who
    follows it defaults to the user."""
    pastikan(akses.boleh_catat_di(user, wilayah.kode), akses.PESAN_BUKAN_WILAYAH_CATAT)

    def buat():
        nm = _rapikan(nama)
        errors = _forum_validasi(
            nama=nm, jenis=jenis, wilayah=wilayah, tanggal_dibentuk=tanggal_dibentuk
        )
        if errors:
            raise ValidationError(errors)
        return Forum.objects.create(
            nama=nm,
            jenis=jenis,
            wilayah=wilayah,
            tanggal_dibentuk=tanggal_dibentuk,
            dasar_hukum=_rapikan(dasar_hukum),
            pendamping=pendamping or Pendamping.objects.filter(user=user).first(),
            keterangan=(keterangan or "").strip(),
            kunci_sekali=kunci_sekali,
        )

    return _sekali(Forum, kunci_sekali, buat)


@transaction.atomic
def forum_ubah(
    *,
    user,
    forum: Forum,
    nama: str,
    jenis: str,
    tanggal_dibentuk: datetime.date,
    dasar_hukum: str = "",
    pendamping: Pendamping | None = None,
    keterangan: str = "",
) -> Forum:
    """Change a forum's description (its region and status have their own moves)."""
    _pastikan_ubah_forum(user, forum)
    nama = _rapikan(nama)
    errors = _forum_validasi(
        nama=nama,
        jenis=jenis,
        wilayah=forum.wilayah,
        tanggal_dibentuk=tanggal_dibentuk,
        kecuali_pk=forum.pk,
    )
    if errors:
        raise ValidationError(errors)
    forum.nama, forum.jenis, forum.tanggal_dibentuk = nama, jenis, tanggal_dibentuk
    forum.dasar_hukum, forum.pendamping = _rapikan(dasar_hukum), pendamping
    forum.keterangan = (keterangan or "").strip()
    forum.save(
        update_fields=[
            "nama",
            "jenis",
            "tanggal_dibentuk",
            "dasar_hukum",
            "pendamping",
            "keterangan",
        ]
    )
    return forum


@transaction.atomic
def forum_ubah_status(
    *, user, forum: Forum, status: str, catatan: str = "", dari: str | None = None
) -> Forum:
    """Move a forum along ``Forum.alur`` (``PERPINDAHAN_STATUS``) with ``pindah_status``: the row is
    locked, the move checked against the map and against ``dari`` (the status the user saw), the
    event written. A dissolution needs a reason. The same move again by the same user changes
    nothing; a move somebody else made first, or one the map does not allow, raises
    ``PindahDitolak`` (its message says who moved it and when)."""
    _pastikan_ubah_forum(user, forum)
    if status == StatusForum.BUBAR and not (catatan or "").strip():
        raise ValidationError({"catatan": _("Tuliskan alasan forum dinyatakan bubar.")})
    pindah_status(forum, ke=status, oleh=user, catatan=catatan, dari=dari)
    return forum
