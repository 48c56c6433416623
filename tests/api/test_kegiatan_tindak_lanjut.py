"""Follow-ups through the API: the site's list filters, scope, closing through the site's service
and form (the follower only), versions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pendampingan.models import StatusTindakLanjut, TindakLanjut
from tests.factories import KegiatanFactory, TindakLanjutFactory

pytestmark = pytest.mark.django_db

DAFTAR = reverse("api:tindaklanjut-list")


def _judul(r):
    assert r.status_code == 200, r.content
    return {x["judul"] for x in r.json()["results"]}


def _tl(dunia, desa, **kw):
    return TindakLanjutFactory(pendamping=dunia.pemilik[desa.kode], wilayah=desa, **kw)


def test_daftar_scope_dan_saringan(dunia, api_klien):
    _tl(dunia, dunia.desa_a, judul="Buka A")
    _tl(dunia, dunia.desa_a, judul="Selesai A", status=StatusTindakLanjut.SELESAI)
    _tl(
        dunia,
        dunia.desa_a,
        judul="Telat A",
        jatuh_tempo=datetime.date.today() - datetime.timedelta(days=3),
    )
    _tl(dunia, dunia.desa_b, judul="Buka B")
    pld = api_klien(dunia.pld_a.user)
    assert _judul(pld.get(DAFTAR)) == {"Buka A", "Selesai A", "Telat A"}
    assert _judul(pld.get(DAFTAR, {"status": "terbuka"})) == {"Buka A", "Telat A"}
    assert _judul(pld.get(DAFTAR, {"status": "terlambat"})) == {"Telat A"}
    assert _judul(pld.get(DAFTAR, {"status": "selesai"})) == {"Selesai A"}
    pd = api_klien(dunia.pd_a.user)
    assert _judul(pd.get(DAFTAR)) == set()
    assert _judul(pd.get(DAFTAR, {"lingkup": "wilayah"})) == {"Buka A", "Selesai A", "Telat A"}
    r = pd.get(DAFTAR, {"lingkup": "wilayah", "wilayah": dunia.desa_b.kode})
    assert _judul(r) == set()
    korprov = api_klien(dunia.pengawas.user).get(DAFTAR, {"lingkup": "wilayah"})
    assert {"Buka A", "Buka B"} <= _judul(korprov)
    for salah in ({"status": "x"}, {"wilayah": "9" * 40}, {"lingkup": "?"}):
        r = pld.get(DAFTAR, salah)
        assert r.status_code == 400 and r.json()["galat"]["kode"] == "tidak_sah", salah


def test_detail_scope(dunia, api_klien):
    tl = _tl(dunia, dunia.desa_a)
    url = reverse("api:tindaklanjut-detail", kwargs={"pk": tl.pk})
    assert api_klien(dunia.pld_a.user).get(url).status_code == 200
    assert api_klien(dunia.pd_a.user).get(url).status_code == 200
    assert api_klien(dunia.pld_b.user).get(url).status_code == 404
    assert api_klien().get(url).status_code == 401


def test_tutup_lewat_layanan_situs(dunia, api_klien):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    tl = _tl(dunia, dunia.desa_a, kegiatan=k)
    url = reverse("api:tindaklanjut-selesai", kwargs={"pk": tl.pk})
    klien = api_klien(dunia.pld_a.user)
    etag = klien.get(reverse("api:tindaklanjut-detail", kwargs={"pk": tl.pk}))["ETag"]
    # a supervisor may see it but only the follower closes it (the site's door: 404)
    r = api_klien(dunia.pd_a.user).post(url, {"status": "selesai", "catatan": "x"}, format="json")
    assert r.status_code == 404
    assert api_klien(dunia.pld_b.user).post(url, {}, format="json").status_code == 404
    # the site's form: a note is required
    r = klien.post(url, {"status": "selesai"}, format="json")
    assert r.status_code == 400
    assert r.json()["galat"]["rincian"]["catatan"] == ["Tuliskan catatan penyelesaian."]
    r = klien.post(url, {"status": "hilang", "catatan": "x"}, format="json")
    assert r.status_code == 400 and "status" in r.json()["galat"]["rincian"]
    r = klien.post(
        url, {"status": "selesai", "catatan": "Sudah dibahas."}, format="json", HTTP_IF_MATCH=etag
    )
    assert r.status_code == 200, r.json()
    tl.refresh_from_db()
    assert tl.status == "selesai" and tl.catatan_selesai == "Sudah dibahas."
    assert r.json()["status"] == "selesai" and r["ETag"] != etag  # its change time moved
    # the old version: 412 with the current one
    r = klien.post(url, {"status": "batal", "catatan": "x"}, format="json", HTTP_IF_MATCH=etag)
    assert r.status_code == 412 and r.json()["galat"]["terkini"]["status"] == "selesai"
    # closing a closed one another way: the service's refusal
    r = klien.post(url, {"status": "batal", "catatan": "x"}, format="json")
    assert r.status_code == 400 and "sudah ditutup" in r.json()["galat"]["pesan"]
    # a device syncing sees it closed
    sejak = (tl.diubah - datetime.timedelta(seconds=1)).isoformat()
    assert _judul(klien.get(DAFTAR, {"updated_since": sejak})) == {tl.judul}


@pytest.mark.parametrize(("user", "param"), [("pld_a", {}), ("pd_a", {"lingkup": "wilayah"})])
def test_jumlah_query_daftar_tetap(dunia, api_klien, user, param):
    klien = api_klien(getattr(dunia, user).user)
    klien.get(DAFTAR, param)

    def hitung():
        with CaptureQueriesContext(connection) as ctx:
            r = klien.get(DAFTAR, param)
        return len(ctx.captured_queries), len(r.json()["results"])

    def tambah(n):
        for _i in range(n):
            k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
            _tl(dunia, dunia.desa_a, kegiatan=k)

    tambah(1)
    satu, n1 = hitung()
    tambah(9)
    sepuluh, n10 = hitung()
    assert (n1, n10) == (1, 10) and satu == sepuluh
    assert TindakLanjut.objects.count() == 10
