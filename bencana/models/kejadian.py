"""The incident (``Kejadian``): its type, its code counter, its status flow and its villages.

* The incident code (the national "KIB" shape) is ``<kabupaten code without dot>-<type code>-
  <local date>-<sequence>``, e.g. ``3301-101-20261130-01``; the sequence comes from a counter row
  (``UrutanKejadian``) locked with ``select_for_update`` — see ``services.kejadian``.
* The status moves only along ``STATUS_BOLEH``, declared as ``Kejadian.alur``; the one move function
  ``pendampingan.inti.alur.pindah_status`` locks the row, checks the map and writes a
  ``PerubahanStatus`` row.
* An incident is visible to whoever sees its first desa *or* any desa added to it later.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.alur import Alur, PeristiwaStatusDasar
from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Pendamping, Wilayah
from pendampingan.scope import RegionScopedQuerySet, q_prefiks


# ------------------------------------------------------------------------ reference list
class KategoriKejadian(models.TextChoices):
    ALAM = "alam", _("Bencana alam")
    NON_ALAM = "non_alam", _("Bencana non-alam")
    SOSIAL = "sosial", _("Bencana sosial")
    KLB = "klb", _("Kejadian luar biasa (KLB)")


class JenisKejadian(models.Model):
    """A type of event: the BNPB codes (101 banjir … 999 lainnya) and the KLB/social/non-natural
    types this product adds (2xx KLB, 3xx sosial, 4xx non-alam). Seeded; edited in admin."""

    kode = models.CharField(_("kode"), max_length=5, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    kategori = models.CharField(_("kategori"), max_length=10, choices=KategoriKejadian.choices)
    sumber = models.CharField(_("sumber kode"), max_length=40, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jenis kejadian")
        verbose_name_plural = _("jenis kejadian")
        ordering = ["urutan", "kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


# --------------------------------------------------------------------------- incident
class StatusKejadian(models.TextChoices):
    DILAPORKAN = "dilaporkan", _("Dilaporkan")
    TANGGAP_DARURAT = "tanggap_darurat", _("Tanggap darurat")
    PEMULIHAN = "pemulihan", _("Pemulihan")
    SELESAI = "selesai", _("Selesai")


# The allowed moves. "selesai → pemulihan" reopens an incident closed too early (a note is required).
STATUS_BOLEH: dict[str, set[str]] = {
    StatusKejadian.DILAPORKAN: {StatusKejadian.TANGGAP_DARURAT, StatusKejadian.SELESAI},
    StatusKejadian.TANGGAP_DARURAT: {StatusKejadian.PEMULIHAN, StatusKejadian.SELESAI},
    StatusKejadian.PEMULIHAN: {StatusKejadian.TANGGAP_DARURAT, StatusKejadian.SELESAI},
    StatusKejadian.SELESAI: {StatusKejadian.PEMULIHAN},
}
STATUS_AKTIF = [
    StatusKejadian.DILAPORKAN,
    StatusKejadian.TANGGAP_DARURAT,
    StatusKejadian.PEMULIHAN,
]


class KejadianQuerySet(RegionScopedQuerySet):
    """Scoped by the first desa (``wilayah``) or any desa added to the incident."""

    def _dengan_prefiks(self, prefiks_list):
        if not prefiks_list:
            return self.none()
        terdampak = DesaTerdampak.objects.filter(q_prefiks("wilayah__kode", prefiks_list))
        return self.filter(
            q_prefiks("wilayah__kode", prefiks_list) | Q(pk__in=terdampak.values("kejadian_id"))
        )

    def aktif(self):
        return self.filter(status__in=STATUS_AKTIF)


class Kejadian(KunciSekaliModel):
    kode = models.CharField(_("kode kejadian"), max_length=40, unique=True, editable=False)
    jenis = models.ForeignKey(
        JenisKejadian, verbose_name=_("jenis"), on_delete=models.PROTECT, related_name="kejadian"
    )
    waktu = models.DateTimeField(_("waktu kejadian"), db_index=True)
    wilayah = models.ForeignKey(
        Wilayah,
        verbose_name=_("desa pertama"),
        on_delete=models.PROTECT,
        related_name="kejadian_bencana",
    )
    lintang = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    bujur = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    ringkasan = models.CharField(_("apa yang terjadi"), max_length=250)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusKejadian.choices,
        default=StatusKejadian.DILAPORKAN,
        db_index=True,
    )
    pelapor = models.ForeignKey(
        Pendamping, verbose_name=_("pelapor"), on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(_("dilaporkan pada"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = KejadianQuerySet.as_manager()
    alur = Alur(peta=STATUS_BOLEH, peristiwa="bencana.PerubahanStatus", fk="kejadian")

    class Meta:
        verbose_name = _("kejadian")
        verbose_name_plural = _("kejadian")
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["status", "waktu"])]
        permissions = [("kirim_laporan", _("Mengirim laporan kejadian ke kementerian"))]

    def __str__(self):
        return f"{self.kode} · {self.jenis.nama}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.pk])

    @property
    def aktif(self) -> bool:
        return self.status in STATUS_AKTIF

    @property
    def kabupaten_kode(self) -> str:
        return self.wilayah_id[:5]


class UrutanKejadian(models.Model):
    """The counter behind the sequence of incident codes: one row per (kabupaten, type, date)."""

    kunci = models.CharField(max_length=30, unique=True)  # "3301-101-20261130"
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("urutan kode kejadian")
        verbose_name_plural = _("urutan kode kejadian")

    def __str__(self):
        return f"{self.kunci}: {self.terakhir}"


class MilikKejadianQuerySet(models.QuerySet):
    """The rows of an incident's records: in scope when their incident is."""

    def visible_to(self, user):
        return self.filter(kejadian__in=Kejadian.objects.visible_to(user))

    def writable_by(self, user):
        return self.filter(kejadian__in=Kejadian.objects.writable_by(user))


class PerubahanStatus(PeristiwaStatusDasar):
    """One status move of an incident (written by ``pindah_status`` only)."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.CASCADE, related_name="perubahan")
    dari = models.CharField(_("dari"), max_length=20, choices=StatusKejadian.choices, blank=True)
    ke = models.CharField(_("ke"), max_length=20, choices=StatusKejadian.choices)

    objects = MilikKejadianQuerySet.as_manager()

    class Meta(PeristiwaStatusDasar.Meta):
        verbose_name = _("perubahan status kejadian")
        verbose_name_plural = _("perubahan status kejadian")

    def __str__(self):
        return f"{self.kejadian_id}: {self.dari} → {self.ke}"

    @property
    def nama_oleh(self) -> str:
        """The mover's facilitator name (select ``oleh__pendamping``), else the account's name."""
        if self.oleh is None:
            return ""
        p = getattr(self.oleh, "pendamping", None)
        return p.nama if p else (self.oleh.get_full_name() or self.oleh.get_username())


class DesaTerdampak(KunciSekaliModel):
    kejadian = models.ForeignKey(Kejadian, on_delete=models.CASCADE, related_name="desa_terdampak")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="+"
    )
    ditambah_oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("ditambahkan"), auto_now_add=True)

    objects = MilikKejadianQuerySet.as_manager()

    class Meta:
        verbose_name = _("desa terdampak")
        verbose_name_plural = _("desa terdampak")
        ordering = ["dibuat", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kejadian", "wilayah"], name="desa_terdampak_unik")
        ]

    def __str__(self):
        return f"{self.kejadian_id} · {self.wilayah_id}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#desa"
