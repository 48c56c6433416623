"""Every write of the daily log: one function per use case, keyword-only, validated, atomic.

* ``entri`` — create and edit an entry with its checklist, details, extensions and files;
* ``alur`` — the flow (``Kegiatan.alur``): submit, withdraw, verify, return;
* ``bukti`` — photos and documents;
* ``butir`` — the butir an entry served (chosen, and automatic from its linked records).

An entry is refused for editing when it is verified or when a registered ``kunci_kegiatan`` check
(the monthly lock) gives a reason (``alasan_terkunci``).
"""

from ._umum import HasilSimpan, alasan_kunci_registry, alasan_terkunci
from .alur import (
    kegiatan_ajukan,
    kegiatan_kekurangan,
    kegiatan_kembalikan,
    kegiatan_tarik,
    kegiatan_verifikasi,
    kegiatan_verifikasi_banyak,
    pastikan_pemilik,
)
from .bukti import dokumen_hapus, dokumen_tambah, foto_hapus, foto_tambah, kegiatan_lampirkan
from .butir import kegiatan_butir_atur, kegiatan_butir_segarkan
from .entri import FIELD_UTAMA, kegiatan_buat, kegiatan_ubah

__all__ = [
    "FIELD_UTAMA",
    "HasilSimpan",
    "alasan_kunci_registry",
    "alasan_terkunci",
    "dokumen_hapus",
    "dokumen_tambah",
    "foto_hapus",
    "foto_tambah",
    "kegiatan_ajukan",
    "kegiatan_buat",
    "kegiatan_butir_atur",
    "kegiatan_butir_segarkan",
    "kegiatan_kekurangan",
    "kegiatan_kembalikan",
    "kegiatan_lampirkan",
    "kegiatan_tarik",
    "kegiatan_ubah",
    "kegiatan_verifikasi",
    "kegiatan_verifikasi_banyak",
    "pastikan_pemilik",
]
