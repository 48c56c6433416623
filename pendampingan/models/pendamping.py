"""Facilitators and their assignments (who works where, in which role, for which period)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..scope import RegionScopedQuerySet, cakupan_pengguna, q_prefiks
from .wilayah import Tingkat, Wilayah


# ------------------------------------------------------------------------ facilitators
class Jabatan(models.TextChoices):
    PLD = "pld", _("Pendamping Lokal Desa (PLD)")
    PD = "pd", _("Pendamping Desa (PD)")
    PENDAMPING_TEKNIS = "pendamping_teknis", _("Pendamping Teknis")
    TAPM_KABUPATEN = "tapm_kabupaten", _("TAPM Kabupaten")
    KOORDINATOR_KABUPATEN = "koordinator_kabupaten", _("Koordinator Kabupaten")
    TA_PROVINSI = "ta_provinsi", _("TA Provinsi")
    KOORDINATOR_PROVINSI = "koordinator_provinsi", _("Koordinator Provinsi")
    TA_PUSAT = "ta_pusat", _("TA Pusat")
    KOORDINATOR_NASIONAL = "koordinator_nasional", _("Koordinator Nasional")


class JenisPenugasan(models.TextChoices):
    LAPANGAN = "lapangan", _("Kerja lapangan")
    SUPERVISI = "supervisi", _("Supervisi")


# Which (kind, region level) each jabatan may be assigned to. The supervision chain
# PLD → PD → TAPM Kab/Korkab → TA Prov/Korprov → pusat follows from it.
PENUGASAN_SAH = {
    Jabatan.PLD: {(JenisPenugasan.LAPANGAN, Tingkat.DESA)},
    Jabatan.PD: {
        (JenisPenugasan.LAPANGAN, Tingkat.KECAMATAN),
        (JenisPenugasan.SUPERVISI, Tingkat.KECAMATAN),
    },
    Jabatan.PENDAMPING_TEKNIS: {(JenisPenugasan.LAPANGAN, Tingkat.KECAMATAN)},
    Jabatan.TAPM_KABUPATEN: {
        (JenisPenugasan.LAPANGAN, Tingkat.KABUPATEN),
        (JenisPenugasan.SUPERVISI, Tingkat.KABUPATEN),
    },
    Jabatan.KOORDINATOR_KABUPATEN: {(JenisPenugasan.SUPERVISI, Tingkat.KABUPATEN)},
    Jabatan.TA_PROVINSI: {
        (JenisPenugasan.LAPANGAN, Tingkat.PROVINSI),
        (JenisPenugasan.SUPERVISI, Tingkat.PROVINSI),
    },
    Jabatan.KOORDINATOR_PROVINSI: {(JenisPenugasan.SUPERVISI, Tingkat.PROVINSI)},
    Jabatan.TA_PUSAT: {(JenisPenugasan.SUPERVISI, Tingkat.PROVINSI)},
    Jabatan.KOORDINATOR_NASIONAL: {(JenisPenugasan.SUPERVISI, Tingkat.PROVINSI)},
}


class PendampingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Facilitators with an assignment (any period) inside the user's visible regions, and the
        user themself."""
        c = cakupan_pengguna(user)
        if c.nasional:
            return self.all()
        if c.kosong:
            return self.filter(user=user) if user.is_authenticated else self.none()
        ids = Penugasan.objects.filter(q_prefiks("wilayah__kode", c.lihat)).values("pendamping_id")
        return self.filter(Q(pk__in=ids) | Q(user=user))


class Pendamping(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pendamping"
    )
    nama = models.CharField(_("nama"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=30, choices=Jabatan.choices)
    nomor_kontrak = models.CharField(_("nomor kontrak"), max_length=60, blank=True)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = PendampingQuerySet.as_manager()

    class Meta:
        verbose_name = _("pendamping")
        verbose_name_plural = _("pendamping")
        ordering = ["nama"]

    def __str__(self):
        return f"{self.nama} — {self.get_jabatan_display()}"


class PenugasanQuerySet(RegionScopedQuerySet):
    def aktif(self, tanggal=None):
        tanggal = tanggal or timezone.localdate()
        return self.filter(mulai__lte=tanggal).filter(
            Q(selesai__isnull=True) | Q(selesai__gte=tanggal)
        )


class Penugasan(models.Model):
    pendamping = models.ForeignKey(Pendamping, on_delete=models.CASCADE, related_name="penugasan")
    wilayah = models.ForeignKey(Wilayah, on_delete=models.PROTECT, related_name="penugasan")
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisPenugasan.choices, default=JenisPenugasan.LAPANGAN
    )
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(
        _("selesai"), null=True, blank=True, help_text=_("Kosongkan jika belum berakhir.")
    )
    catatan = models.CharField(_("catatan"), max_length=200, blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = PenugasanQuerySet.as_manager()

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = _("penugasan")
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="penugasan_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.UniqueConstraint(
                fields=["pendamping", "wilayah", "jenis", "mulai"], name="penugasan_unik_per_mulai"
            ),
        ]
        indexes = [models.Index(fields=["mulai", "selesai"])]

    def __str__(self):
        return f"{self.pendamping.nama} · {self.get_jenis_display()} · {self.wilayah}"

    def aktif_pada(self, tanggal) -> bool:
        return self.mulai <= tanggal and (self.selesai is None or self.selesai >= tanggal)
