"""Laporan bulanan — the monthly plan, the monthly report facilitators are paid on, its review
flow and month reopenings. (Files built for a user — a report's PDF and XLSX, an area's ZIP — are
rows of the core ``pendampingan.Unduhan``; see ``dokumen.pembuat``.)

Who sees a row (``PemilikAtauPengawasQuerySet.visible_to``) is stricter than the region scope: a
facilitator's plan and report are their own business and their supervisors'. The owner sees their
own rows; a supervisor sees the rows whose region lies inside a region they supervise; national
roles see everything. A colleague in the same desa sees nothing.

The report's flow is a ``TextChoices`` with the map of allowed moves beside it (``LANGKAH_SAH``),
declared as ``LaporanBulanan.alur``; every move goes through ``inti.alur.pindah_status``, which
locks the row and writes a ``PeristiwaLaporan`` in the same transaction. simple-history keeps every
change of the report itself. Rows a form creates (plan rows, reports, reopenings) carry the form's
one-time key (``KunciSekaliModel``).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.alur import Alur, PeristiwaStatusDasar
from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.models import Pendamping, TataCara, Wilayah
from pendampingan.scope import RegionScopedQuerySet, cakupan_pengguna, q_prefiks
from pendampingan.wilayah_kode import prefiks


class PemilikAtauPengawasQuerySet(RegionScopedQuerySet):
    """Rows owned by a facilitator: visible to that facilitator and to whoever supervises the
    row's region (or is national)."""

    pemilik_lookup = "pendamping__user"

    def visible_to(self, user):
        c = cakupan_pengguna(user)
        if c.nasional:
            return self.all()
        if not getattr(user, "is_authenticated", False):
            return self.none()
        q = Q(**{self.pemilik_lookup: user})
        if c.wilayah_supervisi:
            q |= q_prefiks(self.kode_lookup, [prefiks(k) for k in c.wilayah_supervisi])
        return self.filter(q)

    def diawasi_oleh(self, user):
        """Rows the user supervises (not their own)."""
        c = cakupan_pengguna(user)
        if c.nasional:
            return self.exclude(**{self.pemilik_lookup: user})
        if not c.wilayah_supervisi:
            return self.none()
        return self.filter(
            q_prefiks(self.kode_lookup, [prefiks(k) for k in c.wilayah_supervisi])
        ).exclude(**{self.pemilik_lookup: user})


# -------------------------------------------------------------------------------- the plan
class RencanaKerja(KunciSekaliModel):
    """What a facilitator plans for a month in one desa under one tata cara, with targets."""

    pendamping = models.ForeignKey(
        Pendamping, on_delete=models.PROTECT, related_name="rencana_kerja"
    )
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="rencana_kerja"
    )
    bulan = models.DateField(_("bulan"), help_text=_("Tanggal 1 bulan rencana."))
    tata_cara = models.CharField(_("tata cara"), max_length=20, choices=TataCara.choices)
    target_kegiatan = models.PositiveSmallIntegerField(
        _("target jumlah kegiatan"), default=1, help_text=_("Berapa kegiatan yang direncanakan.")
    )
    sasaran = models.CharField(
        _("sasaran / keluaran"),
        max_length=300,
        blank=True,
        help_text=_("Misalnya: RKP Desa 2027 disepakati dalam Musdes."),
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = PemilikAtauPengawasQuerySet.as_manager()

    class Meta:
        verbose_name = _("rencana kerja")
        verbose_name_plural = _("rencana kerja")
        ordering = ["bulan", "wilayah_id", "tata_cara"]
        constraints = [
            models.UniqueConstraint(
                fields=["pendamping", "bulan", "wilayah", "tata_cara"],
                name="rencana_unik_per_desa_tata_cara",
                violation_error_message=_(
                    "Rencana untuk desa dan tata cara ini sudah ada pada bulan tersebut."
                ),
            ),
            models.CheckConstraint(condition=Q(bulan__day=1), name="rencana_bulan_tanggal_satu"),
        ]
        indexes = [models.Index(fields=["pendamping", "bulan"])]

    def __str__(self):
        return f"{self.bulan:%m/%Y} · {self.wilayah.nama} · {self.get_tata_cara_display()}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("bulanan:bulan", kwargs={"bulan": self.bulan})


# ------------------------------------------------------------------------------ the report
class StatusLaporan(models.TextChoices):
    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DISETUJUI = "disetujui", _("Disetujui")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")


# The allowed moves of a report. ``disetujui → dikembalikan`` is the supervisor reopening a month.
LANGKAH_SAH: dict[str, set[str]] = {
    StatusLaporan.DRAF: {StatusLaporan.DIAJUKAN},
    StatusLaporan.DIAJUKAN: {StatusLaporan.DISETUJUI, StatusLaporan.DIKEMBALIKAN},
    StatusLaporan.DIKEMBALIKAN: {StatusLaporan.DIAJUKAN},
    StatusLaporan.DISETUJUI: {StatusLaporan.DIKEMBALIKAN},
}

STATUS_DAPAT_DIUBAH = {StatusLaporan.DRAF, StatusLaporan.DIKEMBALIKAN}


class Rekomendasi(models.TextChoices):
    BAYAR = "bayar", _("Bayar")
    TAHAN = "tahan", _("Tahan")


class LaporanBulanan(KunciSekaliModel):
    """A facilitator's monthly report, drafted from the month's daily-log entries.

    ``wilayah`` is the narrowest region that holds every field assignment of the facilitator in
    that month (a PLD's desa, or their kecamatan when the desa span one); supervisors above it see
    the report. The figures (hours sheet, counts, plan against realisation, problems, SDGs,
    follow-ups) are a snapshot in ``data`` taken each time the report is (re)generated; submitting
    regenerates it, so what is approved is what was submitted."""

    pendamping = models.ForeignKey(
        Pendamping, on_delete=models.PROTECT, related_name="laporan_bulanan"
    )
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+"
    )
    bulan = models.DateField(_("bulan"))
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=StatusLaporan.choices,
        default=StatusLaporan.DRAF,
        db_index=True,
    )
    hari_kerja = models.PositiveSmallIntegerField(_("hari kerja"), default=0)
    menit_kerja = models.PositiveIntegerField(_("menit kerja"), default=0)
    jumlah_kegiatan = models.PositiveIntegerField(_("jumlah kegiatan"), default=0)
    jumlah_terverifikasi = models.PositiveIntegerField(_("kegiatan terverifikasi"), default=0)
    data = models.JSONField(_("ringkasan"), default=dict, blank=True)
    disusun_pada = models.DateTimeField(_("disusun pada"), null=True, blank=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    terlambat = models.BooleanField(_("diajukan setelah tenggat"), default=False)
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    catatan_pengawas = models.TextField(_("catatan pengawas"), blank=True)
    rekomendasi = models.CharField(
        _("rekomendasi pembayaran"), max_length=10, choices=Rekomendasi.choices, blank=True
    )
    alasan_rekomendasi = models.CharField(_("alasan rekomendasi"), max_length=300, blank=True)
    direkomendasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("direkomendasikan oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    direkomendasi_pada = models.DateTimeField(_("direkomendasikan pada"), null=True, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = PemilikAtauPengawasQuerySet.as_manager()
    alur = Alur(peta=LANGKAH_SAH, peristiwa="bulanan.PeristiwaLaporan", fk="laporan")

    class Meta:
        verbose_name = _("laporan bulanan")
        verbose_name_plural = _("laporan bulanan")
        ordering = ["-bulan", "pendamping__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pendamping", "bulan"],
                name="laporan_satu_per_bulan",
                violation_error_message=_("Laporan untuk bulan ini sudah ada."),
            ),
            models.CheckConstraint(condition=Q(bulan__day=1), name="laporan_bulan_tanggal_satu"),
        ]
        permissions = [
            ("setujui_laporanbulanan", _("Menyetujui atau mengembalikan laporan bulanan")),
            ("buka_bulan", _("Membuka kembali bulan yang terkunci")),
            ("lihat_rekap", _("Melihat dan mengunduh rekap bulanan")),
        ]

    def __str__(self):
        return f"{self.pendamping.nama} · {self.bulan:%m/%Y}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("bulanan:laporan-detail", args=[self.pk])

    @property
    def dapat_diubah(self) -> bool:
        return self.status in STATUS_DAPAT_DIUBAH

    @property
    def jam_kerja(self) -> float:
        return round(self.menit_kerja / 60, 2)

    @property
    def persen_terverifikasi(self) -> int:
        return (
            round(100 * self.jumlah_terverifikasi / self.jumlah_kegiatan)
            if self.jumlah_kegiatan
            else 0
        )


class JenisNarasi(models.TextChoices):
    TATA_CARA = "tata_cara", _("Per tata cara")
    DESA = "desa", _("Per desa")


class NarasiLaporan(models.Model):
    """One narrative section of a report: per tata cara or per desa. ``draf`` is what the system
    drafted from the entries; ``teks`` is what the report says. Once the facilitator edits
    ``teks`` (``disunting``), regenerating refreshes ``draf`` only, unless they ask to redraft."""

    laporan = models.ForeignKey(LaporanBulanan, on_delete=models.CASCADE, related_name="narasi")
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisNarasi.choices)
    kunci = models.CharField(_("kunci"), max_length=20)  # the tata cara value or the desa code
    judul = models.CharField(_("judul"), max_length=200)
    urutan = models.PositiveSmallIntegerField(default=0)
    draf = models.TextField(_("draf sistem"), blank=True)
    teks = models.TextField(_("narasi"), blank=True)
    disunting = models.BooleanField(_("disunting pendamping"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("narasi laporan")
        verbose_name_plural = _("narasi laporan")
        ordering = ["jenis", "urutan", "kunci"]
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "jenis", "kunci"], name="narasi_unik_per_bagian"
            )
        ]

    def __str__(self):
        return self.judul

    def get_absolute_url(self):
        return self.laporan.get_absolute_url()


class PeristiwaLaporan(PeristiwaStatusDasar):
    """One move of a report's flow (or a reopening): who, when, from, to, note — written by
    ``pindah_status`` only."""

    laporan = models.ForeignKey(LaporanBulanan, on_delete=models.CASCADE, related_name="peristiwa")
    # the base's fields, with the report's states as choices (for the history's labels)
    dari = models.CharField(_("dari"), max_length=20, choices=StatusLaporan.choices, blank=True)
    ke = models.CharField(_("ke"), max_length=20, choices=StatusLaporan.choices)

    class Meta(PeristiwaStatusDasar.Meta):
        verbose_name = _("peristiwa laporan")
        verbose_name_plural = _("peristiwa laporan")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return f"{self.laporan} {self.dari}→{self.ke}"


class PembukaanBulanQuerySet(PemilikAtauPengawasQuerySet):
    def berlaku(self, tanggal: datetime.date):
        return self.filter(sampai__gte=tanggal)


class PembukaanBulan(KunciSekaliModel):
    """A supervisor reopened a locked month for one facilitator until ``sampai`` (recorded)."""

    pendamping = models.ForeignKey(Pendamping, on_delete=models.PROTECT, related_name="+")
    wilayah = models.ForeignKey(Wilayah, on_delete=models.PROTECT, related_name="+")
    bulan = models.DateField(_("bulan"))
    sampai = models.DateField(_("dibuka sampai"))
    alasan = models.TextField(_("alasan"))
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("oleh")
    )
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)

    objects = PembukaanBulanQuerySet.as_manager()

    class Meta:
        verbose_name = _("pembukaan bulan")
        verbose_name_plural = _("pembukaan bulan")
        ordering = ["-waktu"]
        indexes = [models.Index(fields=["pendamping", "bulan"])]

    def __str__(self):
        return f"{self.pendamping.nama} · {self.bulan:%m/%Y} s.d. {self.sampai:%d-%m-%Y}"
