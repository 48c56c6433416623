"""Complaint pages: ``publik`` (no account), ``internal`` (list, intake, board), ``penanganan``
(one complaint, its actions, its attachments)."""

from .internal import baru, daftar, papan
from .penanganan import (
    balas,
    buka,
    detail,
    lampiran,
    musyawarah,
    rujuk,
    tugaskan,
    tutup,
    verifikasi,
)
from .publik import lapor, lapor_desa, lapor_terkirim, status, status_tanggapan

__all__ = [
    "balas",
    "baru",
    "buka",
    "daftar",
    "detail",
    "lampiran",
    "lapor",
    "lapor_desa",
    "lapor_terkirim",
    "musyawarah",
    "papan",
    "rujuk",
    "status",
    "status_tanggapan",
    "tugaskan",
    "tutup",
    "verifikasi",
]
