"""The core's data: regions, facilitators, their assignments, the daily log and follow-ups.

Every region-owned row carries a foreign key to ``Wilayah`` (primary key: the Kemendagri code) and
a QuerySet built on ``scope.RegionScopedQuerySet`` — ``visible_to(user)`` is the only door to it.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..inti.akses import PERINGKAT_JABATAN
from ..inti.alur import Alur
from ..inti.sekali import KunciSekaliModel
from ..scope import RegionScopedQuerySet
from .pendamping import (  # noqa: E402
    PENUGASAN_SAH,
    Jabatan,
    JenisPenugasan,
    Pendamping,
    Penugasan,
)
from .pilihan import ALUR_KEGIATAN, STATUS_DAPAT_DIUBAH, NilaiPrinsip, StatusKegiatan, TataCara
from .wilayah import (  # noqa: E402
    JENIS_DESA,
    ImporWilayah,
    JenisWilayah,
    Tingkat,
    Wilayah,
    pesan_bukan_desa,
)

# ------------------------------------------------------------------------- the daily log
# TataCara, StatusKegiatan and the allowed moves live in ``pilihan`` (shared with ``kegiatan``).
# Jabatan rank along the supervision chain: one table, in ``inti.akses``.


class KegiatanQuerySet(RegionScopedQuerySet):
    def milik(self, pendamping_id):
        return self.filter(pendamping_id=pendamping_id)


class Kegiatan(KunciSekaliModel, models.Model):
    """One activity in a facilitator's daily log — the hub the other apps link to.

    Status moves follow ``pilihan.ALUR_KEGIATAN`` and each writes a ``KegiatanPeristiwa``
    (``pendampingan.kegiatan.services``); details per tata cara live in ``AsistensiKegiatan`` and
    ``PengarahanKegiatan``; the prinsip checklist in ``PenilaianPrinsip``; evidence in
    ``FotoKegiatan`` and ``DokumenKegiatan``."""

    pendamping = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="kegiatan")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("tempat"), on_delete=models.PROTECT, related_name="kegiatan"
    )
    tanggal = models.DateField(_("tanggal"), db_index=True)
    jam_mulai = models.TimeField(_("jam mulai"))
    jam_selesai = models.TimeField(_("jam selesai"))
    tata_cara = models.CharField(_("tata cara"), max_length=20, choices=TataCara.choices)
    judul = models.CharField(_("judul"), max_length=200)
    uraian = models.TextField(_("uraian kegiatan"), blank=True)
    masalah = models.TextField(_("masalah yang ditemui"), blank=True)
    solusi = models.TextField(_("solusi"), blank=True)
    hasil = models.TextField(_("hasil"), blank=True)
    peserta_laki = models.PositiveIntegerField(_("peserta laki-laki"), default=0)
    peserta_perempuan = models.PositiveIntegerField(_("peserta perempuan"), default=0)
    sdgs = models.ManyToManyField(
        "pendampingan.TujuanSdgs", verbose_name=_("tujuan SDGs Desa"), blank=True
    )
    butir = models.ManyToManyField(
        "pendampingan.Butir",
        verbose_name=_("butir tata cara yang dilayani"),
        through="pendampingan.KegiatanButir",
        blank=True,
        related_name="kegiatan",
    )
    lintang = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    bujur = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    akurasi = models.FloatField(_("akurasi GPS (m)"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=StatusKegiatan.choices,
        default=StatusKegiatan.DRAF,
        db_index=True,
    )
    catatan_pemeriksa = models.TextField(_("catatan pemeriksa"), blank=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        Pendamping,
        verbose_name=_("diverifikasi oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kegiatan_diverifikasi",
    )
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["diubah", "kunci_sekali"])

    objects = KegiatanQuerySet.as_manager()
    alur = Alur(peta=ALUR_KEGIATAN, peristiwa="pendampingan.KegiatanPeristiwa", fk="kegiatan")

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["-tanggal", "-jam_mulai"]
        indexes = [
            models.Index(fields=["pendamping", "tanggal"]),
            models.Index(fields=["wilayah", "tanggal"]),
            models.Index(fields=["status", "tanggal"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(jam_selesai__gt=models.F("jam_mulai")),
                name="kegiatan_selesai_setelah_mulai",
                violation_error_message=_("Jam selesai harus sesudah jam mulai."),
            ),
            models.CheckConstraint(
                condition=Q(lintang__isnull=True) | Q(lintang__gte=-90, lintang__lte=90),
                name="kegiatan_lintang_sah",
            ),
            models.CheckConstraint(
                condition=Q(bujur__isnull=True) | Q(bujur__gte=-180, bujur__lte=180),
                name="kegiatan_bujur_sah",
            ),
        ]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} · {self.judul}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("pendampingan:kegiatan-detail", args=[self.pk])

    @property
    def durasi_menit(self) -> int:
        return (self.jam_selesai.hour * 60 + self.jam_selesai.minute) - (
            self.jam_mulai.hour * 60 + self.jam_mulai.minute
        )

    @property
    def jumlah_peserta(self) -> int:
        return self.peserta_laki + self.peserta_perempuan

    @property
    def boleh_diubah_status(self) -> bool:
        """Draft and returned entries are edited by their owner; submitted and verified are not."""
        return self.status in STATUS_DAPAT_DIUBAH


class StatusTindakLanjut(models.TextChoices):
    TERBUKA = "terbuka", _("Terbuka")
    SELESAI = "selesai", _("Selesai")
    BATAL = "batal", _("Dibatalkan")


class TindakLanjutQuerySet(RegionScopedQuerySet):
    def terbuka(self):
        return self.filter(status=StatusTindakLanjut.TERBUKA)

    def terlambat(self, tanggal=None):
        return self.terbuka().filter(jatuh_tempo__lt=tanggal or timezone.localdate())


class TindakLanjut(KunciSekaliModel, models.Model):
    """A follow-up action: what, who is to do it, by when. Any app may open one (a pengarahan
    commitment, a forum decision, a musyawarah agreement, a mitigation step) and point at its
    source through ``sumber``."""

    wilayah = models.ForeignKey(Wilayah, on_delete=models.PROTECT, related_name="tindak_lanjut")
    pendamping = models.ForeignKey(
        Pendamping,
        verbose_name=_("pendamping pemantau"),
        on_delete=models.PROTECT,
        related_name="tindak_lanjut",
    )
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.SET_NULL, null=True, blank=True, related_name="tindak_lanjut"
    )
    judul = models.CharField(_("tindak lanjut"), max_length=250)
    penanggung_jawab = models.CharField(_("siapa yang melaksanakan"), max_length=150)
    jatuh_tempo = models.DateField(_("jatuh tempo"), db_index=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusTindakLanjut.choices,
        default=StatusTindakLanjut.TERBUKA,
        db_index=True,
    )
    catatan_selesai = models.TextField(_("catatan penyelesaian"), blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    sumber_jenis = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    sumber_id = models.CharField(max_length=64, blank=True)
    sumber = GenericForeignKey("sumber_jenis", "sumber_id")
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["kunci_sekali"])

    objects = TindakLanjutQuerySet.as_manager()

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["jatuh_tempo", "pk"]
        indexes = [models.Index(fields=["sumber_jenis", "sumber_id"])]

    def __str__(self):
        return self.judul

    def get_absolute_url(self):
        """The record it came from when that has a page, else its entry, else the follow-ups."""
        from django.urls import reverse

        sumber = self.sumber if self.sumber_jenis_id else None
        if sumber is not None and hasattr(sumber, "get_absolute_url"):
            return sumber.get_absolute_url()
        if self.kegiatan_id:
            return reverse("pendampingan:kegiatan-detail", args=[self.kegiatan_id])
        return reverse("pendampingan:tindaklanjut-list")

    @property
    def terlambat(self) -> bool:
        return self.status == StatusTindakLanjut.TERBUKA and self.jatuh_tempo < timezone.localdate()


# The daily log's satellites (reference tables, checklist, details per tata cara, evidence, events).
from .batas import HitunganBatas  # noqa: E402
from .butir import Butir, JenisButir, KegiatanButir, Regulasi, SumberTanda, TataCaraBab  # noqa: E402
from .kalender import HariLibur, JenisLibur  # noqa: E402
from .kegiatan import (  # noqa: E402
    AsistensiKegiatan,
    BidangPendampingan,
    DokumenKegiatan,
    FotoKegiatan,
    KegiatanPeristiwa,
    LembagaDesa,
    PengarahanKegiatan,
    PenilaianPrinsip,
    Prinsip,
    PrioritasDanaDesa,
    TujuanSdgs,
)
from .sesi import SesiPengguna  # noqa: E402
from .unduhan import StatusUnduhan, Unduhan  # noqa: E402

__all__ = [
    "ALUR_KEGIATAN",
    "JENIS_DESA",
    "PENUGASAN_SAH",
    "PERINGKAT_JABATAN",
    "STATUS_DAPAT_DIUBAH",
    "AsistensiKegiatan",
    "BidangPendampingan",
    "Butir",
    "DokumenKegiatan",
    "FotoKegiatan",
    "HariLibur",
    "HitunganBatas",
    "ImporWilayah",
    "Jabatan",
    "JenisButir",
    "JenisLibur",
    "JenisPenugasan",
    "JenisWilayah",
    "Kegiatan",
    "KegiatanButir",
    "KegiatanPeristiwa",
    "LembagaDesa",
    "NilaiPrinsip",
    "Pendamping",
    "PengarahanKegiatan",
    "PenilaianPrinsip",
    "Penugasan",
    "Prinsip",
    "PrioritasDanaDesa",
    "Regulasi",
    "SesiPengguna",
    "StatusKegiatan",
    "StatusTindakLanjut",
    "StatusUnduhan",
    "SumberTanda",
    "TataCara",
    "TataCaraBab",
    "Tingkat",
    "TindakLanjut",
    "TujuanSdgs",
    "Unduhan",
    "Wilayah",
    "pesan_bukan_desa",
]
