"""Every write of the incident app: one function per use case, keyword-only, validated, atomic.

The incident code's sequence: a counter row per (kabupaten, type, local date) is created if missing
(``INSERT … ON CONFLICT DO NOTHING``), then locked with ``SELECT … FOR UPDATE`` and incremented.
On PostgreSQL a second concurrent report waits on the lock and reads the committed value; on SQLite
the first INSERT takes the database's single write lock, so writers are serialised the same way.
A unique constraint on ``Kejadian.kode`` is the last guard.
"""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal
from zoneinfo import ZoneInfo

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from pendampingan import services as inti
from pendampingan.models import Kegiatan, Pendamping, TataCara, Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna
from pendampingan.wilayah_kode import zona_waktu

from . import laporan
from .models import (
    NAMA_KOLOM_DAMPAK,
    STATUS_BOLEH,
    Bantuan,
    Bukti,
    DesaTerdampak,
    JenisBukti,
    JenisKejadian,
    KegiatanKejadian,
    Kejadian,
    KeputusanKegiatanDesa,
    Koordinasi,
    Kronologi,
    PenilaianDampak,
    PerubahanStatus,
    StatusKejadian,
    TokohTerlibat,
    UrutanKejadian,
)

# A phone's clock may run a little ahead of the server's.
TOLERANSI_WAKTU = datetime.timedelta(minutes=5)
LINTANG = (Decimal("-11.5"), Decimal("6.5"))
BUJUR = (Decimal("94.5"), Decimal("141.5"))
FOTO_MIME = {"image/jpeg", "image/png", "image/webp"}
DOKUMEN_MIME = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
}


# ----------------------------------------------------------------------------- checks
def _waktu_lampau(waktu, field="waktu", label=None):
    if waktu is None:
        raise ValidationError({field: _("Isi waktunya.")})
    if isinstance(waktu, datetime.datetime):
        if waktu > timezone.now() + TOLERANSI_WAKTU:
            raise ValidationError({field: label or _("Waktu tidak boleh di masa depan.")})
    elif waktu > timezone.localdate():
        raise ValidationError({field: label or _("Tanggal tidak boleh di masa depan.")})


def _boleh_catat(oleh: Pendamping, kejadian: Kejadian) -> None:
    """Whoever sees an incident may add to it: the facilitators of its villages and the
    supervisors who follow it (opening one needs a field assignment in the desa)."""
    if not Kejadian.objects.visible_to(oleh.user).filter(pk=kejadian.pk).exists():
        raise ValidationError(_("Kejadian ini di luar wilayah tugas Anda."))


def _desa_kejadian(kejadian: Kejadian, desa: Wilayah, field: str = "wilayah") -> None:
    if not DesaTerdampak.objects.filter(kejadian=kejadian, wilayah=desa).exists():
        raise ValidationError(
            {field: _("%(desa)s belum tercatat sebagai desa terdampak.") % {"desa": desa.nama}}
        )


def _koordinat(lintang, bujur) -> None:
    if (lintang is None) != (bujur is None):
        raise ValidationError(_("Isi lintang dan bujur keduanya, atau kosongkan keduanya."))
    if lintang is None:
        return
    if not (LINTANG[0] <= Decimal(lintang) <= LINTANG[1]) or not (
        BUJUR[0] <= Decimal(bujur) <= BUJUR[1]
    ):
        raise ValidationError(
            {"lintang": _("Koordinat berada di luar wilayah Indonesia. Periksa lintang dan bujur.")}
        )


def berkas_periksa(berkas, *, hanya_foto: bool = False) -> tuple[str, str, str]:
    """Check an upload by its content (never its name): size, type, and for photos that the image
    really decodes. Returns (jenis, mime, sha256). Raises ValidationError."""
    maks = settings.UNGGAHAN_MAKS_MB * 1024 * 1024
    if berkas.size > maks:
        raise ValidationError(
            _("Berkas terlalu besar (maksimal %(mb)d MB).") % {"mb": settings.UNGGAHAN_MAKS_MB}
        )
    if berkas.size == 0:
        raise ValidationError(_("Berkas kosong."))
    berkas.seek(0)
    kepala = berkas.read(8192)
    berkas.seek(0)
    tebakan = filetype.guess(kepala)
    mime = tebakan.mime if tebakan else ""
    if mime in FOTO_MIME:
        try:
            with Image.open(berkas) as img:
                img.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ValidationError(_("Berkas foto rusak atau bukan gambar yang sah."))
        finally:
            berkas.seek(0)
        jenis = JenisBukti.FOTO
    elif mime in DOKUMEN_MIME and not hanya_foto:
        jenis = JenisBukti.DOKUMEN
    elif hanya_foto:
        raise ValidationError(
            _("Berkas ini bukan foto (JPEG, PNG atau WebP). Isi berkas diperiksa, bukan namanya.")
        )
    else:
        raise ValidationError(
            _(
                "Jenis berkas tidak diterima. Unggah foto (JPEG, PNG, WebP) atau dokumen (PDF, DOCX, "
                "XLSX, ODT, ODS); isi berkas diperiksa, bukan namanya."
            )
        )
    h = hashlib.sha256()
    for potong in berkas.chunks():
        h.update(potong)
    berkas.seek(0)
    return jenis, mime, h.hexdigest()


# ------------------------------------------------------------------------- the incident
def _tanggal_lokal(waktu: datetime.datetime, kode: str) -> datetime.date:
    return timezone.localtime(waktu, ZoneInfo(zona_waktu(kode))).date()


def kode_kejadian_baru(*, desa: Wilayah, jenis: JenisKejadian, tanggal: datetime.date) -> str:
    """Take the next sequence number for (kabupaten, type, date) and return the incident code.
    Must run inside the caller's transaction (the counter row stays locked until it commits)."""
    kunci = f"{desa.kode[:5].replace('.', '')}-{jenis.kode}-{tanggal:%Y%m%d}"
    UrutanKejadian.objects.bulk_create([UrutanKejadian(kunci=kunci)], ignore_conflicts=True)
    baris = UrutanKejadian.objects.select_for_update().get(kunci=kunci)
    baris.terakhir += 1
    baris.save(update_fields=["terakhir"])
    return f"{kunci}-{baris.terakhir:02d}"


@transaction.atomic
def kejadian_laporkan(
    *,
    pelapor: Pendamping,
    jenis: JenisKejadian,
    waktu: datetime.datetime,
    desa: Wilayah,
    ringkasan: str,
    lintang: Decimal | None = None,
    bujur: Decimal | None = None,
    foto=None,
) -> Kejadian:
    """The quick report: create the incident with its code, its first desa, the first chronology
    entry, the photo if it came along, and version 1 of the ministry report (which notifies the
    supervisors up the chain and the ministry recipients through the outbox)."""
    errors = {}
    if not (ringkasan or "").strip():
        errors["ringkasan"] = _("Tuliskan satu kalimat tentang apa yang terjadi.")
    if desa.tingkat != Tingkat.DESA:
        errors["desa"] = _("Pilih desa/kelurahan tempat kejadian.")
    elif not cakupan_pengguna(pelapor.user).boleh_catat(desa.kode):
        errors["desa"] = _("Anda hanya dapat melaporkan kejadian di desa tugas Anda.")
    if not jenis.aktif:
        errors["jenis"] = _("Jenis kejadian ini tidak dipakai lagi.")
    if errors:
        raise ValidationError(errors)
    _waktu_lampau(waktu, label=_("Waktu kejadian tidak boleh di masa depan."))
    _koordinat(lintang, bujur)
    periksa = berkas_periksa(foto, hanya_foto=True) if foto else None

    kejadian = Kejadian.objects.create(
        kode=kode_kejadian_baru(desa=desa, jenis=jenis, tanggal=_tanggal_lokal(waktu, desa.kode)),
        jenis=jenis,
        waktu=waktu,
        wilayah=desa,
        lintang=lintang,
        bujur=bujur,
        ringkasan=ringkasan.strip(),
        pelapor=pelapor,
    )
    DesaTerdampak.objects.create(kejadian=kejadian, wilayah=desa, ditambah_oleh=pelapor)
    Kronologi.objects.create(
        kejadian=kejadian,
        waktu=waktu,
        isi=_("Laporan cepat: %(r)s") % {"r": kejadian.ringkasan},
        oleh=pelapor,
    )
    if foto:
        _bukti_simpan(kejadian=kejadian, berkas=foto, periksa=periksa, keterangan="", oleh=pelapor)
    laporan.laporan_kirim(kejadian=kejadian, oleh=pelapor, pemicu=_("Laporan awal"))
    return kejadian


@transaction.atomic
def kejadian_ubah_status(
    *, kejadian: Kejadian, ke: str, oleh: Pendamping, catatan: str = ""
) -> Kejadian:
    """Move the status along ``STATUS_BOLEH``, writing an event row; a move to the current status
    is a no-op. Reopening a finished incident needs a note."""
    kejadian = Kejadian.objects.select_for_update().get(pk=kejadian.pk)
    if ke == kejadian.status:
        return kejadian
    _boleh_catat(oleh, kejadian)
    if ke not in STATUS_BOLEH.get(kejadian.status, set()):
        raise ValidationError(
            {
                "ke": _("Status tidak dapat berpindah dari %(dari)s ke %(ke)s.")
                % {
                    "dari": StatusKejadian(kejadian.status).label,
                    "ke": StatusKejadian(ke).label if ke in StatusKejadian.values else ke,
                }
            }
        )
    if kejadian.status == StatusKejadian.SELESAI and not (catatan or "").strip():
        raise ValidationError({"catatan": _("Tuliskan alasan membuka kembali kejadian ini.")})
    PerubahanStatus.objects.create(
        kejadian=kejadian, dari=kejadian.status, ke=ke, oleh=oleh, catatan=(catatan or "").strip()
    )
    kejadian.status = ke
    kejadian.save(update_fields=["status", "diubah"])
    return kejadian


@transaction.atomic
def desa_terdampak_tambah(*, kejadian: Kejadian, desa: Wilayah, oleh: Pendamping) -> DesaTerdampak:
    """Add a desa to the incident. Whoever sees that desa sees the incident from now on."""
    _boleh_catat(oleh, kejadian)
    if desa.tingkat != Tingkat.DESA:
        raise ValidationError({"desa": _("Pilih desa/kelurahan.")})
    if DesaTerdampak.objects.filter(kejadian=kejadian, wilayah=desa).exists():
        raise ValidationError(
            {"desa": _("%(desa)s sudah tercatat sebagai desa terdampak.") % {"desa": desa.nama}}
        )
    return DesaTerdampak.objects.create(kejadian=kejadian, wilayah=desa, ditambah_oleh=oleh)


# -------------------------------------------------------------------------- chronology
@transaction.atomic
def kronologi_tambah(
    *,
    kejadian: Kejadian,
    waktu: datetime.datetime,
    isi: str,
    oleh: Pendamping,
    mengoreksi: Kronologi | None = None,
) -> Kronologi:
    """Append an entry; a correction points at the entry it corrects (of the same incident)."""
    _boleh_catat(oleh, kejadian)
    if not (isi or "").strip():
        raise ValidationError({"isi": _("Tuliskan apa yang terjadi atau dilakukan.")})
    _waktu_lampau(waktu)
    if mengoreksi is not None and mengoreksi.kejadian_id != kejadian.pk:
        raise ValidationError(_("Entri yang dikoreksi bukan milik kejadian ini."))
    return Kronologi.objects.create(
        kejadian=kejadian, waktu=waktu, isi=isi.strip(), oleh=oleh, mengoreksi=mengoreksi
    )


# ------------------------------------------------------------------------------- impact
@transaction.atomic
def dampak_catat(
    *,
    kejadian: Kejadian,
    desa: Wilayah,
    waktu: datetime.datetime,
    angka: dict,
    oleh: Pendamping,
    sumber: str = "",
    catatan: str = "",
) -> PenilaianDampak:
    """Record a dated impact snapshot of one affected desa (it supersedes that desa's earlier ones
    in the totals)."""
    _boleh_catat(oleh, kejadian)
    _desa_kejadian(kejadian, desa, "desa")
    _waktu_lampau(waktu)
    errors = {}
    nilai = {}
    for kolom in NAMA_KOLOM_DAMPAK:
        v = angka.get(kolom) or 0
        if v < 0:
            errors[kolom] = _("Angka dampak tidak boleh kurang dari nol.")
        nilai[kolom] = v
    penduduk = desa.jumlah_penduduk
    if penduduk is not None and nilai["meninggal"] > penduduk:
        errors["meninggal"] = _(
            "Jumlah meninggal (%(n)d) melebihi jumlah penduduk %(desa)s (%(p)d jiwa)."
        ) % {"n": nilai["meninggal"], "desa": desa.nama, "p": penduduk}
    if penduduk is not None and nilai["meninggal"] + nilai["hilang"] > penduduk:
        errors.setdefault(
            "hilang",
            _("Jumlah meninggal dan hilang melebihi jumlah penduduk %(desa)s (%(p)d jiwa).")
            % {"desa": desa.nama, "p": penduduk},
        )
    if errors:
        raise ValidationError(errors)
    return PenilaianDampak.objects.create(
        kejadian=kejadian,
        wilayah=desa,
        waktu=waktu,
        oleh=oleh,
        sumber=(sumber or "").strip(),
        catatan=(catatan or "").strip(),
        **nilai,
    )


# ----------------------------------------------------------------------------- evidence
def _bukti_simpan(*, kejadian, berkas, periksa, keterangan, oleh) -> Bukti:
    jenis, mime, sha = periksa
    return Bukti.objects.create(
        kejadian=kejadian,
        jenis=jenis,
        berkas=berkas,
        nama_asli=(getattr(berkas, "name", "") or "berkas")[:200],
        tipe_mime=mime,
        ukuran=berkas.size,
        sha256=sha,
        keterangan=(keterangan or "").strip(),
        oleh=oleh,
    )


@transaction.atomic
def bukti_tambah(*, kejadian: Kejadian, berkas, oleh: Pendamping, keterangan: str = "") -> Bukti:
    """Attach a photo or document, checked by content; its SHA-256 is stored."""
    _boleh_catat(oleh, kejadian)
    periksa = berkas_periksa(berkas)
    return _bukti_simpan(
        kejadian=kejadian, berkas=berkas, periksa=periksa, keterangan=keterangan, oleh=oleh
    )


# ------------------------------------------------------------------------- the response
@transaction.atomic
def koordinasi_catat(*, kejadian: Kejadian, oleh: Pendamping, waktu, **data) -> Koordinasi:
    _boleh_catat(oleh, kejadian)
    _waktu_lampau(waktu)
    return Koordinasi.objects.create(kejadian=kejadian, oleh=oleh, waktu=waktu, **data)


@transaction.atomic
def tokoh_catat(*, kejadian: Kejadian, oleh: Pendamping, **data) -> TokohTerlibat:
    _boleh_catat(oleh, kejadian)
    return TokohTerlibat.objects.create(kejadian=kejadian, oleh=oleh, **data)


@transaction.atomic
def keputusan_catat(
    *, kejadian: Kejadian, oleh: Pendamping, wilayah: Wilayah, tanggal, **data
) -> KeputusanKegiatanDesa:
    """Record the village's decision to stop or continue an activity at the site."""
    _boleh_catat(oleh, kejadian)
    _desa_kejadian(kejadian, wilayah)
    _waktu_lampau(tanggal, "tanggal")
    return KeputusanKegiatanDesa.objects.create(
        kejadian=kejadian, oleh=oleh, wilayah=wilayah, tanggal=tanggal, **data
    )


@transaction.atomic
def bantuan_catat(
    *, kejadian: Kejadian, oleh: Pendamping, wilayah: Wilayah, tanggal, **data
) -> Bantuan:
    _boleh_catat(oleh, kejadian)
    _desa_kejadian(kejadian, wilayah)
    _waktu_lampau(tanggal, "tanggal")
    return Bantuan.objects.create(
        kejadian=kejadian, oleh=oleh, wilayah=wilayah, tanggal=tanggal, **data
    )


@transaction.atomic
def mitigasi_buat(
    *,
    kejadian: Kejadian,
    oleh: Pendamping,
    wilayah: Wilayah,
    judul: str,
    mitra: str,
    jatuh_tempo: datetime.date,
):
    """A mitigation action with its partners, as a follow-up in the core pointing at the incident."""
    _boleh_catat(oleh, kejadian)
    _desa_kejadian(kejadian, wilayah)
    return inti.tindak_lanjut_buat(
        wilayah=wilayah,
        pendamping=oleh,
        judul=judul,
        penanggung_jawab=mitra,
        jatuh_tempo=jatuh_tempo,
        sumber=kejadian,
    )


# ---------------------------------------------------------------- daily-log link (duty 9)
@transaction.atomic
def kegiatan_tautkan(*, kegiatan: Kegiatan, kejadian: Kejadian, user) -> KegiatanKejadian:
    """Link a daily-log entry (tata cara KLB dan bencana) to an incident of the entry's desa."""
    p = getattr(user, "pendamping", None)
    if p is None or kegiatan.pendamping_id != p.pk:
        raise ValidationError(_("Hanya kegiatan Anda sendiri yang dapat ditautkan."))
    if kegiatan.tata_cara != TataCara.BENCANA:
        raise ValidationError(
            _("Hanya kegiatan dengan tata cara KLB dan bencana yang dapat ditautkan.")
        )
    if not Kejadian.objects.visible_to(user).filter(pk=kejadian.pk).exists():
        raise ValidationError(_("Kejadian tidak ditemukan."))
    kode = kegiatan.wilayah_id
    if not kejadian.desa_terdampak.filter(
        Q(wilayah_id=kode) | Q(wilayah__kode__startswith=f"{kode}.")
    ).exists():
        raise ValidationError(
            _("Tempat kegiatan ini tidak termasuk wilayah terdampak kejadian %(k)s.")
            % {"k": kejadian.kode}
        )
    tautan, _baru = KegiatanKejadian.objects.update_or_create(
        kegiatan=kegiatan, defaults={"kejadian": kejadian}
    )
    return tautan


def kegiatan_ekstensi_simpan(kegiatan: Kegiatan, form, user) -> KegiatanKejadian | None:
    """The daily-log hook (``EkstensiKegiatan.simpan``): link the entry to the chosen incident, or,
    when none was chosen, to the one active incident of the entry's desa if there is exactly one."""
    from .selectors import kejadian_aktif_untuk_kegiatan

    kejadian = form.cleaned_data.get("kejadian")
    if kejadian is None:
        kandidat = list(
            kejadian_aktif_untuk_kegiatan(user=user)
            .filter(desa_terdampak__wilayah_id=kegiatan.wilayah_id)
            .distinct()[:2]
        )
        if len(kandidat) != 1:
            return None
        kejadian = kandidat[0]
    return kegiatan_tautkan(kegiatan=kegiatan, kejadian=kejadian, user=user)
