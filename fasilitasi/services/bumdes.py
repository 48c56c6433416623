"""Writes of the BUM Desa register: the enterprise itself, its business units and managers, its
yearly figures. Who may write is ``akses.boleh_daftar_bumdes`` / ``boleh_ubah_bumdes`` (403); each
create takes the form's one-time key and raises ``SudahTersimpan`` with the first record on a
repeat."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from pendampingan.models import Tingkat, pesan_bukan_desa

from .. import akses
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


def _pastikan_boleh(user, bumdes):
    pastikan(
        akses.boleh_ubah_bumdes(user, bumdes), _("Anda tidak berwenang mengubah BUM Desa ini.")
    )


def _sekali(model, kunci_sekali, buat):
    """``buat()`` once per key; a repeat raises ``SudahTersimpan`` with the first record."""
    ada = sudah_ada(model, kunci_dari(kunci_sekali))
    if ada is None:
        ada, dibuat = buat_sekali(model, kunci_sekali, buat)
        if dibuat:
            return ada
    raise SudahTersimpan(ada)


@transaction.atomic
def bumdes_simpan(
    *, user, data: dict, desa_anggota=(), bumdes: BumDesa | None = None, kunci_sekali=None
) -> BumDesa:
    """Register a BUM Desa (``bumdes=None``) or update one. A BUM Desa Bersama needs at least two
    villages (its seat and one more); a legal entity needs its registration number. The seat must
    be a desa inside the user's scope (403 otherwise)."""
    if bumdes is None and (ada := sudah_ada(BumDesa, kunci_dari(kunci_sekali))) is not None:
        raise SudahTersimpan(ada)
    wilayah = data.get("wilayah")
    errors = {}
    if wilayah is None or wilayah.tingkat != Tingkat.DESA:
        errors["wilayah"] = _("Pilih desa tempat BUM Desa berkedudukan.")
    elif wilayah.adalah_kelurahan:
        # only a desa founds a BUM Desa (UU 6/2014); a kelurahan has no village government
        errors["wilayah"] = pesan_bukan_desa(wilayah, _("BUM Desa"))
    elif bumdes is None:
        pastikan(
            akses.boleh_daftar_bumdes(user, wilayah),
            _("Anda tidak berwenang mendaftarkan BUM Desa di desa %(d)s.") % {"d": wilayah.nama},
        )
    else:
        _pastikan_boleh(user, bumdes)
        pastikan(
            akses.boleh_pindah_kedudukan_bumdes(user, bumdes, wilayah),
            _("Desa %(d)s di luar wilayah tugas Anda.") % {"d": wilayah.nama},
        )
    if not (data.get("nama") or "").strip():
        errors["nama"] = _("Tuliskan nama BUM Desa.")
    anggota = [d for d in desa_anggota if wilayah is None or d.pk != wilayah.pk]
    if data.get("jenis") == JenisBumDesa.BERSAMA:
        if not anggota:
            errors["desa_anggota"] = _(
                "BUM Desa Bersama didirikan oleh dua desa atau lebih: pilih desa anggota lainnya."
            )
        elif any(d.tingkat != Tingkat.DESA for d in anggota):
            errors["desa_anggota"] = _("Desa anggota harus desa.")
        elif kelurahan := next((d for d in anggota if d.adalah_kelurahan), None):
            errors["desa_anggota"] = pesan_bukan_desa(kelurahan, _("BUM Desa Bersama"))
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
        if bumdes is None and (ada := sudah_ada(BumDesa, kunci_dari(kunci_sekali))) is not None:
            raise SudahTersimpan(ada)  # the first submission committed a moment ago
        raise ValidationError(errors)

    def simpan(b: BumDesa) -> BumDesa:
        for f in FIELD_BUMDES:
            if f in data:
                nilai = data[f]
                setattr(b, f, nilai.strip() if isinstance(nilai, str) else nilai)
        b.save()
        b.desa_anggota.set(anggota)
        return b

    try:
        if bumdes is not None:
            return simpan(bumdes)
        return _sekali(
            BumDesa, kunci_sekali, lambda: simpan(BumDesa(kunci_sekali=kunci_dari(kunci_sekali)))
        )
    except IntegrityError:  # the same registration number saved at the same moment
        raise ValidationError(
            {"nomor_registrasi": _("Nomor registrasi itu sudah dipakai BUM Desa lain.")}
        ) from None


@transaction.atomic
def unit_usaha_simpan(
    *,
    user,
    bumdes: BumDesa,
    nama: str,
    bidang: str = "",
    aktif: bool = True,
    unit=None,
    kunci_sekali=None,
) -> UnitUsaha:
    """Add a business unit (``unit=None``) or update one."""
    _pastikan_boleh(user, bumdes)
    if not (nama or "").strip():
        raise ValidationError({"nama": _("Tuliskan nama unit usaha.")})

    def simpan(u: UnitUsaha) -> UnitUsaha:
        u.nama, u.bidang, u.aktif = nama.strip(), (bidang or "").strip(), aktif
        u.save()
        return u

    if unit is not None:
        return simpan(unit)
    return _sekali(
        UnitUsaha,
        kunci_sekali,
        lambda: simpan(UnitUsaha(bumdes=bumdes, kunci_sekali=kunci_dari(kunci_sekali))),
    )


@transaction.atomic
def pengurus_simpan(
    *,
    user,
    bumdes: BumDesa,
    nama: str,
    jabatan: str,
    telepon="",
    mulai=None,
    selesai=None,
    kunci_sekali=None,
) -> PengurusBumDesa:
    """Add a manager of the BUM Desa."""
    _pastikan_boleh(user, bumdes)
    errors = {}
    if not (nama or "").strip():
        errors["nama"] = _("Tuliskan nama pengurus.")
    if mulai and selesai and selesai < mulai:
        errors["selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if errors:
        raise ValidationError(errors)
    return _sekali(
        PengurusBumDesa,
        kunci_sekali,
        lambda: PengurusBumDesa.objects.create(
            bumdes=bumdes,
            nama=nama.strip(),
            jabatan=jabatan,
            telepon=(telepon or "").strip(),
            mulai=mulai,
            selesai=selesai,
            kunci_sekali=kunci_dari(kunci_sekali),
        ),
    )


@transaction.atomic
def laporan_tahunan_simpan(
    *, user, bumdes: BumDesa, tahun: int, kunci_sekali=None, **angka
) -> LaporanTahunanBumDesa:
    """Record (or correct) a year's figures; one row per year. The row keeps the key of the form
    that last wrote it: that form sent again changes nothing."""
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
    return _sekali(
        LaporanTahunanBumDesa,
        kunci_sekali,
        lambda: LaporanTahunanBumDesa.objects.update_or_create(
            bumdes=bumdes, tahun=tahun, defaults={**angka, "kunci_sekali": kunci_dari(kunci_sekali)}
        )[0],
    )
