"""Forms of the complaint pages: ``publik`` (no account, with their own guards), ``penerimaan``
(the intake fields and a facilitator's intake), ``penanganan`` (the actions on a complaint),
``ekstensi`` (the daily-log entry's complaint field)."""

from .ekstensi import EkstensiPengaduanForm
from .penanganan import (
    BalasForm,
    BukaKembaliForm,
    DariForm,
    MusyawarahForm,
    RujukForm,
    TugaskanForm,
    TutupForm,
    VerifikasiForm,
)
from .penerimaan import BerkasBanyakField, PengaduanDasarForm, PengaduanInternalForm
from .publik import (
    GARAM_TANTANGAN,
    PengaduanPublikForm,
    PenjagaPublikForm,
    StatusCariForm,
    TanggapanPelaporForm,
)

__all__ = [
    "GARAM_TANTANGAN",
    "BalasForm",
    "BerkasBanyakField",
    "BukaKembaliForm",
    "DariForm",
    "EkstensiPengaduanForm",
    "MusyawarahForm",
    "PengaduanDasarForm",
    "PengaduanInternalForm",
    "PengaduanPublikForm",
    "PenjagaPublikForm",
    "RujukForm",
    "StatusCariForm",
    "TanggapanPelaporForm",
    "TugaskanForm",
    "TutupForm",
    "VerifikasiForm",
]
