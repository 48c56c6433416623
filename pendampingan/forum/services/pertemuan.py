"""Writes of meetings: a daily-log entry (through the core's entry service) linked as the forum's
meeting, with its place, attendance and minutes. A create takes the form's one-time key
(``kunci_sekali``): a double click records one meeting and one entry; the repeat raises
``SudahTersimpan`` with the first."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.models import Kegiatan, TataCara

from ..models import (
    Forum,
    JenisKelamin,
    Pertemuan,
    Sarana,
)
from ._kegiatan import _kegiatan_buat, _pastikan_kegiatan_bebas
from ._umum import (
    _pastikan_belum_bubar,
    _pastikan_ubah_forum,
    _rapikan,
    _sekali,
    _tgl,
    sarana_di_wilayah_forum,
)


# -------------------------------------------------------------------------------- meetings
def _peserta(hadir, tamu: dict) -> tuple[int, int]:
    """(male, female) participants of a meeting: members present plus guests."""
    laki = sum(1 for a in hadir if a.jenis_kelamin == JenisKelamin.LAKI_LAKI)
    perempuan = len(hadir) - laki
    return laki + tamu.get("tamu_laki", 0), perempuan + tamu.get("tamu_perempuan", 0)


TAMU_RENTAN = ("tamu_disabilitas", "tamu_lansia", "tamu_miskin")


def _pertemuan_validasi(
    *, forum: Forum, tanggal: datetime.date, sarana: Sarana | None, hadir, tamu: dict
) -> dict:
    errors: dict[str, list[str]] = {}
    if sarana is not None:
        if not sarana_di_wilayah_forum(sarana, forum):
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
    kunci_sekali: uuid.UUID | None = None,
) -> Pertemuan:
    """Make a daily-log entry a meeting of ``forum`` (or update the meeting it already is).
    ``kunci_sekali`` is stored on a new meeting."""
    _pastikan_ubah_forum(user, forum)
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
        pertemuan = Pertemuan(kegiatan=kegiatan, kunci_sekali=kunci_sekali)
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
    kegiatan_services.kegiatan_butir_segarkan(kegiatan=kegiatan)
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
    kunci_sekali: uuid.UUID | None = None,
) -> Pertemuan:
    """Record a forum meeting from the forum's page: a pengorganisasian entry in the user's daily
    log at the forum's region, linked as this forum's meeting — once per ``kunci_sekali`` (the
    entry and the meeting are made together, so a repeat leaves no second entry)."""
    _pastikan_ubah_forum(user, forum)
    _pastikan_belum_bubar(forum)
    hadir = list(hadir)

    def buat():
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
            kunci_sekali=kunci_sekali,
        )

    return _sekali(Pertemuan, kunci_sekali, buat)
