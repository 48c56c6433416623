"""The complaint itself (``Pengaduan``), its categories, statuses and tracking code.

The workflow, declared once as ``Pengaduan.alur`` (``inti.alur``): diterima → diverifikasi (or
ditolak / bukan_wewenang) → ditangani → selesai or dirujuk → ditutup. ``inti.alur.pindah_status`` is
the only code that moves a status: it locks the row, checks the move against this map and writes a
``PeristiwaPengaduan`` in the same transaction; the record itself keeps its history with
django-simple-history.

Two separate protections, both enforced here and in the selectors:

* **anonim** — the reporter's identity is hidden from everyone except the supervisors of the
  complaint's region (the handler's supervisor chain), national roles and the facilitator who typed
  it in (they heard it first-hand). Default on.
* **rahasia** — the complaint is never public: the status page shows only its status and dates, the
  desa timeline leaves it out.

Complaints about the facilitation (a category with ``tentang_pendamping``) are visible only through a
supervision assignment (never to field facilitators) and never to the facilitator complained about.
A complaint about a facilitator *by role* (``teradu_peran``: the PLD, the PD or the TAPM of the
desa — the people holding that role there on the day are its ``teradu``) is, beyond that, visible
only to supervisors *above* that role (a PD complained about: TAPM kabupaten and up) and to its
handler, who is the nearest supervisor above the accused. ``q_terlihat`` is that rule, written once
for the complaint and for its child records; ``terlihat`` is the same rule for one loaded complaint.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pendampingan.inti.akses import mengawasi, peringkat
from pendampingan.inti.alur import Alur
from pendampingan.inti.sekali import KunciSekaliModel
from pendampingan.kalender import q_menurut_tanggal_setempat, tanggal_setempat
from pendampingan.models import Pendamping, Wilayah
from pendampingan.scope import RegionScopedQuerySet, cakupan_pengguna, q_prefiks
from pendampingan.wilayah_kode import prefiks

# An alphabet without 0/O, 1/I/L and U/V look-alikes: easy to read out over the phone.
ALFABET_KODE = "23456789ABCDEFGHJKMNPQRSTWXYZ"
PANJANG_KODE = 8  # 29^8 ≈ 5·10^11 codes


def kode_pelacakan_baru() -> str:
    """``PD-XXXX-XXXX`` from a cryptographic random source."""
    huruf = "".join(secrets.choice(ALFABET_KODE) for _ in range(PANJANG_KODE))
    return f"PD-{huruf[:4]}-{huruf[4:]}"


def kode_pelacakan_normal(teks: str) -> str:
    """What a person typed or read out → the stored form (``pd 7kx4 m9qt`` → ``PD-7KX4-M9QT``).
    Returns "" when it cannot be a code."""
    bersih = "".join(ch for ch in (teks or "").upper() if ch.isalnum())
    if bersih.startswith("PD"):
        bersih = bersih[2:]
    if len(bersih) != PANJANG_KODE or any(ch not in ALFABET_KODE for ch in bersih):
        return ""
    return f"PD-{bersih[:4]}-{bersih[4:]}"


class JenisPengaduan(models.TextChoices):
    PENGADUAN = "pengaduan", _("Pengaduan")
    ASPIRASI = "aspirasi", _("Aspirasi")
    INFORMASI = "informasi", _("Permintaan informasi")


class Saluran(models.TextChoices):
    WEB = "web", _("Formulir publik (web)")
    LANGSUNG = "langsung", _("Langsung / tatap muka")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")
    SURAT = "surat", _("Surat")
    TELEPON = "telepon", _("Telepon")


class StatusPengaduan(models.TextChoices):
    DITERIMA = "diterima", _("Diterima")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DITOLAK = "ditolak", _("Ditolak")
    BUKAN_WEWENANG = "bukan_wewenang", _("Bukan wewenang")
    DITANGANI = "ditangani", _("Ditangani")
    SELESAI = "selesai", _("Selesai")
    DIRUJUK = "dirujuk", _("Dirujuk")
    DITUTUP = "ditutup", _("Ditutup")


S = StatusPengaduan
STATUS_TERBUKA = (S.DITERIMA, S.DIVERIFIKASI, S.DITANGANI)
STATUS_AKHIR = (S.DITOLAK, S.BUKAN_WEWENANG, S.DITUTUP)


class JenisTenggat(models.TextChoices):
    VERIFIKASI = "verifikasi", _("Verifikasi")
    RENCANA = "rencana", _("Rencana tindak lanjut")
    TUTUP = "tutup", _("Penutupan otomatis")


class Kategori(models.Model):
    """A complaint category (a reference list seeded by a data migration, editable in admin)."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)
    tentang_pendamping = models.BooleanField(
        _("tentang pendampingan / pendamping"),
        default=False,
        help_text=_("Pengaduan kategori ini hanya terlihat oleh pengawas, tidak oleh pendamping."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=50)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kategori pengaduan")
        verbose_name_plural = _("kategori pengaduan")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class PeranTeradu(models.TextChoices):
    """Who a complaint is about, by role in its desa (the reporter need not know a name)."""

    PLD = "pld", _("PLD (Pendamping Lokal Desa) desa ini")
    PD = "pd", _("PD / Pendamping Teknis desa ini")
    TAPM = "tapm", _("TAPM / Koordinator Kabupaten desa ini")


# the jabatan that hold each role; the first one gives the role its rank (``inti.akses.peringkat``)
JABATAN_PERAN = {
    PeranTeradu.PLD: ("pld",),
    PeranTeradu.PD: ("pd", "pendamping_teknis"),
    PeranTeradu.TAPM: ("tapm_kabupaten", "koordinator_kabupaten"),
}


def peringkat_peran(peran: str) -> int:
    return peringkat(JABATAN_PERAN[peran][0]) if peran in JABATAN_PERAN else 0


def peran_dari_jabatan(jabatan: str) -> str:
    """The role a facilitator of ``jabatan`` holds in a desa ("" for ranks above the kabupaten)."""
    return next((p for p, js in JABATAN_PERAN.items() if jabatan in js), "")


def peran_di_bawah(jabatan: str) -> list[str]:
    """The roles a supervisor of ``jabatan`` stands above: the complaints about them they may see."""
    r = peringkat(jabatan)
    return [p for p in PeranTeradu.values if peringkat_peran(p) < r]


def q_terlihat(user, jalur: str = "") -> Q | None:
    """The complaints ``user`` may see, as a condition on the fields under ``jalur`` ("" for the
    complaint, ``"pengaduan__"`` for its child records); None when they may see none.

    Field and supervision scope for ordinary complaints; supervision scope only for those about the
    facilitation, and for those about a role only from a rank above that role; the assigned handler
    always; never a facilitator complained about."""
    c = cakupan_pengguna(user)
    pid = c.pendamping_id
    if c.nasional:
        q = Q()
    elif c.kosong:
        return None
    else:
        kode = f"{jalur}wilayah__kode"
        sup = [prefiks(k) for k in c.wilayah_supervisi]
        q = q_prefiks(kode, c.lihat) & Q(**{f"{jalur}tentang_pendamping": False})
        if sup:
            q |= q_prefiks(kode, sup) & (
                Q(**{f"{jalur}teradu_peran": ""})
                | Q(**{f"{jalur}teradu_peran__in": peran_di_bawah(c.jabatan)})
            )
        if pid:
            q |= Q(**{f"{jalur}penangan_id": pid})
    if pid:
        q &= ~Q(**{f"{jalur}teradu": pid})
    return q


def teradu_ids(p) -> set[int]:
    """The ids of the facilitators complaint ``p`` is about (read once per loaded complaint; a
    ``prefetch_related("teradu")`` serves it without a query)."""
    if "_teradu_ids" not in p.__dict__:
        p.__dict__["_teradu_ids"] = {t.pk for t in p.teradu.all()} if p.pk else set()
    return p.__dict__["_teradu_ids"]


def terlihat(user, p) -> bool:
    """``q_terlihat`` for one loaded complaint (the predicates of ``akses`` start from it)."""
    c = cakupan_pengguna(user)
    pid = c.pendamping_id
    if pid and (p.tentang_pendamping or p.teradu_peran) and pid in teradu_ids(p):
        return False
    if c.nasional or (pid and p.penangan_id == pid):
        return True
    kode = p.wilayah_id
    if mengawasi(user, kode):
        return not p.teradu_peran or p.teradu_peran in peran_di_bawah(c.jabatan)
    return not p.tentang_pendamping and c.boleh_lihat(kode)


class TerlihatQuerySet(RegionScopedQuerySet):
    """``visible_to`` by the complaint's rule (``q_terlihat``) for the rows whose ``kode_lookup``
    ends at the complaint's desa code."""

    kode_lookup = "wilayah__kode"

    @property
    def jalur(self) -> str:
        return self.kode_lookup.removesuffix("wilayah__kode")

    def visible_to(self, user):
        q = q_terlihat(user, self.jalur)
        return self.none() if q is None else self.filter(q)

    def writable_by(self, user):
        return self.visible_to(user)


class PengaduanQuerySet(TerlihatQuerySet):
    def terbuka(self):
        return self.filter(status__in=STATUS_TERBUKA)

    def terlambat(self, tanggal=None):
        """Open and past the running deadline: before ``tanggal``, or else before today in each
        complaint's desa's own zone."""
        if tanggal is not None:
            return self.terbuka().filter(tenggat__lt=tanggal)
        return self.terbuka().filter(q_menurut_tanggal_setempat(lambda d: Q(tenggat__lt=d)))

    def publik(self):
        """What the desa timeline may show: not rahasia, not about a facilitator."""
        return self.filter(rahasia=False, tentang_pendamping=False, teradu_peran="")


class Pengaduan(KunciSekaliModel):
    kode = models.CharField(_("kode pelacakan"), max_length=12, unique=True, editable=False)
    jenis = models.CharField(
        _("jenis"), max_length=12, choices=JenisPengaduan.choices, default=JenisPengaduan.PENGADUAN
    )
    kategori = models.ForeignKey(
        Kategori, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="pengaduan"
    )
    tentang_pendamping = models.BooleanField(default=False, editable=False)
    wilayah = models.ForeignKey(
        Wilayah, verbose_name=_("desa"), on_delete=models.PROTECT, related_name="pengaduan"
    )
    judul = models.CharField(_("judul"), max_length=200)
    isi = models.TextField(_("uraian"))
    saluran = models.CharField(
        _("saluran"), max_length=10, choices=Saluran.choices, default=Saluran.WEB
    )
    pelapor_nama = models.CharField(_("nama pelapor"), max_length=150, blank=True)
    pelapor_telepon = models.CharField(_("telepon pelapor"), max_length=30, blank=True)
    pelapor_email = models.EmailField(_("email pelapor"), blank=True)
    anonim = models.BooleanField(
        _("anonim"), default=True, help_text=_("Identitas pelapor hanya untuk pengawas.")
    )
    rahasia = models.BooleanField(
        _("rahasia"), default=False, help_text=_("Isi pengaduan tidak pernah ditampilkan publik.")
    )
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=StatusPengaduan.choices,
        default=StatusPengaduan.DITERIMA,
        db_index=True,
    )
    dicatat_oleh = models.ForeignKey(
        Pendamping,
        verbose_name=_("dicatat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pengaduan_dicatat",
    )
    penangan = models.ForeignKey(
        Pendamping,
        verbose_name=_("penangan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pengaduan_ditangani",
    )
    teradu_peran = models.CharField(
        _("diadukan: pendamping dengan peran"),
        max_length=8,
        choices=PeranTeradu.choices,
        blank=True,
        db_index=True,
    )
    teradu = models.ManyToManyField(
        Pendamping,
        verbose_name=_("pendamping yang diadukan"),
        through="pengaduan.Teradu",
        related_name="pengaduan_teradu",
        blank=True,
    )
    alasan = models.TextField(_("alasan / catatan keputusan"), blank=True)
    instansi_rujukan = models.CharField(_("instansi rujukan"), max_length=200, blank=True)
    # the SLA: every deadline is kept; ``tenggat`` is the one running now (indexed for lists)
    tenggat_verifikasi = models.DateField(_("tenggat verifikasi"))
    tenggat_rencana = models.DateField(_("tenggat rencana tindak lanjut"), null=True, blank=True)
    tenggat_tutup = models.DateField(_("tenggat penutupan"), null=True, blank=True)
    tenggat = models.DateField(_("tenggat berjalan"), null=True, blank=True, db_index=True)
    tenggat_jenis = models.CharField(
        _("jenis tenggat berjalan"), max_length=12, choices=JenisTenggat.choices, blank=True
    )
    diterima_pada = models.DateTimeField(_("diterima"), default=timezone.now, db_index=True)
    diverifikasi_pada = models.DateTimeField(_("diverifikasi"), null=True, blank=True)
    rencana_pada = models.DateTimeField(_("rencana tindak lanjut"), null=True, blank=True)
    selesai_pada = models.DateTimeField(_("selesai / dirujuk"), null=True, blank=True)
    ditutup_pada = models.DateTimeField(_("ditutup"), null=True, blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["diubah"])

    objects = PengaduanQuerySet.as_manager()

    # the allowed moves; ``inti.alur.pindah_status`` checks them and writes the event
    alur = Alur(
        peta={
            S.DITERIMA: {S.DIVERIFIKASI, S.DITOLAK, S.BUKAN_WEWENANG},
            S.DIVERIFIKASI: {S.DITANGANI, S.DIRUJUK, S.DITOLAK, S.BUKAN_WEWENANG},
            S.DITANGANI: {S.SELESAI, S.DIRUJUK},
            S.SELESAI: {S.DITUTUP, S.DITANGANI},
            S.DIRUJUK: {S.DITUTUP},
            S.DITOLAK: set(),
            S.BUKAN_WEWENANG: set(),
            S.DITUTUP: set(),
        },
        peristiwa="pengaduan.PeristiwaStatusPengaduan",
        fk="pengaduan",
    )

    class Meta:
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["-diterima_pada"]
        indexes = [
            models.Index(fields=["wilayah", "status"]),
            models.Index(fields=["status", "tenggat"]),
        ]
        permissions = [("kelola_pengaduan", _("Memverifikasi dan menugaskan pengaduan"))]

    def __str__(self):
        return f"{self.kode} · {self.judul}"

    def get_absolute_url(self) -> str:
        return reverse("pengaduan:detail", kwargs={"pk": self.pk})

    @property
    def terbuka(self) -> bool:
        return self.status in STATUS_TERBUKA

    @property
    def terlambat(self) -> bool:
        return bool(
            self.terbuka
            and self.tenggat
            and self.tenggat < tanggal_setempat(timezone.now(), self.wilayah_id)
        )
