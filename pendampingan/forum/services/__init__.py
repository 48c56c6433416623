"""Every write of pengorganisasian: one function per use case, keyword-only, validated, atomic.

Scope: a user writes only where they may record (``cakupan.boleh_catat`` of the forum's or the
facility's region); services refuse otherwise with ``PermissionDenied`` — views have already
answered 404/403, this is the second lock.

The use cases live in ``forum`` (forums, members, facilities) and ``pertemuan`` (meetings,
decisions, activities); this package re-exports them, so callers write ``services.forum_buat``.
"""

from ._umum import JENIS_ANTARDESA, TINGKAT_FORUM
from .forum import (
    HasilImpor,
    anggota_impor,
    anggota_tambah,
    anggota_ubah,
    forum_buat,
    forum_ubah,
    forum_ubah_status,
    sarana_buat,
    sarana_ubah,
)
from .pertemuan import (
    TAMU_RENTAN,
    aktivitas_catat,
    aktivitas_tautkan,
    aktivitas_validasi,
    keputusan_buat,
    keputusan_jadikan_tindak_lanjut,
    pertemuan_catat,
    pertemuan_tautkan,
)

__all__ = [
    "JENIS_ANTARDESA",
    "TAMU_RENTAN",
    "TINGKAT_FORUM",
    "HasilImpor",
    "aktivitas_catat",
    "aktivitas_tautkan",
    "aktivitas_validasi",
    "anggota_impor",
    "anggota_tambah",
    "anggota_ubah",
    "forum_buat",
    "forum_ubah",
    "forum_ubah_status",
    "keputusan_buat",
    "keputusan_jadikan_tindak_lanjut",
    "pertemuan_catat",
    "pertemuan_tautkan",
    "sarana_buat",
    "sarana_ubah",
]
