"""Due-date rules of a workflow stage (pure functions, no database).

A stage may carry one rule:

* ``tanggal_tetap`` — a fixed day of the year, relative to the case's year: the APB Desa of 2027 is
  enacted by 31 December **2026** (``geser_tahun = -1``);
* ``hari_kerja`` — N Indonesian working days after the stage began (i.e. after the previous stage
  was completed), skipping weekends and national holidays (plus any cuti bersama listed in the
  setting ``HARI_LIBUR_TAMBAHAN``)
  (``pendampingan.kalender``);
* ``hari_kalender`` — N calendar days after the stage began (the regulations that say "7 hari").

No rule: no due date.
"""

from __future__ import annotations

import calendar
import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from pendampingan.kalender import tambah_hari_kerja

NAMA_BULAN = [
    "",
    _("Januari"),
    _("Februari"),
    _("Maret"),
    _("April"),
    _("Mei"),
    _("Juni"),
    _("Juli"),
    _("Agustus"),
    _("September"),
    _("Oktober"),
    _("November"),
    _("Desember"),
]


class JenisTenggat(models.TextChoices):
    TIDAK_ADA = "", _("Tanpa tenggat")
    TANGGAL_TETAP = "tanggal_tetap", _("Tanggal tetap dalam setahun")
    HARI_KERJA = "hari_kerja", _("N hari kerja setelah tahap sebelumnya")
    HARI_KALENDER = "hari_kalender", _("N hari kalender setelah tahap sebelumnya")


def hitung_jatuh_tempo(
    *,
    jenis: str,
    tahun_kasus: int,
    mulai: datetime.date,
    bulan: int | None = None,
    hari: int | None = None,
    geser_tahun: int = 0,
    jumlah_hari: int | None = None,
) -> datetime.date | None:
    """The due date of a stage of a case of ``tahun_kasus`` that began on ``mulai``."""
    if jenis == JenisTenggat.TANGGAL_TETAP and bulan and hari:
        tahun = tahun_kasus + (geser_tahun or 0)
        hari = min(hari, calendar.monthrange(tahun, bulan)[1])  # 29 Feb in a common year → 28
        return datetime.date(tahun, bulan, hari)
    if jenis == JenisTenggat.HARI_KERJA and jumlah_hari is not None:
        return tambah_hari_kerja(mulai, jumlah_hari)
    if jenis == JenisTenggat.HARI_KALENDER and jumlah_hari is not None:
        return mulai + datetime.timedelta(days=jumlah_hari)
    return None


def uraian_tenggat(
    *,
    jenis: str,
    bulan: int | None = None,
    hari: int | None = None,
    geser_tahun: int = 0,
    jumlah_hari: int | None = None,
) -> str:
    """The rule in words, e.g. "31 Desember tahun sebelumnya", "20 hari kerja"."""
    if jenis == JenisTenggat.TANGGAL_TETAP and bulan and hari:
        tahun = {0: _("tahun berjalan"), -1: _("tahun sebelumnya"), 1: _("tahun berikutnya")}.get(
            geser_tahun or 0, _("tahun %(n)+d") % {"n": geser_tahun}
        )
        return f"{hari} {NAMA_BULAN[bulan]} {tahun}"
    if jenis == JenisTenggat.HARI_KERJA and jumlah_hari is not None:
        return str(_("%(n)d hari kerja setelah tahap sebelumnya") % {"n": jumlah_hari})
    if jenis == JenisTenggat.HARI_KALENDER and jumlah_hari is not None:
        return str(_("%(n)d hari setelah tahap sebelumnya") % {"n": jumlah_hari})
    return ""
