"""``pendampingan.ekspor``: the one formula-injection guard and the CSV/XLSX writers."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from pendampingan import ekspor


def test_aman_teks_berbahaya_diberi_apostrof():
    for teks in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")'):
        assert ekspor.aman(teks) == "'" + teks
    for teks in ("Desa", " =1", "1=1", ""):
        assert ekspor.aman(teks) == teks


def test_aman_angka_tanggal_tetap():
    assert ekspor.aman(None) == ""
    assert ekspor.aman(True) == "Ya" and ekspor.aman(False) == "Tidak"
    for nilai in (-3, 2.5, Decimal("-1.5"), datetime.date(2026, 1, 2), datetime.time(9, 30)):
        assert ekspor.aman(nilai) == nilai
    # an aware time is written as the local (site) time, without its zone
    utc = datetime.datetime(2026, 1, 2, 1, 0, tzinfo=ZoneInfo("UTC"))
    assert ekspor.aman(utc) == datetime.datetime(2026, 1, 2, 8, 0)


def test_tulis_csv_dan_xlsx_lewat_aman_dan_menghitung_baris():
    kolom = ["=Kolom", "Nilai"]
    baris = [("=1+1", 1), ("Aman", -2)]
    buf = io.BytesIO()
    assert ekspor.tulis_csv(buf, kolom, iter(baris)) == 2
    teks = buf.getvalue().decode("utf-8-sig").splitlines()
    assert teks == ["'=Kolom,Nilai", "'=1+1,1", "Aman,-2"]
    buf = io.BytesIO()
    assert ekspor.tulis_xlsx(buf, kolom, iter(baris), "Data: [uji]") == 2
    ws = load_workbook(io.BytesIO(buf.getvalue())).active
    assert ws.title == "Data uji"
    assert list(ws.iter_rows(values_only=True)) == [
        ("'=Kolom", "Nilai"),
        ("'=1+1", 1),
        ("Aman", -2),
    ]
