"""Helpers shared by the forum services."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali
from pendampingan.models import Pendamping, Tingkat
from pendampingan.wilayah_kode import leluhur

from .. import akses
from ..models import Forum, JenisForum, Sarana, StatusForum

JENIS_ANTARDESA = {JenisForum.PUSAT_KEMASYARAKATAN, JenisForum.FORUM_KADER, JenisForum.LAINNYA}
TINGKAT_FORUM = {Tingkat.DESA, Tingkat.KECAMATAN, Tingkat.KABUPATEN}


def _rapikan(teks: str | None) -> str:
    return " ".join((teks or "").split())


def _tgl(d: datetime.date) -> str:
    return date_format(d, "j F Y")


def _pastikan_ubah_forum(user, forum: Forum) -> None:
    pastikan(akses.boleh_ubah_forum(user, forum), akses.PESAN_BUKAN_WILAYAH_CATAT)


def _pendamping_pengguna(user) -> Pendamping:
    pastikan(akses.boleh_buka_tindak_lanjut(user), akses.PESAN_BUKAN_PENDAMPING)
    return Pendamping.objects.get(user=user)


def _pastikan_belum_bubar(forum: Forum) -> None:
    if forum.status == StatusForum.BUBAR:
        raise ValidationError(_("Forum ini sudah bubar; catatan baru tidak dapat ditambahkan."))


def sarana_di_wilayah_forum(sarana: Sarana, forum: Forum) -> bool:
    """A meeting of ``forum`` may use ``sarana``: the facility lies in the forum's region."""
    return forum.wilayah_id in (sarana.wilayah_id, *leluhur(sarana.wilayah_id))


def _sekali(model, kunci, buat):
    """``buat()`` once per one-time key; a repeat of the key raises ``SudahTersimpan`` with the
    first record (the view — or ``PlatformMiddleware`` — shows it). No key: always ``buat()``."""
    obj, dibuat = buat_sekali(model, kunci, buat)
    if not dibuat:
        raise SudahTersimpan(obj)
    return obj
