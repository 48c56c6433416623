"""Writes of the dashboard.

* ``ringkasan`` — the summary tables, computed by the database itself (``INSERT … SELECT`` of one
  ORM-built aggregate per level), so a full rebuild of a year of national entries takes seconds to
  minutes and the incremental refresh recomputes only the days that changed;
* ``penyegaran`` — the incremental refresh and the full rebuild;
* ``unduhan`` — large list exports, the coverage matrix's XLSX and the dashboard PDF, queued on the core's download pipeline
  and built there by the builders ``dasbor.ekspor`` / ``dasbor.pdf``.
"""

from .penyegaran import ringkasan_bangun_ulang, ringkasan_segarkan
from .ringkasan import (
    KOLOM_BUTIR,
    KOLOM_HARIAN,
    KOLOM_LABEL,
    KOLOM_PENDAMPING,
    PANJANG_DESA,
    TINGKAT_RINGKASAN,
    aktivitas_desa_hitung,
    ringkasan_hitung_hari,
    ringkasan_hitung_pendamping,
    ringkasan_wilayah_hitung,
    tindak_lanjut_ringkasan_hitung,
)
from .unduhan import (
    FORMAT_UNDUHAN,
    JENIS_EKSPOR,
    JENIS_MATRIKS,
    JENIS_PDF,
    buat_ekspor,
    buat_matriks,
    buat_pdf,
    ekspor_minta,
    matriks_minta,
    pdf_minta,
)

__all__ = [
    "FORMAT_UNDUHAN",
    "JENIS_EKSPOR",
    "JENIS_MATRIKS",
    "JENIS_PDF",
    "KOLOM_BUTIR",
    "KOLOM_HARIAN",
    "KOLOM_LABEL",
    "KOLOM_PENDAMPING",
    "PANJANG_DESA",
    "TINGKAT_RINGKASAN",
    "aktivitas_desa_hitung",
    "buat_ekspor",
    "buat_matriks",
    "buat_pdf",
    "ekspor_minta",
    "matriks_minta",
    "pdf_minta",
    "ringkasan_bangun_ulang",
    "ringkasan_hitung_hari",
    "ringkasan_hitung_pendamping",
    "ringkasan_segarkan",
    "ringkasan_wilayah_hitung",
    "tindak_lanjut_ringkasan_hitung",
]
