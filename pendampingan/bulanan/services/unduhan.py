"""Files built for the user by the download pipeline (``inti.unduhan``): the view asks, the
background task builds (``dokumen.pembuat``), the user gets them on their downloads page."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.unduhan import unduhan_minta
from pendampingan.models import Unduhan, Wilayah

from ..akses import boleh_rekap
from ..dokumen.pembuat import JENIS_PDF, JENIS_REKAP, JENIS_XLSX, JENIS_ZIP
from ..models import LaporanBulanan
from ..periode import awal_bulan, nama_bulan


def _judul(laporan: LaporanBulanan, jenis: str) -> str:
    return _("Laporan bulanan %(n)s %(b)s (%(j)s)") % {
        "n": laporan.pendamping.nama,
        "b": nama_bulan(laporan.bulan),
        "j": jenis,
    }


@transaction.atomic
def laporan_pdf_minta(*, user, laporan: LaporanBulanan) -> Unduhan:
    """The report (which the caller fetched through ``visible_to(user)``) as PDF."""
    return unduhan_minta(
        user=user,
        jenis=JENIS_PDF,
        judul=_judul(laporan, "PDF"),
        parameter={"laporan": laporan.pk},
    )


@transaction.atomic
def laporan_xlsx_minta(*, user, laporan: LaporanBulanan) -> Unduhan:
    """The report's entries as XLSX."""
    return unduhan_minta(
        user=user,
        jenis=JENIS_XLSX,
        judul=_judul(laporan, "XLSX"),
        parameter={"laporan": laporan.pk},
    )


@transaction.atomic
def _rekap_minta(
    *, user, wilayah: Wilayah, bulan: datetime.date, jenis: str, judul: str, kunci_sekali
):
    bulan = awal_bulan(bulan)
    pastikan(
        boleh_rekap(user, wilayah.kode),
        _("Unduhan rekap hanya untuk pengawas wilayah ini yang berhak melihat rekap."),
    )
    return unduhan_minta(
        user=user,
        jenis=jenis,
        judul=judul % {"w": wilayah.nama, "b": nama_bulan(bulan)},
        parameter={"wilayah": wilayah.kode, "bulan": bulan.isoformat()},
        kunci_sekali=kunci_sekali,
    )


def rekap_zip_minta(*, user, wilayah: Wilayah, bulan: datetime.date, kunci_sekali=None) -> Unduhan:
    """Every report of ``wilayah`` (an area the user supervises) in ``bulan`` as one ZIP, with
    the recap. A repeat of the form's one-time key returns the first download."""
    return _rekap_minta(
        user=user,
        wilayah=wilayah,
        bulan=bulan,
        jenis=JENIS_ZIP,
        judul=_("Laporan bulanan %(w)s %(b)s (ZIP)"),
        kunci_sekali=kunci_sekali,
    )


def rekap_xlsx_minta(*, user, wilayah: Wilayah, bulan: datetime.date, kunci_sekali=None) -> Unduhan:
    """The recap of ``wilayah`` in ``bulan`` as XLSX, built in the background."""
    return _rekap_minta(
        user=user,
        wilayah=wilayah,
        bulan=bulan,
        jenis=JENIS_REKAP,
        judul=_("Rekap bulanan %(w)s %(b)s (XLSX)"),
        kunci_sekali=kunci_sekali,
    )
