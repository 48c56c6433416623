"""The documents of the monthly report, by kind:

* ``xlsx`` — a report's entries and the supervisor's recap (every cell through ``sel_aman``);
* ``pdf`` — the report as PDF through the one PDF helper (``inti.dokumen``);
* ``pembuat`` — the builders of the download pipeline (``inti.unduhan``): a report's PDF and XLSX
  and an area's ZIP are built in the background, never inside a request.
"""

from .pdf import laporan_konteks, laporan_pdf, nama_berkas, sumber_gambar
from .pembuat import JENIS_PDF, JENIS_XLSX, JENIS_ZIP, PEMBUAT, zip_laporan
from .xlsx import kegiatan_xlsx, kop, rekap_xlsx, sel_aman

__all__ = [
    "JENIS_PDF",
    "JENIS_XLSX",
    "JENIS_ZIP",
    "PEMBUAT",
    "kegiatan_xlsx",
    "kop",
    "laporan_konteks",
    "laporan_pdf",
    "nama_berkas",
    "rekap_xlsx",
    "sel_aman",
    "sumber_gambar",
    "zip_laporan",
]
