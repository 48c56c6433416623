"""The dashboard's pages: scope on every URL, query counts, exports, downloads."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pendampingan.dasbor.models import StatusUnduhan, Unduhan
from tests.factories import KegiatanFactory

from .factories import isi_dunia

pytestmark = pytest.mark.django_db

DAFTAR = [
    ("dasbor:dasbor", {}),
    ("dasbor:dasbor-ekspor", {"format": "csv"}),
    ("dasbor:dasbor-ekspor", {"format": "xlsx"}),
    ("dasbor:kegiatan-list", {}),
    ("dasbor:tindaklanjut-list", {}),
    ("dasbor:desa-list", {}),
    ("dasbor:pendamping-list", {}),
    ("dasbor:ekspor", {"kunci": "kegiatan", "format": "csv"}),
    ("dasbor:ekspor", {"kunci": "tindak_lanjut", "format": "xlsx"}),
    ("dasbor:ekspor", {"kunci": "desa", "format": "csv"}),
    ("dasbor:ekspor", {"kunci": "pendamping", "format": "xlsx"}),
]


def _isi(resp) -> bytes:
    return b"".join(resp.streaming_content) if resp.streaming else resp.content


@pytest.mark.parametrize(("nama", "kwargs"), DAFTAR)
def test_wilayah_di_luar_cakupan_404(dunia, nama, kwargs):
    """A supervisor of kecamatan A asking for kabupaten B (or the country, or a made-up code)."""
    c = dunia.klien(dunia.pd_a)
    url = reverse(nama, kwargs=kwargs or None)
    assert c.get(url, {"wilayah": dunia.kab_b.kode}).status_code == 404
    assert c.get(url, {"wilayah": dunia.desa_b.kode}).status_code == 404
    assert c.get(url, {"wilayah": ""}).status_code == 404
    assert c.get(url, {"wilayah": "99.99"}).status_code == 404
    # the region above their own is outside too
    assert c.get(url, {"wilayah": dunia.kab_a.kode}).status_code == 404
    assert c.get(url, {"wilayah": dunia.kec_a.kode}).status_code == 200


def test_pengguna_tanpa_penugasan_404(dunia, django_user_model):
    u = django_user_model.objects.create_user("tamu", password="x")
    c = dunia.klien(type("P", (), {"user": u}))
    assert c.get(reverse("dasbor:dasbor")).status_code == 404


def test_dasbor_default_wilayah_terluas_dan_bulan_ini(dunia):
    isi_dunia(dunia, timezone.localdate())
    resp = dunia.klien(dunia.pengawas).get(reverse("dasbor:dasbor"))
    assert resp.status_code == 200
    assert resp.context["wilayah"].kode == dunia.provinsi.kode
    hari_ini = timezone.localdate()
    assert resp.context["periode"].dari == hari_ini.replace(day=1)
    teks = resp.content.decode()
    for judul in ("Cakupan pendampingan", "Kegiatan", "Pendamping", "Tindak lanjut"):
        assert judul in teks
    # every child region in the selector, and a link that keeps the period
    assert dunia.kab_b.nama in teks
    assert f"wilayah={dunia.kab_a.kode}" in teks


def test_periode_salah_tetap_tampil_dengan_pesan(dunia):
    resp = dunia.klien(dunia.pengawas).get(
        reverse("dasbor:dasbor"), {"dari": "2026-05-01", "sampai": "2026-04-01"}
    )
    assert resp.status_code == 200
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in resp.content.decode()


def test_jumlah_query_tetap(dunia, django_assert_max_num_queries, settings):
    """The dashboard and the lists run the same number of queries for a world three times
    larger."""
    hari_ini = timezone.localdate()
    isi_dunia(dunia, hari_ini, kali=1)
    c = dunia.klien(dunia.pengawas)
    urls = [reverse(n, kwargs=k or None) for n, k in DAFTAR]
    kecil = {}
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in urls:
        for wil in (dunia.provinsi.kode, dunia.kab_a.kode, dunia.kec_a.kode, dunia.desa_a.kode):
            with CaptureQueriesContext(connection) as q:
                r = c.get(url, {"wilayah": wil})
                _isi(r)
            assert r.status_code == 200, url
            kecil[(url, wil)] = len(q)
    isi_dunia(dunia, hari_ini, kali=3)
    for (url, wil), n in kecil.items():
        with django_assert_max_num_queries(n):
            _isi(c.get(url, {"wilayah": wil}))


def test_ekspor_daftar_mengikuti_filter_dan_aman_dari_formula(dunia):
    hari_ini = timezone.localdate()
    KegiatanFactory(
        pendamping=dunia.pld_a, wilayah=dunia.desa_a, tanggal=hari_ini, judul='=HYPERLINK("x")'
    )
    KegiatanFactory(
        pendamping=dunia.pld_a,
        wilayah=dunia.desa_a,
        tanggal=hari_ini - datetime.timedelta(days=40),
        judul="Lama",
    )
    KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b, tanggal=hari_ini, judul="Beta")
    c = dunia.klien(dunia.pengawas)
    url = reverse("dasbor:ekspor", args=["kegiatan", "csv"])
    resp = c.get(url, {"wilayah": dunia.kab_a.kode, "dari": hari_ini.isoformat()})
    baris = list(csv.reader(io.StringIO(_isi(resp).decode("utf-8-sig"))))
    assert len(baris) == 2
    assert baris[1][7] == '\'=HYPERLINK("x")'
    resp = c.get(
        reverse("dasbor:ekspor", args=["kegiatan", "xlsx"]), {"wilayah": dunia.provinsi.kode}
    )
    ws = load_workbook(io.BytesIO(resp.content)).active
    judul = sorted(r[7] for r in ws.iter_rows(min_row=2, values_only=True))
    assert judul == ['\'=HYPERLINK("x")', "Beta", "Lama"]


def test_ekspor_dasbor_xlsx_pdf(dunia):
    isi_dunia(dunia, timezone.localdate())
    c = dunia.klien(dunia.pengawas)
    resp = c.get(reverse("dasbor:dasbor-ekspor", args=["xlsx"]), {"wilayah": dunia.provinsi.kode})
    wb = load_workbook(io.BytesIO(resp.content))
    assert "Cakupan" in wb.sheetnames
    cakupan = list(wb["Cakupan"].iter_rows(min_row=2, values_only=True))
    assert sorted((r[0], r[2], r[3]) for r in cakupan) == [("33.01", 2, 1), ("33.02", 1, 0)]
    resp = c.get(reverse("dasbor:dasbor-ekspor", args=["pdf"]), {"wilayah": dunia.kab_a.kode})
    assert resp["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    teks = "".join(p.extract_text() for p in PdfReader(io.BytesIO(resp.content)).pages)
    assert "Cakupan pendampingan" in teks
    assert dunia.kec_a.nama in teks


def test_ekspor_besar_lewat_unduhan(dunia, settings, django_capture_on_commit_callbacks):
    settings.DASBOR_EKSPOR_BATAS_LANGSUNG = 2
    hari_ini = timezone.localdate()
    for i in range(3):
        KegiatanFactory(
            pendamping=dunia.pld_a, wilayah=dunia.desa_a, tanggal=hari_ini, judul=f"K{i}"
        )
    KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b, tanggal=hari_ini, judul="Beta")
    c = dunia.klien(dunia.pd_a)
    url = reverse("dasbor:ekspor", args=["kegiatan", "csv"]) + f"?wilayah={dunia.kec_a.kode}"
    resp = c.get(url)
    assert "3 baris" in resp.content.decode()
    assert not Unduhan.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post(url)
    assert resp.status_code == 302
    u = Unduhan.objects.get()
    assert (u.status, u.jumlah_baris, u.pengguna) == (StatusUnduhan.SIAP, 3, dunia.pd_a.user)
    assert (
        "Siap" in c.get(reverse("dasbor:unduhan-list")).content.decode()
        or "Unduh" in c.get(reverse("dasbor:unduhan-list")).content.decode()
    )
    isi = _isi(c.get(reverse("dasbor:unduhan-ambil", args=[u.pk]))).decode("utf-8-sig")
    assert "K0" in isi and "Beta" not in isi
    # nobody else gets it, not even the supervisor above
    for p in (dunia.pengawas, dunia.pld_a):
        assert dunia.klien(p).get(reverse("dasbor:unduhan-ambil", args=[u.pk])).status_code == 404
    assert (
        dunia.klien(dunia.pengawas)
        .get(reverse("dasbor:unduhan-list"))
        .content.decode()
        .count(u.judul)
        == 0
    )


def test_daftar_kegiatan_filter(dunia):
    hari_ini = timezone.localdate()
    KegiatanFactory(
        pendamping=dunia.pld_a,
        wilayah=dunia.desa_a,
        tanggal=hari_ini,
        judul="Satu",
        tata_cara="asistensi",
    )
    KegiatanFactory(
        pendamping=dunia.pld_a,
        wilayah=dunia.desa_a,
        tanggal=hari_ini,
        judul="Dua",
        tata_cara="pengarahan",
        status="diajukan",
    )
    c = dunia.klien(dunia.pengawas)
    url = reverse("dasbor:kegiatan-list")
    teks = c.get(url, {"wilayah": dunia.kab_a.kode, "tata_cara": "pengarahan"}).content.decode()
    assert "Dua" in teks and "Satu" not in teks
    teks = c.get(
        url, {"wilayah": dunia.kab_a.kode, "status": "diajukan", "pendamping": dunia.pld_a.pk}
    ).content.decode()
    assert "Dua" in teks and "Satu" not in teks


def test_jumlah_daftar_luas_dari_ringkasan_sama_dengan_baris(dunia):
    """A provinsi list is paged with the count of the summary: equal to the rows themselves."""
    isi_dunia(dunia, timezone.localdate())
    c = dunia.klien(dunia.pengawas)
    url = reverse("dasbor:kegiatan-list")
    for q in ({}, {"status": "diajukan"}, {"tata_cara": "fasilitasi"}):
        resp = c.get(url, {"wilayah": dunia.provinsi.kode, **q})
        halaman = resp.context["halaman"]
        assert halaman.paginator.count == len(halaman.object_list), q
    assert c.get(url, {"wilayah": dunia.provinsi.kode}).context["halaman"].paginator.count == 3


@pytest.mark.parametrize("kondisi", ["", "celah", "aktif", "kosong"])
def test_jumlah_daftar_desa_luas_dari_ringkasan(dunia, kondisi):
    isi_dunia(dunia, timezone.localdate())
    resp = dunia.klien(dunia.pengawas).get(
        reverse("dasbor:desa-list"), {"wilayah": dunia.provinsi.kode, "kondisi": kondisi}
    )
    halaman = resp.context["halaman"]
    assert halaman.paginator.count == len(halaman.object_list)
