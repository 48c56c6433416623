"""Every write on complaints: one function per use case, keyword-only, validated, atomic.

* ``penerimaan`` — intake (public form, a facilitator's intake), attachments, the reporter's answer;
* ``penanganan`` — verify, assign, musyawarah, reply, refer, close, reopen;
* ``tenggat`` — the daily SLA pass (beat task);
* ``kegiatan`` — the link from a daily-log entry;
* ``teradu`` — complaints about a facilitator: who they are about, who handles them, moving up;
* ``jejak`` — the audit trail of access to protected data;
* ``dasar`` — the shared pieces: the running deadline and ``pindah``, the complaint's one status
  move through ``inti.alur.pindah_status``.
"""

from .dasar import sla
from .jejak import jejak_catat
from .kegiatan import butir_kegiatan, pengaduan_kegiatan_tautkan, simpan_ekstensi
from .penanganan import (
    penangan_pilihan,
    pengaduan_balas,
    pengaduan_buka_kembali,
    pengaduan_musyawarah_catat,
    pengaduan_rujuk,
    pengaduan_tugaskan,
    pengaduan_tutup,
    pengaduan_verifikasi,
    teradu_pilihan,
)
from .penerimaan import (
    lampiran_periksa,
    pengaduan_dicatat_oleh,
    pengaduan_tanggapi,
    pengaduan_terima,
)
from .tenggat import pengaduan_sla_periksa

__all__ = [
    "jejak_catat",
    "lampiran_periksa",
    "penangan_pilihan",
    "pengaduan_balas",
    "pengaduan_buka_kembali",
    "pengaduan_dicatat_oleh",
    "butir_kegiatan",
    "pengaduan_kegiatan_tautkan",
    "pengaduan_musyawarah_catat",
    "pengaduan_rujuk",
    "pengaduan_sla_periksa",
    "pengaduan_tanggapi",
    "pengaduan_terima",
    "pengaduan_tugaskan",
    "pengaduan_tutup",
    "pengaduan_verifikasi",
    "simpan_ekstensi",
    "sla",
    "teradu_pilihan",
]
