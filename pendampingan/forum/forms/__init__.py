"""Forms of pengorganisasian, by sub-domain: ``forum`` (forums, their status, the list filter),
``anggota`` (members, the bulk import), ``sarana`` (facilities), ``pertemuan`` (meetings,
decisions, activities) and ``ekstensi`` (the forum part of the daily-log entry form).

They validate input shape only; the rules live in ``services`` and come back as form errors
through ``galat_ke_form`` so nothing the user typed is lost. Every form that creates a record
carries the one-time key (``KunciSekaliForm`` first in the bases); an upload is checked by
``inti.berkas.periksa_berkas`` in ``clean_<field>``.
"""

from ._umum import Jam, Tanggal, galat_ke_form
from .anggota import AnggotaForm, ImporAnggotaForm
from .ekstensi import SEBAGAI_PERTEMUAN, EkstensiForumForm
from .forum import ForumForm, SaringForumForm, StatusForumForm
from .pertemuan import (
    AktivitasForm,
    AktivitasIsiForm,
    KeputusanForm,
    PertemuanForm,
    PertemuanIsiForm,
    TindakLanjutKeputusanForm,
)
from .sarana import SaranaForm, SaringSaranaForm

__all__ = [
    "SEBAGAI_PERTEMUAN",
    "AktivitasForm",
    "AktivitasIsiForm",
    "AnggotaForm",
    "EkstensiForumForm",
    "ForumForm",
    "ImporAnggotaForm",
    "Jam",
    "KeputusanForm",
    "PertemuanForm",
    "PertemuanIsiForm",
    "SaranaForm",
    "SaringForumForm",
    "SaringSaranaForm",
    "StatusForumForm",
    "Tanggal",
    "TindakLanjutKeputusanForm",
    "galat_ke_form",
]
