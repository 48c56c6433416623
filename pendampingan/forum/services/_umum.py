"""Helpers shared by the forum services."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pendampingan.models import Pendamping, Tingkat
from pendampingan.scope import cakupan_pengguna

from ..models import (
    Forum,
    JenisForum,
    StatusForum,
)

JENIS_ANTARDESA = {JenisForum.PUSAT_KEMASYARAKATAN, JenisForum.FORUM_KADER, JenisForum.LAINNYA}
TINGKAT_FORUM = {Tingkat.DESA, Tingkat.KECAMATAN, Tingkat.KABUPATEN}


def _rapikan(teks: str | None) -> str:
    return " ".join((teks or "").split())


def _tgl(d: datetime.date) -> str:
    return date_format(d, "j F Y")


def _pastikan_boleh_catat(user, kode: str) -> None:
    if not cakupan_pengguna(user).boleh_catat(kode):
        raise PermissionDenied(_("Anda tidak bertugas mencatat di wilayah ini."))


def _pendamping_pengguna(user) -> Pendamping:
    p = Pendamping.objects.filter(user=user).first()
    if p is None:
        raise ValidationError(_("Akun Anda belum terdaftar sebagai pendamping."))
    return p


def _pastikan_belum_bubar(forum: Forum) -> None:
    if forum.status == StatusForum.BUBAR:
        raise ValidationError(_("Forum ini sudah bubar; catatan baru tidak dapat ditambahkan."))
