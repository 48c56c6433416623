"""Every write of pengorganisasian: one function per use case, keyword-only, validated, atomic.

Scope: a user writes only where they may record (``cakupan.boleh_catat`` of the forum's or the
facility's region); services refuse otherwise with ``PermissionDenied`` — views have already
answered 404/403, this is the second lock.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pendampingan import services as inti
from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.models import Kegiatan, Pendamping, TataCara, Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna

from .models import (
    PERPINDAHAN_STATUS,
    AktivitasForum,
    Anggota,
    Forum,
    JenisAktivitas,
    JenisForum,
    JenisKelamin,
    Keputusan,
    Pertemuan,
    RiwayatStatusForum,
    Sarana,
    StatusForum,
    UnsurMasyarakat,
)

# Kinds of forum that may sit at kecamatan/kabupaten level (a centre serving several desa).
JENIS_ANTARDESA = {JenisForum.PUSAT_KEMASYARAKATAN, JenisForum.FORUM_KADER, JenisForum.LAINNYA}
TINGKAT_FORUM = {Tingkat.DESA, Tingkat.KECAMATAN, Tingkat.KABUPATEN}


def _rapikan(teks: str | None) -> str:
    return " ".join((teks or "").split())


def _tgl(d: datetime.date) -> str:
    return date_format(d, "j F Y")


def _pastikan_boleh_catat(user, kode: str) -> None:
    if not cakupan_pengguna(user).boleh_catat(kode):
        raise PermissionDenied(_("Anda tidak bertugas mencatat di wilayah ini."))


def _pendamping_pengguna(user) -> Pendamping:
    p = Pendamping.objects.filter(user=user).first()
    if p is None:
        raise ValidationError(_("Akun Anda belum terdaftar sebagai pendamping."))
    return p


def _pastikan_belum_bubar(forum: Forum) -> None:
    if forum.status == StatusForum.BUBAR:
        raise ValidationError(_("Forum ini sudah bubar; catatan baru tidak dapat ditambahkan."))


# ----------------------------------------------------------------------------------- forum
def _forum_validasi(*, nama, jenis, wilayah: Wilayah, tanggal_dibentuk, kecuali_pk=None) -> dict:
    errors = {}
    if not nama:
        errors["nama"] = _("Tuliskan nama forum.")
    if wilayah.tingkat not in TINGKAT_FORUM:
        errors["wilayah"] = _("Forum dibentuk di desa, kecamatan, atau kabupaten.")
    elif wilayah.tingkat != Tingkat.DESA and jenis not in JENIS_ANTARDESA:
        errors["wilayah"] = _(
            "%(jenis)s dibentuk di tingkat desa. Pilih desanya, bukan %(tingkat)s."
        ) % {"jenis": JenisForum(jenis).label, "tingkat": wilayah.get_tingkat_display().lower()}
    if tanggal_dibentuk and tanggal_dibentuk > timezone.localdate():
        errors["tanggal_dibentuk"] = _("Tanggal dibentuk tidak boleh di masa depan.")
    if nama and "wilayah" not in errors:
        sama = Forum.objects.filter(wilayah=wilayah, nama__iexact=nama)
        if kecuali_pk:
            sama = sama.exclude(pk=kecuali_pk)
        if sama.exists():
            errors["nama"] = _("Sudah ada forum bernama %(nama)s di %(wilayah)s.") % {
                "nama": nama,
                "wilayah": wilayah.nama,
            }
    return errors


@transaction.atomic
def forum_buat(
    *,
    user,
    nama: str,
    jenis: str,
    wilayah: Wilayah,
    tanggal_dibentuk: datetime.date,
    dasar_hukum: str = "",
    pendamping: Pendamping | None = None,
    keterangan: str = "",
) -> Forum:
    """Record a forum or community centre in a region the user records in. The facilitator who
    follows it defaults to the user."""
    _pastikan_boleh_catat(user, wilayah.kode)
    nama = _rapikan(nama)
    errors = _forum_validasi(
        nama=nama, jenis=jenis, wilayah=wilayah, tanggal_dibentuk=tanggal_dibentuk
    )
    if errors:
        raise ValidationError(errors)
    return Forum.objects.create(
        nama=nama,
        jenis=jenis,
        wilayah=wilayah,
        tanggal_dibentuk=tanggal_dibentuk,
        dasar_hukum=_rapikan(dasar_hukum),
        pendamping=pendamping or Pendamping.objects.filter(user=user).first(),
        keterangan=(keterangan or "").strip(),
    )


@transaction.atomic
def forum_ubah(
    *,
    user,
    forum: Forum,
    nama: str,
    jenis: str,
    tanggal_dibentuk: datetime.date,
    dasar_hukum: str = "",
    pendamping: Pendamping | None = None,
    keterangan: str = "",
) -> Forum:
    """Change a forum's description (its region and status have their own moves)."""
    _pastikan_boleh_catat(user, forum.wilayah_id)
    nama = _rapikan(nama)
    errors = _forum_validasi(
        nama=nama,
        jenis=jenis,
        wilayah=forum.wilayah,
        tanggal_dibentuk=tanggal_dibentuk,
        kecuali_pk=forum.pk,
    )
    if errors:
        raise ValidationError(errors)
    forum.nama, forum.jenis, forum.tanggal_dibentuk = nama, jenis, tanggal_dibentuk
    forum.dasar_hukum, forum.pendamping = _rapikan(dasar_hukum), pendamping
    forum.keterangan = (keterangan or "").strip()
    forum.save(
        update_fields=[
            "nama",
            "jenis",
            "tanggal_dibentuk",
            "dasar_hukum",
            "pendamping",
            "keterangan",
        ]
    )
    return forum


@transaction.atomic
def forum_ubah_status(*, user, forum: Forum, status: str, catatan: str = "") -> Forum:
    """Move a forum to another status along ``PERPINDAHAN_STATUS`` and write the event row.
    A move to the current status changes nothing."""
    _pastikan_boleh_catat(user, forum.wilayah_id)
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    if forum.status == status:
        return forum
    if status not in PERPINDAHAN_STATUS[StatusForum(forum.status)]:
        raise ValidationError(
            {
                "status": _("Status forum tidak dapat diubah dari %(dari)s ke %(ke)s.")
                % {"dari": forum.get_status_display(), "ke": StatusForum(status).label}
            }
        )
    if status == StatusForum.BUBAR and not (catatan or "").strip():
        raise ValidationError({"catatan": _("Tuliskan alasan forum dinyatakan bubar.")})
    RiwayatStatusForum.objects.create(
        forum=forum, dari=forum.status, ke=status, oleh=user, catatan=(catatan or "").strip()
    )
    forum.status = status
    forum.save(update_fields=["status"])
    return forum


# --------------------------------------------------------------------------------- members
def _anggota_validasi(
    *, forum: Forum, nama, jenis_kelamin, unsur, tanggal_masuk, tanggal_keluar, kecuali_pk=None
) -> dict:
    errors = {}
    if not nama:
        errors["nama"] = _("Tuliskan nama anggota.")
    if jenis_kelamin not in ("L", "P"):
        errors["jenis_kelamin"] = _("Pilih jenis kelamin: L (laki-laki) atau P (perempuan).")
    if unsur is None:
        errors["unsur"] = _("Pilih unsur masyarakat yang diwakili.")
    if tanggal_masuk and tanggal_keluar and tanggal_keluar < tanggal_masuk:
        errors["tanggal_keluar"] = _("Tanggal keluar tidak boleh sebelum tanggal masuk.")
    if tanggal_masuk and tanggal_masuk > timezone.localdate():
        errors["tanggal_masuk"] = _("Tanggal masuk tidak boleh di masa depan.")
    if nama:
        sama = Anggota.objects.filter(forum=forum, nama__iexact=nama)
        if kecuali_pk:
            sama = sama.exclude(pk=kecuali_pk)
        if sama.exists():
            errors["nama"] = _(
                "%(nama)s sudah tercatat sebagai anggota forum ini. Ubah data anggota itu bila "
                "perlu, jangan dicatat dua kali."
            ) % {"nama": nama}
    return errors


@transaction.atomic
def anggota_tambah(
    *,
    user,
    forum: Forum,
    nama: str,
    jenis_kelamin: str,
    unsur: UnsurMasyarakat | None,
    peran: str = "",
    kontak: str = "",
    tanggal_masuk: datetime.date | None = None,
    tanggal_keluar: datetime.date | None = None,
) -> Anggota:
    """Add a member. The same name twice in one forum is refused (here and by the database)."""
    _pastikan_boleh_catat(user, forum.wilayah_id)
    _pastikan_belum_bubar(forum)
    nama = _rapikan(nama)
    errors = _anggota_validasi(
        forum=forum,
        nama=nama,
        jenis_kelamin=jenis_kelamin,
        unsur=unsur,
        tanggal_masuk=tanggal_masuk,
        tanggal_keluar=tanggal_keluar,
    )
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return Anggota.objects.create(
                forum=forum,
                nama=nama,
                jenis_kelamin=jenis_kelamin,
                unsur=unsur,
                peran=_rapikan(peran),
                kontak=_rapikan(kontak),
                tanggal_masuk=tanggal_masuk,
                tanggal_keluar=tanggal_keluar,
            )
    except IntegrityError:  # a concurrent request added the same name first
        raise ValidationError(
            {"nama": _("%(nama)s sudah tercatat sebagai anggota forum ini.") % {"nama": nama}}
        )


@transaction.atomic
def anggota_ubah(
    *,
    user,
    anggota: Anggota,
    nama: str,
    jenis_kelamin: str,
    unsur: UnsurMasyarakat | None,
    peran: str = "",
    kontak: str = "",
    tanggal_masuk: datetime.date | None = None,
    tanggal_keluar: datetime.date | None = None,
) -> Anggota:
    """Change a member's data; a member leaves by getting a ``tanggal_keluar``."""
    _pastikan_boleh_catat(user, anggota.forum.wilayah_id)
    nama = _rapikan(nama)
    errors = _anggota_validasi(
        forum=anggota.forum,
        nama=nama,
        jenis_kelamin=jenis_kelamin,
        unsur=unsur,
        tanggal_masuk=tanggal_masuk,
        tanggal_keluar=tanggal_keluar,
        kecuali_pk=anggota.pk,
    )
    if errors:
        raise ValidationError(errors)
    anggota.nama, anggota.jenis_kelamin, anggota.unsur = nama, jenis_kelamin, unsur
    anggota.peran, anggota.kontak = _rapikan(peran), _rapikan(kontak)
    anggota.tanggal_masuk, anggota.tanggal_keluar = tanggal_masuk, tanggal_keluar
    anggota.save(
        update_fields=[
            "nama",
            "jenis_kelamin",
            "unsur",
            "peran",
            "kontak",
            "tanggal_masuk",
            "tanggal_keluar",
        ]
    )
    return anggota


@dataclass
class HasilImpor:
    dibuat: list[Anggota] = field(default_factory=list)
    galat: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)


@transaction.atomic
def anggota_impor(*, user, forum: Forum, baris: list) -> HasilImpor:
    """Add many members at once. ``baris`` holds ``impor.BarisAnggota`` (already parsed; a line that
    could not be read carries its own message). Good lines are added, each bad line is reported with
    its number and the reason; one bad line never stops the others."""
    _pastikan_boleh_catat(user, forum.wilayah_id)
    _pastikan_belum_bubar(forum)
    hasil = HasilImpor()
    for b in baris:
        if b.galat:
            hasil.galat.append((b.nomor, b.galat))
            continue
        try:
            with transaction.atomic():
                hasil.dibuat.append(
                    anggota_tambah(
                        user=user,
                        forum=forum,
                        nama=b.nama,
                        jenis_kelamin=b.jenis_kelamin,
                        unsur=b.unsur,
                        peran=b.peran,
                        kontak=b.kontak,
                        tanggal_masuk=b.tanggal_masuk,
                    )
                )
        except ValidationError as e:
            pesan = "; ".join(m for msgs in e.message_dict.values() for m in msgs)
            hasil.galat.append((b.nomor, pesan))
    return hasil


# ------------------------------------------------------------------------------ facilities
def _sarana_validasi(*, wilayah: Wilayah, nama: str, kecuali_pk=None) -> dict:
    errors = {}
    if wilayah.tingkat != Tingkat.DESA:
        errors["wilayah"] = _("Sarana dicatat per desa/kelurahan.")
    if not nama:
        errors["nama"] = _("Tuliskan nama sarana.")
    elif not errors:
        sama = Sarana.objects.filter(wilayah=wilayah, nama__iexact=nama)
        if kecuali_pk:
            sama = sama.exclude(pk=kecuali_pk)
        if sama.exists():
            errors["nama"] = _("Sarana bernama %(nama)s sudah tercatat di %(desa)s.") % {
                "nama": nama,
                "desa": wilayah.nama,
            }
    return errors


@transaction.atomic
def sarana_buat(
    *,
    user,
    wilayah: Wilayah,
    jenis: str,
    nama: str,
    kondisi: str,
    kapasitas: int | None = None,
    keterangan: str = "",
) -> Sarana:
    """Record a village facility."""
    _pastikan_boleh_catat(user, wilayah.kode)
    nama = _rapikan(nama)
    errors = _sarana_validasi(wilayah=wilayah, nama=nama)
    if errors:
        raise ValidationError(errors)
    return Sarana.objects.create(
        wilayah=wilayah,
        jenis=jenis,
        nama=nama,
        kondisi=kondisi,
        kapasitas=kapasitas,
        keterangan=_rapikan(keterangan),
    )


@transaction.atomic
def sarana_ubah(
    *,
    user,
    sarana: Sarana,
    jenis: str,
    nama: str,
    kondisi: str,
    kapasitas: int | None = None,
    keterangan: str = "",
) -> Sarana:
    _pastikan_boleh_catat(user, sarana.wilayah_id)
    nama = _rapikan(nama)
    errors = _sarana_validasi(wilayah=sarana.wilayah, nama=nama, kecuali_pk=sarana.pk)
    if errors:
        raise ValidationError(errors)
    sarana.jenis, sarana.nama, sarana.kondisi = jenis, nama, kondisi
    sarana.kapasitas, sarana.keterangan = kapasitas, _rapikan(keterangan)
    sarana.save(update_fields=["jenis", "nama", "kondisi", "kapasitas", "keterangan"])
    return sarana


# -------------------------------------------------------------------------- daily-log entry
def _kegiatan_buat(
    *,
    user,
    wilayah: Wilayah,
    tanggal: datetime.date,
    jam_mulai: datetime.time,
    jam_selesai: datetime.time,
    judul: str,
    uraian: str = "",
    peserta_laki: int = 0,
    peserta_perempuan: int = 0,
) -> Kegiatan:
    """A pengorganisasian entry in the user's daily log, through the core's entry service (a draft
    the user completes — prinsip checklist, photos — and submits with the rest of their day)."""
    return kegiatan_services.kegiatan_buat(
        user=user,
        data={
            "wilayah": wilayah,
            "tanggal": tanggal,
            "jam_mulai": jam_mulai,
            "jam_selesai": jam_selesai,
            "tata_cara": TataCara.PENGORGANISASIAN,
            "judul": _rapikan(judul),
            "uraian": uraian or "",
            "peserta_laki": peserta_laki,
            "peserta_perempuan": peserta_perempuan,
        },
    ).kegiatan


def _peserta(hadir, tamu: dict) -> tuple[int, int]:
    """(male, female) participants of a meeting: members present plus guests."""
    laki = sum(1 for a in hadir if a.jenis_kelamin == JenisKelamin.LAKI_LAKI)
    perempuan = len(hadir) - laki
    return laki + tamu.get("tamu_laki", 0), perempuan + tamu.get("tamu_perempuan", 0)


def _pastikan_kegiatan_bebas(kegiatan: Kegiatan, kecuali=None) -> None:
    p = Pertemuan.objects.filter(kegiatan=kegiatan).exclude(pk=getattr(kecuali, "pk", None))
    a = AktivitasForum.objects.filter(kegiatan=kegiatan).exclude(pk=getattr(kecuali, "pk", None))
    if (not isinstance(kecuali, Pertemuan) and p.exists()) or (
        not isinstance(kecuali, AktivitasForum) and a.exists()
    ):
        raise ValidationError(_("Kegiatan ini sudah tertaut ke forum."))


# -------------------------------------------------------------------------------- meetings
TAMU_RENTAN = ("tamu_disabilitas", "tamu_lansia", "tamu_miskin")


def _pertemuan_validasi(
    *, forum: Forum, tanggal: datetime.date, sarana: Sarana | None, hadir, tamu: dict
) -> dict:
    errors: dict[str, list[str]] = {}
    if sarana is not None:
        di_wilayah = sarana.wilayah_id == forum.wilayah_id or sarana.wilayah_id.startswith(
            forum.wilayah_id + "."
        )
        if not di_wilayah:
            errors.setdefault("sarana", []).append(
                _(
                    "%(sarana)s adalah sarana %(desa)s, bukan sarana wilayah forum ini "
                    "(%(wilayah)s). Pilih sarana desa forum, atau tulis tempatnya di kolom "
                    "“Tempat lain”."
                )
                % {
                    "sarana": sarana.nama,
                    "desa": sarana.wilayah.nama,
                    "wilayah": forum.wilayah.nama,
                }
            )
    for a in hadir:
        if a.forum_id != forum.pk:
            errors.setdefault("hadir", []).append(
                _("%(nama)s bukan anggota forum ini — catat sebagai tamu.") % {"nama": a.nama}
            )
        elif a.tanggal_keluar and a.tanggal_keluar < tanggal:
            errors.setdefault("hadir", []).append(
                _("%(nama)s sudah keluar dari forum pada %(tgl)s — catat sebagai tamu.")
                % {"nama": a.nama, "tgl": _tgl(a.tanggal_keluar)}
            )
        elif a.tanggal_masuk and a.tanggal_masuk > tanggal:
            errors.setdefault("hadir", []).append(
                _("%(nama)s baru menjadi anggota pada %(tgl)s — catat sebagai tamu.")
                % {"nama": a.nama, "tgl": _tgl(a.tanggal_masuk)}
            )
    total = (tamu.get("tamu_laki") or 0) + (tamu.get("tamu_perempuan") or 0)
    label = {
        "tamu_disabilitas": _("tamu penyandang disabilitas"),
        "tamu_lansia": _("tamu lanjut usia"),
        "tamu_miskin": _("tamu dari keluarga miskin"),
    }
    for k in TAMU_RENTAN:
        if (tamu.get(k) or 0) > total:
            errors.setdefault(k, []).append(
                _(
                    "Jumlah %(kelompok)s (%(n)d) melebihi jumlah tamu laki-laki dan perempuan "
                    "(%(total)d)."
                )
                % {"kelompok": label[k], "n": tamu.get(k), "total": total}
            )
    return errors


def _tamu(tamu: dict | None) -> dict:
    tamu = tamu or {}
    return {
        k: int(tamu.get(k) or 0)
        for k in ("tamu_laki", "tamu_perempuan", "tamu_disabilitas", "tamu_lansia", "tamu_miskin")
    }


@transaction.atomic
def pertemuan_tautkan(
    *,
    user,
    kegiatan: Kegiatan,
    forum: Forum,
    sarana: Sarana | None = None,
    tempat_lain: str = "",
    hadir=(),
    tamu: dict | None = None,
    notulen: str = "",
) -> Pertemuan:
    """Make a daily-log entry a meeting of ``forum`` (or update the meeting it already is)."""
    _pastikan_boleh_catat(user, forum.wilayah_id)
    _pastikan_belum_bubar(forum)
    hadir, tamu = list(hadir), _tamu(tamu)
    errors = _pertemuan_validasi(
        forum=forum, tanggal=kegiatan.tanggal, sarana=sarana, hadir=hadir, tamu=tamu
    )
    if kegiatan.tata_cara != TataCara.PENGORGANISASIAN:
        errors.setdefault("forum", []).append(
            _(
                "Hanya kegiatan dengan tata cara pengorganisasian yang dapat menjadi pertemuan forum."
            )
        )
    if errors:
        raise ValidationError(errors)
    alasan = kegiatan_services.alasan_terkunci(kegiatan)
    if alasan:
        raise ValidationError(alasan)
    pertemuan = Pertemuan.objects.filter(kegiatan=kegiatan).first()
    _pastikan_kegiatan_bebas(kegiatan, kecuali=pertemuan)
    if pertemuan is None:
        pertemuan = Pertemuan(kegiatan=kegiatan)
    pertemuan.forum, pertemuan.sarana = forum, sarana
    pertemuan.tempat_lain = _rapikan(tempat_lain)
    pertemuan.notulen = (notulen or "").strip()
    for k, v in tamu.items():
        setattr(pertemuan, k, v)
    pertemuan.save()
    pertemuan.hadir.set(hadir)
    laki, perempuan = _peserta(hadir, tamu)
    if (kegiatan.peserta_laki, kegiatan.peserta_perempuan) != (laki, perempuan):
        kegiatan.peserta_laki, kegiatan.peserta_perempuan = laki, perempuan
        kegiatan.save(update_fields=["peserta_laki", "peserta_perempuan", "diubah"])
    return pertemuan


@transaction.atomic
def pertemuan_catat(
    *,
    user,
    forum: Forum,
    tanggal: datetime.date,
    jam_mulai: datetime.time,
    jam_selesai: datetime.time,
    judul: str,
    uraian: str = "",
    sarana: Sarana | None = None,
    tempat_lain: str = "",
    hadir=(),
    tamu: dict | None = None,
    notulen: str = "",
) -> Pertemuan:
    """Record a forum meeting from the forum's page: a pengorganisasian entry in the user's daily
    log at the forum's region, linked as this forum's meeting."""
    _pastikan_boleh_catat(user, forum.wilayah_id)
    _pastikan_belum_bubar(forum)
    hadir = list(hadir)
    errors = _pertemuan_validasi(
        forum=forum, tanggal=tanggal, sarana=sarana, hadir=hadir, tamu=_tamu(tamu)
    )
    laki, perempuan = _peserta(hadir, _tamu(tamu))
    try:
        kegiatan = _kegiatan_buat(
            user=user,
            wilayah=forum.wilayah,
            tanggal=tanggal,
            jam_mulai=jam_mulai,
            jam_selesai=jam_selesai,
            judul=judul,
            uraian=uraian,
            peserta_laki=laki,
            peserta_perempuan=perempuan,
        )
    except ValidationError as e:
        for k, msgs in e.message_dict.items():
            errors.setdefault(k, []).extend(msgs)
        raise ValidationError(errors)
    if errors:
        raise ValidationError(errors)
    return pertemuan_tautkan(
        user=user,
        kegiatan=kegiatan,
        forum=forum,
        sarana=sarana,
        tempat_lain=tempat_lain,
        hadir=hadir,
        tamu=tamu,
        notulen=notulen,
    )


# ------------------------------------------------------------------------------- decisions
@transaction.atomic
def keputusan_jadikan_tindak_lanjut(
    *, user, keputusan: Keputusan, judul: str = "", penanggung_jawab: str, jatuh_tempo
) -> Keputusan:
    """Turn a decision into a follow-up action (the core's ``TindakLanjut``) — who, by when."""
    forum = keputusan.pertemuan.forum
    _pastikan_boleh_catat(user, forum.wilayah_id)
    if keputusan.tindak_lanjut_id:
        raise ValidationError(_("Keputusan ini sudah menjadi tindak lanjut."))
    tl = inti.tindak_lanjut_buat(
        wilayah=forum.wilayah,
        pendamping=_pendamping_pengguna(user),
        judul=_rapikan(judul) or _rapikan(keputusan.isi)[:250],
        penanggung_jawab=penanggung_jawab,
        jatuh_tempo=jatuh_tempo,
        kegiatan=keputusan.pertemuan.kegiatan,
        sumber=keputusan,
    )
    keputusan.tindak_lanjut = tl
    keputusan.save(update_fields=["tindak_lanjut"])
    return keputusan


@transaction.atomic
def keputusan_buat(
    *,
    user,
    pertemuan: Pertemuan,
    isi: str,
    jadikan_tindak_lanjut: bool = False,
    penanggung_jawab: str = "",
    jatuh_tempo: datetime.date | None = None,
) -> Keputusan:
    """Record a decision of a meeting, and optionally open its follow-up at once."""
    _pastikan_boleh_catat(user, pertemuan.forum.wilayah_id)
    isi = (isi or "").strip()
    errors = {}
    if not isi:
        errors["isi"] = _("Tuliskan isi keputusan.")
    if jadikan_tindak_lanjut:
        if not _rapikan(penanggung_jawab):
            errors["penanggung_jawab"] = _("Sebutkan siapa yang melaksanakan tindak lanjut.")
        if jatuh_tempo is None:
            errors["jatuh_tempo"] = _("Tentukan jatuh tempo tindak lanjut.")
        elif jatuh_tempo < timezone.localdate():
            errors["jatuh_tempo"] = _(
                "Jatuh tempo %(tgl)s sudah lewat. Tentukan tanggal hari ini atau sesudahnya."
            ) % {"tgl": _tgl(jatuh_tempo)}
    if errors:
        raise ValidationError(errors)
    keputusan = Keputusan.objects.create(pertemuan=pertemuan, isi=isi)
    if jadikan_tindak_lanjut:
        keputusan_jadikan_tindak_lanjut(
            user=user,
            keputusan=keputusan,
            penanggung_jawab=penanggung_jawab,
            jatuh_tempo=jatuh_tempo,
        )
    return keputusan


# ------------------------------------------------------------------------------ activities
def _aktivitas_validasi(*, jenis, bidang, umkm, kesepakatan) -> dict:
    errors = {}
    if jenis == JenisAktivitas.PENGABDIAN and not bidang:
        errors["bidang"] = _("Pilih bidang pengabdian masyarakat.")
    if jenis != JenisAktivitas.PENGABDIAN and bidang:
        errors["bidang"] = _("Bidang hanya diisi untuk pengabdian masyarakat.")
    if jenis == JenisAktivitas.KEMITRAAN_UMKM:
        if not (umkm or "").strip():
            errors["umkm"] = _("Sebutkan UMKM yang terlibat.")
        if not (kesepakatan or "").strip():
            errors["kesepakatan"] = _("Tuliskan apa yang disepakati dengan UMKM.")
    return errors


@transaction.atomic
def aktivitas_tautkan(
    *,
    user,
    kegiatan: Kegiatan,
    forum: Forum,
    jenis: str,
    bidang: str = "",
    umkm: str = "",
    kesepakatan: str = "",
) -> AktivitasForum:
    """Make a daily-log entry an activity of ``forum`` (or update the activity it already is)."""
    _pastikan_boleh_catat(user, forum.wilayah_id)
    _pastikan_belum_bubar(forum)
    errors = _aktivitas_validasi(jenis=jenis, bidang=bidang, umkm=umkm, kesepakatan=kesepakatan)
    if errors:
        raise ValidationError(errors)
    aktivitas = AktivitasForum.objects.filter(kegiatan=kegiatan).first()
    _pastikan_kegiatan_bebas(kegiatan, kecuali=aktivitas)
    if aktivitas is None:
        aktivitas = AktivitasForum(kegiatan=kegiatan)
    aktivitas.forum, aktivitas.jenis, aktivitas.bidang = forum, jenis, bidang or ""
    aktivitas.umkm = "\n".join(_rapikan(x) for x in (umkm or "").splitlines() if x.strip())
    aktivitas.kesepakatan = (kesepakatan or "").strip()
    aktivitas.save()
    return aktivitas


@transaction.atomic
def aktivitas_catat(
    *,
    user,
    forum: Forum,
    tanggal: datetime.date,
    jam_mulai: datetime.time,
    jam_selesai: datetime.time,
    judul: str,
    uraian: str = "",
    jenis: str,
    bidang: str = "",
    umkm: str = "",
    kesepakatan: str = "",
) -> AktivitasForum:
    """Record an activity of the forum from its page (a pengorganisasian entry in the daily log)."""
    _pastikan_boleh_catat(user, forum.wilayah_id)
    _pastikan_belum_bubar(forum)
    errors = _aktivitas_validasi(jenis=jenis, bidang=bidang, umkm=umkm, kesepakatan=kesepakatan)
    try:
        kegiatan = _kegiatan_buat(
            user=user,
            wilayah=forum.wilayah,
            tanggal=tanggal,
            jam_mulai=jam_mulai,
            jam_selesai=jam_selesai,
            judul=judul,
            uraian=uraian,
        )
    except ValidationError as e:
        errors.update(e.message_dict)
        raise ValidationError(errors)
    if errors:
        raise ValidationError(errors)
    return aktivitas_tautkan(
        user=user,
        kegiatan=kegiatan,
        forum=forum,
        jenis=jenis,
        bidang=bidang,
        umkm=umkm,
        kesepakatan=kesepakatan,
    )
