"""Exports of lists to CSV and XLSX, shared by every app.

* ``aman(nilai)`` — the one formula-injection guard: every cell of every CSV and XLSX written here
  goes through it. Text starting with ``= + - @``, a tab or a carriage return gets a leading
  apostrophe (OWASP "CSV injection"); numbers and dates pass through (aware times in local time).
* ``respons_csv`` streams (rows are written as they are read); ``respons_xlsx`` writes an
  openpyxl write-only workbook (constant memory per row). ``tulis_csv`` / ``tulis_xlsx`` write the
  same into a file and return the row count (for files built in the background).
* An app registers a named export with ``daftar_ekspor(Ekspor(kunci, judul, fungsi, hitung))``
  (from its ``hooks`` module): ``fungsi(user, filter: dict) -> (kolom, baris)`` with ``baris`` an
  iterable of tuples, always read through ``visible_to(user)`` and for the region named by
  ``filter["wilayah"]`` (the user's widest region when absent); ``hitung(user, filter) -> int``
  the number of rows. The dashboard's export view (``dasbor:ekspor``) serves every registered
  export: small ones at once, larger ones (more than ``DASBOR_EKSPOR_BATAS_LANGSUNG`` rows) through
  the download pipeline (``inti.unduhan``, builder ``dasbor.ekspor``), never inside the request.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

AWALAN_BAHAYA = ("=", "+", "-", "@", "\t", "\r")

TIPE_CSV = "text/csv; charset=utf-8"
TIPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIPE = {"csv": TIPE_CSV, "xlsx": TIPE_XLSX}


@dataclass(frozen=True)
class Ekspor:
    kunci: str
    judul: str
    fungsi: Callable  # (user, filter: dict) -> (kolom: list[str], baris: Iterable[tuple])
    hitung: Callable  # (user, filter: dict) -> int


ekspor_terdaftar: dict[str, Ekspor] = {}


def daftar_ekspor(ekspor: Ekspor) -> None:
    ekspor_terdaftar[ekspor.kunci] = ekspor


def aman(nilai):
    """A cell value safe to open in a spreadsheet; numbers and dates pass through unchanged."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "Ya" if nilai else "Tidak"
    if isinstance(nilai, int | float | Decimal | datetime.date | datetime.time):
        if isinstance(nilai, datetime.datetime) and nilai.tzinfo is not None:
            return timezone.localtime(nilai).replace(tzinfo=None)
        return nilai
    teks = str(nilai)
    if teks.startswith(AWALAN_BAHAYA):
        return "'" + teks
    return teks


class _Gema:
    """A file-like object whose write returns what it was given (for streaming csv)."""

    def write(self, nilai):
        return nilai


def baris_csv(kolom: list[str], baris: Iterable) -> Iterable[str]:
    penulis = csv.writer(_Gema())
    yield "\ufeff"  # so Excel reads UTF-8
    yield penulis.writerow([aman(k) for k in kolom])
    for b in baris:
        yield penulis.writerow([aman(v) for v in b])


def tulis_csv(berkas, kolom: list[str], baris: Iterable) -> int:
    """Write a CSV (UTF-8 with BOM) to ``berkas`` (a binary file object); return the row count."""
    n = 0

    def dihitung():
        nonlocal n
        for b in baris:
            n += 1
            yield b

    for potong in baris_csv(kolom, dihitung()):
        berkas.write(potong.encode("utf-8"))
    return n


def _nama(nama_berkas: str, ext: str) -> str:
    return f'attachment; filename="{nama_berkas}.{ext}"'


def respons_csv(nama_berkas: str, kolom: list[str], baris: Iterable) -> StreamingHttpResponse:
    resp = StreamingHttpResponse(baris_csv(kolom, baris), content_type=TIPE_CSV)
    resp["Content-Disposition"] = _nama(nama_berkas, "csv")
    return resp


def tulis_xlsx(berkas, kolom: list[str], baris: Iterable, judul: str = "Data") -> int:
    """Write one sheet to ``berkas`` (a path or a binary file object); return the row count."""
    return tulis_xlsx_lembar(berkas, [(judul, kolom, baris)])


def tulis_xlsx_lembar(berkas, lembar: list[tuple[str, list[str], Iterable]]) -> int:
    """Write several sheets (title, columns, rows); return the total row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    n = 0
    tebal = Font(bold=True)
    for judul, kolom, baris in lembar:
        ws = wb.create_sheet(title=_judul_lembar(judul))
        kepala = []
        for k in kolom:
            c = WriteOnlyCell(ws, value=aman(str(k)))
            c.font = tebal
            kepala.append(c)
        ws.append(kepala)
        for b in baris:
            ws.append([aman(v) for v in b])
            n += 1
    wb.save(berkas)
    return n


def _judul_lembar(judul: str) -> str:
    bersih = "".join(ch for ch in str(judul) if ch not in "[]:*?/\\")
    return bersih[:31] or "Data"


def respons_xlsx(nama_berkas: str, kolom: list[str], baris: Iterable, judul: str = "Data"):
    buf = io.BytesIO()
    tulis_xlsx(buf, kolom, baris, judul)
    return respons_xlsx_bytes(nama_berkas, buf.getvalue())


def respons_xlsx_bytes(nama_berkas: str, isi: bytes) -> HttpResponse:
    resp = HttpResponse(isi, content_type=TIPE_XLSX)
    resp["Content-Disposition"] = _nama(nama_berkas, "xlsx")
    return resp
