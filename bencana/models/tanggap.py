"""What the facilitators record about the response to an incident: evidence, coordination,
community leaders, village activities stopped or continued, aid received, the versions of the
ministry report, and the daily-log entries linked to the incident (duty 9)."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.berkas import BerkasPrivatField
from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Kegiatan, Pendamping, Wilayah

from .kejadian import Kejadian, MilikKejadianQuerySet


def _nama_berkas(instance, filename):
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"bencana/bukti/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{ext[:8]}"


class JenisBukti(models.TextChoices):
    FOTO = "foto", _("Foto")
    DOKUMEN = "dokumen", _("Dokumen")


class Bukti(KunciSekaliModel):
    """A photo or document, checked by ``periksa_berkas`` (its bytes decide the type); its SHA-256
    is kept and shown. Stored on the private storage, served only through the scoped view
    ``bencana:bukti-unduh``."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="bukti")
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisBukti.choices)
    berkas = BerkasPrivatField(_("berkas"), upload_to=_nama_berkas)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    tipe_mime = models.CharField(_("tipe"), max_length=100)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("diunggah"), auto_now_add=True)

    objects = MilikKejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("bukti")
        verbose_name_plural = _("bukti")
        ordering = ["dibuat", "pk"]

    def __str__(self):
        return f"{self.nama_asli} ({self.sha256[:12]}…)"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#bukti"


class JenisInstansi(models.TextChoices):
    BPBD = "bpbd", _("BPBD")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("Polri")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    DINAS = "dinas", _("Dinas kabupaten")
    NGO = "ngo", _("LSM/NGO")
    PEMDES = "pemdes", _("Pemerintah desa/kecamatan")
    LAINNYA = "lainnya", _("Lainnya")


class Koordinasi(KunciSekaliModel):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="koordinasi")
    waktu = models.DateTimeField(_("waktu"))
    instansi = models.CharField(_("instansi"), max_length=15, choices=JenisInstansi.choices)
    nama_instansi = models.CharField(_("nama instansi"), max_length=150, blank=True)
    kontak = models.CharField(_("narahubung"), max_length=150)
    permintaan = models.TextField(_("yang diminta"))
    kesepakatan = models.TextField(_("yang disepakati"), blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MilikKejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("koordinasi")
        verbose_name_plural = _("koordinasi")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.get_instansi_display()} · {self.kontak}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#koordinasi"


class UnsurTokoh(models.TextChoices):
    AGAMA = "agama", _("Tokoh agama")
    ADAT = "adat", _("Tokoh adat")
    MASYARAKAT = "masyarakat", _("Tokoh masyarakat")
    PEMUDA = "pemuda", _("Tokoh pemuda")
    PEREMPUAN = "perempuan", _("Tokoh perempuan")
    PENDIDIKAN = "pendidikan", _("Tokoh pendidikan")
    LAINNYA = "lainnya", _("Lainnya")


class TokohTerlibat(KunciSekaliModel):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="tokoh")
    nama = models.CharField(_("nama"), max_length=150)
    unsur = models.CharField(_("unsur"), max_length=15, choices=UnsurTokoh.choices)
    peran = models.CharField(_("peran dalam penanganan"), max_length=250)
    kontak = models.CharField(_("kontak"), max_length=100, blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MilikKejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("tokoh masyarakat terlibat")
        verbose_name_plural = _("tokoh masyarakat terlibat")
        ordering = ["dibuat", "pk"]

    def __str__(self):
        return f"{self.nama} ({self.get_unsur_display()})"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#tokoh"


class Keputusan(models.TextChoices):
    DIHENTIKAN = "dihentikan", _("Dihentikan sementara")
    DILANJUTKAN = "dilanjutkan", _("Dilanjutkan")
    DISESUAIKAN = "disesuaikan", _("Dilanjutkan dengan penyesuaian")


class KeputusanKegiatanDesa(KunciSekaliModel):
    """A village development/empowerment activity at the site: stopped or continued, and why."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="keputusan")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="+"
    )
    kegiatan = models.CharField(_("kegiatan desa"), max_length=200)
    keputusan = models.CharField(_("keputusan"), max_length=15, choices=Keputusan.choices)
    alasan = models.TextField(_("alasan"))
    diputuskan_oleh = models.CharField(_("diputuskan oleh"), max_length=150)
    tanggal = models.DateField(_("tanggal keputusan"))
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MilikKejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("keputusan kegiatan desa")
        verbose_name_plural = _("keputusan kegiatan desa")
        ordering = ["tanggal", "pk"]

    def __str__(self):
        return f"{self.kegiatan}: {self.get_keputusan_display()}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#keputusan"


class Bantuan(KunciSekaliModel):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="bantuan")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa penerima"), on_delete=models.PROTECT, related_name="+"
    )
    tanggal = models.DateField(_("tanggal diterima"))
    dari = models.CharField(_("dari"), max_length=150)
    wujud = models.CharField(_("bantuan berupa"), max_length=250)
    untuk_jiwa = models.PositiveIntegerField(_("untuk berapa jiwa"), null=True, blank=True)
    untuk_kk = models.PositiveIntegerField(_("untuk berapa KK"), null=True, blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MilikKejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("bantuan diterima")
        verbose_name_plural = _("bantuan diterima")
        ordering = ["tanggal", "pk"]

    def __str__(self):
        return f"{self.dari}: {self.wujud}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#bantuan"


class SaluranLaporan(models.TextChoices):
    """How a version reached the ministry (duty F4: "spoken or written")."""

    SISTEM = "sistem", _("Dikirim lewat aplikasi")
    TERTULIS = "tertulis", _("Tertulis di luar aplikasi (surat, pesan)")
    LISAN_TELEPON = "lisan_telepon", _("Lisan lewat telepon")
    LISAN_LANGSUNG = "lisan_langsung", _("Lisan secara langsung")


class LaporanVersi(KunciSekaliModel):
    """One version of the report to the ministry (version 1 = the first report). ``isi`` is the
    payload as the system knew it then. A version sent by the app (``saluran`` = sistem) goes
    through the outbox; one made by phone, in person or by a letter outside the app is recorded
    with who at the ministry took it and when (``penerima_*``, ``waktu_lapor``)."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="laporan")
    nomor = models.PositiveIntegerField(_("versi"))
    pemicu = models.CharField(_("alasan versi"), max_length=250)
    isi = models.JSONField(_("isi laporan"))
    dikirim_oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("dikirim"), default=timezone.now)
    saluran = models.CharField(
        _("saluran"), max_length=15, choices=SaluranLaporan.choices, default=SaluranLaporan.SISTEM
    )
    penerima_nama = models.CharField(_("diterima oleh (nama)"), max_length=150, blank=True)
    penerima_unit = models.CharField(_("unit di kementerian"), max_length=150, blank=True)
    waktu_lapor = models.DateTimeField(_("waktu dilaporkan"), null=True, blank=True)

    objects = MilikKejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("versi laporan kementerian")
        verbose_name_plural = _("versi laporan kementerian")
        ordering = ["nomor"]
        constraints = [
            models.UniqueConstraint(fields=["kejadian", "nomor"], name="laporan_versi_unik"),
            models.CheckConstraint(
                condition=Q(saluran=SaluranLaporan.SISTEM)
                | (~Q(penerima_nama="") & Q(waktu_lapor__isnull=False)),
                name="laporan_luar_aplikasi_ada_penerima",
                violation_error_message=_(
                    "Laporan di luar aplikasi mencatat siapa yang menerimanya dan kapan."
                ),
            ),
        ]

    @property
    def di_luar_aplikasi(self) -> bool:
        return self.saluran != SaluranLaporan.SISTEM

    @property
    def waktu_sampai(self):
        """When the ministry was told: the moment reported for a version outside the app, else
        the moment it was sent."""
        return self.waktu_lapor or self.dibuat

    def __str__(self):
        return f"{self.kejadian_id} v{self.nomor}"

    @property
    def kunci(self) -> str:
        """The outbox idempotency key of this version."""
        return f"bencana:{self.kejadian_id}:v{self.nomor}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#laporan"


class KegiatanKejadian(KunciSekaliModel):
    """A daily-log entry (duty 9: the facilitator's own response work) linked to an incident."""

    kegiatan = models.OneToOneField(
        Kegiatan, on_delete=models.CASCADE, related_name="tautan_bencana"
    )
    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="tautan_kegiatan")
    dibuat = models.DateTimeField(auto_now_add=True)

    objects = MilikKejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("kegiatan tanggap bencana")
        verbose_name_plural = _("kegiatan tanggap bencana")

    def __str__(self):
        return f"{self.kegiatan_id} → {self.kejadian_id}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#kerja"
