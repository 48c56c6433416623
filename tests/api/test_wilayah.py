"""Regions through the API (pendampingan/api/wilayah.py): the tree, search, a desa with its
current facilitators; scoped like the site."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pendampingan.models import JenisPenugasan, Penugasan
from tests.factories import wilayah_rantai

pytestmark = pytest.mark.django_db

DAFTAR = "/api/v1/wilayah/"


def _kode(resp):
    return [w["kode"] for w in resp.json()["results"]]


def test_daftar_hanya_wilayah_dalam_cakupan(dunia, api_klien):
    r = api_klien(dunia.pld_a.user).get(DAFTAR)
    assert r.status_code == 200
    assert _kode(r) == [dunia.desa_a.kode]
    semua = _kode(api_klien(dunia.pengawas.user).get(DAFTAR, {"page_size": 200}))
    assert dunia.desa_b.kode in semua and dunia.kab_b.kode in semua


def test_pohon_induk(dunia, api_klien):
    r = api_klien(dunia.pd_a.user).get(DAFTAR, {"induk": dunia.kec_a.kode})
    assert sorted(_kode(r)) == sorted([dunia.desa_a.kode, dunia.desa_a2.kode])
    # another kecamatan's children are outside the PD's scope: an empty page, not B's desa
    r = api_klien(dunia.pd_a.user).get(DAFTAR, {"induk": dunia.desa_b.induk.kode})
    assert _kode(r) == []


def test_cari_dengan_aturan_autocomplete(dunia, api_klien):
    k = api_klien(dunia.pengawas.user)
    # the autocomplete's rule (selectors.wilayah_saring): a code prefix or a part of the name
    assert _kode(k.get(DAFTAR, {"q": "beta"})) == [dunia.desa_b.kode]
    assert set(_kode(k.get(DAFTAR, {"q": "33.01.01.", "tingkat": "desa"}))) == {
        dunia.desa_a.kode,
        dunia.desa_a2.kode,
    }
    # PLD A searching for B's desa finds nothing
    assert _kode(api_klien(dunia.pld_a.user).get(DAFTAR, {"q": "Beta"})) == []


def test_tingkat_salah_400_bentuk_galat(dunia, api_klien):
    r = api_klien(dunia.pld_a.user).get(DAFTAR, {"tingkat": "planet"})
    assert r.status_code == 400
    g = r.json()["galat"]
    assert g["kode"] == "tidak_sah" and "tingkat" in g["rincian"]
    assert g["pesan"].startswith("Data belum benar")


def test_detail_desa_dengan_pendamping_kini(dunia, api_klien):
    # a past assignment at the desa is not current
    lama = Penugasan.objects.create(
        pendamping=dunia.pld_b,
        wilayah=dunia.desa_a,
        jenis=JenisPenugasan.LAPANGAN,
        mulai=datetime.date(2019, 1, 1),
        selesai=datetime.date(2019, 12, 31),
    )
    r = api_klien(dunia.pld_a.user).get(f"{DAFTAR}{dunia.desa_a.kode}/")
    assert r.status_code == 200, r.content
    data = r.json()
    assert [w["kode"] for w in data["jejak"]] == [
        dunia.provinsi.kode,
        dunia.kab_a.kode,
        dunia.kec_a.kode,
    ]
    kini = {p["pendamping"]: p for p in data["pendamping_kini"]}
    # the desa's PLD, the PD of its kecamatan, the koordinator of the province above
    assert set(kini) == {dunia.pld_a.pk, dunia.pd_a.pk, dunia.pengawas.pk}
    assert kini[dunia.pd_a.pk]["wilayah"] == dunia.kec_a.kode
    assert kini[dunia.pd_a.pk]["jenis"] == "supervisi"
    assert lama.pendamping_id not in kini
    assert r["ETag"]


def test_detail_bukan_desa_tanpa_pendamping(dunia, api_klien):
    r = api_klien(dunia.pd_a.user).get(f"{DAFTAR}{dunia.kec_a.kode}/")
    assert r.status_code == 200
    assert r.json()["pendamping_kini"] is None


def test_detail_di_luar_cakupan_404(dunia, api_klien):
    k = api_klien(dunia.pld_a.user)
    for kode in (dunia.desa_b.kode, dunia.desa_a2.kode, dunia.kec_a.kode):
        r = k.get(f"{DAFTAR}{kode}/")
        assert r.status_code == 404, kode
        assert r.json()["galat"]["kode"] == "not_found"
    assert api_klien(dunia.pengawas.user).get(f"{DAFTAR}{dunia.desa_b.kode}/").status_code == 200
    assert api_klien().get(f"{DAFTAR}{dunia.desa_a.kode}/").status_code == 401


def _jumlah_query(klien, url, data=None):
    """Queries of one GET (after a first one: a token's first use writes its last-used time)."""
    klien.get(url, data)
    with CaptureQueriesContext(connection) as ctx:
        assert klien.get(url, data).status_code == 200
    return len(ctx.captured_queries)


def test_jumlah_query_daftar_tetap(dunia, api_klien):
    k = api_klien(dunia.pd_a.user)
    satu = _jumlah_query(k, DAFTAR, {"tingkat": "desa"})
    for i in range(10):
        wilayah_rantai(f"33.01.01.{3001 + i}", f"Desa Tambahan {i}")
    sepuluh = _jumlah_query(k, DAFTAR, {"tingkat": "desa"})
    assert satu == sepuluh


def test_jumlah_query_detail_desa_tetap(dunia, api_klien):
    k = api_klien(dunia.pld_a.user)
    url = f"{DAFTAR}{dunia.desa_a.kode}/"
    satu = _jumlah_query(k, url)
    from tests.factories import pendamping_di

    for i in range(10):
        pendamping_di(dunia.desa_a.kode, "pld", username=f"pld_tambah_{i}")
    assert _jumlah_query(k, url) == satu
