"""Pengorganisasian as records: forums and community centres, their members (with the community
element each represents), the village facilities they use, their meetings (a daily-log entry with
attendance, minutes and decisions) and their activities.

Every row belongs to a region through its forum (``Forum.wilayah``) or directly (``Sarana.wilayah``);
each QuerySet subclasses ``RegionScopedQuerySet`` so ``visible_to(user)`` is the only door — the
status events included.

A forum's status moves along ``PERPINDAHAN_STATUS`` (``Forum.alur``) through
``inti.alur.pindah_status`` only; each move is a ``RiwayatStatusForum``. Every record a form
creates carries its one-time key (``KunciSekaliModel``).

The models live by sub-domain — ``forum`` (forums, elements, status events), ``anggota``,
``sarana``, ``pertemuan`` (meetings, decisions, activities) — and are re-exported here.
"""

from .anggota import Anggota, AnggotaQuerySet, JenisKelamin
from .forum import (
    BUTIR_JENIS_FORUM,
    PERPINDAHAN_STATUS,
    Forum,
    ForumQuerySet,
    JenisForum,
    RiwayatStatusForum,
    RiwayatStatusForumQuerySet,
    StatusForum,
    UnsurMasyarakat,
)
from .pertemuan import (
    BUTIR_JENIS_AKTIVITAS,
    AktivitasForum,
    AktivitasForumQuerySet,
    BidangPengabdian,
    JenisAktivitas,
    Keputusan,
    KeputusanQuerySet,
    Pertemuan,
    PertemuanQuerySet,
)
from .sarana import BUTIR_SARANA, JenisSarana, KondisiSarana, Sarana, SaranaQuerySet

__all__ = [
    "BUTIR_JENIS_AKTIVITAS",
    "BUTIR_JENIS_FORUM",
    "BUTIR_SARANA",
    "PERPINDAHAN_STATUS",
    "AktivitasForum",
    "AktivitasForumQuerySet",
    "Anggota",
    "AnggotaQuerySet",
    "BidangPengabdian",
    "Forum",
    "ForumQuerySet",
    "JenisAktivitas",
    "JenisForum",
    "JenisKelamin",
    "JenisSarana",
    "Keputusan",
    "KeputusanQuerySet",
    "KondisiSarana",
    "Pertemuan",
    "PertemuanQuerySet",
    "RiwayatStatusForum",
    "RiwayatStatusForumQuerySet",
    "Sarana",
    "SaranaQuerySet",
    "StatusForum",
    "UnsurMasyarakat",
]
