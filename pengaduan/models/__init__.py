"""Models of the complaints app: the complaint (``pengaduan``) and the records that belong to it
(``anak``). See each module's docstring."""

from .anak import (
    JENIS_GERAK,
    AnakPengaduanQuerySet,
    JenisPeristiwa,
    KegiatanPengaduan,
    Lampiran,
    Musyawarah,
    PengingatSLA,
    PeristiwaPengaduan,
    PeristiwaStatusPengaduan,
    _path_lampiran,  # noqa: F401 - referenced by migration 0001
)
from .batas import HitunganBatas
from .pengaduan import (
    ALFABET_KODE,
    PANJANG_KODE,
    STATUS_AKHIR,
    STATUS_TERBUKA,
    JenisPengaduan,
    JenisTenggat,
    Kategori,
    Pengaduan,
    PengaduanQuerySet,
    Saluran,
    StatusPengaduan,
    TerlihatQuerySet,
    kode_pelacakan_baru,
    kode_pelacakan_normal,
    q_terlihat,
)

__all__ = [
    "ALFABET_KODE",
    "JENIS_GERAK",
    "PANJANG_KODE",
    "STATUS_AKHIR",
    "STATUS_TERBUKA",
    "AnakPengaduanQuerySet",
    "JenisPengaduan",
    "JenisPeristiwa",
    "JenisTenggat",
    "HitunganBatas",
    "Kategori",
    "KegiatanPengaduan",
    "Lampiran",
    "Musyawarah",
    "Pengaduan",
    "PengaduanQuerySet",
    "PengingatSLA",
    "PeristiwaPengaduan",
    "PeristiwaStatusPengaduan",
    "Saluran",
    "StatusPengaduan",
    "TerlihatQuerySet",
    "kode_pelacakan_baru",
    "kode_pelacakan_normal",
    "q_terlihat",
]
