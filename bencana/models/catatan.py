"""The incident's append-only records: the chronology (``Kronologi``) and the impact snapshots
(``PenilaianDampak``). A correction is a new row; ``save()`` of an existing row, ``delete()`` and the
QuerySet's ``update()``/``delete()`` refuse (and on the database a trigger refuses an UPDATE)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Pendamping, Wilayah

from .kejadian import Kejadian, MilikKejadianQuerySet

PESAN_APPEND_ONLY = _(
    "Entri kronologi tidak dapat diubah atau dihapus. Tambahkan koreksi: entri baru yang menunjuk "
    "entri yang dikoreksi."
)
PESAN_PENGUNGSIAN_TETAP = _(
    "Catatan pengungsian tidak dapat diubah atau dihapus. Catat koreksi: catatan baru yang "
    "menunjuk catatan yang dikoreksi."
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


# The facilities whose damage BNPB records by severity (F3): each keeps its total column (the
# figure of snapshots taken before severities were recorded) and gains one column per severity.
FASILITAS_BERTINGKAT: list[tuple[str, str]] = [
    ("fasilitas_pendidikan", _("Fasilitas pendidikan")),
    ("fasilitas_kesehatan", _("Fasilitas kesehatan")),
    ("fasilitas_peribadatan", _("Fasilitas peribadatan")),
    ("kantor", _("Kantor")),
    ("fasilitas_umum", _("Fasilitas umum")),
]
TINGKAT_RUSAK: list[tuple[str, str]] = [
    ("rusak_berat", _("rusak berat")),
    ("rusak_sedang", _("rusak sedang")),
    ("rusak_ringan", _("rusak ringan")),
]
# total column → its severity columns; the service sets the total to their sum
KOLOM_PER_TINGKAT: dict[str, list[str]] = {
    f: [f"{f}_{t}" for t, _l in TINGKAT_RUSAK] for f, _l in FASILITAS_BERTINGKAT
}


def _kolom_fasilitas() -> list[tuple[str, str, str]]:
    baris = []
    for f, label in FASILITAS_BERTINGKAT:
        baris.append((f, format_lazy("{} {}", label, _("rusak (jumlah)")), "fasilitas"))
        baris += [
            (f"{f}_{t}", format_lazy("{} {}", label, tl), "fasilitas") for t, tl in TINGKAT_RUSAK
        ]
    return baris


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
    *_kolom_fasilitas(),
    ("jembatan", _("Jembatan"), "fasilitas"),
    ("jalan_m", _("Jalan rusak (meter)"), "fasilitas"),
    ("sawah_ha", _("Sawah rusak (ha)"), "lahan"),
    ("lahan_ha", _("Lahan rusak (ha)"), "lahan"),
]
NAMA_KOLOM_DAMPAK = [k for k, _l, _g in KOLOM_DAMPAK]
# what a person enters: every figure but the facility totals (derived from their severities)
KOLOM_ISIAN = [k for k in KOLOM_DAMPAK if k[0] not in KOLOM_PER_TINGKAT]


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
    fasilitas_pendidikan_rusak_berat = _angka(_("fasilitas pendidikan rusak berat"))
    fasilitas_pendidikan_rusak_sedang = _angka(_("fasilitas pendidikan rusak sedang"))
    fasilitas_pendidikan_rusak_ringan = _angka(_("fasilitas pendidikan rusak ringan"))
    fasilitas_kesehatan = _angka(_("fasilitas kesehatan"))
    fasilitas_kesehatan_rusak_berat = _angka(_("fasilitas kesehatan rusak berat"))
    fasilitas_kesehatan_rusak_sedang = _angka(_("fasilitas kesehatan rusak sedang"))
    fasilitas_kesehatan_rusak_ringan = _angka(_("fasilitas kesehatan rusak ringan"))
    fasilitas_peribadatan = _angka(_("fasilitas peribadatan"))
    fasilitas_peribadatan_rusak_berat = _angka(_("fasilitas peribadatan rusak berat"))
    fasilitas_peribadatan_rusak_sedang = _angka(_("fasilitas peribadatan rusak sedang"))
    fasilitas_peribadatan_rusak_ringan = _angka(_("fasilitas peribadatan rusak ringan"))
    kantor = _angka(_("kantor"))
    kantor_rusak_berat = _angka(_("kantor rusak berat"))
    kantor_rusak_sedang = _angka(_("kantor rusak sedang"))
    kantor_rusak_ringan = _angka(_("kantor rusak ringan"))
    fasilitas_umum = _angka(_("fasilitas umum"))
    fasilitas_umum_rusak_berat = _angka(_("fasilitas umum rusak berat"))
    fasilitas_umum_rusak_sedang = _angka(_("fasilitas umum rusak sedang"))
    fasilitas_umum_rusak_ringan = _angka(_("fasilitas umum rusak ringan"))
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


class PengungsianQuerySet(AppendOnlyQuerySet):
    pesan = PESAN_PENGUNGSIAN_TETAP

    def berlaku(self):
        """The rows no later row corrects (what the totals add up)."""
        return self.filter(koreksi__isnull=True)


class Pengungsian(KunciSekaliModel, AppendOnlyModel):
    """Duty F1: a group of people moved to safety — from which desa, to where, how many, when, and
    who organised the move. Append-only like the chronology: a correction is a new row whose
    ``mengoreksi`` points at the row it replaces (which then no longer counts)."""

    pesan_tetap = PESAN_PENGUNGSIAN_TETAP

    kejadian = models.ForeignKey(Kejadian, on_delete=models.PROTECT, related_name="pengungsian")
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa asal"), on_delete=models.PROTECT, related_name="+"
    )
    lokasi = models.CharField(_("lokasi tujuan (tempat aman)"), max_length=200)
    jumlah_jiwa = models.PositiveIntegerField(_("jumlah orang (jiwa)"))
    waktu = models.DateTimeField(_("waktu dipindahkan"))
    dipindahkan_oleh = models.CharField(_("dipindahkan/diorganisasi oleh"), max_length=200)
    keterangan = models.TextField(_("keterangan"), blank=True)
    mengoreksi = models.ForeignKey(
        "self",
        verbose_name=_("mengoreksi catatan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="koreksi",
    )
    oleh = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(_("dicatat"), default=timezone.now, editable=False)

    objects = PengungsianQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengungsian")
        verbose_name_plural = _("pengungsian")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.jumlah_jiwa} jiwa → {self.lokasi}"

    def get_absolute_url(self):
        return reverse("bencana:kejadian-detail", args=[self.kejadian_id]) + "#pengungsian"
