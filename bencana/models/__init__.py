"""KLB dan bencana (tata cara F): an incident (``Kejadian``) and what the facilitators record on it.

* ``kejadian`` — the type list, the incident with its code counter, its status flow
  (``Kejadian.alur`` over ``STATUS_BOLEH``, events in ``PerubahanStatus``) and its villages;
* ``catatan`` — the append-only chronology, impact snapshots (with BNPB severity per facility
  type) and evacuations (F1);
* ``tanggap`` — evidence, coordination, leaders, village decisions, aid, ministry report versions,
  linked daily-log entries.

Every model a form creates carries a one-time key (``KunciSekaliModel``); the incident's child rows
are scoped through their incident (``MilikKejadianQuerySet.visible_to``).
"""

from .catatan import (
    FASILITAS_BERTINGKAT,
    KOLOM_DAMPAK,
    KOLOM_ISIAN,
    KOLOM_PER_TINGKAT,
    NAMA_KOLOM_DAMPAK,
    PESAN_APPEND_ONLY,
    PESAN_DAMPAK_TETAP,
    PESAN_PENGUNGSIAN_TETAP,
    TINGKAT_RUSAK,
    AppendOnlyModel,
    AppendOnlyQuerySet,
    DampakQuerySet,
    Kronologi,
    Pengungsian,
    PengungsianQuerySet,
    PenilaianDampak,
)
from .kejadian import (
    STATUS_AKTIF,
    STATUS_BOLEH,
    DesaTerdampak,
    JenisKejadian,
    KategoriKejadian,
    Kejadian,
    KejadianQuerySet,
    MilikKejadianQuerySet,
    PerubahanStatus,
    StatusKejadian,
    UrutanKejadian,
)
from .tanggap import (
    Bantuan,
    Bukti,
    JenisBukti,
    JenisInstansi,
    KegiatanKejadian,
    Keputusan,
    KeputusanKegiatanDesa,
    Koordinasi,
    LaporanVersi,
    SaluranLaporan,
    TokohTerlibat,
    UnsurTokoh,
    _nama_berkas,
)

__all__ = [
    "FASILITAS_BERTINGKAT",
    "KOLOM_DAMPAK",
    "KOLOM_ISIAN",
    "KOLOM_PER_TINGKAT",
    "NAMA_KOLOM_DAMPAK",
    "PESAN_APPEND_ONLY",
    "PESAN_DAMPAK_TETAP",
    "PESAN_PENGUNGSIAN_TETAP",
    "TINGKAT_RUSAK",
    "STATUS_AKTIF",
    "STATUS_BOLEH",
    "AppendOnlyModel",
    "AppendOnlyQuerySet",
    "Bantuan",
    "Bukti",
    "DampakQuerySet",
    "DesaTerdampak",
    "JenisBukti",
    "JenisInstansi",
    "JenisKejadian",
    "KategoriKejadian",
    "KegiatanKejadian",
    "Kejadian",
    "KejadianQuerySet",
    "Keputusan",
    "KeputusanKegiatanDesa",
    "Koordinasi",
    "Kronologi",
    "LaporanVersi",
    "MilikKejadianQuerySet",
    "PenilaianDampak",
    "Pengungsian",
    "PengungsianQuerySet",
    "PerubahanStatus",
    "SaluranLaporan",
    "StatusKejadian",
    "TokohTerlibat",
    "UnsurTokoh",
    "UrutanKejadian",
    "_nama_berkas",  # referenced by migration 0001
]
