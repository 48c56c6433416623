"""Facilitators through the API (pendampingan/api/pendamping.py): scoped by
``Pendamping.objects.visible_to``; each with the assignments the user may see."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pendampingan.models import Jabatan, JenisPenugasan, Penugasan
from tests.factories import pendamping_di

pytestmark = pytest.mark.django_db

DAFTAR = "/api/v1/pendamping/"


def _id(resp):
    assert resp.status_code == 200, resp.content
    return {p["id"] for p in resp.json()["results"]}


def _jumlah_query(klien, url, data=None):
    """Queries of one GET (after a first one: a token's first use writes its last-used time)."""
    klien.get(url, data)
    with CaptureQueriesContext(connection) as ctx:
        assert klien.get(url, data).status_code == 200
    return len(ctx.captured_queries)


def test_daftar_dalam_cakupan(dunia, api_klien):
    d = dunia
    assert _id(api_klien(d.pld_a.user).get(DAFTAR)) == {d.pld_a.pk}
    # the PD sees the PLD below and themself; not B's PLD
    terlihat = _id(api_klien(d.pd_a.user).get(DAFTAR))
    assert {d.pld_a.pk, d.pd_a.pk} <= terlihat and d.pld_b.pk not in terlihat
    # the supervisor above both kabupaten sees both
    assert {d.pld_a.pk, d.pld_b.pk} <= _id(api_klien(d.pengawas.user).get(DAFTAR))


def test_detail_dengan_penugasan(dunia, api_klien):
    d = dunia
    r = api_klien(d.pd_a.user).get(f"{DAFTAR}{d.pld_a.pk}/")
    assert r.status_code == 200
    data = r.json()
    assert data["nama"] == d.pld_a.nama and data["jabatan"] == Jabatan.PLD
    assert [(p["wilayah"], p["jenis"]) for p in data["penugasan"]] == [
        (d.desa_a.kode, JenisPenugasan.LAPANGAN)
    ]
    assert data["penugasan"][0]["wilayah_nama"] == d.desa_a.nama
    assert "telepon" not in data and "nomor_kontrak" not in data
    assert r["ETag"]


def test_detail_di_luar_cakupan_404(dunia, api_klien):
    d = dunia
    r = api_klien(d.pld_a.user).get(f"{DAFTAR}{d.pld_b.pk}/")
    assert r.status_code == 404
    assert r.json()["galat"]["pesan"] == "Data tidak ditemukan (atau di luar wilayah Anda)."
    assert api_klien(d.pd_a.user).get(f"{DAFTAR}{d.pld_b.pk}/").status_code == 404
    assert api_klien(d.pengawas.user).get(f"{DAFTAR}{d.pld_b.pk}/").status_code == 200
    assert api_klien().get(f"{DAFTAR}{d.pld_a.pk}/").status_code == 401


def test_penugasan_di_luar_cakupan_tidak_tampil(dunia, api_klien):
    """PLD A once worked in B's kabupaten: the PD of A sees PLD A, not that posting; the
    supervisor above both and PLD A themself see it."""
    d = dunia
    Penugasan.objects.create(
        pendamping=d.pld_a,
        wilayah=d.desa_b,
        jenis=JenisPenugasan.LAPANGAN,
        mulai=datetime.date(2018, 1, 1),
        selesai=datetime.date(2018, 12, 31),
    )
    url = f"{DAFTAR}{d.pld_a.pk}/"

    def wilayah(user):
        return {p["wilayah"] for p in api_klien(user).get(url).json()["penugasan"]}

    assert wilayah(d.pd_a.user) == {d.desa_a.kode}
    r = api_klien(d.pd_a.user).get(url)
    assert d.desa_b.nama not in r.content.decode()
    assert wilayah(d.pengawas.user) == {d.desa_a.kode, d.desa_b.kode}
    assert wilayah(d.pld_a.user) == {d.desa_a.kode, d.desa_b.kode}


def test_filter(dunia, api_klien):
    d = dunia
    k = api_klien(d.pengawas.user)
    assert _id(k.get(DAFTAR, {"wilayah": d.kab_b.kode})) == {d.pld_b.pk}
    assert _id(k.get(DAFTAR, {"wilayah": d.desa_a.kode})) == {d.pld_a.pk}
    assert _id(k.get(DAFTAR, {"jabatan": Jabatan.PD})) == {d.pd_a.pk}
    assert d.pld_b.pk in _id(k.get(DAFTAR, {"q": d.pld_b.nama[-3:]}))
    r = k.get(DAFTAR, {"jabatan": "menteri"})
    assert r.status_code == 400
    assert "jabatan" in r.json()["galat"]["rincian"]


def test_jumlah_query_daftar_tetap(dunia, api_klien):
    k = api_klien(dunia.pd_a.user)
    satu = _jumlah_query(k, DAFTAR)
    for i in range(10):
        pendamping_di(dunia.desa_a2.kode, Jabatan.PLD, username=f"pld_n_{i}")
    n = _jumlah_query(k, DAFTAR)
    assert len(k.get(DAFTAR).json()["results"]) >= 12
    assert n == satu
