"""Every write of pengorganisasian: one function per use case, keyword-only, validated, atomic.

Permissions: a user writes only where they may record; services refuse otherwise with
``pastikan(akses.boleh_…(user, obj), pesan)`` (``PermissionDenied``) — views have already answered
404/403, this is the second lock. A forum's status moves only through ``inti.alur.pindah_status``
(``forum_ubah_status``). Every create takes the form's one-time key ``kunci_sekali``: a repeat of the
key raises ``inti.sekali.SudahTersimpan`` with the first record and changes nothing.

The use cases live by sub-domain — ``forum`` (forums, their status), ``anggota`` (members, the bulk
import), ``sarana`` (facilities), ``pertemuan`` (meetings), ``keputusan`` (decisions and their
follow-ups), ``aktivitas`` (activities); this package re-exports them, so callers write
``services.forum_buat``.
"""

from ._umum import JENIS_ANTARDESA, TINGKAT_FORUM, sarana_di_wilayah_forum
from .aktivitas import aktivitas_catat, aktivitas_tautkan, aktivitas_validasi
from .anggota import HasilImpor, anggota_impor, anggota_tambah, anggota_ubah, kunci_baris_impor
from .forum import forum_buat, forum_ubah, forum_ubah_status
from .keputusan import keputusan_buat, keputusan_jadikan_tindak_lanjut
from .pertemuan import TAMU_RENTAN, pertemuan_catat, pertemuan_tautkan
from .sarana import sarana_buat, sarana_ubah

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
    "kunci_baris_impor",
    "pertemuan_catat",
    "pertemuan_tautkan",
    "sarana_buat",
    "sarana_di_wilayah_forum",
    "sarana_ubah",
]
