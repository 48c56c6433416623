"""The daily log's forms: the entry form and its parts (``entri``), the small ones (``lain``)."""

from .entri import (
    AsistensiForm,
    KegiatanForm,
    PengarahanForm,
    PrinsipForm,
    _pasang_galat,
    ekstensi_untuk,
    jam_awal_default,
)
from .lain import KembalikanForm, SaringForm, TindakLanjutSelesaiForm

__all__ = [
    "AsistensiForm",
    "KegiatanForm",
    "KembalikanForm",
    "PengarahanForm",
    "PrinsipForm",
    "SaringForm",
    "TindakLanjutSelesaiForm",
    "_pasang_galat",
    "ekstensi_untuk",
    "jam_awal_default",
]
