"""The dashboard's pages: scope on every URL, query counts, exports; large exports and the PDF
through the core's download pipeline (built by its task, fetched by their owner only)."""

import csv
import datetime
import io
import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pendampingan.models import Penugasan, StatusUnduhan, Unduhan
from pendampingan.notifikasi.models import Pesan
from tests.factories import KegiatanFactory

from .factories import isi_dunia

pytestmark = pytest.mark.django_db

DAFTAR = [
    ("dasbor:dasbor", {}),
    ("dasbor:dasbor-ekspor", {"format": "csv"}),
    ("dasbor:dasbor-ekspor", {"format": "xlsx"}),
    ("dasbor:dasbor-ekspor", {"format": "pdf"}),
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

    # every request starts with a cold cache (the bell's count expires after 60 s: on a busy
    # machine the second round would otherwise pay one COUNT the first did not)
    for url in urls:
        for wil in (dunia.provinsi.kode, dunia.kab_a.kode, dunia.kec_a.kode, dunia.desa_a.kode):
            cache.clear()
            with CaptureQueriesContext(connection) as q:
                r = c.get(url, {"wilayah": wil})
                _isi(r)
            assert r.status_code == 200, url
            kecil[(url, wil)] = len(q)
    isi_dunia(dunia, hari_ini, kali=3)
    for (url, wil), n in kecil.items():
        cache.clear()
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


def test_ekspor_dasbor_xlsx(dunia):
    isi_dunia(dunia, timezone.localdate())
    c = dunia.klien(dunia.pengawas)
    resp = c.get(reverse("dasbor:dasbor-ekspor", args=["xlsx"]), {"wilayah": dunia.provinsi.kode})
    wb = load_workbook(io.BytesIO(resp.content))
    assert "Cakupan" in wb.sheetnames
    cakupan = list(wb["Cakupan"].iter_rows(min_row=2, values_only=True))
    assert sorted((r[0], r[2], r[3]) for r in cakupan) == [("33.01", 2, 1), ("33.02", 1, 0)]
    assert not Unduhan.objects.exists()


def _ambil(klien, u):
    return klien.get(reverse("pendampingan:unduhan-ambil", args=[u.pk]))


def _detail(klien, u):
    return klien.get(reverse("pendampingan:unduhan-detail", args=[u.pk]))


def _bukan_pemilik_404(dunia, u):
    """Nobody but the owner reaches the download, not even the supervisor above them."""
    for p in (dunia.pengawas, dunia.pld_a, dunia.pld_b):
        klien = dunia.klien(p)
        assert _ambil(klien, u).status_code == 404
        assert _detail(klien, u).status_code == 404
        assert u.judul not in klien.get(reverse("pendampingan:unduhan-list")).content.decode()


def test_pdf_dasbor_dibuat_tugas_dan_hanya_untuk_pemiliknya(
    dunia, django_capture_on_commit_callbacks
):
    isi_dunia(dunia, timezone.localdate())
    c = dunia.klien(dunia.pd_a)
    url = reverse("dasbor:dasbor-ekspor", args=["pdf"]) + f"?wilayah={dunia.kec_a.kode}"
    # GET only asks; nothing is built or queued
    resp = c.get(url)
    assert resp.status_code == 200 and "Buat PDF" in resp.content.decode()
    assert not Unduhan.objects.exists()
    with django_capture_on_commit_callbacks(execute=False) as tugas:
        resp = c.post(url)
    # queued in the request, not built in it
    u = Unduhan.objects.get()
    assert (u.jenis, u.status, u.pengguna) == ("dasbor.pdf", StatusUnduhan.ANTRE, dunia.pd_a.user)
    assert resp.status_code == 302 and resp["Location"] == u.get_absolute_url()
    assert u.parameter["wilayah"] == dunia.kec_a.kode
    assert len(tugas) == 1
    with django_capture_on_commit_callbacks(execute=True):
        tugas[0]()
    u.refresh_from_db()
    assert u.status == StatusUnduhan.SIAP, u.pesan
    assert u.nama_berkas.endswith(".pdf") and u.mime == "application/pdf"
    assert "Unduh" in _detail(c, u).content.decode()
    resp = _ambil(c, u)
    assert resp["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    isi = b"".join(resp.streaming_content)
    teks = "".join(p.extract_text() for p in PdfReader(io.BytesIO(isi)).pages)
    assert "Cakupan pendampingan" in teks
    assert dunia.desa_a.nama in teks
    assert dunia.desa_b.nama not in teks
    _bukan_pemilik_404(dunia, u)


def test_pdf_di_luar_cakupan_404_tanpa_unduhan(dunia):
    c = dunia.klien(dunia.pd_a)
    for kode in (dunia.kab_b.kode, dunia.kab_a.kode, "", "99.99"):
        url = reverse("dasbor:dasbor-ekspor", args=["pdf"]) + f"?wilayah={kode}"
        assert c.post(url).status_code == 404
        assert c.get(url).status_code == 404
    assert not Unduhan.objects.exists()


def _tiga_kegiatan(dunia):
    hari_ini = timezone.localdate()
    for i in range(3):
        KegiatanFactory(
            pendamping=dunia.pld_a, wilayah=dunia.desa_a, tanggal=hari_ini, judul=f"=K{i}"
        )
    KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b, tanggal=hari_ini, judul="Beta")


def test_ekspor_besar_dibuat_tugas_dan_hanya_untuk_pemiliknya(
    dunia, settings, django_capture_on_commit_callbacks
):
    settings.DASBOR_EKSPOR_BATAS_LANGSUNG = 2
    _tiga_kegiatan(dunia)
    c = dunia.klien(dunia.pd_a)
    url = reverse("dasbor:ekspor", args=["kegiatan", "csv"]) + f"?wilayah={dunia.kec_a.kode}"
    resp = c.get(url)
    assert "3 baris" in resp.content.decode()
    assert not Unduhan.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post(url)
    u = Unduhan.objects.get()
    assert resp.status_code == 302 and resp["Location"] == u.get_absolute_url()
    assert (u.jenis, u.status, u.jumlah, u.pengguna) == (
        "dasbor.ekspor",
        StatusUnduhan.SIAP,
        3,
        dunia.pd_a.user,
    )
    assert (u.parameter["ekspor"], u.parameter["format"]) == ("kegiatan", "csv")
    assert u.parameter["filter"] == {"wilayah": dunia.kec_a.kode}
    assert "Unduh" in _detail(c, u).content.decode()
    isi = b"".join(_ambil(c, u).streaming_content).decode("utf-8-sig")
    baris = list(csv.reader(io.StringIO(isi)))
    # every cell through the one formula guard
    assert sorted(b[7] for b in baris[1:]) == ["'=K0", "'=K1", "'=K2"]
    assert "Beta" not in isi
    _bukan_pemilik_404(dunia, u)


def test_ekspor_besar_xlsx_lewat_unduhan(dunia, settings, django_capture_on_commit_callbacks):
    settings.DASBOR_EKSPOR_BATAS_LANGSUNG = 2
    _tiga_kegiatan(dunia)
    c = dunia.klien(dunia.pengawas)
    url = reverse("dasbor:ekspor", args=["kegiatan", "xlsx"]) + f"?wilayah={dunia.provinsi.kode}"
    with django_capture_on_commit_callbacks(execute=True):
        c.post(url)
    u = Unduhan.objects.get()
    assert (u.status, u.jumlah) == (StatusUnduhan.SIAP, 4)
    ws = load_workbook(io.BytesIO(b"".join(_ambil(c, u).streaming_content))).active
    assert sorted(r[7] for r in ws.iter_rows(min_row=2, values_only=True)) == [
        "'=K0",
        "'=K1",
        "'=K2",
        "Beta",
    ]


@pytest.mark.parametrize("format", ["csv", "pdf"])
def test_kirim_dua_kali_satu_unduhan(dunia, settings, format, django_capture_on_commit_callbacks):
    """A double click (the same one-time key twice) queues one file and shows it."""
    settings.DASBOR_EKSPOR_BATAS_LANGSUNG = 2
    _tiga_kegiatan(dunia)
    c = dunia.klien(dunia.pd_a)
    if format == "pdf":
        url = reverse("dasbor:dasbor-ekspor", args=["pdf"])
    else:
        url = reverse("dasbor:ekspor", args=["kegiatan", "csv"])
    url += f"?wilayah={dunia.kec_a.kode}"
    kunci = str(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        r1 = c.post(url, {"kunci_sekali": kunci})
        r2 = c.post(url, {"kunci_sekali": kunci}, follow=True)
    u = Unduhan.objects.get()
    # built once, one "ready" notice
    assert Pesan.objects.filter(peristiwa="unduhan.siap", penerima_user=u.pengguna).count() == 1
    assert r1["Location"] == u.get_absolute_url()
    assert r2.redirect_chain[-1][0] == u.get_absolute_url()
    assert "sudah tersimpan sebelumnya" in r2.content.decode()
    # a new click (a new key) is a new file
    c.post(url, {"kunci_sekali": str(uuid.uuid4())})
    assert Unduhan.objects.count() == 2


@pytest.mark.parametrize("format", ["csv", "pdf"])
def test_pembuat_gagal_menandai_unduhan_gagal_tanpa_500(
    dunia, settings, format, django_capture_on_commit_callbacks
):
    """The PD's assignment ends between the request and the build: the builder (run as its owner,
    with their scope at run time) refuses; the download says it failed, no page errors."""
    settings.DASBOR_EKSPOR_BATAS_LANGSUNG = 2
    _tiga_kegiatan(dunia)
    c = dunia.klien(dunia.pd_a)
    if format == "pdf":
        url = reverse("dasbor:dasbor-ekspor", args=["pdf"])
    else:
        url = reverse("dasbor:ekspor", args=["kegiatan", "csv"])
    url += f"?wilayah={dunia.kec_a.kode}"
    with django_capture_on_commit_callbacks(execute=False) as tugas:
        assert c.post(url).status_code == 302
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    Penugasan.objects.filter(pendamping=dunia.pd_a).update(selesai=kemarin)
    with django_capture_on_commit_callbacks(execute=True):
        tugas[0]()
    u = Unduhan.objects.get()
    assert u.status == StatusUnduhan.GAGAL
    assert u.pesan and not u.berkas
    resp = _detail(c, u)
    assert resp.status_code == 200
    assert u.pesan in resp.content.decode()
    assert c.get(reverse("pendampingan:unduhan-list")).status_code == 200
    assert _ambil(c, u).status_code == 404


def _jumlah_query(klien, url, data=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as q:
        resp = klien.post(url, data or {})
    assert resp.status_code == 302, resp.status_code
    return len(q)


@pytest.mark.parametrize("jenis", ["ekspor", "pdf"])
def test_jumlah_query_permintaan_berkas_tetap(
    dunia, settings, jenis, django_capture_on_commit_callbacks
):
    """Asking for a large export or the PDF only writes the download row: the same number of
    queries for a world three times larger (the file is built by the task, after commit)."""
    settings.DASBOR_EKSPOR_BATAS_LANGSUNG = 0
    hari_ini = timezone.localdate()
    if jenis == "pdf":
        url = reverse("dasbor:dasbor-ekspor", args=["pdf"])
    else:
        url = reverse("dasbor:ekspor", args=["kegiatan", "xlsx"])
    c = dunia.klien(dunia.pengawas)
    isi_dunia(dunia, hari_ini, kali=1)
    kecil = {}
    with django_capture_on_commit_callbacks(execute=False):
        for wil in (dunia.provinsi.kode, dunia.kab_a.kode, dunia.kec_a.kode, dunia.desa_a.kode):
            kecil[wil] = _jumlah_query(
                c, f"{url}?wilayah={wil}", {"kunci_sekali": str(uuid.uuid4())}
            )
        isi_dunia(dunia, hari_ini, kali=3)
        for wil, n in kecil.items():
            # a handful: session, user, scope, region, the lock, the key, the row (building the
            # file in the request would run the dashboard's dozens)
            assert n <= 20, (wil, n)
            besar = _jumlah_query(c, f"{url}?wilayah={wil}", {"kunci_sekali": str(uuid.uuid4())})
            assert besar <= n, (wil, n, besar)
    assert set(Unduhan.objects.values_list("status", flat=True)) == {StatusUnduhan.ANTRE}


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
