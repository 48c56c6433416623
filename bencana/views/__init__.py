"""Incident pages. Each view: authorise, validate a form, call one service, respond.

Rows are reached only through ``Kejadian.objects.visible_to(user)``: an incident outside the user's
scope is a 404; inside it, an action the user may not take is a 403 (``akses`` predicates, raised
by the services with ``pastikan``).

* ``daftar`` — the list, the map, the supervisor's recap;
* ``kejadian`` — the quick report, the incident page, status moves;
* ``catatan`` — the section forms and the evidence file;
* ``laporan`` — ministry report versions, the chronology report (print page, PDF download).
"""

from .catatan import (
    bantuan_tambah,
    bukti_tambah,
    bukti_unduh,
    dampak_tambah,
    desa_tambah,
    kegiatan_tautkan,
    keputusan_tambah,
    koordinasi_tambah,
    kronologi_tambah,
    kronologi_ubah,
    mitigasi_tambah,
    pengungsian_tambah,
    tokoh_tambah,
)
from .daftar import kejadian_list, kejadian_peta, rekap
from .kejadian import kejadian_detail, kejadian_lapor, kejadian_status
from .laporan import laporan_catat_luar, laporan_cetak, laporan_kirim, laporan_pdf

__all__ = [
    "bantuan_tambah",
    "bukti_tambah",
    "bukti_unduh",
    "dampak_tambah",
    "desa_tambah",
    "kegiatan_tautkan",
    "kejadian_detail",
    "kejadian_lapor",
    "kejadian_list",
    "kejadian_peta",
    "kejadian_status",
    "keputusan_tambah",
    "koordinasi_tambah",
    "kronologi_tambah",
    "kronologi_ubah",
    "laporan_catat_luar",
    "laporan_cetak",
    "laporan_kirim",
    "laporan_pdf",
    "mitigasi_tambah",
    "pengungsian_tambah",
    "rekap",
    "tokoh_tambah",
]
