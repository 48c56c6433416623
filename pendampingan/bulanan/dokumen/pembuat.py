"""The builders this app registers with the download pipeline (``inti.unduhan``, wired in
``hooks``): a report's PDF, its entries as XLSX, an area's recap as XLSX and its reports as one
ZIP.

A builder runs in the background task as the download's owner, with their scope at run time: a
report they can no longer see, or an area they no longer supervise, makes the build fail (the
download page says so) rather than hand out what they may not have.
"""

from __future__ import annotations

import datetime
import io
import zipfile

from django.utils.text import slugify
from django.utils.translation import gettext as _

from pendampingan.ekspor import TIPE_XLSX
from pendampingan.inti.akses import pastikan
from pendampingan.inti.unduhan import HasilBerkas
from pendampingan.models import Unduhan, Wilayah

from ..akses import boleh_rekap
from ..models import LaporanBulanan
from ..selectors import Rekap, laporan_lengkap, rekap_bulanan
from .pdf import laporan_pdf, nama_berkas
from .xlsx import kegiatan_xlsx, rekap_xlsx

JENIS_PDF = "bulanan.pdf"
JENIS_XLSX = "bulanan.xlsx"
JENIS_ZIP = "bulanan.zip"
JENIS_REKAP = "bulanan.rekap"


def zip_laporan(*, laporan_list: list[LaporanBulanan], rekap: Rekap, user) -> bytes:
    """Every report as PDF (and its entries as XLSX) plus the recap, in one ZIP."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            f"rekap-{rekap.wilayah.kode}-{rekap.bulan:%Y-%m}.xlsx",
            rekap_xlsx(rekap=rekap, user=user),
        )
        for lap in laporan_list:
            folder = slugify(lap.wilayah.nama) or lap.wilayah_id
            zf.writestr(f"{folder}/{nama_berkas(lap, 'pdf')}", laporan_pdf(laporan=lap))
            zf.writestr(f"{folder}/{nama_berkas(lap, 'xlsx')}", kegiatan_xlsx(laporan=lap))
    return buf.getvalue()


def _laporan(unduhan: Unduhan) -> LaporanBulanan:
    return laporan_lengkap(user=unduhan.pengguna).get(pk=unduhan.parameter["laporan"])


def buat_pdf(unduhan: Unduhan) -> HasilBerkas:
    lap = _laporan(unduhan)
    return HasilBerkas(
        nama=nama_berkas(lap, "pdf"), isi=laporan_pdf(laporan=lap), mime="application/pdf", jumlah=1
    )


def buat_xlsx(unduhan: Unduhan) -> HasilBerkas:
    lap = _laporan(unduhan)
    return HasilBerkas(
        nama=nama_berkas(lap, "xlsx"),
        isi=kegiatan_xlsx(laporan=lap),
        mime=TIPE_XLSX,
        jumlah=lap.jumlah_kegiatan,
    )


def _rekap(unduhan: Unduhan) -> tuple[Wilayah, datetime.date, Rekap]:
    """The recap the download asks for, as its owner sees it now."""
    user = unduhan.pengguna
    wilayah = Wilayah.objects.get(kode=unduhan.parameter["wilayah"])
    bulan = datetime.date.fromisoformat(unduhan.parameter["bulan"])
    pastikan(boleh_rekap(user, wilayah.kode), _("Wilayah ini bukan wilayah yang Anda awasi."))
    return wilayah, bulan, rekap_bulanan(user=user, wilayah=wilayah, bulan=bulan)


def buat_rekap(unduhan: Unduhan) -> HasilBerkas:
    """The supervisor's recap of an area and month as XLSX (letterhead, signature lines)."""
    wilayah, bulan, rekap = _rekap(unduhan)
    return HasilBerkas(
        nama=f"rekap-{wilayah.kode}-{bulan:%Y-%m}.xlsx",
        isi=rekap_xlsx(rekap=rekap, user=unduhan.pengguna),
        mime=TIPE_XLSX,
        jumlah=len(rekap.baris),
    )


def buat_zip(unduhan: Unduhan) -> HasilBerkas:
    user = unduhan.pengguna
    wilayah, bulan, rekap = _rekap(unduhan)
    ids = [b.laporan_id for b in rekap.baris if b.laporan_id]
    laporan = list(
        laporan_lengkap(user=user).filter(pk__in=ids).order_by("wilayah_id", "pendamping__nama")
    )
    return HasilBerkas(
        nama=f"laporan-{wilayah.kode}-{bulan:%Y-%m}.zip",
        isi=zip_laporan(laporan_list=laporan, rekap=rekap, user=user),
        mime="application/zip",
        jumlah=len(laporan),
        pesan=_("%(n)d laporan dalam satu berkas ZIP.") % {"n": len(laporan)},
    )


PEMBUAT = {
    JENIS_PDF: buat_pdf,
    JENIS_XLSX: buat_xlsx,
    JENIS_ZIP: buat_zip,
    JENIS_REKAP: buat_rekap,
}
