"""Import of village status (IDM, Indeks Desa) from a spreadsheet (XLSX, first sheet) or a CSV.

Columns: ``kode,tahun,skor`` first, then optionally ``status`` and one column per dimension of the
index, named by the dimension's code (IDM: ``iks,ike,ikl``; Indeks Desa: ``layanan-dasar,sosial,
ekonomi,lingkungan,aksesibilitas,tata-kelola``). The status is computed from the score by the
index's bands for that year; a status given in the file must agree with them.

The upload goes through the platform's one check (``periksa_berkas(berkas, XLSX_ATAU_CSV)``: an XLSX
by its bytes with no zip bomb, or UTF-8 text; no script). Then line by line: an unknown code, a
region that is not a desa (a kelurahan is not scored), a desa outside the importer's scope, a year
the index does not cover (IDM up to 2023, Indeks Desa from 2024), a bad score or dimension score,
or a status that contradicts the bands is reported with its line number. **Nothing is imported
while any line is refused** (``ImporDitolak`` carries every refused line): the file is corrected
and sent again. A valid file is written in one transaction, with history. The form's one-time key
makes a repeated submission one import."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pendampingan.inti.akses import pastikan
from pendampingan.inti.berkas import XLSX_ATAU_CSV, periksa_berkas
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from pendampingan.models import Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna

from .. import akses
from ..models import (
    AmbangStatus,
    DimensiIndeks,
    ImporStatusDesa,
    IndeksStatus,
    SkorDimensi,
    StatusDesa,
    desa_berindeks,
)

KOLOM = ["kode", "tahun", "skor"]
STATUS_BAKU = ["Sangat Tertinggal", "Tertinggal", "Berkembang", "Maju", "Mandiri"]
TAHUN_AWAL = 2015
BARIS_MAKS = 100_000


def ambang_berlaku(indeks: IndeksStatus, tahun: int, semua: list[AmbangStatus] | None = None):
    """The bands of ``indeks`` in force in ``tahun``, lowest first ([] when none is set)."""
    semua = semua if semua is not None else list(indeks.ambang.all())
    mulai = [a.berlaku_mulai for a in semua if a.berlaku_mulai <= tahun]
    if not mulai:
        return []
    tahun_ambang = max(mulai)
    return sorted([a for a in semua if a.berlaku_mulai == tahun_ambang], key=lambda a: a.urutan)


def status_dari_skor(ambang: list[AmbangStatus], skor: Decimal) -> str | None:
    for a in ambang:
        if a.batas_atas is None or skor <= a.batas_atas:
            return a.nama
    return None


def _teks(nilai) -> str:
    """A cell as the text a CSV would have held (2024.0 → "2024", None → "")."""
    if nilai is None:
        return ""
    if isinstance(nilai, float):
        return str(int(nilai)) if nilai.is_integer() else str(nilai)
    if isinstance(nilai, datetime.datetime | datetime.date):
        return nilai.isoformat()
    return str(nilai)


def _baca(berkas) -> list[list[str]]:
    """The rows of the first sheet (XLSX) or of the CSV (``;`` or ``,``) as text. Raises
    ValidationError (Indonesian)."""
    hasil = periksa_berkas(berkas, XLSX_ATAU_CSV)
    if hasil.jenis == "csv":
        teks = hasil.isi.decode("utf-8-sig")
        contoh = teks[:2048]
        pemisah = ";" if contoh.count(";") > contoh.count(",") else ","
        return list(csv.reader(io.StringIO(teks), delimiter=pemisah))[: BARIS_MAKS + 1]
    try:
        buku = load_workbook(io.BytesIO(hasil.isi), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ValidationError(_("Berkas XLSX rusak atau tidak dapat dibaca.")) from None
    try:
        baris = []
        for r in buku.worksheets[0].iter_rows(values_only=True):
            if len(baris) > BARIS_MAKS:
                break
            baris.append([_teks(v) for v in r])
        return baris
    finally:
        buku.close()


class ImporDitolak(ValidationError):
    """The file has refused lines: nothing was imported. ``galat``: ``[{baris, kode, pesan}]``,
    ``jumlah_baris``: the data lines read."""

    def __init__(self, galat: list[dict], jumlah_baris: int):
        self.galat = galat
        self.jumlah_baris = jumlah_baris
        super().__init__(
            _("%(n)d dari %(m)d baris ditolak; tidak ada yang diimpor. Perbaiki lalu kirim lagi.")
            % {"n": len(galat), "m": jumlah_baris}
        )


def _kolom(kepala: list[str], indeks: IndeksStatus, dimensi: list[DimensiIndeks]) -> dict:
    """Column positions: ``status`` and each dimension code present. Raises ValidationError on a
    header that does not start with kode,tahun,skor or names an unknown column."""
    if kepala[:3] != KOLOM:
        raise ValidationError(
            _("Kepala kolom harus diawali %(k)s; ditemukan %(h)s.")
            % {"k": ",".join(KOLOM), "h": ",".join(kepala) or "(kosong)"}
        )
    kenal = {"status", *(d.kode for d in dimensi)}
    posisi, asing = {}, []
    for i, k in enumerate(kepala[3:], start=3):
        if not k:
            continue
        if k in kenal and k not in posisi:
            posisi[k] = i
        else:
            asing.append(k)
    if asing:
        raise ValidationError(
            _("Kolom %(a)s tidak dikenal untuk %(i)s; kolom yang boleh: status, %(d)s.")
            % {
                "a": ", ".join(asing),
                "i": indeks.nama,
                "d": ", ".join(d.kode for d in dimensi) or "—",
            }
        )
    return posisi


def _angka(teks: str, maks: Decimal) -> Decimal | None | str:
    """A score from a cell ("0,65" too); "" → None; a bad one → the reason (text)."""
    if not teks:
        return None
    try:
        nilai = Decimal(teks.replace(",", "."))
    except InvalidOperation:
        return _("«%(s)s» bukan angka") % {"s": teks}
    if not nilai.is_finite() or not Decimal(0) <= nilai <= maks:
        return _("%(s)s di luar 0–%(m)s") % {"s": teks, "m": maks.normalize()}
    return nilai


@transaction.atomic
def status_desa_impor(
    *, user, indeks: IndeksStatus, berkas, nama_berkas: str = "", kunci_sekali=None
) -> ImporStatusDesa:
    """Import the file (all lines or none); returns the import log. A file with refused lines
    raises ``ImporDitolak`` (every refused line, nothing written); a repeat of ``kunci_sekali``
    raises ``SudahTersimpan`` with the first import's log."""
    ada = sudah_ada(ImporStatusDesa, kunci_dari(kunci_sekali))
    if ada is not None:
        raise SudahTersimpan(ada)
    pastikan(akses.boleh_impor_status_desa(user), _("Anda tidak berwenang mengimpor status desa."))
    baris = _baca(berkas)
    if not baris:
        raise ValidationError(_("Berkas kosong."))
    dimensi = list(indeks.dimensi.all())
    posisi = _kolom([k.strip().lower() for k in baris[0]], indeks, dimensi)
    isi = [(i, r) for i, r in enumerate(baris[1:], start=2) if any(s.strip() for s in r)]
    if len(isi) > BARIS_MAKS:
        raise ValidationError(
            _("Berkas terlalu besar: paling banyak %(n)d baris.") % {"n": BARIS_MAKS}
        )
    c = cakupan_pengguna(user)
    kini = timezone.localdate().year
    semua_ambang = list(indeks.ambang.all())
    kode_set = {r[0].strip() for _i, r in isi if r}
    wilayah = dict(Wilayah.objects.filter(kode__in=kode_set).values_list("kode", "tingkat"))
    galat: list[dict] = []
    sah: dict[tuple[str, int], tuple[Decimal | None, str, dict]] = {}

    def tolak(nomor, kode, pesan):
        galat.append({"baris": nomor, "kode": kode, "pesan": str(pesan)})

    nama_status = {n.lower(): n for n in STATUS_BAKU}
    nama_status.update({a.nama.lower(): a.nama for a in semua_ambang})
    lebar = max([3, *posisi.values()]) + 1
    for nomor, r in isi:
        r = [s.strip() for s in r] + [""] * (lebar - len(r))
        kode, tahun_s, skor_s = r[:3]
        status_s = r[posisi["status"]] if "status" in posisi else ""
        if kode not in wilayah:
            tolak(nomor, kode, _("kode wilayah %(k)s tidak dikenal") % {"k": kode or "(kosong)"})
            continue
        if wilayah[kode] != Tingkat.DESA:
            tolak(nomor, kode, _("%(k)s bukan kode desa") % {"k": kode})
            continue
        if not desa_berindeks(kode):
            tolak(
                nomor,
                kode,
                _("%(k)s adalah kelurahan: status %(i)s hanya untuk desa")
                % {"k": kode, "i": indeks.nama},
            )
            continue
        if not c.boleh_lihat(kode):
            tolak(nomor, kode, _("desa %(k)s di luar wilayah Anda") % {"k": kode})
            continue
        try:
            tahun = int(tahun_s)
        except ValueError:
            tolak(nomor, kode, _("tahun «%(t)s» bukan angka") % {"t": tahun_s})
            continue
        if not TAHUN_AWAL <= tahun <= kini + 1:
            tolak(
                nomor,
                kode,
                _("tahun %(t)d di luar %(a)d–%(b)d") % {"t": tahun, "a": TAHUN_AWAL, "b": kini + 1},
            )
            continue
        if not indeks.berlaku_pada(tahun):
            tolak(
                nomor,
                kode,
                _("%(i)s berlaku %(r)s, bukan untuk tahun %(t)d")
                % {"i": indeks.nama, "r": indeks.rentang_tahun, "t": tahun},
            )
            continue
        skor = _angka(skor_s, indeks.skor_maks)
        if isinstance(skor, str):
            tolak(nomor, kode, _("skor %(p)s") % {"p": skor})
            continue
        per_dimensi, salah = {}, ""
        for d in dimensi:
            if d.kode not in posisi:
                continue
            nilai = _angka(r[posisi[d.kode]], indeks.skor_maks)
            if isinstance(nilai, str):
                salah = _("skor %(d)s %(p)s") % {"d": d.kode, "p": nilai}
                break
            if nilai is not None:
                per_dimensi[d.pk] = nilai
        if salah:
            tolak(nomor, kode, salah)
            continue
        ambang = ambang_berlaku(indeks, tahun, semua_ambang)
        menurut_ambang = status_dari_skor(ambang, skor) if (ambang and skor is not None) else None
        if status_s:
            status = nama_status.get(status_s.lower())
            if status is None:
                tolak(nomor, kode, _("status «%(s)s» tidak dikenal") % {"s": status_s})
                continue
            if menurut_ambang and menurut_ambang != status:
                tolak(
                    nomor,
                    kode,
                    _("status %(s)s tidak sesuai skor %(k)s (menurut ambang: %(a)s)")
                    % {"s": status, "k": skor_s, "a": menurut_ambang},
                )
                continue
        elif menurut_ambang:
            status = menurut_ambang
        else:
            tolak(nomor, kode, _("status kosong dan tidak dapat dihitung dari skor"))
            continue
        if (kode, tahun) in sah:
            tolak(nomor, kode, _("baris ganda untuk %(k)s tahun %(t)d") % {"k": kode, "t": tahun})
            continue
        sah[(kode, tahun)] = (skor, status, per_dimensi)
    if galat:
        raise ImporDitolak(galat, len(isi))

    def tulis() -> ImporStatusDesa:
        log = ImporStatusDesa.objects.create(
            indeks=indeks,
            oleh=user,
            nama_berkas=(nama_berkas or getattr(berkas, "name", "") or "status.xlsx")[-255:],
            jumlah_baris=len(isi),
            diimpor=len(sah),
            ditolak=0,
            galat=[],
            kunci_sekali=kunci_dari(kunci_sekali),
        )
        _tulis_status(user=user, indeks=indeks, sah=sah, log=log)
        return log

    try:
        log, dibuat = buat_sekali(ImporStatusDesa, kunci_sekali, tulis)
    except IntegrityError:  # another import wrote the same desa and year at the same moment
        raise ValidationError(
            _("Impor lain untuk data yang sama sedang berjalan; coba lagi sebentar lagi.")
        ) from None
    if not dibuat:
        raise SudahTersimpan(log)
    return log


def _tulis_status(*, user, indeks, sah: dict, log: ImporStatusDesa) -> None:
    """New rows and changed rows in bulk, with history; a row that comes with dimension scores has
    its old ones replaced by the file's (a row without them keeps what it had)."""
    lama_semua = {
        (s.wilayah_id, s.tahun): s
        for s in StatusDesa.objects.filter(
            indeks=indeks, wilayah_id__in={k for k, _t in sah}, tahun__in={t for _k, t in sah}
        )
    }
    baru, ubah = [], []
    for (kode, tahun), (skor, status, _d) in sah.items():
        lama = lama_semua.get((kode, tahun))
        if lama is None:
            baru.append(
                StatusDesa(
                    wilayah_id=kode, indeks=indeks, tahun=tahun, skor=skor, status=status, impor=log
                )
            )
        elif lama.skor != skor or lama.status != status:
            lama.skor, lama.status, lama.impor = skor, status, log
            ubah.append(lama)
    if baru:
        bulk_create_with_history(baru, StatusDesa, batch_size=1000, default_user=user)
    if ubah:
        bulk_update_with_history(
            ubah, StatusDesa, ["skor", "status", "impor"], batch_size=1000, default_user=user
        )
    id_status = {
        (w, t): p
        for w, t, p in StatusDesa.objects.filter(
            indeks=indeks, wilayah_id__in={k for k, _t in sah}, tahun__in={t for _k, t in sah}
        ).values_list("wilayah_id", "tahun", "pk")
        if (w, t) in sah
    }
    berdimensi = [id_status[k] for k, (_s, _st, d) in sah.items() if d]
    SkorDimensi.objects.filter(status_id__in=berdimensi).delete()
    SkorDimensi.objects.bulk_create(
        [
            SkorDimensi(status_id=id_status[k], dimensi_id=dpk, skor=nilai)
            for k, (_s, _st, d) in sah.items()
            for dpk, nilai in d.items()
        ],
        batch_size=1000,
    )
