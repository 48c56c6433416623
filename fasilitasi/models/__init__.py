"""Models of fasilitasi, by sub-domain: reference data and templates, cases and their workflow,
the BUM Desa register, village status."""

from .bumdes import (
    BumDesa,
    JabatanPengurus,
    JenisBumDesa,
    LaporanTahunanBumDesa,
    PengurusBumDesa,
    StatusBadanHukum,
    UnitUsaha,
)
from .kasus import (
    PERPINDAHAN_STATUS,
    STATUS_TERBUKA,
    DokumenFasilitasi,
    Fasilitasi,
    JenisPeristiwa,
    PeristiwaFasilitasi,
    StatusFasilitasi,
    TahapFasilitasi,
)
from .referensi import (
    ButirFasilitasi,
    DasarTahap,
    DokumenTahapTemplat,
    RuangLingkup,
    TahapTemplat,
    TemplatAlur,
)
from .status import AmbangStatus, ImporStatusDesa, IndeksStatus, StatusDesa

__all__ = [
    "PERPINDAHAN_STATUS",
    "STATUS_TERBUKA",
    "AmbangStatus",
    "BumDesa",
    "ButirFasilitasi",
    "DasarTahap",
    "DokumenFasilitasi",
    "DokumenTahapTemplat",
    "Fasilitasi",
    "ImporStatusDesa",
    "IndeksStatus",
    "JabatanPengurus",
    "JenisBumDesa",
    "JenisPeristiwa",
    "LaporanTahunanBumDesa",
    "PengurusBumDesa",
    "PeristiwaFasilitasi",
    "RuangLingkup",
    "StatusBadanHukum",
    "StatusDesa",
    "StatusFasilitasi",
    "TahapFasilitasi",
    "TahapTemplat",
    "TemplatAlur",
    "UnitUsaha",
]
