"""Every write of fasilitasi: one function per use case, keyword-only, validated, atomic."""

from .bumdes import (
    boleh_ubah_bumdes,
    bumdes_simpan,
    laporan_tahunan_simpan,
    pengurus_simpan,
    unit_usaha_simpan,
)
from .kasus import (
    boleh_ubah_kasus,
    dokumen_kurang,
    dokumen_lampirkan,
    fasilitasi_buka,
    fasilitasi_catat_kegiatan,
    fasilitasi_maju,
    fasilitasi_mundur,
    fasilitasi_periksa_maju,
    fasilitasi_ubah_status,
    periksa_berkas,
    rentang_tahun,
)
from .status_desa import ambang_berlaku, status_dari_skor, status_desa_impor

__all__ = [
    "ambang_berlaku",
    "boleh_ubah_bumdes",
    "boleh_ubah_kasus",
    "bumdes_simpan",
    "dokumen_kurang",
    "dokumen_lampirkan",
    "fasilitasi_buka",
    "fasilitasi_catat_kegiatan",
    "fasilitasi_maju",
    "fasilitasi_mundur",
    "fasilitasi_periksa_maju",
    "fasilitasi_ubah_status",
    "laporan_tahunan_simpan",
    "pengurus_simpan",
    "periksa_berkas",
    "rentang_tahun",
    "status_dari_skor",
    "status_desa_impor",
    "unit_usaha_simpan",
]
