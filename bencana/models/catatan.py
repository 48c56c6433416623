"""The incident's append-only records: the chronology (``Kronologi``) and the impact snapshots
(``PenilaianDampak``). A correction is a new row; ``save()`` of an existing row, ``delete()`` and the
QuerySet's ``update()``/``delete()`` refuse (and on the database a trigger refuses an UPDATE)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Pendamping, Wilayah

from .kejadian import Kejadian, MilikKejadianQuerySet

PESAN_APPEND_ONLY = _(
    "Entri kronologi tidak dapat diubah atau dihapus. Tambahkan koreksi: entri baru yang menunjuk "
    "entri yang dikoreksi."
)
PESAN_DAMPAK_TETAP = _(
    "Penilaian dampak adalah potret pada satu waktu dan tidak dapat diubah atau dihapus. "
    "Catat penilaian baru dengan angka yang benar."
)


class AppendOnlyQuerySet(MilikKejadianQuerySet):
    pesan = PESAN_APPEND_ONLY

    def update(self, **kwargs):
        raise ValidationError(self.pesan)

    def delete(self):
        raise ValidationError(self.pesan)


class AppendOnlyModel(models.Model):
    pesan_tetap = PESAN_APPEND_ONLY

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(self.pesan_tetap)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(self.pesan_tetap)


class Kronologi(KunciSekaliModel, AppendOnlyModel):
    """A timestamped entry of the chronology. Never edited: a correction is a new entry whose
    ``mengoreksi`` points at the entry it corrects."""

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="kronologi")
    waktu = models.DateTimeField(_("waktu"))
    isi = models.TextField(_("apa yang terjadi / dilakukan"))
    mengoreksi = models.ForeignKey(
        "self",
        verbose_name=_("mengoreksi entri"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="koreksi",
    )
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("dicatat"), default=timezone.now, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("entri kronologi")
        verbose_name_plural = _("kronologi")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.isi[:60]}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#kronologi"


class DampakQuerySet(AppendOnlyQuerySet):
    pesan = PESAN_DAMPAK_TETAP

    def terkini(self):
        """Each (incident, desa)'s latest snapshot: no later one exists (ties broken by id)."""
        lebih_baru = PenilaianDampak.objects.filter(
            kejadian_id=models.OuterRef("kejadian_id"), wilayah_id=models.OuterRef("wilayah_id")
        ).filter(
            Q(waktu__gt=models.OuterRef("waktu"))
            | Q(waktu=models.OuterRef("waktu"), pk__gt=models.OuterRef("pk"))
        )
        return self.filter(~models.Exists(lebih_baru))


# The national vocabulary of impact figures (BNPB DIBI), in display order with labels and groups.
KOLOM_DAMPAK: list[tuple[str, str, str]] = [
    ("meninggal", _("Meninggal"), "korban"),
    ("hilang", _("Hilang"), "korban"),
    ("luka_berat", _("Luka berat"), "korban"),
    ("luka_ringan", _("Luka ringan"), "korban"),
    ("mengungsi", _("Mengungsi (jiwa)"), "korban"),
    ("terdampak_jiwa", _("Terdampak (jiwa)"), "korban"),
    ("terdampak_kk", _("Terdampak (KK)"), "korban"),
    ("rumah_rusak_berat", _("Rumah rusak berat"), "rumah"),
    ("rumah_rusak_sedang", _("Rumah rusak sedang"), "rumah"),
    ("rumah_rusak_ringan", _("Rumah rusak ringan"), "rumah"),
    ("rumah_terendam", _("Rumah terendam"), "rumah"),
    ("fasilitas_pendidikan", _("Fasilitas pendidikan"), "fasilitas"),
    ("fasilitas_kesehatan", _("Fasilitas kesehatan"), "fasilitas"),
    ("fasilitas_peribadatan", _("Fasilitas peribadatan"), "fasilitas"),
    ("kantor", _("Kantor"), "fasilitas"),
    ("fasilitas_umum", _("Fasilitas umum"), "fasilitas"),
    ("jembatan", _("Jembatan"), "fasilitas"),
    ("jalan_m", _("Jalan rusak (meter)"), "fasilitas"),
    ("sawah_ha", _("Sawah rusak (ha)"), "lahan"),
    ("lahan_ha", _("Lahan rusak (ha)"), "lahan"),
]
NAMA_KOLOM_DAMPAK = [k for k, _l, _g in KOLOM_DAMPAK]


def _angka(label):
    return models.PositiveIntegerField(label, default=0)


class PenilaianDampak(KunciSekaliModel, AppendOnlyModel):
    """A rapid impact assessment of one desa at one time (a dated snapshot). The incident's totals
    add up each desa's latest snapshot."""

    pesan_tetap = PESAN_DAMPAK_TETAP

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="dampak")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="+"
    )
    waktu = models.DateTimeField(_("keadaan per"))
    meninggal = _angka(_("meninggal"))
    hilang = _angka(_("hilang"))
    luka_berat = _angka(_("luka berat"))
    luka_ringan = _angka(_("luka ringan"))
    mengungsi = _angka(_("mengungsi (jiwa)"))
    terdampak_jiwa = _angka(_("terdampak (jiwa)"))
    terdampak_kk = _angka(_("terdampak (KK)"))
    rumah_rusak_berat = _angka(_("rumah rusak berat"))
    rumah_rusak_sedang = _angka(_("rumah rusak sedang"))
    rumah_rusak_ringan = _angka(_("rumah rusak ringan"))
    rumah_terendam = _angka(_("rumah terendam"))
    fasilitas_pendidikan = _angka(_("fasilitas pendidikan"))
    fasilitas_kesehatan = _angka(_("fasilitas kesehatan"))
    fasilitas_peribadatan = _angka(_("fasilitas peribadatan"))
    kantor = _angka(_("kantor"))
    fasilitas_umum = _angka(_("fasilitas umum"))
    jembatan = _angka(_("jembatan"))
    jalan_m = _angka(_("jalan rusak (meter)"))
    sawah_ha = models.DecimalField(
        _("sawah rusak (ha)"), max_digits=10, decimal_places=2, default=0
    )
    lahan_ha = models.DecimalField(
        _("lahan rusak (ha)"), max_digits=10, decimal_places=2, default=0
    )
    sumber = models.CharField(_("sumber data"), max_length=150, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("dicatat"), default=timezone.now, editable=False)

    objects = DampakQuerySet.as_manager()

    class Meta:
        verbose_name = _("penilaian dampak")
        verbose_name_plural = _("penilaian dampak")
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["kejadian", "wilayah", "waktu"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(sawah_ha__gte=0) & Q(lahan_ha__gte=0),
                name="dampak_luas_tidak_negatif",
                violation_error_message=_("Luas sawah/lahan tidak boleh kurang dari nol."),
            )
        ]

    def __str__(self):
        return f"{self.kejadian_id} · {self.wilayah_id} · {self.waktu:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#dampak"
