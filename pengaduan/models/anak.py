"""The records that belong to one complaint: its timeline (``PeristiwaPengaduan``), musyawarah,
attachments, SLA reminders and the daily-log entries that served it.

Each has ``objects.visible_to(user)`` by the complaint's own rule (``q_terlihat`` through
``pengaduan__``), so a view that reads them by id never sees more than the complaint page shows.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.alur import PeristiwaStatusDasar
from pendampingan.inti.berkas import BerkasPrivatField
from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Pendamping

from .pengaduan import JenisTenggat, Pengaduan, StatusPengaduan, TerlihatQuerySet


class AnakPengaduanQuerySet(TerlihatQuerySet):
    kode_lookup = "pengaduan__wilayah__kode"


class JenisPeristiwa(models.TextChoices):
    DITERIMA = "diterima", _("Pengaduan diterima")
    STATUS = "status", _("Perubahan status")
    PENUGASAN = "penugasan", _("Penugasan")
    MUSYAWARAH = "musyawarah", _("Musyawarah")
    BALASAN = "balasan", _("Balasan")
    KEGIATAN = "kegiatan", _("Kegiatan harian")
    TANGGAPAN = "tanggapan", _("Tanggapan pelapor")


# the kinds written by a status move (and the intake, the first "move" into diterima)
JENIS_GERAK = (JenisPeristiwa.DITERIMA, JenisPeristiwa.STATUS)


class PeristiwaPengaduan(KunciSekaliModel, PeristiwaStatusDasar):
    """One step on a complaint's timeline (who, when, from, to, note); ``publik`` ones appear on the
    status page. Status moves (``jenis`` status) are written by ``inti.alur.pindah_status``; the
    other kinds (an assignment, a musyawarah, a reply, a linked entry, the reporter's answer) keep
    ``dari``/``ke`` empty. A reply and the reporter's answer are created by a form: they carry the
    one-time key."""

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.CASCADE, related_name="peristiwa")
    jenis = models.CharField(_("jenis"), max_length=12, choices=JenisPeristiwa.choices)
    # the base's fields with the status labels (and an empty ``ke`` for events that move nothing)
    dari = models.CharField(_("dari"), max_length=20, choices=StatusPengaduan.choices, blank=True)
    ke = models.CharField(_("ke"), max_length=20, choices=StatusPengaduan.choices, blank=True)
    publik = models.BooleanField(_("tampil di halaman status"), default=False)

    objects = AnakPengaduanQuerySet.as_manager()

    class Meta(PeristiwaStatusDasar.Meta):
        verbose_name = _("peristiwa pengaduan")
        verbose_name_plural = _("peristiwa pengaduan")

    def __str__(self):
        return f"{self.pengaduan.kode} · {self.get_jenis_display()}"


class _GerakManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(jenis__in=JENIS_GERAK)


class PeristiwaStatusPengaduan(PeristiwaPengaduan):
    """The status moves among the timeline's rows: the event model of ``Pengaduan.alur``, so "who
    moved it last" (the message a second, concurrent mover gets) never names the author of a reply
    written in between."""

    objects = _GerakManager()

    class Meta:
        proxy = True
        verbose_name = _("perubahan status pengaduan")
        verbose_name_plural = _("perubahan status pengaduan")


class Musyawarah(KunciSekaliModel):
    """A deliberation that settles (or tries to settle) a complaint."""

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.CASCADE, related_name="musyawarah")
    tanggal = models.DateField(_("tanggal"))
    tempat = models.CharField(_("tempat"), max_length=200)
    pihak_hadir = models.TextField(_("pihak yang hadir"))
    kesepakatan = models.TextField(_("kesepakatan"), blank=True)
    mufakat = models.BooleanField(_("mufakat tercapai"), default=False)
    dicatat_oleh = models.ForeignKey(
        Pendamping, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = HistoricalRecords()

    objects = AnakPengaduanQuerySet.as_manager()

    class Meta:
        verbose_name = _("musyawarah")
        verbose_name_plural = _("musyawarah")
        ordering = ["tanggal", "pk"]

    def __str__(self):
        return f"{self.pengaduan.kode} · {self.tanggal:%d-%m-%Y} · {self.tempat}"


def _path_lampiran(instance, filename):
    return f"pengaduan/{timezone.now():%Y/%m}/{secrets.token_hex(12)}{instance.ekstensi}"


class Lampiran(models.Model):
    """An attachment, checked by ``inti.berkas.periksa_berkas`` (a photo or a document) and kept on
    the private storage. Served only by the scoped view (``respons_berkas``) to users who may see
    the complaint — never to the public, never from a URL of the storage."""

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.CASCADE, related_name="lampiran")
    berkas = BerkasPrivatField(_("berkas"), upload_to=_path_lampiran)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    jenis_mime = models.CharField(_("jenis"), max_length=80)
    ekstensi = models.CharField(max_length=8)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(max_length=64, blank=True)
    dibuat = models.DateTimeField(_("diunggah"), auto_now_add=True)

    objects = AnakPengaduanQuerySet.as_manager()

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")
        ordering = ["pk"]

    def __str__(self):
        return self.nama_asli

    @property
    def adalah_foto(self) -> bool:
        return self.jenis_mime.startswith("image/")


class PengingatSLA(models.Model):
    """A deadline reminder already sent: once per complaint, deadline and stage."""

    class Tahap(models.TextChoices):
        SEBELUM = "sebelum", _("Sebelum tenggat")
        LEWAT = "lewat", _("Lewat tenggat")

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.CASCADE, related_name="pengingat")
    tenggat_jenis = models.CharField(max_length=12, choices=JenisTenggat.choices)
    tenggat = models.DateField()
    tahap = models.CharField(max_length=8, choices=Tahap.choices)
    dikirim = models.DateTimeField(auto_now_add=True)

    objects = AnakPengaduanQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengingat SLA")
        verbose_name_plural = _("pengingat SLA")
        constraints = [
            models.UniqueConstraint(
                fields=["pengaduan", "tenggat_jenis", "tenggat", "tahap"],
                name="pengingat_sla_sekali",
            )
        ]

    def __str__(self):
        return f"{self.pengaduan.kode} · {self.tenggat_jenis} · {self.tahap}"


class KegiatanPengaduan(models.Model):
    """A daily-log entry that served a complaint (linked from the entry form's extension)."""

    pengaduan = models.ForeignKey(
        Pengaduan, on_delete=models.CASCADE, related_name="kegiatan_terkait"
    )
    kegiatan = models.ForeignKey(
        "pendampingan.Kegiatan", on_delete=models.CASCADE, related_name="pengaduan_terkait"
    )
    dibuat = models.DateTimeField(_("ditautkan"), auto_now_add=True)

    objects = AnakPengaduanQuerySet.as_manager()

    class Meta:
        verbose_name = _("kegiatan pengaduan")
        verbose_name_plural = _("kegiatan pengaduan")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["kegiatan"], name="kegiatan_satu_pengaduan")]

    def __str__(self):
        return f"{self.pengaduan.kode} · {self.kegiatan}"


class Teradu(models.Model):
    """A facilitator a complaint is about: the person named at verification, or each facilitator
    holding the accused role (``Pengaduan.teradu_peran``) in the desa on the day it was received
    (resolved at intake: the reporter need not know a name)."""

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.CASCADE, related_name="teradu_baris")
    pendamping = models.ForeignKey(
        Pendamping,
        verbose_name=_("pendamping yang diadukan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    dicatat = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        verbose_name = _("pendamping yang diadukan")
        verbose_name_plural = _("pendamping yang diadukan")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["pengaduan", "pendamping"], name="teradu_sekali")
        ]

    def __str__(self):
        return f"{self.pengaduan.kode} · {self.pendamping}"
