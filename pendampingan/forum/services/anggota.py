"""Writes of a forum's members: one by one, or many at once from an import (``impor``)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari

from .. import akses
from ..models import (
    Anggota,
    Forum,
    UnsurMasyarakat,
)
from ._umum import (
    _pastikan_belum_bubar,
    _pastikan_ubah_forum,
    _rapikan,
)


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


def _anggota_buat(
    *,
    forum: Forum,
    kunci_sekali,
    nama: str,
    jenis_kelamin: str,
    unsur: UnsurMasyarakat | None,
    peran: str = "",
    kontak: str = "",
    tanggal_masuk: datetime.date | None = None,
    tanggal_keluar: datetime.date | None = None,
) -> tuple[Anggota, bool]:
    """``(member, dibuat)``: validate and create once per key (the caller checked the user)."""

    def buat():
        nm = _rapikan(nama)
        errors = _anggota_validasi(
            forum=forum,
            nama=nm,
            jenis_kelamin=jenis_kelamin,
            unsur=unsur,
            tanggal_masuk=tanggal_masuk,
            tanggal_keluar=tanggal_keluar,
        )
        if errors:
            raise ValidationError(errors)
        return Anggota.objects.create(
            forum=forum,
            nama=nm,
            jenis_kelamin=jenis_kelamin,
            unsur=unsur,
            peran=_rapikan(peran),
            kontak=_rapikan(kontak),
            tanggal_masuk=tanggal_masuk,
            tanggal_keluar=tanggal_keluar,
            kunci_sekali=kunci_sekali,
        )

    try:
        return buat_sekali(Anggota, kunci_sekali, buat)
    except IntegrityError:  # a concurrent request added the same name first
        raise ValidationError(
            {
                "nama": _("%(nama)s sudah tercatat sebagai anggota forum ini.")
                % {"nama": _rapikan(nama)}
            }
        )


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
    kunci_sekali: uuid.UUID | None = None,
) -> Anggota:
    """Add a member. The same name twice in one forum is refused (here and by the database)."""
    _pastikan_ubah_forum(user, forum)
    _pastikan_belum_bubar(forum)
    a, dibuat = _anggota_buat(
        forum=forum,
        kunci_sekali=kunci_sekali,
        nama=nama,
        jenis_kelamin=jenis_kelamin,
        unsur=unsur,
        peran=peran,
        kontak=kontak,
        tanggal_masuk=tanggal_masuk,
        tanggal_keluar=tanggal_keluar,
    )
    if not dibuat:
        raise SudahTersimpan(a)
    return a


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
    pastikan(akses.boleh_ubah_anggota(user, anggota), akses.PESAN_BUKAN_WILAYAH_CATAT)
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
    sudah: list[Anggota] = field(default_factory=list)  # saved by an earlier send of this import


def kunci_baris_impor(kunci_sekali, nama: str) -> uuid.UUID | None:
    """The one-time key of one member of an import: derived from the submission's key and the
    member's name (the name is what makes a member unique in a forum), so sending the same import
    again finds each member it already added."""
    kunci = kunci_dari(kunci_sekali)
    if kunci is None:
        return None
    return uuid.uuid5(kunci, "anggota:" + _rapikan(nama).casefold())


@transaction.atomic
def anggota_impor(*, user, forum: Forum, baris: list, kunci_sekali=None) -> HasilImpor:
    """Add many members at once. ``baris`` holds ``impor.BarisAnggota`` (already parsed; a line that
    could not be read carries its own message). Good lines are added, each bad line is reported with
    its number and the reason; one bad line never stops the others. ``kunci_sekali`` is the
    submission's one-time key: a member this submission already added is listed in ``sudah``, not
    added twice."""
    _pastikan_ubah_forum(user, forum)
    _pastikan_belum_bubar(forum)
    hasil = HasilImpor()
    for b in baris:
        if b.galat:
            hasil.galat.append((b.nomor, b.galat))
            continue
        try:
            with transaction.atomic():
                a, dibuat = _anggota_buat(
                    forum=forum,
                    kunci_sekali=kunci_baris_impor(kunci_sekali, b.nama),
                    nama=b.nama,
                    jenis_kelamin=b.jenis_kelamin,
                    unsur=b.unsur,
                    peran=b.peran,
                    kontak=b.kontak,
                    tanggal_masuk=b.tanggal_masuk,
                )
        except ValidationError as e:
            pesan = "; ".join(m for msgs in e.message_dict.values() for m in msgs)
            hasil.galat.append((b.nomor, pesan))
        else:
            (hasil.dibuat if dibuat else hasil.sudah).append(a)
    return hasil
