"""The dashboard's figures through the API (pendampingan/dasbor/api.py): the page's region and
period rules and its selectors."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pendampingan.dasbor import selectors, services
from pendampingan.dasbor.periode import Periode, periode_default
from pendampingan.models import StatusKegiatan, TataCara
from tests.factories import KegiatanFactory, TindakLanjutFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/dasbor/"


def _kegiatan(d, n=1, **kw):
    for _i in range(n):
        KegiatanFactory(
            pendamping=d.pld_a,
            wilayah=d.desa_a,
            tanggal=kw.pop("tanggal", timezone.localdate()),
            tata_cara=TataCara.ASISTENSI,
            status=StatusKegiatan.DIAJUKAN,
            **kw,
        )


def _jumlah_query(klien, data=None):
    """Queries of one GET (after a first one: a token's first use writes its last-used time)."""
    klien.get(URL, data)
    with CaptureQueriesContext(connection) as ctx:
        assert klien.get(URL, data).status_code == 200
    return len(ctx.captured_queries)


def test_wilayah_terluas_bawaan_dan_angka(dunia, api_klien):
    d = dunia
    _kegiatan(d, 2)
    TindakLanjutFactory(
        pendamping=d.pld_a,
        wilayah=d.desa_a,
        jatuh_tempo=timezone.localdate() - datetime.timedelta(days=1),
    )
    services.ringkasan_segarkan()  # the summaries the page reads (a periodic task on the site)
    r = api_klien(d.pd_a.user).get(URL)
    assert r.status_code == 200, r.content
    data = r.json()
    assert data["wilayah"]["kode"] == d.kec_a.kode
    p = periode_default()
    assert data["periode"] == {
        "dari": p.dari.isoformat(),
        "sampai": p.sampai.isoformat(),
        "satuan": p.satuan,
    }
    k = data["kegiatan"]
    assert k["total"]["jumlah"] == 2
    assert k["total"]["per_tata_cara"][TataCara.ASISTENSI] == 2
    assert k["total"]["diajukan"] == 2
    assert {a["kode"]: a["jumlah"] for a in k["per_wilayah"]} == {d.desa_a.kode: 2}
    c = data["cakupan"]
    assert c["total"] == 2 and c["aktif"] == 1 and c["celah"] == 1
    assert {a["kode"]: a["nama"] for a in c["per_wilayah"]} == {
        d.desa_a.kode: d.desa_a.nama,
        d.desa_a2.kode: d.desa_a2.nama,
    }
    assert data["tindak_lanjut"]["terbuka"] == 1 and data["tindak_lanjut"]["terlambat"] == 1
    assert data["pendamping"]["pendamping"] == 1
    assert data["pendamping"]["kegiatan"] == 2 and data["pendamping"]["diajukan"] == 2
    assert data["pendamping"]["desa_tanpa_pendamping"] == 1  # desa A2 has no PLD


def test_sama_dengan_selector_halaman(dunia, api_klien):
    """The figures are the dashboard page's selectors' (no second count)."""
    d = dunia
    _kegiatan(d, 3, peserta_laki=4)
    periode = Periode(timezone.localdate().replace(day=1), timezone.localdate())
    q = {"wilayah": d.desa_a.kode, "dari": periode.dari, "sampai": periode.sampai}
    data = api_klien(d.pld_a.user).get(URL, q).json()
    halaman = selectors.aktivitas(user=d.pld_a.user, wilayah=d.desa_a, periode=periode)
    assert data["kegiatan"]["total"]["jumlah"] == halaman["total"]["jumlah"] == 3
    assert data["kegiatan"]["total"]["peserta_laki"] == halaman["total"]["peserta_laki"]
    assert len(data["kegiatan"]["per_periode"]) == len(halaman["ember"])


def test_aturan_periode_halaman(dunia, api_klien):
    k = api_klien(dunia.pd_a.user)
    # an end alone starts on the first of its month
    p = k.get(URL, {"sampai": "2026-03-20"}).json()["periode"]
    assert p["dari"] == "2026-03-01" and p["sampai"] == "2026-03-20"
    # a start alone runs a year at most, never past this month
    p = k.get(URL, {"dari": "2025-02-10"}).json()["periode"]
    akhir = min(datetime.date(2026, 2, 9), periode_default().sampai)
    assert p["sampai"] == max(akhir, datetime.date(2025, 2, 10)).isoformat()


@pytest.mark.parametrize(
    "q,pesan",
    [
        ({"dari": "2026-03-10", "sampai": "2026-03-01"}, "tidak boleh sebelum tanggal awal"),
        ({"dari": "2024-01-01", "sampai": "2026-01-01"}, "paling panjang satu tahun"),
        ({"dari": "kemarin"}, ""),
    ],
)
def test_periode_salah_400(dunia, api_klien, q, pesan):
    r = api_klien(dunia.pd_a.user).get(URL, q)
    assert r.status_code == 400
    g = r.json()["galat"]
    assert g["kode"] == "tidak_sah"
    assert pesan in g["pesan"]


def test_wilayah_di_luar_cakupan_404(dunia, api_klien):
    d = dunia
    for user, kode in (
        (d.pd_a.user, d.desa_b.kode),
        (d.pld_a.user, d.kec_a.kode),
        (d.pld_a.user, d.desa_a2.kode),
        (d.pld_a.user, ""),  # the whole country: national roles only
        (d.pld_a.user, "99.99"),
    ):
        r = api_klien(user).get(URL, {"wilayah": kode})
        assert r.status_code == 404, (user, kode)
        assert r.json()["galat"]["kode"] == "not_found"
    # a user with no assignment has no dashboard at all
    assert api_klien(UserFactory()).get(URL).status_code == 404
    assert api_klien().get(URL).status_code == 401
    assert api_klien(d.pengawas.user).get(URL, {"wilayah": d.desa_b.kode}).status_code == 200


def test_jumlah_query_tetap(dunia, api_klien):
    d = dunia
    _kegiatan(d, 1)
    TindakLanjutFactory(pendamping=d.pld_a, wilayah=d.desa_a)
    services.ringkasan_segarkan()
    k = api_klien(d.pd_a.user)
    satu = _jumlah_query(k)
    _kegiatan(d, 10)
    TindakLanjutFactory.create_batch(10, pendamping=d.pld_a, wilayah=d.desa_a)
    services.ringkasan_segarkan()
    assert _jumlah_query(k) == satu
