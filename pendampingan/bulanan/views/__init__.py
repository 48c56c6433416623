"""Views of the monthly report: authorise, validate a form, call one service, respond.

* ``bulan`` — the facilitator's home, their month (plan rows) and drafting the report;
* ``laporan`` — the report page and its flow (narrative, submit, review, reopen), its files;
* ``rekap`` — the supervisor's recap, its XLSX and an area's ZIP.

A row outside the user's scope is a 404 (fetched through ``visible_to``); a row they see but may
not change is a 403 with the reason (``PermissionDenied`` from the service).
"""

from .bulan import (
    beranda,
    bulan,
    laporan_susun,
    periksa,
    rencana_hapus,
    rencana_salin,
    rencana_tambah,
    rencana_ubah,
)
from .laporan import (
    laporan_ajukan,
    laporan_buka,
    laporan_detail,
    laporan_kembalikan,
    laporan_narasi,
    laporan_pdf,
    laporan_rekomendasi,
    laporan_setujui,
    laporan_susun_ulang,
    laporan_xlsx,
)
from .rekap import rekap, rekap_xlsx, rekap_zip

__all__ = [
    "beranda",
    "bulan",
    "laporan_ajukan",
    "laporan_buka",
    "laporan_detail",
    "laporan_kembalikan",
    "laporan_narasi",
    "laporan_pdf",
    "laporan_rekomendasi",
    "laporan_setujui",
    "laporan_susun",
    "laporan_susun_ulang",
    "laporan_xlsx",
    "periksa",
    "rekap",
    "rekap_xlsx",
    "rekap_zip",
    "rencana_hapus",
    "rencana_salin",
    "rencana_tambah",
    "rencana_ubah",
]
