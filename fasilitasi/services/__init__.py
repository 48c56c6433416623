"""Every write of fasilitasi: one function per use case, keyword-only, validated, atomic.

By sub-domain: ``kasus`` (open a case, link an entry), ``tahap`` (stage and status moves),
``dokumen`` (case documents), ``bumdes`` (the BUM Desa register), ``status_desa`` (the village
status import). Who may do what is in ``fasilitasi.akses``."""

from .bumdes import (
    bumdes_simpan,
    laporan_tahunan_simpan,
    pengurus_simpan,
    unit_usaha_simpan,
)
from .dokumen import dokumen_kurang, dokumen_lampirkan
from .kasus import butir_kegiatan, fasilitasi_buka, fasilitasi_catat_kegiatan, rentang_tahun
from .status_desa import ImporDitolak, ambang_berlaku, status_dari_skor, status_desa_impor
from .tahap import (
    fasilitasi_maju,
    fasilitasi_mundur,
    fasilitasi_periksa_maju,
    fasilitasi_ubah_status,
)

__all__ = [
    "ambang_berlaku",
    "bumdes_simpan",
    "butir_kegiatan",
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
    "rentang_tahun",
    "status_dari_skor",
    "status_desa_impor",
    "ImporDitolak",
    "unit_usaha_simpan",
]
