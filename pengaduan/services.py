"""Every write on complaints: one function per use case, keyword-only, validated, atomic.

Status moves go through ``_pindah`` (the allowed-moves map ``GERAK_SAH``, an event row per move, a
move to the current state is a no-op). Deadlines are working days (``pendampingan.kalender``) with the
defaults in settings ``PENGADUAN_SLA_*``.
"""

from __future__ import annotations

import datetime

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan import services as inti
from pendampingan.kalender import tambah_hari_kerja
from pendampingan.models import Pendamping, Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna
from pendampingan.selectors import pendamping_lapangan_wilayah, pengawas_wilayah

from . import akses, pemberitahuan
from .models import (
    GERAK_SAH,
    JenisPeristiwa,
    JenisTenggat,
    Kategori,
    KegiatanPengaduan,
    Lampiran,
    Musyawarah,
    Pengaduan,
    PengingatSLA,
    PeristiwaPengaduan,
    Saluran,
    StatusPengaduan,
    kode_pelacakan_baru,
    kode_pelacakan_normal,
)

S = StatusPengaduan

JENIS_LAMPIRAN = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
}


def sla(nama: str) -> int:
    return int(getattr(settings, f"PENGADUAN_SLA_{nama.upper()}"))


def _hari_ini() -> datetime.date:
    return timezone.localdate()


# ------------------------------------------------------------------------- attachments
def lampiran_periksa(berkas) -> tuple[str, str]:
    """Check an upload by its content and size; return (mime type, extension)."""
    maks = settings.PENGADUAN_LAMPIRAN_MAKS_MB * 1024 * 1024
    nama = getattr(berkas, "name", "") or _("berkas")
    if berkas.size > maks:
        raise ValidationError(
            _("%(nama)s terlalu besar (maksimal %(mb)d MB).")
            % {"nama": nama, "mb": settings.PENGADUAN_LAMPIRAN_MAKS_MB}
        )
    if berkas.size == 0:
        raise ValidationError(_("%(nama)s kosong.") % {"nama": nama})
    berkas.seek(0)
    kepala = berkas.read(2048)
    berkas.seek(0)
    jenis = filetype.guess(kepala)
    mime = jenis.mime if jenis else ""
    if mime not in JENIS_LAMPIRAN:
        raise ValidationError(
            _("%(nama)s bukan foto (JPG, PNG, WebP) atau PDF yang sah.") % {"nama": nama}
        )
    return mime, JENIS_LAMPIRAN[mime]


def _simpan_lampiran(pengaduan: Pengaduan, berkas_list) -> None:
    for berkas in berkas_list:
        mime, ext = lampiran_periksa(berkas)
        lamp = Lampiran(
            pengaduan=pengaduan,
            nama_asli=(getattr(berkas, "name", "") or "lampiran")[:200],
            jenis_mime=mime,
            ekstensi=ext,
            ukuran=berkas.size,
        )
        lamp.berkas.save("x" + ext, berkas, save=False)
        lamp.save()


# ------------------------------------------------------------------------- deadlines
def _atur_tenggat(p: Pengaduan) -> None:
    """Set the running deadline from the status (no save)."""
    if p.status == S.DITERIMA:
        p.tenggat, p.tenggat_jenis = p.tenggat_verifikasi, JenisTenggat.VERIFIKASI
    elif p.status in (S.DIVERIFIKASI, S.DITANGANI) and not p.rencana_pada:
        p.tenggat, p.tenggat_jenis = p.tenggat_rencana, JenisTenggat.RENCANA
    elif p.status in (S.SELESAI, S.DIRUJUK) and p.tenggat_tutup:
        p.tenggat, p.tenggat_jenis = p.tenggat_tutup, JenisTenggat.TUTUP
    else:
        p.tenggat, p.tenggat_jenis = None, ""


def _rencana_tercatat(p: Pengaduan) -> list[str]:
    """The follow-up plan is in (a musyawarah, a reply or a referral after verification)."""
    if p.rencana_pada or p.status == S.DITERIMA:
        return []
    p.rencana_pada = timezone.now()
    return ["rencana_pada"]


# ------------------------------------------------------------------------- events / moves
def _peristiwa(p, *, jenis, user=None, catatan="", publik=False, dari="", ke=""):
    return PeristiwaPengaduan.objects.create(
        pengaduan=p,
        jenis=jenis,
        oleh=user if user is not None and user.is_authenticated else None,
        catatan=catatan,
        publik=publik,
        dari_status=dari,
        ke_status=ke,
    )


def _pindah(p: Pengaduan, ke: str, *, user, catatan="", publik=True, fields=()):
    """Move ``p`` to ``ke`` if the map allows it; write the event row (returned; None for a move to
    the current state, which is a no-op); save the changed fields."""
    if p.status == ke:
        return None
    if ke not in GERAK_SAH.get(p.status, set()):
        raise ValidationError(
            _("Pengaduan berstatus %(dari)s tidak dapat diubah menjadi %(ke)s.")
            % {"dari": S(p.status).label, "ke": S(ke).label}
        )
    dari = p.status
    p.status = ke
    _atur_tenggat(p)
    p.save(update_fields=["status", "tenggat", "tenggat_jenis", "diubah", *fields])
    return _peristiwa(
        p, jenis=JenisPeristiwa.STATUS, user=user, catatan=catatan, publik=publik, dari=dari, ke=ke
    )


def _pendamping(user) -> Pendamping | None:
    return getattr(user, "pendamping", None) if user is not None else None


# ------------------------------------------------------------------------- intake
@transaction.atomic
def pengaduan_terima(
    *,
    jenis: str,
    kategori: Kategori,
    wilayah: Wilayah,
    judul: str,
    isi: str,
    saluran: str = Saluran.WEB,
    pelapor_nama: str = "",
    pelapor_telepon: str = "",
    pelapor_email: str = "",
    anonim: bool = True,
    rahasia: bool = False,
    lampiran=(),
    dicatat_oleh: Pendamping | None = None,
    teradu: Pendamping | None = None,
    diterima_pada: datetime.datetime | None = None,
) -> Pengaduan:
    """Register a complaint (public form or a facilitator's intake) and give it a tracking code."""
    errors = {}
    judul, isi = (judul or "").strip(), (isi or "").strip()
    if not judul:
        errors["judul"] = _("Tuliskan judul singkat pengaduan.")
    if not isi:
        errors["isi"] = _("Ceritakan apa yang terjadi — uraian tidak boleh kosong.")
    if wilayah is None or wilayah.tingkat != Tingkat.DESA:
        errors["desa"] = _("Pilih desa atau kelurahan tempat masalah terjadi.")
    if kategori is None or not kategori.aktif:
        errors["kategori"] = _("Pilih kategori.")
    if len(lampiran) > settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH:
        errors["lampiran"] = _("Paling banyak %(n)d lampiran.") % {
            "n": settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH
        }
    if saluran != Saluran.WEB and dicatat_oleh is None:
        errors["saluran"] = _("Pengaduan lewat saluran ini dicatat oleh pendamping.")
    if teradu is not None and kategori is not None and not kategori.tentang_pendamping:
        errors["teradu"] = _("Pendamping yang diadukan hanya untuk kategori pendampingan.")
    if errors:
        raise ValidationError(errors)
    for berkas in lampiran:
        try:
            lampiran_periksa(berkas)
        except ValidationError as e:
            raise ValidationError({"lampiran": e.messages}) from e
    waktu = diterima_pada or timezone.now()
    p = Pengaduan(
        jenis=jenis,
        kategori=kategori,
        tentang_pendamping=kategori.tentang_pendamping,
        wilayah=wilayah,
        judul=judul,
        isi=isi,
        saluran=saluran,
        pelapor_nama=(pelapor_nama or "").strip(),
        pelapor_telepon=(pelapor_telepon or "").strip(),
        pelapor_email=(pelapor_email or "").strip(),
        anonim=anonim,
        rahasia=rahasia,
        dicatat_oleh=dicatat_oleh,
        teradu=teradu,
        diterima_pada=waktu,
        tenggat_verifikasi=tambah_hari_kerja(timezone.localdate(waktu), sla("verifikasi")),
    )
    _atur_tenggat(p)
    for _coba in range(5):
        p.kode = kode_pelacakan_baru()
        try:
            with transaction.atomic():
                p.save()
            break
        except IntegrityError:
            if Pengaduan.objects.filter(kode=p.kode).exists():
                p.pk = None
                continue
            raise
    _simpan_lampiran(p, lampiran)
    ev = _peristiwa(
        p,
        jenis=JenisPeristiwa.DITERIMA,
        user=dicatat_oleh.user if dicatat_oleh else None,
        catatan=_("Diterima melalui %(s)s.") % {"s": Saluran(saluran).label},
        publik=True,
        ke=S.DITERIMA,
    )
    pemberitahuan.diterima(p, ev)
    return p


# ------------------------------------------------------------------------- handling
def _wajib_kelola(user, p):
    if not akses.boleh_kelola(user, p):
        raise ValidationError(_("Hanya pengawas wilayah pengaduan ini yang dapat melakukannya."))


def _wajib_tangani(user, p):
    if not akses.boleh_tangani(user, p):
        raise ValidationError(_("Hanya penangan atau pengawasnya yang dapat melakukannya."))


@transaction.atomic
def pengaduan_verifikasi(
    *,
    pengaduan: Pengaduan,
    user,
    keputusan: str,
    alasan: str = "",
    kategori: Kategori | None = None,
    teradu: Pendamping | None = None,
) -> Pengaduan:
    """Verify a complaint, or reject it (ditolak / bukan_wewenang) with a reason for the reporter."""
    p = Pengaduan.objects.select_for_update().get(pk=pengaduan.pk)
    _wajib_kelola(user, p)
    alasan = (alasan or "").strip()
    if keputusan not in (S.DIVERIFIKASI, S.DITOLAK, S.BUKAN_WEWENANG):
        raise ValidationError({"keputusan": _("Pilih keputusan verifikasi.")})
    if keputusan != S.DIVERIFIKASI and not alasan:
        raise ValidationError(
            {"alasan": _("Tuliskan alasannya; alasan ini dikirim kepada pelapor.")}
        )
    fields = ["diverifikasi_pada"]
    if kategori is not None and kategori.pk != p.kategori_id:
        p.kategori = kategori
        p.tentang_pendamping = kategori.tentang_pendamping
        fields += ["kategori", "tentang_pendamping"]
    if teradu is not None:
        if not p.tentang_pendamping:
            raise ValidationError(
                {"teradu": _("Pendamping yang diadukan hanya untuk kategori pendampingan.")}
            )
        p.teradu = teradu
        fields.append("teradu")
    if p.status != S.DITERIMA:
        raise ValidationError(_("Pengaduan ini sudah diverifikasi."))
    p.diverifikasi_pada = timezone.now()
    if keputusan == S.DIVERIFIKASI:
        p.tenggat_rencana = tambah_hari_kerja(timezone.localdate(), sla("rencana"))
        fields.append("tenggat_rencana")
    else:
        p.alasan = alasan
        fields.append("alasan")
    ev = _pindah(p, keputusan, user=user, catatan=alasan, publik=True, fields=fields)
    if keputusan != S.DIVERIFIKASI:
        pemberitahuan.keputusan(p, ev, alasan)
    return p


def penangan_pilihan(pengaduan: Pengaduan):
    """Facilitators who may handle the complaint: field facilitators of the desa (and above) and
    its supervisors — never the facilitator complained about; for complaints about the facilitation,
    supervisors only."""
    kode = pengaduan.wilayah_id
    sup_ids = set(pengawas_wilayah(kode=kode).values_list("pk", flat=True))
    ids = set(sup_ids)
    if not pengaduan.tentang_pendamping:
        ids |= set(pendamping_lapangan_wilayah(kode=kode).values_list("pk", flat=True))
    ids.discard(pengaduan.teradu_id)
    return Pendamping.objects.filter(pk__in=ids, aktif=True).order_by("jabatan", "nama")


def teradu_pilihan(pengaduan: Pengaduan):
    """Facilitators a complaint about the facilitation may name: those working in its desa."""
    kode = pengaduan.wilayah_id
    ids = set(pendamping_lapangan_wilayah(kode=kode).values_list("pk", flat=True)) | set(
        pengawas_wilayah(kode=kode).values_list("pk", flat=True)
    )
    return Pendamping.objects.filter(pk__in=ids).order_by("jabatan", "nama")


@transaction.atomic
def pengaduan_tugaskan(
    *, pengaduan: Pengaduan, user, penangan: Pendamping, catatan: str = ""
) -> Pengaduan:
    """Assign (or reassign) the handler; a verified complaint becomes ``ditangani``."""
    p = Pengaduan.objects.select_for_update().get(pk=pengaduan.pk)
    _wajib_kelola(user, p)
    if p.status not in (S.DIVERIFIKASI, S.DITANGANI):
        raise ValidationError(_("Hanya pengaduan yang sudah diverifikasi yang dapat ditugaskan."))
    if penangan is None or not penangan_pilihan(p).filter(pk=penangan.pk).exists():
        raise ValidationError(
            {"penangan": _("Pilih pendamping yang bertugas di wilayah pengaduan ini.")}
        )
    if p.penangan_id == penangan.pk and p.status == S.DITANGANI:
        return p
    p.penangan = penangan
    p.save(update_fields=["penangan", "diubah"])
    ev = _peristiwa(
        p,
        jenis=JenisPeristiwa.PENUGASAN,
        user=user,
        catatan=(_("Ditugaskan kepada %(n)s.") % {"n": penangan.nama})
        + (f" {catatan.strip()}" if catatan.strip() else ""),
    )
    _pindah(p, S.DITANGANI, user=user, publik=True, catatan=_("Pengaduan sedang ditangani."))
    pemberitahuan.ditugaskan(p, ev)
    return p


@transaction.atomic
def pengaduan_musyawarah_catat(
    *,
    pengaduan: Pengaduan,
    user,
    tanggal: datetime.date,
    tempat: str,
    pihak_hadir: str,
    kesepakatan: str = "",
    mufakat: bool = False,
    tindak_lanjut: list[dict] = (),
) -> Musyawarah:
    """Record a musyawarah; its follow-up actions become the core's ``TindakLanjut``; an agreement
    (mufakat) settles the complaint (``selesai``) and starts the closing clock."""
    p = Pengaduan.objects.select_for_update().get(pk=pengaduan.pk)
    _wajib_tangani(user, p)
    pendamping = _pendamping(user)
    errors = {}
    if p.status != S.DITANGANI:
        raise ValidationError(_("Musyawarah dicatat saat pengaduan sedang ditangani."))
    if pendamping is None:
        raise ValidationError(_("Hanya pendamping yang dapat mencatat musyawarah."))
    if tanggal is None:
        errors["tanggal"] = _("Isi tanggal musyawarah.")
    elif tanggal > _hari_ini():
        errors["tanggal"] = _("Tanggal musyawarah tidak boleh di masa depan.")
    if not (tempat or "").strip():
        errors["tempat"] = _("Isi tempat musyawarah.")
    if not (pihak_hadir or "").strip():
        errors["pihak_hadir"] = _("Sebutkan pihak yang hadir.")
    if mufakat and not (kesepakatan or "").strip():
        errors["kesepakatan"] = _("Tuliskan isi kesepakatan yang dicapai.")
    if errors:
        raise ValidationError(errors)
    m = Musyawarah.objects.create(
        pengaduan=p,
        tanggal=tanggal,
        tempat=tempat.strip(),
        pihak_hadir=pihak_hadir.strip(),
        kesepakatan=(kesepakatan or "").strip(),
        mufakat=mufakat,
        dicatat_oleh=pendamping,
    )
    for tl in tindak_lanjut:
        inti.tindak_lanjut_buat(
            wilayah=p.wilayah,
            pendamping=pendamping,
            judul=tl.get("judul", ""),
            penanggung_jawab=tl.get("penanggung_jawab", ""),
            jatuh_tempo=tl.get("jatuh_tempo"),
            sumber=m,
        )
    fields = _rencana_tercatat(p)
    ringkas = _("Musyawarah %(t)s di %(w)s.") % {"t": tanggal.strftime("%d-%m-%Y"), "w": m.tempat}
    _peristiwa(p, jenis=JenisPeristiwa.MUSYAWARAH, user=user, catatan=ringkas)
    if mufakat:
        p.selesai_pada = timezone.now()
        p.tenggat_tutup = tambah_hari_kerja(_hari_ini(), sla("tutup"))
        fields += ["selesai_pada", "tenggat_tutup"]
        _pindah(
            p,
            S.SELESAI,
            user=user,
            catatan=_("Kesepakatan tercapai dalam musyawarah."),
            fields=fields,
        )
    else:
        _atur_tenggat(p)
        p.save(update_fields=[*fields, "tenggat", "tenggat_jenis", "diubah"])
    return m


@transaction.atomic
def pengaduan_balas(*, pengaduan: Pengaduan, user, isi: str, publik: bool) -> PeristiwaPengaduan:
    """A reply: public ones go to the reporter (status page and email), internal ones stay on the
    timeline."""
    p = Pengaduan.objects.select_for_update().get(pk=pengaduan.pk)
    _wajib_tangani(user, p)
    isi = (isi or "").strip()
    if not isi:
        raise ValidationError({"isi": _("Tuliskan balasannya.")})
    if p.status in (S.DITOLAK, S.BUKAN_WEWENANG, S.DITUTUP) and publik:
        raise ValidationError(_("Pengaduan ini sudah ditutup."))
    ev = _peristiwa(p, jenis=JenisPeristiwa.BALASAN, user=user, catatan=isi, publik=publik)
    if publik:
        fields = _rencana_tercatat(p)
        _atur_tenggat(p)
        p.save(update_fields=[*fields, "tenggat", "tenggat_jenis", "diubah"])
        pemberitahuan.balasan(p, ev)
    return ev


@transaction.atomic
def pengaduan_rujuk(*, pengaduan: Pengaduan, user, instansi: str, catatan: str = "") -> Pengaduan:
    """Refer the complaint to a named agency (the reporter is told)."""
    p = Pengaduan.objects.select_for_update().get(pk=pengaduan.pk)
    _wajib_tangani(user, p)
    instansi = (instansi or "").strip()
    if not instansi:
        raise ValidationError({"instansi": _("Sebutkan instansi tujuan rujukan.")})
    p.instansi_rujukan = instansi
    p.selesai_pada = timezone.now()
    p.tenggat_tutup = tambah_hari_kerja(_hari_ini(), sla("tutup"))
    fields = ["instansi_rujukan", "selesai_pada", "tenggat_tutup", *_rencana_tercatat(p)]
    teks = _("Dirujuk ke %(i)s.") % {"i": instansi} + (
        f" {catatan.strip()}" if (catatan or "").strip() else ""
    )
    ev = _pindah(p, S.DIRUJUK, user=user, catatan=teks, fields=fields)
    pemberitahuan.keputusan(p, ev, teks)
    return p


@transaction.atomic
def pengaduan_tutup(
    *, pengaduan: Pengaduan, user=None, catatan: str = "", otomatis: bool = False
) -> Pengaduan:
    """Close a settled or referred complaint (by a supervisor, or automatically when the reporter
    has not answered within the closing deadline)."""
    p = Pengaduan.objects.select_for_update().get(pk=pengaduan.pk)
    if p.status == S.DITUTUP:
        return p
    if not otomatis:
        _wajib_kelola(user, p)
    elif p.status not in (S.SELESAI, S.DIRUJUK) or not p.tenggat_tutup:
        return p
    catatan = (catatan or "").strip() or (
        _("Ditutup otomatis: tidak ada tanggapan pelapor dalam %(n)d hari kerja.")
        % {"n": sla("tutup")}
        if otomatis
        else _("Pengaduan ditutup.")
    )
    p.ditutup_pada = timezone.now()
    _pindah(p, S.DITUTUP, user=user, catatan=catatan, fields=["ditutup_pada"])
    return p


@transaction.atomic
def pengaduan_tanggapi(*, kode: str, isi: str) -> Pengaduan:
    """The reporter answers a settled or referred complaint from the status page: the answer goes
    on the timeline, the automatic closing stops, the handler and the supervisors are told (a
    supervisor then reopens or closes it)."""
    p = (
        Pengaduan.objects.select_for_update()
        .filter(kode=kode_pelacakan_normal(kode) or "-")
        .first()
    )
    if p is None:
        raise ValidationError(_("Kode tidak ditemukan."))
    if p.status not in (S.SELESAI, S.DIRUJUK):
        raise ValidationError(
            _("Tanggapan dapat dikirim setelah pengaduan dinyatakan selesai atau dirujuk.")
        )
    isi = (isi or "").strip()
    if not isi:
        raise ValidationError({"isi": _("Tuliskan tanggapan Anda.")})
    p.tenggat_tutup = None
    _atur_tenggat(p)
    p.save(update_fields=["tenggat_tutup", "tenggat", "tenggat_jenis", "diubah"])
    ev = _peristiwa(p, jenis=JenisPeristiwa.TANGGAPAN, catatan=isi)
    pemberitahuan.tanggapan(p, ev)
    return p


@transaction.atomic
def pengaduan_buka_kembali(*, pengaduan: Pengaduan, user, alasan: str) -> Pengaduan:
    """A settled complaint goes back to handling (the agreement did not hold)."""
    p = Pengaduan.objects.select_for_update().get(pk=pengaduan.pk)
    _wajib_kelola(user, p)
    if not (alasan or "").strip():
        raise ValidationError({"alasan": _("Tuliskan alasan membuka kembali.")})
    p.selesai_pada = None
    p.tenggat_tutup = None
    _pindah(
        p, S.DITANGANI, user=user, catatan=alasan.strip(), fields=["selesai_pada", "tenggat_tutup"]
    )
    return p


def pengaduan_dicatat_oleh(user) -> Pendamping | None:
    """The facilitator behind an internal intake (None for the public)."""
    if user is None or not user.is_authenticated:
        return None
    pid = cakupan_pengguna(user).pendamping_id
    return Pendamping.objects.filter(pk=pid).first() if pid else None


# ------------------------------------------------------------------------- SLA (beat task)
def _ingatkan(p: Pengaduan, tahap: str) -> bool:
    """Record and send one reminder for the running deadline; False when already sent."""
    with transaction.atomic():
        _obj, baru = PengingatSLA.objects.get_or_create(
            pengaduan=p, tenggat_jenis=p.tenggat_jenis, tenggat=p.tenggat, tahap=tahap
        )
        if baru:
            pemberitahuan.sla(p, tahap)
    return baru


def pengaduan_sla_periksa(*, hari_ini: datetime.date | None = None) -> dict[str, int]:
    """The daily SLA pass: close settled/referred complaints past their closing deadline, remind the
    handler of a deadline within ``PENGADUAN_SLA_PENGINGAT`` working days, tell the supervisors of a
    deadline that passed. Each reminder once per complaint and deadline; safe to run twice."""
    hari_ini = hari_ini or _hari_ini()
    hasil = {"ditutup": 0, "sebelum": 0, "lewat": 0}
    for p in Pengaduan.objects.filter(
        status__in=[S.SELESAI, S.DIRUJUK], tenggat_tutup__lt=hari_ini
    ).only("pk"):
        pengaduan_tutup(pengaduan=p, otomatis=True)
        hasil["ditutup"] += 1
    batas = tambah_hari_kerja(hari_ini, sla("pengingat"))
    terbuka = Pengaduan.objects.filter(status__in=[S.DITERIMA, S.DIVERIFIKASI, S.DITANGANI])
    terkait = ("penangan__user", "kategori", "wilayah")
    for p in terbuka.filter(tenggat__gte=hari_ini, tenggat__lte=batas).select_related(*terkait):
        hasil["sebelum"] += _ingatkan(p, PengingatSLA.Tahap.SEBELUM)
    for p in terbuka.filter(tenggat__lt=hari_ini).select_related(*terkait):
        hasil["lewat"] += _ingatkan(p, PengingatSLA.Tahap.LEWAT)
    return hasil


# ------------------------------------------------------------------------- daily-log link
@transaction.atomic
def pengaduan_kegiatan_tautkan(*, kegiatan, pengaduan: Pengaduan | None, user) -> None:
    """Link a daily-log entry to the complaint it served (or unlink it with ``pengaduan=None``).
    Called by the entry service inside its transaction (the entry extension)."""
    lama = KegiatanPengaduan.objects.filter(kegiatan=kegiatan).select_related("pengaduan").first()
    if pengaduan is None:
        if lama is not None:
            lama.delete()
        return
    if lama is not None and lama.pengaduan_id == pengaduan.pk:
        return
    if not akses.boleh_tangani(user, pengaduan) or pengaduan.status in (
        S.DITOLAK,
        S.BUKAN_WEWENANG,
        S.DITUTUP,
    ):
        raise ValidationError(_("Kegiatan hanya dapat ditautkan ke pengaduan yang Anda tangani."))
    if kegiatan.wilayah_id != pengaduan.wilayah_id and not pengaduan.wilayah_id.startswith(
        kegiatan.wilayah_id + "."
    ):
        raise ValidationError(_("Tempat kegiatan tidak sesuai dengan desa pengaduan."))
    if lama is not None:
        lama.delete()
    KegiatanPengaduan.objects.create(kegiatan=kegiatan, pengaduan=pengaduan)
    _peristiwa(
        pengaduan,
        jenis=JenisPeristiwa.KEGIATAN,
        user=user,
        catatan=_("Kegiatan harian %(t)s: %(j)s")
        % {"t": kegiatan.tanggal.strftime("%d-%m-%Y"), "j": kegiatan.judul},
    )


def simpan_ekstensi(kegiatan, form, user) -> None:
    """The entry extension's ``simpan``: link the saved entry to the chosen complaint."""
    pengaduan_kegiatan_tautkan(
        kegiatan=kegiatan, pengaduan=form.cleaned_data.get("pengaduan"), user=user
    )
