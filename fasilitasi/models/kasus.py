"""A facilitation case and its workflow.

When a case is opened, the template's stages are copied into the case (``TahapFasilitasi`` rows,
with their due-date rules and expected documents), so a template edited later in admin never
rewrites a running case. Every move — opened, forward, back (with a reason), a status change, a note
from an entry — is an event row (``PeristiwaFasilitasi``, built on the platform's
``PeristiwaStatusDasar``) written in the same transaction as the change; the case itself keeps its
field history (django-simple-history).

Status moves (``PERPINDAHAN_STATUS``, the case's ``alur``): berjalan → ditunda | dibatalkan |
selesai; ditunda → berjalan | dibatalkan. Every one goes through ``inti.alur.pindah_status``.
``selesai`` is reached only by moving forward from the last stage; a finished or cancelled case
cannot move. Stage moves (forward, back) are not status moves: they lock the case row
(``inti.alur.kunci_baris``) and check the stage the user saw.

Case documents are evidence files: checked by ``inti.berkas.periksa_berkas`` and stored on the
private storage (``BerkasPrivatField``), served only through the scoped view.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.alur import Alur, PeristiwaStatusDasar
from pendampingan.inti.berkas import BerkasPrivatField
from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.kalender import q_menurut_tanggal_setempat, tanggal_setempat
from pendampingan.models import Kegiatan, Pendamping, Wilayah
from pendampingan.scope import RegionScopedQuerySet

from ..tenggat import JenisTenggat, uraian_tenggat
from .referensi import ButirFasilitasi, DasarTahap, TahapTemplat, TemplatAlur


class StatusFasilitasi(models.TextChoices):
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")
    DITUNDA = "ditunda", _("Ditunda")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")


PERPINDAHAN_STATUS = {
    StatusFasilitasi.BERJALAN: {
        StatusFasilitasi.DITUNDA,
        StatusFasilitasi.DIBATALKAN,
        StatusFasilitasi.SELESAI,
    },
    StatusFasilitasi.DITUNDA: {StatusFasilitasi.BERJALAN, StatusFasilitasi.DIBATALKAN},
    StatusFasilitasi.SELESAI: set(),
    StatusFasilitasi.DIBATALKAN: set(),
}
STATUS_TERBUKA = (StatusFasilitasi.BERJALAN, StatusFasilitasi.DITUNDA)


def q_terlambat(tanggal=None, *, waktu=None) -> Q:
    """Running and past the due date: before ``tanggal``, or else before the date in the desa's
    own zone at ``waktu`` (default now)."""
    if tanggal is not None:
        return Q(status=StatusFasilitasi.BERJALAN, jatuh_tempo__lt=tanggal)
    return Q(status=StatusFasilitasi.BERJALAN) & q_menurut_tanggal_setempat(
        lambda d: Q(jatuh_tempo__lt=d), waktu=waktu
    )


class FasilitasiQuerySet(RegionScopedQuerySet):
    def terbuka(self):
        return self.filter(status__in=STATUS_TERBUKA)

    def terlambat(self, tanggal=None):
        """Running and past its due date: before ``tanggal``, or else before today in each
        case's desa's own zone."""
        return self.filter(q_terlambat(tanggal))


class Fasilitasi(KunciSekaliModel):
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="fasilitasi"
    )
    butir = models.ForeignKey(
        ButirFasilitasi,
        verbose_name=_("butir fasilitasi"),
        on_delete=models.PROTECT,
        related_name="kasus",
    )
    templat = models.ForeignKey(
        TemplatAlur, verbose_name=_("templat alur"), on_delete=models.PROTECT, related_name="kasus"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    judul = models.CharField(_("judul"), max_length=200)
    penanggung_jawab = models.ForeignKey(
        Pendamping,
        verbose_name=_("pendamping penanggung jawab"),
        on_delete=models.PROTECT,
        related_name="kasus_fasilitasi",
    )
    tahap_kini = models.ForeignKey(
        "TahapFasilitasi",
        verbose_name=_("tahap saat ini"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusFasilitasi.choices,
        default=StatusFasilitasi.BERJALAN,
        db_index=True,
    )
    jatuh_tempo = models.DateField(_("jatuh tempo tahap"), null=True, blank=True, db_index=True)
    bumdes = models.ForeignKey(
        "BumDesa",
        verbose_name=_("BUM Desa"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kasus",
    )
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    dibuat = models.DateTimeField(_("dibuka"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    history = HistoricalRecords()

    objects = FasilitasiQuerySet.as_manager()
    alur = Alur(peta=PERPINDAHAN_STATUS, peristiwa="fasilitasi.PeristiwaFasilitasi", fk="kasus")

    class Meta:
        verbose_name = _("kasus fasilitasi")
        verbose_name_plural = _("kasus fasilitasi")
        ordering = ["jatuh_tempo", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["wilayah", "templat", "tahun"],
                condition=~Q(status="dibatalkan"),
                name="fasilitasi_satu_per_desa_templat_tahun",
                violation_error_message=_(
                    "Desa ini sudah punya kasus dengan templat dan tahun yang sama."
                ),
            )
        ]
        indexes = [
            models.Index(fields=["templat", "tahun", "status"]),
            models.Index(fields=["penanggung_jawab", "status"]),
        ]

    def __str__(self):
        return f"{self.judul} — {self.wilayah.nama}"

    def get_absolute_url(self):
        return reverse("fasilitasi:kasus-detail", args=[self.pk])

    @property
    def terbuka(self) -> bool:
        return self.status in STATUS_TERBUKA

    @property
    def terlambat(self) -> bool:
        return (
            self.status == StatusFasilitasi.BERJALAN
            and self.jatuh_tempo is not None
            and self.jatuh_tempo < tanggal_setempat(timezone.now(), self.wilayah_id)
        )


class TahapFasilitasiQuerySet(RegionScopedQuerySet):
    kode_lookup = "kasus__wilayah__kode"


class TahapFasilitasi(models.Model):
    """A stage of one case: a copy of the template's stage taken when the case was opened."""

    kasus = models.ForeignKey(Fasilitasi, on_delete=models.CASCADE, related_name="tahap")
    tahap_templat = models.ForeignKey(
        TahapTemplat, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    nama = models.CharField(_("nama tahap"), max_length=200)
    keterangan = models.TextField(_("keterangan"), blank=True)
    jenis_tenggat = models.CharField(
        _("aturan tenggat"), max_length=15, choices=JenisTenggat.choices, blank=True, default=""
    )
    tenggat_bulan = models.PositiveSmallIntegerField(null=True, blank=True)
    tenggat_hari = models.PositiveSmallIntegerField(null=True, blank=True)
    tenggat_geser_tahun = models.SmallIntegerField(default=0)
    tenggat_jumlah_hari = models.PositiveSmallIntegerField(null=True, blank=True)
    tonggak = models.BooleanField(default=False)
    dasar = models.CharField(max_length=10, choices=DasarTahap.choices, default=DasarTahap.BAWAAN)
    sumber = models.CharField(max_length=250, blank=True)
    # [{"nama": "...", "wajib": true}, ...] as the template listed them when the case was opened
    dokumen = models.JSONField(_("dokumen yang diharapkan"), default=list, blank=True)
    mulai = models.DateField(_("mulai"), null=True, blank=True)
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    jatuh_tempo = models.DateField(_("jatuh tempo"), null=True, blank=True)

    objects = TahapFasilitasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("tahap kasus")
        verbose_name_plural = _("tahap kasus")
        ordering = ["kasus", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["kasus", "urutan"], name="tahap_kasus_urutan_unik")
        ]

    def __str__(self):
        return f"{self.urutan}. {self.nama}"

    @property
    def dokumen_wajib(self) -> list[str]:
        return [d["nama"] for d in self.dokumen if d.get("wajib")]

    @property
    def uraian_tenggat(self) -> str:
        return uraian_tenggat(
            jenis=self.jenis_tenggat,
            bulan=self.tenggat_bulan,
            hari=self.tenggat_hari,
            geser_tahun=self.tenggat_geser_tahun,
            jumlah_hari=self.tenggat_jumlah_hari,
        )


class DokumenFasilitasiQuerySet(RegionScopedQuerySet):
    kode_lookup = "kasus__wilayah__kode"


def _lokasi_dokumen(instance, filename):
    return f"fasilitasi/{instance.kasus_id}/{instance.sha256[:16]}{instance.ekstensi}"


class DokumenFasilitasi(KunciSekaliModel):
    """A document attached to a stage of a case; checked by its content when uploaded
    (``periksa_berkas``), kept on the private storage."""

    kasus = models.ForeignKey(Fasilitasi, on_delete=models.CASCADE, related_name="dokumen")
    tahap = models.ForeignKey(TahapFasilitasi, on_delete=models.CASCADE, related_name="berkas")
    nama = models.CharField(_("jenis dokumen"), max_length=200)
    berkas = BerkasPrivatField(_("berkas"), upload_to=_lokasi_dokumen, max_length=255)
    nama_asli = models.CharField(_("nama berkas"), max_length=255)
    jenis_mime = models.CharField(max_length=100)
    ekstensi = models.CharField(max_length=10)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(max_length=64, db_index=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    diunggah = models.DateTimeField(_("diunggah"), default=timezone.now)

    objects = DokumenFasilitasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokumen kasus")
        verbose_name_plural = _("dokumen kasus")
        ordering = ["tahap__urutan", "diunggah"]

    def __str__(self):
        return f"{self.nama} ({self.nama_asli})"

    def get_absolute_url(self):
        return reverse("fasilitasi:kasus-detail", args=[self.kasus_id])

    @property
    def adalah_foto(self) -> bool:
        return self.jenis_mime.startswith("image/")


class JenisPeristiwa(models.TextChoices):
    DIBUKA = "dibuka", _("Kasus dibuka")
    MAJU = "maju", _("Maju ke tahap berikutnya")
    MUNDUR = "mundur", _("Kembali ke tahap sebelumnya")
    STATUS = "status", _("Status diubah")
    CATATAN = "catatan", _("Catatan kegiatan")


class PeristiwaFasilitasiQuerySet(RegionScopedQuerySet):
    kode_lookup = "kasus__wilayah__kode"


class PeristiwaFasilitasi(PeristiwaStatusDasar):
    """One recorded move of a case: who (``oleh``), when, from where to where, why, with which
    entry and documents. Append-only. ``dari``/``ke`` are the case status before and after (blank
    for a stage move that leaves the status as it is); ``dari_tahap``/``ke_tahap`` the stages."""

    kasus = models.ForeignKey(Fasilitasi, on_delete=models.CASCADE, related_name="peristiwa")
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisPeristiwa.choices)
    dari_tahap = models.ForeignKey(
        TahapFasilitasi, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    ke_tahap = models.ForeignKey(
        TahapFasilitasi, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tanggal = models.DateField(_("tanggal berlaku"))
    kegiatan = models.ForeignKey(
        Kegiatan,
        verbose_name=_("kegiatan harian"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="peristiwa_fasilitasi",
    )
    dokumen = models.ManyToManyField(DokumenFasilitasi, blank=True, related_name="peristiwa")

    objects = PeristiwaFasilitasiQuerySet.as_manager()

    class Meta(PeristiwaStatusDasar.Meta):
        verbose_name = _("peristiwa kasus")
        verbose_name_plural = _("peristiwa kasus")

    def __str__(self):
        return f"{self.get_jenis_display()} · {self.waktu:%d-%m-%Y}"

    @property
    def label_dari(self) -> str:
        return _label_status(self.dari)

    @property
    def label_ke(self) -> str:
        return _label_status(self.ke)


def _label_status(nilai: str) -> str:
    return str(StatusFasilitasi(nilai).label) if nilai in StatusFasilitasi.values else nilai
