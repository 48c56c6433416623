"""Writes of the BUM Desa register: the enterprise itself, its business units and managers, its
yearly figures."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.models import Tingkat
from pendampingan.scope import cakupan_pengguna

from ..models import (
    BumDesa,
    JenisBumDesa,
    LaporanTahunanBumDesa,
    PengurusBumDesa,
    StatusBadanHukum,
    UnitUsaha,
)

FIELD_BUMDES = [
    "wilayah",
    "nama",
    "jenis",
    "status_badan_hukum",
    "nomor_registrasi",
    "tanggal_registrasi",
    "nomor_perdes",
    "tahun_berdiri",
    "keterangan",
    "aktif",
]


def boleh_ubah_bumdes(user, bumdes: BumDesa) -> bool:
    return user.has_perm("fasilitasi.change_bumdesa") and cakupan_pengguna(user).boleh_lihat(
        bumdes.wilayah_id
    )


def _pastikan_boleh(user, bumdes):
    if not boleh_ubah_bumdes(user, bumdes):
        raise ValidationError(_("Anda tidak berwenang mengubah BUM Desa ini."))


@transaction.atomic
def bumdes_simpan(*, user, data: dict, desa_anggota=(), bumdes: BumDesa | None = None) -> BumDesa:
    """Register a BUM Desa (``bumdes=None``) or update one. A BUM Desa Bersama needs at least two
    villages (its seat and one more); a legal entity needs its registration number."""
    c = cakupan_pengguna(user)
    wilayah = data.get("wilayah")
    errors = {}
    if wilayah is None or wilayah.tingkat != Tingkat.DESA:
        errors["wilayah"] = _("Pilih desa tempat BUM Desa berkedudukan.")
    elif not c.boleh_lihat(wilayah.kode):
        errors["wilayah"] = _("Desa itu di luar wilayah tugas Anda.")
    if not (data.get("nama") or "").strip():
        errors["nama"] = _("Tuliskan nama BUM Desa.")
    anggota = [d for d in desa_anggota if wilayah is None or d.pk != wilayah.pk]
    if data.get("jenis") == JenisBumDesa.BERSAMA:
        if not anggota:
            errors["desa_anggota"] = _(
                "BUM Desa Bersama didirikan oleh dua desa atau lebih: pilih desa anggota lainnya."
            )
        elif any(d.tingkat != Tingkat.DESA for d in anggota):
            errors["desa_anggota"] = _("Desa anggota harus desa/kelurahan.")
    elif anggota:
        errors["desa_anggota"] = _("Hanya BUM Desa Bersama yang memiliki desa anggota.")
    if (
        data.get("status_badan_hukum") == StatusBadanHukum.BADAN_HUKUM
        and not (data.get("nomor_registrasi") or "").strip()
    ):
        errors["nomor_registrasi"] = _("BUM Desa berbadan hukum harus punya nomor sertifikat.")
    tahun = data.get("tahun_berdiri")
    if tahun and not 1990 <= tahun <= timezone.localdate().year:
        errors["tahun_berdiri"] = _("Tahun berdiri tidak masuk akal.")
    nomor = (data.get("nomor_registrasi") or "").strip()
    if nomor:
        sama = BumDesa.objects.filter(nomor_registrasi=nomor)
        if bumdes is not None:
            sama = sama.exclude(pk=bumdes.pk)
        if sama.exists():
            errors["nomor_registrasi"] = _("Nomor registrasi itu sudah dipakai BUM Desa lain.")
    if errors:
        raise ValidationError(errors)
    if bumdes is None:
        if not user.has_perm("fasilitasi.add_bumdesa"):
            raise ValidationError(_("Anda tidak berwenang mendaftarkan BUM Desa."))
        bumdes = BumDesa()
    else:
        _pastikan_boleh(user, bumdes)
    for f in FIELD_BUMDES:
        if f in data:
            nilai = data[f]
            setattr(bumdes, f, nilai.strip() if isinstance(nilai, str) else nilai)
    bumdes.save()
    bumdes.desa_anggota.set(anggota)
    return bumdes


@transaction.atomic
def unit_usaha_simpan(
    *, user, bumdes: BumDesa, nama: str, bidang: str = "", aktif: bool = True, unit=None
) -> UnitUsaha:
    _pastikan_boleh(user, bumdes)
    if not (nama or "").strip():
        raise ValidationError({"nama": _("Tuliskan nama unit usaha.")})
    unit = unit or UnitUsaha(bumdes=bumdes)
    unit.nama, unit.bidang, unit.aktif = nama.strip(), (bidang or "").strip(), aktif
    unit.save()
    return unit


@transaction.atomic
def pengurus_simpan(
    *, user, bumdes: BumDesa, nama: str, jabatan: str, telepon="", mulai=None, selesai=None
) -> PengurusBumDesa:
    _pastikan_boleh(user, bumdes)
    errors = {}
    if not (nama or "").strip():
        errors["nama"] = _("Tuliskan nama pengurus.")
    if mulai and selesai and selesai < mulai:
        errors["selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if errors:
        raise ValidationError(errors)
    return PengurusBumDesa.objects.create(
        bumdes=bumdes,
        nama=nama.strip(),
        jabatan=jabatan,
        telepon=(telepon or "").strip(),
        mulai=mulai,
        selesai=selesai,
    )


@transaction.atomic
def laporan_tahunan_simpan(*, user, bumdes: BumDesa, tahun: int, **angka) -> LaporanTahunanBumDesa:
    """Record (or correct) a year's figures; one row per year."""
    _pastikan_boleh(user, bumdes)
    kini = timezone.localdate().year
    if tahun is None or tahun > kini or tahun < 1990:
        raise ValidationError(
            {"tahun": _("Tahun laporan harus antara 1990 dan %(k)d.") % {"k": kini}}
        )
    if bumdes.tahun_berdiri and tahun < bumdes.tahun_berdiri:
        raise ValidationError(
            {"tahun": _("BUM Desa ini baru berdiri tahun %(t)d.") % {"t": bumdes.tahun_berdiri}}
        )
    for f in ("omzet", "kontribusi_pades", "aset"):
        if angka.get(f) is not None and angka[f] < 0:
            raise ValidationError({f: _("Nilai tidak boleh negatif.")})
    laporan, _c = LaporanTahunanBumDesa.objects.update_or_create(
        bumdes=bumdes, tahun=tahun, defaults=angka
    )
    return laporan
