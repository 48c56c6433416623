"""Monthly reports through the API (pendampingan/bulanan/api.py): the owner's and their
supervisors' (``selectors.laporan_lengkap``), with narratives and status events."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pendampingan.bulanan import services
from pendampingan.bulanan.models import StatusLaporan
from pendampingan.models import Jabatan
from tests.bulanan.factories import bulan_ini, kegiatan, laporan
from tests.factories import pendamping_di

pytestmark = pytest.mark.django_db

DAFTAR = "/api/v1/laporan-bulanan/"


def _id(resp):
    assert resp.status_code == 200, resp.content
    return [x["id"] for x in resp.json()["results"]]


def _jumlah_query(klien, url, data=None):
    """Queries of one GET (after a first one: a token's first use writes its last-used time)."""
    klien.get(url, data)
    with CaptureQueriesContext(connection) as ctx:
        assert klien.get(url, data).status_code == 200
    return len(ctx.captured_queries)


def test_daftar_pemilik_dan_pengawas(dunia, api_klien):
    d = dunia
    a = laporan(d.pld_a, d.desa_a)
    b = laporan(d.pld_b, d.desa_b)
    assert _id(api_klien(d.pld_a.user).get(DAFTAR)) == [a.pk]
    assert _id(api_klien(d.pd_a.user).get(DAFTAR)) == [a.pk]
    assert set(_id(api_klien(d.pengawas.user).get(DAFTAR))) == {a.pk, b.pk}
    # a colleague in the same desa sees nothing of it (the report is the owner's business)
    rekan = pendamping_di(d.desa_a.kode, Jabatan.PLD, username="rekan")
    assert _id(api_klien(rekan.user).get(DAFTAR)) == []
    assert api_klien(rekan.user).get(f"{DAFTAR}{a.pk}/").status_code == 404


def test_detail_di_luar_cakupan_404(dunia, api_klien):
    d = dunia
    b = laporan(d.pld_b, d.desa_b)
    for user in (d.pld_a.user, d.pd_a.user):
        r = api_klien(user).get(f"{DAFTAR}{b.pk}/")
        assert r.status_code == 404
        assert r.json()["galat"]["kode"] == "not_found"
    assert api_klien(d.pengawas.user).get(f"{DAFTAR}{b.pk}/").status_code == 200
    assert api_klien().get(f"{DAFTAR}{b.pk}/").status_code == 401


def test_detail_narasi_dan_peristiwa_dari_alur(dunia, api_klien):
    """A report drafted and submitted through the services: the API shows its narratives, its
    figures and the status event the flow wrote."""
    d = dunia
    bulan = bulan_ini()
    kegiatan(d.pld_a, d.desa_a, bulan)
    lap = services.laporan_susun(user=d.pld_a.user, bulan=bulan)
    services.laporan_ajukan(user=d.pld_a.user, laporan=lap, dari=StatusLaporan.DRAF)
    r = api_klien(d.pd_a.user).get(f"{DAFTAR}{lap.pk}/")
    assert r.status_code == 200, r.content
    data = r.json()
    assert data["status"] == StatusLaporan.DIAJUKAN
    assert data["bulan"] == bulan.strftime("%Y-%m")
    assert data["pendamping_nama"] == d.pld_a.nama
    assert data["jumlah_kegiatan"] == 1
    assert data["narasi"] and {n["jenis"] for n in data["narasi"]} <= {"tata_cara", "desa"}
    assert all(n["teks"] or n["draf"] for n in data["narasi"])
    assert [(p["dari"], p["ke"]) for p in data["peristiwa"]][-1] == (
        StatusLaporan.DRAF,
        StatusLaporan.DIAJUKAN,
    )
    assert data["peristiwa"][-1]["oleh"] == d.pld_a.nama
    assert isinstance(data["ringkasan"], dict)
    # times in the user's zone (Jawa Tengah: WIB)
    assert data["diajukan_pada"].endswith("+07:00")
    assert r["ETag"]


def test_filter_nama_situs(dunia, api_klien):
    d = dunia
    ini = bulan_ini()
    lalu = (ini - datetime.timedelta(days=1)).replace(day=1)
    a1 = laporan(d.pld_a, d.desa_a, bulan=ini)
    a2 = laporan(d.pld_a, d.desa_a, bulan=lalu, status=StatusLaporan.DISETUJUI)
    b = laporan(d.pld_b, d.desa_b, bulan=ini, status=StatusLaporan.DIAJUKAN)
    k = api_klien(d.pengawas.user)
    assert set(_id(k.get(DAFTAR, {"bulan": ini.strftime("%Y-%m")}))) == {a1.pk, b.pk}
    assert _id(k.get(DAFTAR, {"status": "disetujui"})) == [a2.pk]
    assert _id(k.get(DAFTAR, {"wilayah": d.kab_b.kode})) == [b.pk]
    assert set(_id(k.get(DAFTAR, {"pendamping": d.pld_a.pk}))) == {a1.pk, a2.pk}


@pytest.mark.parametrize(
    "param",
    [{"bulan": "2026-13"}, {"bulan": "oktober"}, {"status": "hilang"}, {"pendamping": "x"}],
)
def test_filter_salah_400(dunia, api_klien, param):
    r = api_klien(dunia.pengawas.user).get(DAFTAR, param)
    assert r.status_code == 400
    g = r.json()["galat"]
    assert g["kode"] == "tidak_sah" and set(param) <= set(g["rincian"])
    if "bulan" in param:
        assert g["rincian"]["bulan"] == ["Tulis bulan dengan format TTTT-BB, misalnya 2026-10."]


def test_jumlah_query_daftar_tetap(dunia, api_klien):
    d = dunia
    laporan(d.pld_a, d.desa_a)
    k = api_klien(d.pengawas.user)
    satu = _jumlah_query(k, DAFTAR)
    for i in range(10):
        p = pendamping_di(d.desa_a.kode, Jabatan.PLD, username=f"pld_lap_{i}")
        laporan(p, d.desa_a)
    assert len(k.get(DAFTAR).json()["results"]) == 11
    assert _jumlah_query(k, DAFTAR) == satu


def test_jumlah_query_detail_tetap(dunia, api_klien):
    from pendampingan.bulanan.models import NarasiLaporan, PeristiwaLaporan

    d = dunia
    lap = laporan(d.pld_a, d.desa_a)
    k = api_klien(d.pd_a.user)
    url = f"{DAFTAR}{lap.pk}/"
    satu = _jumlah_query(k, url)
    for i in range(10):
        NarasiLaporan.objects.create(laporan=lap, jenis="desa", kunci=f"k{i}", judul=f"N {i}")
        PeristiwaLaporan.objects.create(laporan=lap, dari="draf", ke="diajukan", oleh=d.pld_a.user)
    assert _jumlah_query(k, url) == satu
