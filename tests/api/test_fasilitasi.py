"""Fasilitasi cases through the API (fasilitasi/api.py): scope like the site, the site's filter
names, stages with documents, events, the documents' download through the scoped helper, fixed
query counts."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fasilitasi import services
from fasilitasi.models import DokumenFasilitasi, Fasilitasi, StatusFasilitasi
from pendampingan.models import Jabatan
from tests.factories import pendamping_di, wilayah_rantai
from tests.fasilitasi.factories import PDF, berkas_pdf, buka_kasus, majukan, templat

pytestmark = pytest.mark.django_db


def _daftar(nama="fasilitasi"):
    return reverse(f"api:{nama}-list")


def _detail(pk, nama="fasilitasi"):
    return reverse(f"api:{nama}-detail", kwargs={"pk": pk})


def _unduh(pk):
    return reverse("api:fasilitasi-dokumen-unduh", kwargs={"pk": pk})


def _hitung(klien, url) -> int:
    """Queries of a GET, after a warm-up request (the token's last-used write)."""
    assert klien.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        r = klien.get(url)
    assert r.status_code == 200, r.content
    return len(ctx.captured_queries)


def _galat(r, status):
    assert r.status_code == status, r.content
    g = r.json()["galat"]
    assert set(g) >= {"kode", "pesan", "rincian"}
    return g


def _kasus_b(dunia, **kw):
    return buka_kasus(dunia, desa=dunia.desa_b, oleh=dunia.pld_b, pj=dunia.pld_b, **kw)


def _lampirkan(kasus, user, nama="Rancangan Perdes APB Desa", isi=b"x"):
    return services.dokumen_lampirkan(kasus=kasus, user=user, nama=nama, berkas=berkas_pdf(isi=isi))


# ------------------------------------------------------------------------------ list


def test_daftar_kasus_sesuai_cakupan(dunia, api_klien):
    ka = buka_kasus(dunia)
    kb = _kasus_b(dunia)
    r = api_klien(dunia.pld_a.user).get(_daftar())
    assert r.status_code == 200
    [b] = r.json()["results"]
    assert b["id"] == ka.pk
    assert b["wilayah"] == dunia.desa_a.kode
    assert b["templat"]["kode"] == "apb-desa"
    assert b["tahap_kini"]["urutan"] == 1
    assert b["status"] == "berjalan"
    assert b["penanggung_jawab_nama"] == dunia.pld_a.nama
    ids = {b["id"] for b in api_klien(dunia.pengawas.user).get(_daftar()).json()["results"]}
    assert ids == {ka.pk, kb.pk}


def test_daftar_kasus_nama_saring_situs(dunia, api_klien):
    tahun = datetime.date.today().year
    ka = buka_kasus(dunia)  # PJ pld_a
    k_rkp = buka_kasus(dunia, kode="rkp-desa", pj=dunia.pd_a)
    k_batal = buka_kasus(dunia, desa=dunia.desa_a2, pj=dunia.pd_a)
    services.fasilitasi_ubah_status(
        kasus=k_batal, user=dunia.pd_a.user, status=StatusFasilitasi.DIBATALKAN, catatan="uji"
    )
    k_telat = buka_kasus(dunia, kode="perdes", pj=dunia.pd_a)
    kb = _kasus_b(dunia)
    majukan(ka, dunia.pld_a.user)
    hari_ini = timezone.localdate()
    Fasilitasi.objects.update(jatuh_tempo=hari_ini + datetime.timedelta(days=30))
    Fasilitasi.objects.filter(pk=k_telat.pk).update(
        jatuh_tempo=hari_ini - datetime.timedelta(days=3)
    )

    def ids(user, **q):
        r = api_klien(user).get(_daftar(), q)
        assert r.status_code == 200, r.content
        return {b["id"] for b in r.json()["results"]}

    sup = dunia.pengawas.user
    assert ids(sup, wilayah=dunia.kab_b.kode) == {kb.pk}
    assert ids(sup, templat=templat("rkp-desa").pk) == {k_rkp.pk}
    assert ids(sup, tahun=tahun, wilayah=dunia.desa_a.kode) == {ka.pk, k_rkp.pk, k_telat.pk}
    assert ids(sup, tahap=2) == {ka.pk}
    assert ids(sup, status="dibatalkan") == {k_batal.pk}
    assert k_batal.pk not in ids(sup, status="terbuka")
    assert ids(sup, terlambat="1") == {k_telat.pk}
    assert ids(sup, terlambat="true") == {k_telat.pk}
    assert ids(sup, q="Desa Beta") == {kb.pk}
    # "my cases": the user is the responsible facilitator
    assert ids(dunia.pld_a.user, saya="true") == {ka.pk}
    assert ids(dunia.pd_a.user, saya="true") == {k_rkp.pk, k_batal.pk, k_telat.pk}


@pytest.mark.parametrize(
    "q",
    [
        {"tahun": "1800"},
        {"tahun": "dua ribu"},
        {"templat": "0"},
        {"tahap": "99999999999999999999"},
        {"status": "hilang"},
        {"wilayah": "3" * 20},
    ],
)
def test_daftar_kasus_saring_salah_400(dunia, api_klien, q):
    g = _galat(api_klien(dunia.pld_a.user).get(_daftar(), q), 400)
    assert g["kode"] == "tidak_sah"
    assert set(g["rincian"]) == set(q)
    assert g["pesan"].startswith("Data belum benar")


def test_daftar_kasus_updated_since(dunia, api_klien):
    lama = buka_kasus(dunia, kode="rkp-desa")
    Fasilitasi.objects.filter(pk=lama.pk).update(diubah=timezone.now() - datetime.timedelta(days=4))
    baru = buka_kasus(dunia)
    sejak = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    r = api_klien(dunia.pld_a.user).get(_daftar(), {"updated_since": sejak, "ordering": "diubah"})
    assert [b["id"] for b in r.json()["results"]] == [baru.pk]


def test_anonim_401_dan_tanpa_izin_403(dunia, api_klien):
    kasus = buka_kasus(dunia)
    _galat(api_klien().get(_daftar()), 401)
    _galat(api_klien().get(_detail(kasus.pk)), 401)
    tanpa = get_user_model().objects.create_user("tanpa_peran", password="x")
    g = _galat(api_klien(tanpa).get(_detail(kasus.pk)), 403)
    assert "tidak berwenang" in g["pesan"].lower()


def test_jumlah_query_daftar_kasus_tetap(dunia, api_klien):
    k = api_klien(dunia.pd_a.user)

    def tambah(n, mulai):
        for i in range(n):
            desa = wilayah_rantai(f"33.01.01.{mulai + i}", f"Desa Q {mulai + i}")
            buka_kasus(dunia, desa=desa, oleh=dunia.pd_a, pj=dunia.pd_a)

    tambah(1, 2100)
    satu = _hitung(k, _daftar())
    tambah(9, 2200)
    assert len(k.get(_daftar()).json()["results"]) == 10
    assert _hitung(k, _daftar()) == satu


# ------------------------------------------------------------------------------ detail


def test_detail_kasus_tahap_dokumen_peristiwa(dunia, api_klien):
    kasus = buka_kasus(dunia)
    majukan(kasus, dunia.pld_a.user, catatan="Musdes selesai")
    k = api_klien(dunia.pld_a.user)
    r = k.get(_detail(kasus.pk))
    assert r.status_code == 200 and r["ETag"]
    d = r.json()
    assert d["butir"]["kode"]
    assert d["tahap_kini"]["urutan"] == 2
    tahap = d["tahap"]
    assert [t["urutan"] for t in tahap] == sorted(t["urutan"] for t in tahap)
    pertama = tahap[0]
    assert pertama["berkas"], "the required documents of stage 1 were attached"
    dok = pertama["berkas"][0]
    assert dok["jenis_mime"] == "application/pdf"
    assert dok["unduh"].endswith(_unduh(dok["id"]))
    assert pertama["dokumen_wajib"]
    jenis = [p["jenis"] for p in d["peristiwa"]]
    assert jenis[0] == "maju" and "dibuka" in jenis
    maju = d["peristiwa"][0]
    assert maju["catatan"] == "Musdes selesai"
    assert (maju["dari_tahap"]["urutan"], maju["ke_tahap"]["urutan"]) == (1, 2)
    assert maju["oleh"]


def test_detail_kasus_cakupan(dunia, api_klien):
    pld_a2 = pendamping_di(dunia.desa_a2.kode, Jabatan.PLD, username="pld_a2_api")
    ka = buka_kasus(dunia)
    ka2 = buka_kasus(dunia, desa=dunia.desa_a2, pj=pld_a2)
    kb = _kasus_b(dunia)
    k = api_klien(dunia.pld_a.user)
    for lain in (ka2, kb):
        g = _galat(k.get(_detail(lain.pk)), 404)
        assert "wilayah" in g["pesan"]
    assert api_klien(pld_a2.user).get(_detail(ka2.pk)).status_code == 200
    assert api_klien(dunia.pengawas.user).get(_detail(kb.pk)).status_code == 200
    assert api_klien(dunia.pd_a.user).get(_detail(kb.pk)).status_code == 404
    assert k.get(_detail(ka.pk)).status_code == 200
    _galat(k.get(f"{_daftar()}99999999999999999999999/"), 404)


def test_jumlah_query_detail_kasus_tetap(dunia, api_klien):
    kasus = buka_kasus(dunia)
    k = api_klien(dunia.pld_a.user)
    _lampirkan(kasus, dunia.pld_a.user, nama="Lain 0", isi=b"0")
    satu = _hitung(k, _detail(kasus.pk))
    for i in range(1, 10):
        _lampirkan(kasus, dunia.pld_a.user, nama=f"Lain {i}", isi=str(i).encode())
    assert _hitung(k, _detail(kasus.pk)) == satu


# ------------------------------------------------------------------------------ documents


def test_dokumen_metadata_dan_unduh_lewat_token(dunia, api_klien):
    kasus = buka_kasus(dunia)
    dok = _lampirkan(kasus, dunia.pld_a.user, isi=b"isi-alpha")
    kb = _kasus_b(dunia)
    dok_b = _lampirkan(kb, dunia.pld_b.user, isi=b"isi-beta")
    k = api_klien(dunia.pld_a.user)

    r = k.get(_daftar("fasilitasi-dokumen"), {"kasus": kasus.pk})
    assert [b["id"] for b in r.json()["results"]] == [dok.pk]
    assert k.get(_daftar("fasilitasi-dokumen"), {"kasus": kb.pk}).json()["results"] == []
    m = k.get(_detail(dok.pk, "fasilitasi-dokumen")).json()
    assert (m["nama"], m["ukuran"], m["sha256"]) == (dok.nama, dok.ukuran, dok.sha256)

    r = k.get(_unduh(dok.pk))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in r["Content-Disposition"]
    assert b"".join(r.streaming_content) == PDF + b"isi-alpha"
    # any Accept reaches the file
    assert k.get(_unduh(dok.pk), HTTP_ACCEPT="application/pdf").status_code == 200

    # outside the scope: 404 for the metadata and the file; the supervisor above gets it
    _galat(k.get(_detail(dok_b.pk, "fasilitasi-dokumen")), 404)
    _galat(k.get(_unduh(dok_b.pk)), 404)
    _galat(api_klien().get(_unduh(dok.pk)), 401)
    r = api_klien(dunia.pengawas.user).get(_unduh(dok_b.pk))
    assert b"".join(r.streaming_content) == PDF + b"isi-beta"


def test_unduh_berkas_hilang_404(dunia, api_klien):
    kasus = buka_kasus(dunia)
    dok = _lampirkan(kasus, dunia.pld_a.user)
    dok.berkas.storage.delete(dok.berkas.name)
    g = _galat(api_klien(dunia.pld_a.user).get(_unduh(dok.pk)), 404)
    assert g["pesan"]


def test_dokumen_updated_since_diunggah(dunia, api_klien):
    kasus = buka_kasus(dunia)
    lama = _lampirkan(kasus, dunia.pld_a.user, nama="Lama", isi=b"1")
    DokumenFasilitasi.objects.filter(pk=lama.pk).update(
        diunggah=timezone.now() - datetime.timedelta(days=3)
    )
    baru = _lampirkan(kasus, dunia.pld_a.user, nama="Baru", isi=b"2")
    sejak = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    r = api_klien(dunia.pld_a.user).get(_daftar("fasilitasi-dokumen"), {"updated_since": sejak})
    assert [b["id"] for b in r.json()["results"]] == [baru.pk]


def test_jumlah_query_daftar_dokumen_tetap(dunia, api_klien):
    kasus = buka_kasus(dunia)
    k = api_klien(dunia.pld_a.user)
    url = _daftar("fasilitasi-dokumen")
    _lampirkan(kasus, dunia.pld_a.user, nama="D0", isi=b"0")
    satu = _hitung(k, url)
    for i in range(1, 10):
        _lampirkan(kasus, dunia.pld_a.user, nama=f"D{i}", isi=str(i).encode())
    assert _hitung(k, url) == satu
