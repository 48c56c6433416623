"""Every read of fasilitasi, always starting from ``visible_to(user)``; each runs a fixed number
of queries whatever the size of the region. By sub-domain: ``kasus``, ``papan`` (the pipeline
board), ``bumdes``, ``status_desa`` (village status and the desa panel)."""

from .bumdes import (
    bumdes_detail,
    bumdes_kasus_kegiatan,
    bumdes_laporan_tren,
    bumdes_list,
    bumdes_pilihan,
)
from .kasus import (
    dokumen_detail,
    fasilitasi_detail,
    fasilitasi_list,
    fasilitasi_peristiwa,
    fasilitasi_riwayat,
    fasilitasi_tahap,
    fasilitasi_terbuka_untuk_kegiatan,
    kegiatan_pilihan,
)
from .papan import (
    BarisPapan,
    desa_belum_mencapai,
    kasus_desa,
    papan_baris,
    papan_templat,
    papan_total,
)
from .status_desa import panel_desa, status_desa_ringkas

__all__ = [
    "BarisPapan",
    "bumdes_detail",
    "bumdes_kasus_kegiatan",
    "bumdes_laporan_tren",
    "bumdes_list",
    "bumdes_pilihan",
    "desa_belum_mencapai",
    "dokumen_detail",
    "fasilitasi_detail",
    "fasilitasi_list",
    "fasilitasi_peristiwa",
    "fasilitasi_riwayat",
    "fasilitasi_tahap",
    "fasilitasi_terbuka_untuk_kegiatan",
    "kasus_desa",
    "kegiatan_pilihan",
    "panel_desa",
    "papan_baris",
    "papan_templat",
    "papan_total",
    "status_desa_ringkas",
]
