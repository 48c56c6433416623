"""Every write of the monthly report, by sub-domain:

* ``rencana`` — the month's plan rows (add, change, delete, copy last month's);
* ``laporan`` — drafting the report from the month's entries, the narrative, submitting it;
* ``pemeriksaan`` — the supervisor's review (approve, return, payment recommendation) and
  reopening a month;
* ``unduhan`` — asking the download pipeline for a report's PDF/XLSX or an area's ZIP.

Every status move goes through ``inti.alur.pindah_status``; every permission refusal is
``inti.akses.pastikan`` over a predicate of ``bulanan.akses`` (``PermissionDenied``); forms that
create a row pass their one-time key (``kunci_sekali``) and a repeat raises ``SudahTersimpan``.
"""

from .laporan import laporan_ajukan, laporan_simpan_narasi, laporan_susun
from .pemeriksaan import (
    bulan_buka,
    laporan_kembalikan,
    laporan_rekomendasikan,
    laporan_setujui,
)
from .rencana import rencana_hapus, rencana_salin_bulan_lalu, rencana_simpan
from .unduhan import laporan_pdf_minta, laporan_xlsx_minta, rekap_xlsx_minta, rekap_zip_minta

__all__ = [
    "bulan_buka",
    "laporan_ajukan",
    "laporan_kembalikan",
    "laporan_pdf_minta",
    "laporan_rekomendasikan",
    "laporan_setujui",
    "laporan_simpan_narasi",
    "laporan_susun",
    "laporan_xlsx_minta",
    "rekap_xlsx_minta",
    "rekap_zip_minta",
    "rencana_hapus",
    "rencana_salin_bulan_lalu",
    "rencana_simpan",
]
