"""Every write of the incident app: one function per use case, keyword-only, validated, atomic.

* ``kejadian`` — the quick report (code, first desa, first chronology entry, version 1 of the
  ministry report), status moves (``pindah_status``), affected villages;
* ``catatan`` — chronology, impact snapshots, evacuations (F1), evidence (``periksa_berkas``,
  private storage);
* ``tanggap`` — coordination, leaders, village decisions, aid, mitigation, the daily-log link.

Permissions: ``pastikan(akses.boleh_…)`` (``PermissionDenied``). Every create takes ``kunci_sekali``
(the form's one-time key); a repeat raises ``SudahTersimpan`` with the first record. The ministry
report's versions are sent by ``bencana.laporan``.
"""

from .catatan import (
    bukti_simpan,
    bukti_tambah,
    dampak_catat,
    kronologi_tambah,
    pengungsian_catat,
)
from .kejadian import (
    desa_terdampak_tambah,
    foto_kunci,
    kejadian_laporkan,
    kejadian_ubah_status,
    kode_kejadian_baru,
)
from .tanggap import (
    bantuan_catat,
    butir_kegiatan,
    kegiatan_ekstensi_simpan,
    kegiatan_tautkan,
    keputusan_catat,
    koordinasi_catat,
    mitigasi_buat,
    tokoh_catat,
)

__all__ = [
    "bantuan_catat",
    "bukti_simpan",
    "bukti_tambah",
    "dampak_catat",
    "desa_terdampak_tambah",
    "foto_kunci",
    "butir_kegiatan",
    "kegiatan_ekstensi_simpan",
    "kegiatan_tautkan",
    "kejadian_laporkan",
    "kejadian_ubah_status",
    "keputusan_catat",
    "kode_kejadian_baru",
    "koordinasi_catat",
    "kronologi_tambah",
    "mitigasi_buat",
    "pengungsian_catat",
    "tokoh_catat",
]
