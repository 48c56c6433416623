"""Writes of meetings (a daily-log entry made through the core's entry service), decisions that
become follow-ups, and the forum's activities."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan import services as inti
from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.models import Kegiatan, TataCara, Wilayah

from ..models import (
    AktivitasForum,
    Forum,
    JenisAktivitas,
    JenisKelamin,
    Keputusan,
    Pertemuan,
    Sarana,
)
from ._umum import (
    _pastikan_belum_bubar,
    _pastikan_boleh_catat,
    _pendamping_pengguna,
    _rapikan,
    _tgl,
)


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
def aktivitas_validasi(*, jenis, bidang, umkm, kesepakatan) -> dict:
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
    errors = aktivitas_validasi(jenis=jenis, bidang=bidang, umkm=umkm, kesepakatan=kesepakatan)
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
    errors = aktivitas_validasi(jenis=jenis, bidang=bidang, umkm=umkm, kesepakatan=kesepakatan)
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
