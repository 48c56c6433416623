"""Every write of the core: one function per use case, keyword-only, validated, atomic."""

from __future__ import annotations

import csv
import datetime
import json
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import roles
from .inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from .models import (
    ImporWilayah,
    JenisPenugasan,
    Pendamping,
    Penugasan,
    StatusTindakLanjut,
    TindakLanjut,
    Wilayah,
)
from .models.pendamping import penugasan_galat_wilayah
from .wilayah_kode import jenis_dari_kode, kode_induk, kode_valid, tingkat_dari_kode

# ------------------------------------------------------------------------------ regions
BERKAS_WILAYAH = [
    ("provinces.csv", ["code", "name"]),
    ("regencies.csv", ["code", "province_code", "name"]),
    ("districts.csv", ["code", "regency_code", "name"]),
    ("villages.csv", ["code", "district_code", "name"]),
]


def _baca_sumber(folder: Path) -> list[tuple[str, str]]:
    """Read and check the four CSV files; return (kode, nama) in level order. Raises ValidationError."""
    baris: list[tuple[str, str]] = []
    dikenal: set[str] = set()
    for nama_berkas, kolom in BERKAS_WILAYAH:
        path = folder / nama_berkas
        if not path.is_file():
            raise ValidationError(
                _("Berkas %(f)s tidak ditemukan di %(d)s.") % {"f": nama_berkas, "d": folder}
            )
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header != kolom:
                raise ValidationError(
                    _("Kepala kolom %(f)s tidak sesuai: diharapkan %(k)s, ditemukan %(h)s.")
                    % {"f": nama_berkas, "k": ",".join(kolom), "h": ",".join(header or [])}
                )
            for nomor, row in enumerate(reader, start=2):
                if len(row) != len(kolom):
                    raise ValidationError(
                        _("%(f)s baris %(n)d: jumlah kolom salah.") % {"f": nama_berkas, "n": nomor}
                    )
                kode, nama = row[0].strip(), row[-1].strip()
                induk = row[1].strip() if len(kolom) == 3 else None
                if not kode_valid(kode) or not nama:
                    raise ValidationError(
                        _("%(f)s baris %(n)d: kode atau nama tidak sah (%(k)s).")
                        % {"f": nama_berkas, "n": nomor, "k": kode}
                    )
                if induk is not None and (kode_induk(kode) != induk or induk not in dikenal):
                    raise ValidationError(
                        _("%(f)s baris %(n)d: induk %(i)s tidak cocok dengan kode %(k)s.")
                        % {"f": nama_berkas, "n": nomor, "i": induk, "k": kode}
                    )
                dikenal.add(kode)
                baris.append((kode, nama))
    return baris


def _versi_sumber(folder: Path) -> str:
    pkg = folder.parent / "package.json"
    try:
        return json.loads(pkg.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "tidak diketahui"


@transaction.atomic
def wilayah_impor(*, folder: Path, sumber: str = "idn-area-data") -> ImporWilayah:
    """Load the national region list from ``folder`` (the package's ``data`` directory).

    One transaction: a missing or malformed file raises ``ValidationError`` and changes nothing.
    New codes are added, changed names updated; nothing is ever deleted (codes no longer in the
    source are only counted).
    """
    t0 = time.monotonic()
    baris = _baca_sumber(Path(folder))
    ada = dict(Wilayah.objects.values_list("kode", "nama"))
    baru, ubah = [], []
    for kode, nama in baris:
        if kode not in ada:
            baru.append(
                Wilayah(
                    kode=kode,
                    nama=nama,
                    tingkat=tingkat_dari_kode(kode),
                    jenis=jenis_dari_kode(kode),
                    induk_id=kode_induk(kode),
                )
            )
        elif ada[kode] != nama:
            ubah.append(Wilayah(kode=kode, nama=nama))
    Wilayah.objects.bulk_create(baru, batch_size=2000)
    if ubah:
        sekarang = timezone.now()
        for w in ubah:
            w.diperbarui = sekarang
        Wilayah.objects.bulk_update(ubah, ["nama", "diperbarui"], batch_size=2000)
    di_sumber = {k for k, _n in baris}
    log = ImporWilayah.objects.create(
        sumber=sumber,
        versi=_versi_sumber(Path(folder)),
        ditambah=len(baru),
        diubah=len(ubah),
        tidak_ada_lagi=sum(1 for k in ada if k not in di_sumber),
        detik=round(time.monotonic() - t0, 2),
    )
    return log


# ------------------------------------------------------------------------ facilitators
@transaction.atomic
def pendamping_buat(
    *,
    username: str,
    nama: str,
    jabatan: str,
    password: str | None = None,
    email: str = "",
    nomor_kontrak: str = "",
    telepon: str = "",
) -> Pendamping:
    """Create a user and their facilitator profile, in the group that follows the jabatan."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValidationError(
            {"username": _("Nama pengguna %(u)s sudah dipakai.") % {"u": username}}
        )
    user = User.objects.create_user(username=username, email=email, password=password)
    user.first_name = nama[:150]
    user.save(update_fields=["first_name"])
    p = Pendamping.objects.create(
        user=user, nama=nama, jabatan=jabatan, nomor_kontrak=nomor_kontrak, telepon=telepon
    )
    pendamping_sinkronkan_grup(pendamping=p)
    return p


def pendamping_sinkronkan_grup(*, pendamping: Pendamping) -> None:
    """Put the user in exactly the facilitator group that follows their jabatan."""
    nama_grup = roles.grup_untuk_jabatan(pendamping.jabatan)
    grup, _c = Group.objects.get_or_create(name=nama_grup)
    fasilitator = [roles.GRUP_PENDAMPING, roles.GRUP_PENGAWAS]
    pendamping.user.groups.remove(*Group.objects.filter(name__in=fasilitator).exclude(pk=grup.pk))
    pendamping.user.groups.add(grup)


def penugasan_validasi(
    *,
    pendamping: Pendamping,
    wilayah: Wilayah | None,
    jenis: str,
    mulai: datetime.date,
    selesai: datetime.date | None,
    kecuali_pk: int | None = None,
) -> None:
    """The rules of an assignment; raises ValidationError with field messages. ``wilayah`` None
    is a national assignment (national roles only); a kelurahan takes no field assignment
    (``models.pendamping.penugasan_galat_wilayah``)."""
    errors = {}
    if selesai and mulai and selesai < mulai:
        errors["selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    galat = penugasan_galat_wilayah(jabatan=pendamping.jabatan, jenis=jenis, wilayah=wilayah)
    if galat:
        errors["wilayah"] = galat
    if not errors and mulai:
        tumpang = Penugasan.objects.filter(pendamping=pendamping, wilayah=wilayah, jenis=jenis)
        if kecuali_pk:
            tumpang = tumpang.exclude(pk=kecuali_pk)
        # periods overlap when each starts before the other ends
        tumpang = tumpang.filter(Q(selesai__isnull=True) | Q(selesai__gte=mulai))
        if selesai:
            tumpang = tumpang.filter(mulai__lte=selesai)
        if tumpang.exists():
            errors["mulai"] = _("Penugasan yang sama sudah ada pada periode ini.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def penugasan_buat(
    *,
    pendamping: Pendamping,
    wilayah: Wilayah | None,
    jenis: str = JenisPenugasan.LAPANGAN,
    mulai: datetime.date,
    selesai: datetime.date | None = None,
    catatan: str = "",
) -> Penugasan:
    """Assign a facilitator to a region (None: the whole country, for a national role) for a
    period (see ``penugasan_validasi``)."""
    penugasan_validasi(
        pendamping=pendamping, wilayah=wilayah, jenis=jenis, mulai=mulai, selesai=selesai
    )
    return Penugasan.objects.create(
        pendamping=pendamping,
        wilayah=wilayah,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        catatan=catatan,
    )


@transaction.atomic
def penugasan_akhiri(*, penugasan: Penugasan, selesai: datetime.date) -> Penugasan:
    if selesai < penugasan.mulai:
        raise ValidationError({"selesai": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
    penugasan.selesai = selesai
    penugasan.save(update_fields=["selesai"])
    return penugasan


# --------------------------------------------------------------------------- follow-ups
@transaction.atomic
def tindak_lanjut_buat(
    *,
    wilayah: Wilayah,
    pendamping: Pendamping,
    judul: str,
    penanggung_jawab: str,
    jatuh_tempo: datetime.date,
    kegiatan=None,
    sumber=None,
    boleh_lampau: bool = False,
    kunci_sekali=None,
) -> TindakLanjut:
    """Open a follow-up action. Any app may call this; ``sumber`` is the record it came from.
    With a form's one-time key a repeat raises ``SudahTersimpan`` with the first follow-up."""
    ada = sudah_ada(TindakLanjut, kunci_dari(kunci_sekali))
    if ada is not None:
        raise SudahTersimpan(ada)
    errors = {}
    if not (judul or "").strip():
        errors["judul"] = _("Tuliskan tindak lanjutnya.")
    if not (penanggung_jawab or "").strip():
        errors["penanggung_jawab"] = _("Sebutkan siapa yang melaksanakan.")
    if jatuh_tempo is None:
        errors["jatuh_tempo"] = _("Tentukan jatuh tempo.")
    elif not boleh_lampau and jatuh_tempo < timezone.localdate():
        errors["jatuh_tempo"] = _("Jatuh tempo tidak boleh di masa lalu.")
    if errors:
        raise ValidationError(errors)
    tl = TindakLanjut(
        wilayah=wilayah,
        pendamping=pendamping,
        kegiatan=kegiatan,
        judul=judul.strip(),
        penanggung_jawab=penanggung_jawab.strip(),
        jatuh_tempo=jatuh_tempo,
        kunci_sekali=kunci_dari(kunci_sekali),
    )
    if sumber is not None:
        tl.sumber_jenis = ContentType.objects.get_for_model(sumber)
        tl.sumber_id = str(sumber.pk)

    def simpan():
        tl.save()
        return tl

    tl, dibuat = buat_sekali(TindakLanjut, tl.kunci_sekali, simpan)
    if not dibuat:
        raise SudahTersimpan(tl)
    return tl


@transaction.atomic
def tindak_lanjut_selesaikan(
    *, tindak_lanjut: TindakLanjut, catatan: str, status: str = StatusTindakLanjut.SELESAI
) -> TindakLanjut:
    """Close a follow-up (done or cancelled) with a note. Closing a closed one is a no-op."""
    if tindak_lanjut.status == status:
        return tindak_lanjut
    if tindak_lanjut.status != StatusTindakLanjut.TERBUKA:
        raise ValidationError(_("Tindak lanjut ini sudah ditutup."))
    if not (catatan or "").strip():
        raise ValidationError({"catatan_selesai": _("Tuliskan catatan penyelesaian.")})
    tindak_lanjut.status = status
    tindak_lanjut.catatan_selesai = catatan.strip()
    tindak_lanjut.selesai_pada = timezone.now()
    tindak_lanjut.save(update_fields=["status", "catatan_selesai", "selesai_pada", "diubah"])
    return tindak_lanjut
