"""Reads of the dashboard. Every function runs a fixed number of queries whatever the size of the
region: the wider levels read the summary tables (``models``), a desa or a kecamatan reads its
few entries directly. The caller has checked that the user may see the region (``wilayah_dasbor``
returns None otherwise, and the views answer 404); rows of the daily log and follow-ups are still
read through ``visible_to(user)``.

* ``wilayah`` — the region, its breadcrumb and children;
* ``cakupan`` — coverage and the desa lists;
* ``aktivitas`` — entries per period and child region, tags, the entry lists;
* ``pendamping`` — facilitators' monthly figures;
* ``tindak_lanjut`` — open and overdue follow-ups;
* ``butir`` — the coverage matrix (butir × child region) and a desa's checklist of the year;
* ``halaman`` — every registered panel of the page (also for its exports and PDF).
"""

from ..periode import Periode, bulan_awal, bulan_berikut, periode_default
from .aktivitas import (
    FILTER_RINGKASAN,
    aktivitas,
    kegiatan_daftar,
    kegiatan_jumlah_ringkasan,
    label,
)
from .butir import (
    adalah_desa,
    bulan_penuh,
    daftar_periksa,
    matriks_butir,
    tahun_penuh,
)
from .cakupan import cakupan, desa_daftar, desa_jumlah_ringkasan, desa_per_anak, penugasan_lapangan
from .halaman import lembar_ekspor, nama_berkas_dasbor, panel_dasbor
from .pendamping import pendamping_daftar, pendamping_ringkas
from .tindak_lanjut import tindak_lanjut_daftar, tindak_lanjut_ringkas
from .wilayah import (
    NASIONAL,
    PANJANG,
    TINGKAT_ANAK,
    Wilayah,
    nama_wilayah,
    panjang_anak,
    tingkat_anak,
    tingkat_lebar,
    wilayah_dari_filter,
    wilayah_dasbor,
    wilayah_dasbor_default,
    wilayah_jejak,
    wilayah_nasional,
    wilayah_pilihan_anak,
)

__all__ = [
    "FILTER_RINGKASAN",
    "NASIONAL",
    "PANJANG",
    "TINGKAT_ANAK",
    "Periode",
    "Wilayah",
    "adalah_desa",
    "aktivitas",
    "bulan_penuh",
    "daftar_periksa",
    "matriks_butir",
    "tahun_penuh",
    "bulan_awal",
    "bulan_berikut",
    "cakupan",
    "desa_daftar",
    "desa_jumlah_ringkasan",
    "desa_per_anak",
    "kegiatan_daftar",
    "kegiatan_jumlah_ringkasan",
    "label",
    "lembar_ekspor",
    "nama_berkas_dasbor",
    "nama_wilayah",
    "panel_dasbor",
    "panjang_anak",
    "pendamping_daftar",
    "pendamping_ringkas",
    "penugasan_lapangan",
    "periode_default",
    "tindak_lanjut_daftar",
    "tindak_lanjut_ringkas",
    "tingkat_anak",
    "tingkat_lebar",
    "wilayah_dari_filter",
    "wilayah_dasbor",
    "wilayah_dasbor_default",
    "wilayah_jejak",
    "wilayah_nasional",
    "wilayah_pilihan_anak",
]
