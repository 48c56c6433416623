"""Meetings of a forum (a daily-log entry with place, attendance and minutes), the decisions
taken at them, and the forum's activities."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Kegiatan, TindakLanjut
from pendampingan.scope import RegionScopedQuerySet

from .anggota import Anggota
from .forum import Forum
from .sarana import Sarana


# ------------------------------------------------------------------------------- meetings
class PertemuanQuerySet(RegionScopedQuerySet):
    kode_lookup = "forum__wilayah__kode"


class Pertemuan(KunciSekaliModel):
    """A meeting of a forum: a daily-log entry (tata cara pengorganisasian) with the place, the
    attendance, the minutes and the decisions."""

    kegiatan = models.OneToOneField(
        Kegiatan, on_delete=models.CASCADE, related_name="pertemuan_forum"
    )
    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="pertemuan")
    sarana = models.ForeignKey(
        Sarana,
        verbose_name=_("sarana"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pertemuan",
    )
    tempat_lain = models.CharField(
        _("tempat lain"),
        max_length=150,
        blank=True,
        help_text=_("Isi bila pertemuan tidak di sarana desa yang terdaftar."),
    )
    hadir = models.ManyToManyField(
        Anggota, verbose_name=_("anggota yang hadir"), blank=True, related_name="pertemuan_dihadiri"
    )
    tamu_laki = models.PositiveIntegerField(_("tamu laki-laki"), default=0)
    tamu_perempuan = models.PositiveIntegerField(_("tamu perempuan"), default=0)
    tamu_disabilitas = models.PositiveIntegerField(_("tamu penyandang disabilitas"), default=0)
    tamu_lansia = models.PositiveIntegerField(_("tamu lanjut usia"), default=0)
    tamu_miskin = models.PositiveIntegerField(_("tamu dari keluarga miskin"), default=0)
    notulen = models.TextField(_("notulen"), blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[hadir])

    objects = PertemuanQuerySet.as_manager()

    class Meta:
        verbose_name = _("pertemuan forum")
        verbose_name_plural = _("pertemuan forum")
        ordering = ["-kegiatan__tanggal", "-pk"]

    def __str__(self):
        return f"{self.forum} · {self.kegiatan.tanggal:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("forum:pertemuan-detail", args=[self.pk])

    @property
    def jumlah_tamu(self) -> int:
        return self.tamu_laki + self.tamu_perempuan


class KeputusanQuerySet(RegionScopedQuerySet):
    kode_lookup = "pertemuan__forum__wilayah__kode"


class Keputusan(KunciSekaliModel):
    """A decision taken at a meeting; it may become a follow-up action (``TindakLanjut``)."""

    pertemuan = models.ForeignKey(Pertemuan, on_delete=models.CASCADE, related_name="keputusan")
    isi = models.TextField(_("keputusan"))
    tindak_lanjut = models.OneToOneField(
        TindakLanjut,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="keputusan_forum",
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    history = HistoricalRecords()

    objects = KeputusanQuerySet.as_manager()

    class Meta:
        verbose_name = _("keputusan forum")
        verbose_name_plural = _("keputusan forum")
        ordering = ["pk"]

    def __str__(self):
        return self.isi[:80]

    def get_absolute_url(self):
        return reverse("forum:pertemuan-detail", args=[self.pertemuan_id])


# ----------------------------------------------------------------------------- activities
class JenisAktivitas(models.TextChoices):
    PENGABDIAN = "pengabdian", _("Pengabdian masyarakat")
    KEMITRAAN_UMKM = "kemitraan_umkm", _("Kemitraan dan pemberdayaan UMKM")
    STRATEGIS = "strategis", _("Kegiatan strategis lainnya")


class BidangPengabdian(models.TextChoices):
    AGAMA = "agama", _("Keagamaan")
    ILMU = "ilmu", _("Ilmu pengetahuan")
    TTG = "ttg", _("Teknologi tepat guna")
    SENI = "seni", _("Seni budaya")


# The step each kind of forum activity is (C5–C7).
BUTIR_JENIS_AKTIVITAS = {
    JenisAktivitas.PENGABDIAN: "C5",
    JenisAktivitas.KEMITRAAN_UMKM: "C6",
    JenisAktivitas.STRATEGIS: "C7",
}


class AktivitasForumQuerySet(RegionScopedQuerySet):
    kode_lookup = "forum__wilayah__kode"


class AktivitasForum(KunciSekaliModel):
    """An activity the forum carried out (DOMAIN.md C.5–7), recorded as a daily-log entry."""

    kegiatan = models.OneToOneField(
        Kegiatan, on_delete=models.CASCADE, related_name="aktivitas_forum"
    )
    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="aktivitas")
    jenis = models.CharField(_("jenis aktivitas"), max_length=20, choices=JenisAktivitas.choices)
    bidang = models.CharField(
        _("bidang pengabdian"), max_length=10, choices=BidangPengabdian.choices, blank=True
    )
    umkm = models.TextField(
        _("UMKM yang terlibat"), blank=True, help_text=_("Satu usaha per baris.")
    )
    kesepakatan = models.TextField(_("yang disepakati"), blank=True)
    history = HistoricalRecords()

    objects = AktivitasForumQuerySet.as_manager()

    class Meta:
        verbose_name = _("aktivitas forum")
        verbose_name_plural = _("aktivitas forum")
        ordering = ["-kegiatan__tanggal", "-pk"]

    def __str__(self):
        return f"{self.get_jenis_display()} · {self.forum}"

    def get_absolute_url(self):
        return reverse("forum:forum-detail", args=[self.forum_id])
