"""Reading a list of members from pasted text or an XLSX sheet into ``BarisAnggota`` rows.

Columns, in this order: nama; jenis kelamin (L/P); unsur; peran; kontak; tanggal masuk.
Pasted lines are split on a tab (copied from a spreadsheet), a semicolon or a comma. A header row
(first cell "nama") is skipped. The element is matched by its name or code, ignoring case. A line
that cannot be read keeps its number and the reason, so the page can report it line by line.

An XLSX upload passes ``inti.berkas.periksa_berkas(berkas, XLSX)`` — the one upload check (its
bytes must be an XLSX, within the one size setting, not a zip bomb) — before openpyxl opens it.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from pendampingan.inti.berkas import XLSX, periksa_berkas

from .models import UnsurMasyarakat

MAKS_BARIS = 500

JK = {
    "l": "L",
    "lk": "L",
    "laki": "L",
    "laki-laki": "L",
    "pria": "L",
    "p": "P",
    "pr": "P",
    "perempuan": "P",
    "wanita": "P",
}


@dataclass
class BarisAnggota:
    nomor: int
    nama: str = ""
    jenis_kelamin: str = ""
    unsur: UnsurMasyarakat | None = None
    peran: str = ""
    kontak: str = ""
    tanggal_masuk: datetime.date | None = None
    galat: str = ""


def _peta_unsur() -> dict[str, UnsurMasyarakat]:
    peta = {}
    for u in UnsurMasyarakat.objects.filter(aktif=True):
        peta[u.nama.lower()] = u
        peta[u.kode.lower()] = u
        peta[u.kode.replace("-", " ").lower()] = u
    return peta


def _tanggal(nilai) -> datetime.date | None:
    if nilai in (None, ""):
        return None
    if isinstance(nilai, datetime.datetime):
        return nilai.date()
    if isinstance(nilai, datetime.date):
        return nilai
    teks = str(nilai).strip()
    for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(teks, fmt).date()
        except ValueError:
            continue
    raise ValueError(teks)


def _baris(nomor: int, sel: list, peta: dict) -> BarisAnggota | None:
    sel = [("" if s is None else s) for s in sel] + [""] * 6
    teks = [str(s).strip() if not isinstance(s, datetime.date) else s for s in sel[:6]]
    if not any(str(t) for t in teks):
        return None
    if str(teks[0]).lower() == "nama":
        return None
    b = BarisAnggota(nomor=nomor, nama=" ".join(str(teks[0]).split()))
    b.peran, b.kontak = str(teks[3]), str(teks[4])
    masalah = []
    if not b.nama:
        masalah.append(_("nama kosong"))
    jk = JK.get(str(teks[1]).lower())
    if jk is None:
        masalah.append(
            _("jenis kelamin “%(v)s” tidak dikenal (pakai L atau P)") % {"v": teks[1]}
            if teks[1]
            else _("jenis kelamin kosong (pakai L atau P)")
        )
    else:
        b.jenis_kelamin = jk
    b.unsur = peta.get(" ".join(str(teks[2]).lower().split()))
    if b.unsur is None:
        masalah.append(
            _("unsur “%(v)s” tidak ada dalam daftar unsur masyarakat") % {"v": teks[2]}
            if teks[2]
            else _("unsur kosong")
        )
    try:
        b.tanggal_masuk = _tanggal(sel[5] if isinstance(sel[5], datetime.date) else teks[5])
    except ValueError:
        masalah.append(_("tanggal masuk “%(v)s” tidak terbaca (pakai DD-MM-YYYY)") % {"v": teks[5]})
    if masalah:
        teks_galat = "; ".join(str(m) for m in masalah)
        b.galat = teks_galat[:1].upper() + teks_galat[1:] + "."
    return b


def baca_teks(teks: str) -> list[BarisAnggota]:
    """Rows from pasted text; blank lines are skipped but keep the numbering of the paste."""
    peta = _peta_unsur()
    hasil = []
    for nomor, line in enumerate((teks or "").splitlines(), start=1):
        if not line.strip():
            continue
        pemisah = "\t" if "\t" in line else (";" if ";" in line else ",")
        b = _baris(nomor, [s.strip() for s in re.split(re.escape(pemisah), line)], peta)
        if b:
            hasil.append(b)
    _batas(hasil)
    return hasil


def baca_xlsx(berkas) -> list[BarisAnggota]:
    """Rows from the first sheet of an XLSX upload, once ``periksa_berkas`` accepted its bytes
    (the form's field checked it already; the result is kept on the upload)."""
    from openpyxl import load_workbook

    terperiksa = periksa_berkas(berkas, XLSX)
    try:
        wb = load_workbook(io.BytesIO(terperiksa.isi), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a broken file
        raise ValidationError(_("Berkas XLSX tidak dapat dibaca."))
    peta = _peta_unsur()
    hasil = []
    for nomor, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1):
        b = _baris(nomor, list(row), peta)
        if b:
            hasil.append(b)
        if len(hasil) > MAKS_BARIS:
            break
    wb.close()
    _batas(hasil)
    return hasil


def _batas(hasil):
    if len(hasil) > MAKS_BARIS:
        raise ValidationError(
            _("Paling banyak %(n)d anggota sekali impor; bagi daftarnya.") % {"n": MAKS_BARIS}
        )
    if not hasil:
        raise ValidationError(_("Daftar kosong: tidak ada baris anggota yang terbaca."))
