"""The incident's record: chronology entries, impact snapshots (with BNPB severity per facility
type, F3), evacuations (F1) and evidence files.

Evidence goes through the platform's one upload check (``periksa_berkas``: the bytes decide the type,
images are fully decoded under a pixel cap, archives measured unpacked, markup refused) and is stored
from the checked bytes on the private storage (``BerkasPrivatField``); a file whose transaction does
not commit is removed again.
"""

from __future__ import annotations

import datetime
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.berkas import FOTO_ATAU_DOKUMEN, simpan_berkas
from pendampingan.models import Pendamping, Wilayah

from .. import akses
from ..models import (
    KOLOM_PER_TINGKAT,
    NAMA_KOLOM_DAMPAK,
    Bukti,
    JenisBukti,
    Kejadian,
    Kronologi,
    Pengungsian,
    PenilaianDampak,
)
from ._umum import desa_kejadian, pengguna, periksa, sekali, waktu_lampau

PESAN_LUAR_WILAYAH = _("Kejadian ini di luar wilayah tugas Anda.")


# -------------------------------------------------------------------------- chronology
@transaction.atomic
def kronologi_tambah(
    *,
    kejadian: Kejadian,
    waktu: datetime.datetime,
    isi: str,
    oleh: Pendamping,
    mengoreksi: Kronologi | None = None,
    kunci_sekali: uuid.UUID | None = None,
) -> Kronologi:
    """Append an entry; a correction points at the entry it corrects (of the same incident)."""
    user = pengguna(oleh)

    def buat(kunci):
        pastikan(akses.boleh_ubah(user, kejadian), PESAN_LUAR_WILAYAH)
        if not (isi or "").strip():
            raise ValidationError({"isi": _("Tuliskan apa yang terjadi atau dilakukan.")})
        waktu_lampau(waktu)
        if mengoreksi is not None and mengoreksi.kejadian_id != kejadian.pk:
            raise ValidationError(_("Entri yang dikoreksi bukan milik kejadian ini."))
        return Kronologi.objects.create(
            kejadian=kejadian,
            waktu=waktu,
            isi=isi.strip(),
            oleh=oleh,
            mengoreksi=mengoreksi,
            kunci_sekali=kunci,
        )

    return sekali(Kronologi, kunci_sekali, buat)


# ------------------------------------------------------------------------------ impact
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
    kunci_sekali: uuid.UUID | None = None,
) -> PenilaianDampak:
    """Record a dated impact snapshot of one affected desa (it supersedes that desa's earlier ones
    in the totals). A closed incident takes no new snapshot."""
    user = pengguna(oleh)

    def buat(kunci):
        pastikan(akses.boleh_ubah(user, kejadian), PESAN_LUAR_WILAYAH)
        pastikan(
            akses.boleh_catat_dampak(user, kejadian),
            _(
                "Kejadian ini sudah selesai. Buka kembali kejadian untuk mencatat penilaian dampak baru."
            ),
        )
        desa_kejadian(kejadian, desa, "desa")
        waktu_lampau(waktu)
        errors = {}
        nilai = {}
        for kolom in NAMA_KOLOM_DAMPAK:
            v = angka.get(kolom) or 0
            if v < 0:
                errors[kolom] = _("Angka dampak tidak boleh kurang dari nol.")
            nilai[kolom] = v
        _jumlah_per_tingkat(nilai, errors)
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
            kunci_sekali=kunci,
            **nilai,
        )

    return sekali(PenilaianDampak, kunci_sekali, buat)


def _jumlah_per_tingkat(nilai: dict, errors: dict) -> None:
    """F3: a facility's total is the sum of its BNPB severities (berat, sedang, ringan). A total
    sent without severities (an older client) is kept as a total of unknown severity; a total
    that contradicts the severities sent with it is refused."""
    for total, per_tingkat in KOLOM_PER_TINGKAT.items():
        jumlah = sum(nilai[k] for k in per_tingkat)
        if not jumlah:
            continue
        if nilai[total] and nilai[total] != jumlah:
            errors[total] = _(
                "Jumlah (%(n)d) tidak sama dengan rusak berat + sedang + ringan (%(j)d)."
            ) % {"n": nilai[total], "j": jumlah}
        nilai[total] = jumlah


# ------------------------------------------------------------------------- evacuation (F1)
@transaction.atomic
def pengungsian_catat(
    *,
    kejadian: Kejadian,
    desa: Wilayah,
    lokasi: str,
    jumlah_jiwa: int,
    waktu: datetime.datetime,
    dipindahkan_oleh: str,
    oleh: Pendamping,
    keterangan: str = "",
    mengoreksi: Pengungsian | None = None,
    kunci_sekali: uuid.UUID | None = None,
) -> Pengungsian:
    """Duty F1: record a group of people moved to safety (from an affected desa, to where, how
    many, when, organised by whom). Append-only: a correction is a new row pointing at the one it
    replaces (0 people when nobody was moved after all)."""
    user = pengguna(oleh)

    def buat(kunci):
        pastikan(akses.boleh_ubah(user, kejadian), PESAN_LUAR_WILAYAH)
        desa_kejadian(kejadian, desa, "desa")
        waktu_lampau(waktu)
        errors = {}
        if not (lokasi or "").strip():
            errors["lokasi"] = _("Tuliskan ke mana warga dipindahkan.")
        if not (dipindahkan_oleh or "").strip():
            errors["dipindahkan_oleh"] = _("Tuliskan siapa yang memindahkan atau mengorganisasi.")
        if jumlah_jiwa is None or jumlah_jiwa < 0:
            errors["jumlah_jiwa"] = _("Jumlah orang tidak boleh kurang dari nol.")
        elif jumlah_jiwa == 0 and mengoreksi is None:
            errors["jumlah_jiwa"] = _("Isi jumlah orang yang dipindahkan (paling sedikit 1).")
        elif desa.jumlah_penduduk is not None and jumlah_jiwa > desa.jumlah_penduduk:
            errors["jumlah_jiwa"] = _(
                "Jumlah orang (%(n)d) melebihi jumlah penduduk %(desa)s (%(p)d jiwa)."
            ) % {"n": jumlah_jiwa, "desa": desa.nama, "p": desa.jumlah_penduduk}
        if mengoreksi is not None and mengoreksi.kejadian_id != kejadian.pk:
            errors["mengoreksi"] = _("Catatan yang dikoreksi bukan milik kejadian ini.")
        if errors:
            raise ValidationError(errors)
        return Pengungsian.objects.create(
            kejadian=kejadian,
            wilayah=desa,
            lokasi=lokasi.strip(),
            jumlah_jiwa=jumlah_jiwa,
            waktu=waktu,
            dipindahkan_oleh=dipindahkan_oleh.strip(),
            keterangan=(keterangan or "").strip(),
            mengoreksi=mengoreksi,
            oleh=oleh,
            kunci_sekali=kunci,
        )

    return sekali(Pengungsian, kunci_sekali, buat)


# ----------------------------------------------------------------------------- evidence
def bukti_simpan(*, kejadian, hasil, nama_asli, keterangan, oleh, kunci=None) -> Bukti:
    """Store checked bytes (``FotoTerperiksa``/``DokumenTerperiksa``) as evidence of ``kejadian``.
    The stored name ends with the extension the bytes were recognised as."""
    b = Bukti(
        kejadian=kejadian,
        jenis=JenisBukti.FOTO if hasil.adalah_foto else JenisBukti.DOKUMEN,
        nama_asli=(PurePath(nama_asli or "").name or "berkas")[:200],
        tipe_mime=hasil.mime,
        ukuran=len(hasil.isi),
        sha256=hasil.sha256,
        keterangan=(keterangan or "").strip()[:250],
        oleh=oleh,
        kunci_sekali=kunci,
    )
    simpan_berkas(b.berkas, f"bukti.{hasil.ekstensi}", hasil.isi)
    b.save()
    return b


@transaction.atomic
def bukti_tambah(
    *,
    kejadian: Kejadian,
    berkas,
    oleh: Pendamping,
    keterangan: str = "",
    jenis=FOTO_ATAU_DOKUMEN,
    kunci_sekali: uuid.UUID | None = None,
) -> Bukti:
    """Attach a photo or document (``jenis``: what the upload may be), checked by its bytes; its
    SHA-256 is stored."""
    user = pengguna(oleh)

    def buat(kunci):
        pastikan(akses.boleh_ubah(user, kejadian), PESAN_LUAR_WILAYAH)
        hasil = periksa(berkas, jenis, "berkas")
        return bukti_simpan(
            kejadian=kejadian,
            hasil=hasil,
            nama_asli=getattr(berkas, "name", ""),
            keterangan=keterangan,
            oleh=oleh,
            kunci=kunci,
        )

    return sekali(Bukti, kunci_sekali, buat)
