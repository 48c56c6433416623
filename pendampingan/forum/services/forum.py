"""Writes of forums, their members and the village facilities."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.models import Pendamping, Tingkat, Wilayah

from ..models import (
    PERPINDAHAN_STATUS,
    Anggota,
    Forum,
    JenisForum,
    RiwayatStatusForum,
    Sarana,
    StatusForum,
    UnsurMasyarakat,
)
from ._umum import (
    JENIS_ANTARDESA,
    TINGKAT_FORUM,
    _pastikan_belum_bubar,
    _pastikan_boleh_catat,
    _rapikan,
)


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
