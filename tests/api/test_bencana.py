"""Incidents through the API (bencana/api.py): reads scoped like the site with their nested lists
(villages, status moves, impact, chronology, evidence, the ministry report's deliveries) at a
fixed number of queries; the quick report, impact, chronology and evidence through the site's
forms and services (201, 400 in Indonesian, 403, 404, 412), one-time keys (one record and one
ministry message, also for two identical POSTs at once on PostgreSQL); evidence upload (the
hostile files too) and scoped download."""

import datetime
import threading
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from bencana import laporan, services
from bencana.models import (
    Bukti,
    Kejadian,
    Kronologi,
    LaporanVersi,
    PenilaianDampak,
    StatusKejadian,
)
from pendampingan.api.services import token_buat
from pendampingan.notifikasi.models import Pesan
from tests.bencana.factories import dampak, foto_png, jenis, kejadian_di, pdf_kecil
from tests.factories import UserFactory
from tests.inti.berkas_jahat import BERKAS, unggahan
from tests.notifikasi.factories import PenerimaEmailFactory

pytestmark = pytest.mark.django_db

DAFTAR = reverse("api:bencana-list")


def _detail(k):
    return reverse("api:bencana-detail", kwargs={"pk": k.pk})


def _aksi(k, nama):
    return reverse(f"api:bencana-{nama}", kwargs={"pk": k.pk})


def _waktu(jam=1):
    return (timezone.now() - datetime.timedelta(hours=jam)).isoformat()


def _lapor(dunia, **ubah):
    return {
        "jenis": "101",
        "waktu": _waktu(),
        "desa": dunia.desa_a.kode,
        "ringkasan": "Banjir bandang setinggi 1,5 m",
        "lintang": "-7.712345",
        "bujur": "109.012345",
        **ubah,
    }


def _kunci(kunci):
    return {"HTTP_IDEMPOTENCY_KEY": str(kunci)} if kunci else {}


def _kode(r):
    return {k["kode"] for k in r.json()["results"]}


def _pesan_kementerian(k=None):
    qs = Pesan.objects.filter(penerima_kementerian__isnull=False)
    return qs.filter(object_id=str(k.pk)) if k else qs


# ----------------------------------------------------------------------------- reads


def test_daftar_scope_dan_saringan_situs(dunia, api_klien):
    a = kejadian_di(dunia.desa_a, dunia.pld_a, ringkasan="Banjir di hulu")
    longsor = kejadian_di(dunia.desa_a, dunia.pld_a, kode_jenis="102", ringkasan="Tanah longsor")
    b = kejadian_di(dunia.desa_b, dunia.pld_b)
    services.kejadian_ubah_status(kejadian=longsor, ke=StatusKejadian.SELESAI, oleh=dunia.pld_a)
    pld = api_klien(dunia.pld_a.user)
    # the API's default is "semua": a device syncing sees an incident closed
    assert _kode(pld.get(DAFTAR)) == {a.kode, longsor.kode}
    assert _kode(pld.get(DAFTAR, {"status": "aktif"})) == {a.kode}
    assert _kode(pld.get(DAFTAR, {"status": "selesai"})) == {longsor.kode}
    assert _kode(pld.get(DAFTAR, {"jenis": "102"})) == {longsor.kode}
    assert _kode(pld.get(DAFTAR, {"kategori": "alam"})) == {a.kode, longsor.kode}
    assert _kode(pld.get(DAFTAR, {"q": "hulu"})) == {a.kode}
    assert _kode(pld.get(DAFTAR, {"wilayah": dunia.desa_b.kode})) == set()
    assert _kode(api_klien(dunia.pld_b.user).get(DAFTAR)) == {b.kode}
    semua = api_klien(dunia.pengawas.user).get(DAFTAR)
    assert _kode(semua) == {a.kode, longsor.kode, b.kode}
    baris = next(x for x in semua.json()["results"] if x["kode"] == a.kode)
    assert baris["jenis"]["kode"] == "101" and baris["desa"] == dunia.desa_a.kode
    assert baris["desa_terdampak"] == [{"kode": dunia.desa_a.kode, "nama": "Desa Alpha"}]
    assert baris["status"] == "dilaporkan" and baris["dampak_total"] is None
    for salah in (
        {"status": "hilang"},
        {"kategori": "x"},
        {"q": "x" * 500},
        {"jenis": "a\x01b"},
        {"updated_since": "kemarin"},
    ):
        r = pld.get(DAFTAR, salah)
        assert r.status_code == 400, salah
        assert r.json()["galat"]["kode"] == "tidak_sah"
    # sync: updated_since
    Kejadian.objects.filter(pk=a.pk).update(diubah=timezone.now() + datetime.timedelta(hours=1))
    nanti = (timezone.now() + datetime.timedelta(minutes=30)).isoformat()
    assert _kode(pld.get(DAFTAR, {"updated_since": nanti, "ordering": "diubah"})) == {a.kode}
    # reading needs the site's permission
    assert api_klien(UserFactory()).get(DAFTAR).status_code == 403


def test_detail_bersarang_dan_scope(dunia, api_klien):
    PenerimaEmailFactory(alamat_email="pusdalops@kemendesa.go.id", peristiwa="bencana.*")
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    services.desa_terdampak_tambah(kejadian=k, desa=dunia.desa_a2, oleh=dunia.pld_a)
    lama = dampak(k, dunia.desa_a, dunia.pld_a, meninggal=1, mengungsi=10)
    baru = dampak(k, dunia.desa_a, dunia.pld_a, waktu=timezone.now(), meninggal=2, mengungsi=30)
    dampak(k, dunia.desa_a2, dunia.pld_a, mengungsi=5, sawah_ha=1.5)
    awal = k.kronologi.get()
    koreksi = services.kronologi_tambah(
        kejadian=k,
        waktu=timezone.now(),
        isi="Ralat: setinggi 2 m",
        oleh=dunia.pld_a,
        mengoreksi=awal,
    )
    b = services.bukti_tambah(kejadian=k, berkas=foto_png(), oleh=dunia.pld_a)
    r = api_klien(dunia.pld_a.user).get(_detail(k))
    assert r.status_code == 200 and r["ETag"]
    d = r.json()
    assert d["kode"] == k.kode
    assert [x["kode"] for x in d["desa_terdampak"]] == [dunia.desa_a.kode, dunia.desa_a2.kode]
    assert d["dampak_total"]["meninggal"] == 2 and d["dampak_total"]["mengungsi"] == 35
    assert d["dampak_total"]["n_desa"] == 2 and d["dampak_total"]["sawah_ha"] == 1.5
    assert {x["id"] for x in d["dampak"]} == set(k.dampak.values_list("pk", flat=True))
    assert baru.pk in d["dampak_terkini"] and lama.pk not in d["dampak_terkini"]
    kron = {x["id"]: x for x in d["kronologi"]}
    assert kron[awal.pk]["koreksi"] == [koreksi.pk] and kron[koreksi.pk]["mengoreksi"] == awal.pk
    assert [x["id"] for x in d["bukti"]] == [b.pk]
    assert d["bukti"][0]["unduh"].endswith(reverse("api:bencana-bukti-unduh", args=[b.pk]))
    # the deliveries: version 1 and its messages, the ministry's among them
    (v1,) = d["laporan"]
    assert v1["nomor"] == 1 and v1["dikirim_oleh"] == dunia.pld_a.nama
    kementerian = [p for p in v1["pesan"] if p["kementerian"]]
    assert len(kementerian) == 1 and kementerian[0]["saluran"] == "email"
    assert kementerian[0]["status"] in {"antre", "terkirim"}
    assert len(v1["pesan"]) == Pesan.objects.filter(object_id=str(k.pk)).count()
    # out of scope: 404; the supervisor above: 200; 304 on an unchanged copy
    assert api_klien(dunia.pld_b.user).get(_detail(k)).status_code == 404
    pengawas = api_klien(dunia.pengawas.user)
    assert pengawas.get(_detail(k)).status_code == 200
    assert pengawas.get(_detail(k), HTTP_IF_NONE_MATCH=r["ETag"]).status_code == 304


def _banyak(dunia, n):
    for i in range(n):
        k = kejadian_di(dunia.desa_a, dunia.pld_a, ringkasan=f"Banjir {i}")
        dampak(k, dunia.desa_a, dunia.pld_a, mengungsi=i)
        services.desa_terdampak_tambah(kejadian=k, desa=dunia.desa_a2, oleh=dunia.pld_a)


def _hitung(klien, url):
    with CaptureQueriesContext(connection) as ctx:
        r = klien.get(url)
    assert r.status_code == 200
    return len(ctx.captured_queries), r


def test_jumlah_query_daftar_tetap(dunia, api_klien):
    klien = api_klien(dunia.pengawas.user)
    klien.get(DAFTAR)  # warm the token's last-used write
    _banyak(dunia, 2)
    dua, r2 = _hitung(klien, DAFTAR)
    _banyak(dunia, 10)
    banyak, r12 = _hitung(klien, DAFTAR)
    assert (len(r2.json()["results"]), len(r12.json()["results"])) == (2, 12)
    assert dua == banyak


def test_jumlah_query_detail_tetap(dunia, api_klien):
    PenerimaEmailFactory(peristiwa="bencana.*")
    klien = api_klien(dunia.pld_a.user)
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien.get(_detail(k))

    def isi(n):
        for i in range(n):
            dampak(k, dunia.desa_a, dunia.pld_a, mengungsi=i)
            services.kronologi_tambah(
                kejadian=k, waktu=timezone.now(), isi=f"E{i}", oleh=dunia.pld_a
            )
            services.bukti_tambah(kejadian=k, berkas=foto_png(warna=(i, 1, 1)), oleh=dunia.pld_a)
            laporan.versi_kirim(kejadian=k, oleh=dunia.pld_a, pemicu=f"v{i}")

    isi(2)
    dua, _r = _hitung(klien, _detail(k))
    isi(8)
    banyak, r = _hitung(klien, _detail(k))
    d = r.json()
    assert (len(d["bukti"]), len(d["kronologi"]), len(d["laporan"])) == (10, 11, 11)
    assert all(len(v["pesan"]) > 0 for v in d["laporan"])
    assert dua == banyak


# ----------------------------------------------------------------------------- the quick report


def test_lapor_201_lewat_form_dan_layanan_satu_pesan_kementerian(dunia, api_klien):
    PenerimaEmailFactory(alamat_email="pusdalops@kemendesa.go.id", peristiwa="bencana.dilaporkan")
    klien, kunci = api_klien(dunia.pld_a.user), uuid.uuid4()
    r = klien.post(DAFTAR, _lapor(dunia), format="json", **_kunci(kunci))
    assert r.status_code == 201, r.json()
    k = Kejadian.objects.get()
    assert r.json()["id"] == k.pk and r["ETag"] and "Idempotent-Replayed" not in r
    assert (k.pelapor, k.wilayah, k.jenis.kode) == (dunia.pld_a, dunia.desa_a, "101")
    assert k.kunci_sekali == kunci and str(k.lintang) == "-7.712345"
    assert k.kronologi.count() == 1 and LaporanVersi.objects.get(kejadian=k).nomor == 1
    assert _pesan_kementerian(k).count() == 1
    semua = Pesan.objects.count()
    assert semua > 1  # the supervisors up the chain too, as on the site
    # the same key again (a retry): the first incident, no second message
    r2 = klien.post(DAFTAR, _lapor(dunia, ringkasan="lain"), format="json", **_kunci(kunci))
    assert r2.status_code == 200 and r2["Idempotent-Replayed"] == "true"
    assert r2.json()["id"] == k.pk
    assert Kejadian.objects.count() == 1 and Pesan.objects.count() == semua
    assert _pesan_kementerian().count() == 1
    assert klien.post(DAFTAR, _lapor(dunia), format="json", **_kunci("x")).status_code == 400


def test_lapor_multipart_dengan_foto(dunia, api_klien):
    klien = api_klien(dunia.pld_a.user)
    r = klien.post(DAFTAR, _lapor(dunia, foto=foto_png()), format="multipart")
    assert r.status_code == 201, r.json()
    (b,) = Bukti.objects.filter(kejadian_id=r.json()["id"])
    assert b.jenis == "foto" and r.json()["bukti"][0]["id"] == b.pk
    r = klien.post(DAFTAR, _lapor(dunia, foto=pdf_kecil()), format="multipart")
    assert r.status_code == 400 and "foto" in r.json()["galat"]["rincian"]
    assert Kejadian.objects.count() == 1


def test_lapor_400_berbahasa_indonesia(dunia, api_klien):
    klien = api_klien(dunia.pld_a.user)
    r = klien.post(DAFTAR, {}, format="json")
    assert r.status_code == 400
    g = r.json()["galat"]
    assert g["pesan"].startswith("Data belum benar")
    assert {"jenis", "waktu", "desa", "ringkasan"} <= set(g["rincian"])
    r = klien.post(DAFTAR, _lapor(dunia, desa=dunia.desa_b.kode, jenis="999999"), format="json")
    rincian = r.json()["galat"]["rincian"]
    assert "di luar wilayah tugas" in rincian["desa"][0] and rincian["jenis"]
    besok = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    r = klien.post(DAFTAR, _lapor(dunia, waktu=besok), format="json")
    assert r.status_code == 400
    assert r.json()["galat"]["rincian"]["waktu"] == ["Waktu kejadian tidak boleh di masa depan."]
    r = klien.post(DAFTAR, _lapor(dunia, lintang="1e999", ringkasan="a\x00b"), format="json")
    assert r.status_code == 400 and {"lintang", "ringkasan"} <= set(r.json()["galat"]["rincian"])
    for salah in ([1, 2], "teks", {"jenis": {"a": 1}}, _lapor(dunia, jenis="1\x000")):
        assert klien.post(DAFTAR, salah, format="json").status_code == 400
    assert not Kejadian.objects.exists()


def test_lapor_peran_salah_403(dunia, api_klien):
    # a PD supervises: no desa of their own to report in (the site's rule: through the PLD)
    r = api_klien(dunia.pd_a.user).post(DAFTAR, _lapor(dunia), format="json")
    assert r.status_code == 403 and r.json()["galat"]["kode"] == "permission_denied"
    assert "desa tugas" in r.json()["galat"]["pesan"]
    assert api_klien(UserFactory()).post(DAFTAR, _lapor(dunia), format="json").status_code == 403
    assert not Kejadian.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_lapor_dua_sekaligus_satu_kejadian_satu_pesan(dunia):
    if connection.vendor != "postgresql":
        pytest.skip("Dua permintaan bersamaan perlu PostgreSQL (SQLite uji berbagi satu koneksi).")
    jenis("101")
    PenerimaEmailFactory(peristiwa="bencana.*")
    _, rahasia = token_buat(user=dunia.pld_a.user, nama="HP")
    kunci = str(uuid.uuid4())
    data = _lapor(dunia)
    mulai = threading.Barrier(2)
    hasil = []

    def kirim():
        from django.db import connections

        c = APIClient()
        c.credentials(HTTP_AUTHORIZATION=f"Token {rahasia}")
        mulai.wait()
        try:
            hasil.append(c.post(DAFTAR, data, format="json", HTTP_IDEMPOTENCY_KEY=kunci))
        finally:
            connections.close_all()

    utas = [threading.Thread(target=kirim) for _ in range(2)]
    for t in utas:
        t.start()
    for t in utas:
        t.join(30)
    assert sorted(r.status_code for r in hasil) == [200, 201], [r.content for r in hasil]
    assert Kejadian.objects.count() == 1 and LaporanVersi.objects.count() == 1
    assert len({r.json()["id"] for r in hasil}) == 1
    assert _pesan_kementerian().count() == 1


# ----------------------------------------------------------------------------- impact


def _dampak(dunia, **ubah):
    return {"desa": dunia.desa_a.kode, "waktu": _waktu(), "meninggal": 1, "mengungsi": 40, **ubah}


def test_dampak_201_400_403_404_dan_kunci(dunia, api_klien):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien, kunci = api_klien(dunia.pld_a.user), uuid.uuid4()
    r = klien.post(
        _aksi(k, "dampak"), _dampak(dunia, sawah_ha="2.5"), format="json", **_kunci(kunci)
    )
    assert r.status_code == 201, r.json()
    p = PenilaianDampak.objects.get()
    assert (p.meninggal, p.mengungsi, str(p.sawah_ha), p.kunci_sekali) == (1, 40, "2.50", kunci)
    assert r.json()["id"] == p.pk and r.json()["desa"] == dunia.desa_a.kode
    r2 = klien.post(_aksi(k, "dampak"), _dampak(dunia, meninggal=9), format="json", **_kunci(kunci))
    assert r2.status_code == 200 and r2["Idempotent-Replayed"] == "true"
    assert r2.json()["id"] == p.pk and PenilaianDampak.objects.count() == 1
    # the site's form and service: a negative figure, a desa not affected, the population
    for salah, field in (
        ({"mengungsi": -1}, "mengungsi"),
        ({"desa": dunia.desa_a2.kode}, "desa"),
        ({"meninggal": 10**12}, "meninggal"),
        ({"waktu": "besok"}, "waktu"),
    ):
        r = klien.post(_aksi(k, "dampak"), _dampak(dunia, **salah), format="json")
        assert r.status_code == 400, salah
        assert field in r.json()["galat"]["rincian"], (salah, r.json())
    assert (
        api_klien(dunia.pld_b.user)
        .post(_aksi(k, "dampak"), _dampak(dunia), format="json")
        .status_code
        == 404
    )
    # a closed incident takes no new snapshot (the site's predicate): 403 with its message
    services.kejadian_ubah_status(kejadian=k, ke=StatusKejadian.SELESAI, oleh=dunia.pld_a)
    r = klien.post(_aksi(k, "dampak"), _dampak(dunia), format="json")
    assert r.status_code == 403 and "sudah selesai" in r.json()["galat"]["pesan"]
    assert PenilaianDampak.objects.count() == 1


def test_if_match_usang_412(dunia, api_klien):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien = api_klien(dunia.pld_a.user)
    etag = klien.get(_detail(k))["ETag"]
    r = klien.post(_aksi(k, "dampak"), _dampak(dunia), format="json", HTTP_IF_MATCH=etag)
    assert r.status_code == 201
    Kejadian.objects.filter(pk=k.pk).update(diubah=timezone.now() + datetime.timedelta(seconds=5))
    r = klien.post(_aksi(k, "kronologi"), {"waktu": _waktu(), "isi": "x"}, HTTP_IF_MATCH=etag)
    assert r.status_code == 412 and r.json()["galat"]["kode"] == "versi_usang"
    assert r.json()["galat"]["terkini"]["id"] == k.pk and r["ETag"] != etag
    assert k.kronologi.count() == 1


# ----------------------------------------------------------------------------- chronology


def test_kronologi_tambah_dan_koreksi(dunia, api_klien):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    lain = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien, kunci = api_klien(dunia.pld_a.user), uuid.uuid4()
    url = _aksi(k, "kronologi")
    r = klien.post(url, {"waktu": _waktu(), "isi": "Air mulai surut"}, **_kunci(kunci))
    assert r.status_code == 201, r.json()
    e = Kronologi.objects.get(pk=r.json()["id"])
    assert (e.kejadian, e.isi, e.oleh) == (k, "Air mulai surut", dunia.pld_a)
    r2 = klien.post(url, {"waktu": _waktu(), "isi": "lain"}, **_kunci(kunci))
    assert r2.status_code == 200 and r2.json()["id"] == e.pk
    r = klien.post(url, {"waktu": _waktu(), "isi": "Ralat", "mengoreksi": e.pk})
    assert r.status_code == 201 and r.json()["mengoreksi"] == e.pk
    # a correction of another incident's entry, an empty text, a future time: 400
    for salah, field in (
        ({"mengoreksi": lain.kronologi.get().pk}, "mengoreksi"),
        ({"mengoreksi": "abc"}, "mengoreksi"),
        ({"mengoreksi": "²"}, "mengoreksi"),
        ({"mengoreksi": 10**30}, "mengoreksi"),
        ({"isi": ""}, "isi"),
        ({"waktu": (timezone.now() + datetime.timedelta(days=2)).isoformat()}, "waktu"),
    ):
        r = klien.post(url, {"waktu": _waktu(), "isi": "x", **salah})
        assert r.status_code == 400 and field in r.json()["galat"]["rincian"], (salah, r.json())
    assert k.kronologi.count() == 3
    assert api_klien(dunia.pld_b.user).post(url, {"waktu": _waktu(), "isi": "x"}).status_code == 404
    assert api_klien(dunia.pld_a.user).get(url).status_code == 405


# ----------------------------------------------------------------------------- evidence


def _unggah(klien, k, berkas, **h):
    return klien.post(
        _aksi(k, "bukti"), {"berkas": berkas, "keterangan": "Foto"}, format="multipart", **h
    )


def test_bukti_unggah_dan_unduh(dunia, api_klien):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien, kunci = api_klien(dunia.pld_a.user), uuid.uuid4()
    foto = foto_png(nama="genangan.png")
    isi = foto.read()
    foto.seek(0)
    r = _unggah(klien, k, foto, **_kunci(kunci))
    assert r.status_code == 201, r.json()
    b = Bukti.objects.get()
    assert (r.json()["id"], r.json()["nama_asli"], b.keterangan) == (b.pk, "genangan.png", "Foto")
    assert _unggah(klien, k, foto_png(), **_kunci(kunci)).status_code == 200
    assert Bukti.objects.count() == 1
    # metadata and the file, through the scope
    meta = klien.get(reverse("api:bencana-bukti-detail", args=[b.pk]))
    assert meta.status_code == 200 and meta.json()["sha256"] == b.sha256
    unduh = klien.get(meta.json()["unduh"])
    assert unduh.status_code == 200 and unduh["Content-Type"] == "image/png"
    assert b"".join(unduh.streaming_content) == isi
    dok = _unggah(klien, k, pdf_kecil())
    assert dok.status_code == 201
    unduh = klien.get(dok.json()["unduh"])
    assert (
        unduh["Content-Type"] == "application/pdf" and "attachment" in unduh["Content-Disposition"]
    )
    # outside the scope: 404 in the JSON error shape, whatever Accept asks for
    luar = api_klien(dunia.pld_b.user)
    for h in ({}, {"HTTP_ACCEPT": "image/png"}):
        r = luar.get(reverse("api:bencana-bukti-unduh", args=[b.pk]), **h)
        assert r.status_code == 404 and r["Content-Type"] == "application/json"
        assert r.json()["galat"]["kode"] == "not_found"
    r = luar.get(reverse("api:bencana-bukti-unduh", args=[b.pk]) + "?format=berkas")
    assert r.status_code == 404 and r["Content-Type"] == "application/json"
    assert luar.get(reverse("api:bencana-bukti-detail", args=[b.pk])).status_code == 404
    assert _unggah(luar, k, foto_png()).status_code == 404
    # no file: the site form's message
    r = klien.post(_aksi(k, "bukti"), {"keterangan": "x"}, format="multipart")
    assert r.status_code == 400 and "berkas" in r.json()["galat"]["rincian"]


@pytest.mark.parametrize("jahat", sorted(BERKAS))
def test_bukti_berkas_jahat_ditolak(dunia, api_klien, jahat):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    r = _unggah(api_klien(dunia.pld_a.user), k, unggahan(jahat))
    assert r.status_code == 400, (jahat, r.status_code)
    assert "berkas" in r.json()["galat"]["rincian"]
    assert not Bukti.objects.exists()
