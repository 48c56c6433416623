"""Facilitators and their assignments (who works where, in which role, for which period)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..scope import RegionScopedQuerySet, cakupan_pengguna, q_prefiks
from .wilayah import Tingkat, Wilayah, pesan_bukan_desa


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


# The "region level" of a national assignment: no region (``Penugasan.wilayah`` is empty).
NASIONAL = None

# Which (kind, region level) each jabatan may be assigned to. The supervision chain
# PLD → PD → TAPM Kab/Korkab → TA Prov/Korprov → pusat follows from it. The national roles are
# assigned to the whole country (no region), never to one province.
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
    Jabatan.TA_PUSAT: {(JenisPenugasan.SUPERVISI, NASIONAL)},
    Jabatan.KOORDINATOR_NASIONAL: {(JenisPenugasan.SUPERVISI, NASIONAL)},
}


def _label_tingkat(tingkat) -> str:
    return str(_("nasional") if tingkat is NASIONAL else Tingkat(tingkat).label.lower())


def penugasan_galat_wilayah(*, jabatan: str, jenis: str, wilayah: Wilayah | None) -> str | None:
    """Why ``jabatan`` cannot take a ``jenis`` assignment on ``wilayah`` (None: the whole
    country), or None when it can. Field work at village level goes to desa and desa adat only:
    a kelurahan has no PLD."""
    sah = PENUGASAN_SAH.get(jabatan, set())
    tingkat = wilayah.tingkat if wilayah is not None else NASIONAL
    if (jenis, tingkat) not in sah:
        pilihan = ", ".join(
            sorted(f"{JenisPenugasan(j).label} {_('di')} {_label_tingkat(t)}" for j, t in sah)
        )
        if wilayah is None:
            return _("%(jabatan)s harus ditugaskan di sebuah wilayah. Yang sah: %(pilihan)s.") % {
                "jabatan": Jabatan(jabatan).label,
                "pilihan": pilihan,
            }
        return _(
            "%(jabatan)s tidak dapat ditugaskan untuk %(jenis)s di tingkat %(tingkat)s. "
            "Yang sah: %(pilihan)s."
        ) % {
            "jabatan": Jabatan(jabatan).label,
            "jenis": JenisPenugasan(jenis).label.lower(),
            "tingkat": _label_tingkat(tingkat),
            "pilihan": pilihan,
        }
    if wilayah is not None and wilayah.tingkat == Tingkat.DESA and wilayah.adalah_kelurahan:
        return pesan_bukan_desa(wilayah, _("penugasan %(j)s") % {"j": Jabatan(jabatan).label})
    return None


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
    wilayah = models.ForeignKey(
        Wilayah,
        on_delete=models.PROTECT,
        related_name="penugasan",
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk peran nasional (TA Pusat, Koordinator Nasional)."),
    )
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
            # a national assignment supervises; field work always has a region
            models.CheckConstraint(
                condition=Q(wilayah__isnull=False) | Q(jenis="supervisi"),
                name="penugasan_nasional_hanya_supervisi",
                violation_error_message=_("Penugasan nasional hanya untuk supervisi."),
            ),
        ]
        indexes = [models.Index(fields=["mulai", "selesai"])]

    def __str__(self):
        return f"{self.pendamping.nama} · {self.get_jenis_display()} · {self.wilayah_label}"

    @property
    def nasional(self) -> bool:
        return self.wilayah_id is None

    @property
    def wilayah_label(self) -> str:
        return str(self.wilayah) if self.wilayah_id else str(_("Seluruh Indonesia"))

    def aktif_pada(self, tanggal) -> bool:
        return self.mulai <= tanggal and (self.selesai is None or self.selesai >= tanggal)
