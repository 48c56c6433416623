"""The spreadsheets: a report's entries, and the supervisor's recap to send up the chain.

Every cell is written by ``sel_aman``: the value goes through ``pendampingan.ekspor.aman`` (the
one formula-injection guard: text starting with ``= + - @``, a tab or a carriage return gets a
leading apostrophe) and text is stored as a text cell, so a title typed as ``=HYPERLINK(...)``
stays a harmless string.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from pendampingan.ekspor import aman

from ..models import LaporanBulanan
from ..periode import nama_bulan
from ..ringkasan import kegiatan_bulan
from ..selectors import Rekap

TEBAL = Font(bold=True)
JUDUL = Font(bold=True, size=13)
ISI_KEPALA = PatternFill("solid", fgColor="DCFCE7")
GARIS = Side(style="thin", color="9CA3AF")
KOTAK = Border(left=GARIS, right=GARIS, top=GARIS, bottom=GARIS)


def sel_aman(ws, baris: int, kolom: int, nilai, **gaya):
    """Write one cell through the one formula guard (``ekspor.aman``); text is always stored as
    text (never as a formula)."""
    sel = ws.cell(row=baris, column=kolom)
    if nilai is not None:
        nilai = aman(nilai)
    sel.value = nilai
    if isinstance(nilai, str):
        sel.data_type = "s"
    for k, v in gaya.items():
        setattr(sel, k, v)
    return sel


def _tabel(ws, baris_awal: int, kepala: list[str], isi: list[list], lebar: list[int] | None = None):
    for j, k in enumerate(kepala, start=1):
        sel_aman(ws, baris_awal, j, k, font=TEBAL, fill=ISI_KEPALA, border=KOTAK)
    for i, row in enumerate(isi, start=baris_awal + 1):
        for j, v in enumerate(row, start=1):
            sel_aman(ws, i, j, v, border=KOTAK, alignment=Alignment(vertical="top", wrap_text=True))
    for j, w in enumerate(lebar or [], start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    return baris_awal + len(isi) + 1


def _cetak(ws, lanskap: bool = True):
    ws.page_setup.orientation = "landscape" if lanskap else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _simpan(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def kop() -> list[str]:
    return list(getattr(settings, "BULANAN_KOP", []))


# ------------------------------------------------------------------------ entries XLSX
def kegiatan_xlsx(*, laporan: LaporanBulanan) -> bytes:
    """The month's entries of a report as one sheet. Two queries."""
    kegiatan = list(
        kegiatan_bulan(pendamping=laporan.pendamping, bulan=laporan.bulan, lengkap=True)
    )
    wb = Workbook()
    ws = wb.active
    ws.title = _("Kegiatan")
    sel_aman(ws, 1, 1, _("Daftar kegiatan harian"), font=JUDUL)
    sel_aman(
        ws,
        2,
        1,
        f"{laporan.pendamping.nama} · {laporan.pendamping.get_jabatan_display()} · "
        f"{nama_bulan(laporan.bulan)}",
    )
    kepala = [
        "No.",
        _("Tanggal"),
        _("Jam mulai"),
        _("Jam selesai"),
        _("Durasi (jam)"),
        _("Desa / tempat"),
        _("Kode wilayah"),
        _("Tata cara"),
        _("Judul"),
        _("Uraian"),
        _("Masalah"),
        _("Solusi"),
        _("Hasil"),
        _("Peserta L"),
        _("Peserta P"),
        _("SDGs Desa"),
        _("Foto"),
        _("Status"),
    ]
    isi = []
    for i, k in enumerate(kegiatan, start=1):
        menit = max(
            0,
            (k.jam_selesai.hour * 60 + k.jam_selesai.minute)
            - (k.jam_mulai.hour * 60 + k.jam_mulai.minute),
        )
        isi.append(
            [
                i,
                k.tanggal,
                k.jam_mulai.strftime("%H:%M"),
                k.jam_selesai.strftime("%H:%M"),
                round(menit / 60, 2),
                k.wilayah.nama,
                k.wilayah_id,
                k.get_tata_cara_display(),
                k.judul,
                k.uraian,
                k.masalah,
                k.solusi,
                k.hasil,
                k.peserta_laki,
                k.peserta_perempuan,
                ", ".join(str(t.nomor) for t in k.sdgs.all()),
                k.jumlah_foto,
                k.get_status_display(),
            ]
        )
    _tabel(
        ws,
        4,
        kepala,
        isi,
        [5, 12, 9, 10, 10, 22, 15, 16, 40, 60, 40, 40, 40, 9, 9, 12, 7, 13],
    )
    for row in ws.iter_rows(min_row=5, min_col=2, max_col=2):
        for sel in row:
            sel.number_format = "DD-MM-YYYY"
    ws.freeze_panes = "A5"
    _cetak(ws)
    return _simpan(wb)


# -------------------------------------------------------------------------- recap XLSX
KEPALA_KELOMPOK = [
    "Wilayah",
    "Kode",
    "Pendamping",
    "Disetujui",
    "Diajukan",
    "Dikembalikan",
    "Draf",
    "Belum disusun",
    "Hari kerja",
    "Kegiatan",
    "% terverifikasi",
    "Rekomendasi bayar",
    "Rekomendasi tahan",
    "Tanda",
]


def _baris_kelompok(j) -> list:
    return [
        j.nama,
        j.kode,
        j.pendamping,
        j.disetujui,
        j.diajukan,
        j.dikembalikan,
        j.draf,
        j.belum,
        j.hari_kerja,
        j.kegiatan,
        j.persen_terverifikasi,
        j.bayar,
        j.tahan,
        j.tanda,
    ]


def rekap_xlsx(*, rekap: Rekap, user) -> bytes:
    """The recap in a layout to send up the chain: a summary sheet (one row per region of the
    level below, then the total) and a detail sheet (one row per facilitator), each with a
    letterhead, the period, who prepared it and a signature line."""
    wb = Workbook()
    ringkas = wb.active
    ringkas.title = _("Ringkasan")
    rincian = wb.create_sheet(_("Rincian pendamping"))
    pembuat = getattr(getattr(user, "pendamping", None), "nama", "") or user.get_username()
    jabatan = user.pendamping.get_jabatan_display() if getattr(user, "pendamping", None) else ""
    for ws, judul in (
        (ringkas, _("REKAP LAPORAN BULANAN TENAGA PENDAMPING PROFESIONAL")),
        (rincian, _("RINCIAN LAPORAN BULANAN PER PENDAMPING")),
    ):
        r = 1
        for baris_kop in kop():
            sel_aman(ws, r, 1, baris_kop, font=TEBAL)
            r += 1
        sel_aman(ws, r, 1, judul, font=JUDUL)
        sel_aman(
            ws,
            r + 1,
            1,
            _("Wilayah: %(w)s (%(k)s) · Bulan: %(b)s")
            % {
                "w": f"{rekap.wilayah.get_tingkat_display()} {rekap.wilayah.nama}",
                "k": rekap.wilayah.kode,
                "b": nama_bulan(rekap.bulan),
            },
        )
        sel_aman(
            ws,
            r + 2,
            1,
            _("Disusun oleh: %(n)s %(j)s · %(t)s")
            % {
                "n": pembuat,
                "j": f"({jabatan})" if jabatan else "",
                "t": formats.date_format(timezone.localtime(), "j F Y H:i"),
            },
        )
        ws.awal_tabel = r + 4  # type: ignore[attr-defined]
    akhir = _tabel(
        ringkas,
        ringkas.awal_tabel,
        [_(k) for k in KEPALA_KELOMPOK],
        [_baris_kelompok(j) for j in rekap.kelompok],
        [30, 14, 11, 10, 10, 12, 8, 12, 10, 10, 13, 12, 12, 8],
    )
    for j, v in enumerate(_baris_kelompok(rekap.total), start=1):
        sel_aman(ringkas, akhir, j, v, font=TEBAL, border=KOTAK)
    sel_aman(ringkas, akhir, 1, _("JUMLAH"), font=TEBAL, border=KOTAK)
    ringkas.freeze_panes = ringkas.cell(row=ringkas.awal_tabel + 1, column=1)
    kepala = [
        "No.",
        _("Nama"),
        _("Jabatan"),
        _("Nomor kontrak"),
        _("Wilayah tugas"),
        _("Kelompok"),
        _("Status laporan"),
        _("Hari kerja"),
        _("Kegiatan"),
        _("Terverifikasi"),
        _("% terverifikasi"),
        _("Tanda"),
        _("Rekomendasi"),
        _("Alasan"),
    ]
    nama_kelompok = {j.kode: j.nama for j in rekap.kelompok}
    isi = [
        [
            i,
            b.nama,
            b.jabatan,
            b.nomor_kontrak,
            ", ".join(b.tugas),
            nama_kelompok.get(b.kelompok, b.kelompok),
            b.status_label,
            b.hari_kerja,
            b.kegiatan,
            b.terverifikasi,
            b.persen_terverifikasi,
            "; ".join(b.tanda),
            b.rekomendasi_label,
            b.alasan_rekomendasi,
        ]
        for i, b in enumerate(rekap.baris, start=1)
    ]
    akhir_rinci = _tabel(
        rincian,
        rincian.awal_tabel,
        kepala,
        isi,
        [5, 26, 22, 16, 30, 22, 14, 9, 9, 11, 13, 34, 12, 34],
    )
    rincian.freeze_panes = rincian.cell(row=rincian.awal_tabel + 1, column=3)
    for ws, r in ((ringkas, akhir + 3), (rincian, akhir_rinci + 2)):
        sel_aman(ws, r, 2, _("Mengetahui,"))
        sel_aman(ws, r + 4, 2, "(........................................)")
        sel_aman(ws, r, 5, _("Yang membuat,"))
        sel_aman(ws, r + 4, 5, f"({pembuat})")
        _cetak(ws)
    return _simpan(wb)
