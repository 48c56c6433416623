"""Choices of the daily log and its workflow.

The status of an entry moves only along ``ALUR_KEGIATAN``::

    draf ──ajukan──▶ diajukan ──verifikasi──▶ diverifikasi (final: no edits)
      ▲                 │  └──kembalikan (note)──▶ dikembalikan ──(edited)──ajukan──▶ diajukan
      └────tarik────────┘

Every move writes a ``KegiatanPeristiwa`` row (who, when, from, to, note); a move to the current
state is a no-op. The owner edits an entry only while it is ``draf`` or ``dikembalikan``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TataCara(models.TextChoices):
    """The tata cara an activity belongs to (prinsip is the checklist every entry carries)."""

    ASISTENSI = "asistensi", _("Asistensi")
    PENGORGANISASIAN = "pengorganisasian", _("Pengorganisasian")
    PENGARAHAN = "pengarahan", _("Pengarahan")
    FASILITASI = "fasilitasi", _("Fasilitasi")
    BENCANA = "bencana", _("KLB dan bencana")


class StatusKegiatan(models.TextChoices):
    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")


ALUR_KEGIATAN: dict[str, frozenset[str]] = {
    StatusKegiatan.DRAF: frozenset({StatusKegiatan.DIAJUKAN}),
    StatusKegiatan.DIAJUKAN: frozenset(
        {StatusKegiatan.DIVERIFIKASI, StatusKegiatan.DIKEMBALIKAN, StatusKegiatan.DRAF}
    ),
    StatusKegiatan.DIKEMBALIKAN: frozenset({StatusKegiatan.DIAJUKAN}),
    StatusKegiatan.DIVERIFIKASI: frozenset(),
}

STATUS_DAPAT_DIUBAH = frozenset({StatusKegiatan.DRAF, StatusKegiatan.DIKEMBALIKAN})


class NilaiPrinsip(models.TextChoices):
    DIJUNJUNG = "dijunjung", _("Dijunjung")
    TIDAK_DIJUNJUNG = "tidak_dijunjung", _("Tidak dijunjung")
    TIDAK_RELEVAN = "tidak_relevan", _("Tidak relevan")


class JenisBidang(models.TextChoices):
    TAHAP = "tahap", _("Tahap pembangunan desa")
    PEMBERDAYAAN = "pemberdayaan", _("Bidang pemberdayaan")


class JenisSasaran(models.TextChoices):
    PERORANGAN = "perorangan", _("Perorangan (warga)")
    LEMBAGA = "lembaga", _("Lembaga desa")


class JenisDokumen(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    XLSX = "xlsx", "XLSX"
    ODT = "odt", "ODT"
