"""The daily log's entries through the API: create and edit through the site's form and services,
one-time keys, versions, the flow's buttons (with the site's events and messages), scope."""

import datetime
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from pendampingan.models import (
    AsistensiKegiatan,
    BidangPendampingan,
    Butir,
    Kegiatan,
    KegiatanButir,
    KegiatanPeristiwa,
    LembagaDesa,
    PenilaianPrinsip,
    Prinsip,
    StatusKegiatan,
)
from pendampingan.notifikasi.models import Pesan
from tests.factories import KegiatanFactory

pytestmark = pytest.mark.django_db

DAFTAR = reverse("api:kegiatan-list")


def _detail(k):
    return reverse("api:kegiatan-detail", kwargs={"pk": k.pk})


def _aksi(k, nama):
    return reverse(f"api:kegiatan-{nama}", kwargs={"pk": k.pk})


def badan(desa, **ubah):
    data = {
        "tanggal": timezone.localdate().isoformat(),
        "jam_mulai": "09:00",
        "jam_selesai": "11:00",
        "wilayah": desa.kode,
        "tata_cara": "asistensi",
        "judul": "Asistensi RKP Desa lewat API",
        "uraian": "Membaca ulang RPJM Desa bersama tim penyusun.",
        "peserta_laki": 3,
        "peserta_perempuan": 4,
        "lintang": "-7.123456",
        "bujur": "110.654321",
        "akurasi": 12.5,
        "prinsip": [
            {"prinsip": p.kode, "nilai": "dijunjung"} for p in Prinsip.objects.filter(aktif=True)
        ],
        "asistensi": {
            "jenis_sasaran": "lembaga",
            "lembaga": LembagaDesa.objects.get(kode="bpd").pk,
            "bidang": BidangPendampingan.objects.get(kode="perencanaan").pk,
        },
    }
    data.update(ubah)
    return data


def buat(klien, desa, kunci=None, **ubah):
    h = {"HTTP_IDEMPOTENCY_KEY": str(kunci)} if kunci else {}
    return klien.post(DAFTAR, badan(desa, **ubah), format="json", **h)


def lengkap(dunia, **kw):
    """An entry of pld_a ready to submit (checklist, asistensi and its butir complete)."""
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, uraian="Uraian.", **kw)
    for p in Prinsip.objects.filter(aktif=True):
        PenilaianPrinsip.objects.create(kegiatan=k, prinsip=p, nilai="dijunjung")
    AsistensiKegiatan.objects.create(
        kegiatan=k,
        jenis_sasaran="lembaga",
        lembaga=LembagaDesa.objects.get(kode="bpd"),
        bidang=BidangPendampingan.objects.get(kode="perencanaan"),
    )
    KegiatanButir.objects.create(kegiatan=k, butir=Butir.objects.get(kode="BT2"))
    return k


# ----------------------------------------------------------------------------- create


def test_buat_lewat_form_dan_layanan(dunia, api_klien):
    r = buat(api_klien(dunia.pld_a.user), dunia.desa_a)
    assert r.status_code == 201, r.json()
    k = Kegiatan.objects.get(pk=r.json()["id"])
    assert k.pendamping == dunia.pld_a and k.status == StatusKegiatan.DRAF
    assert str(k.lintang) == "-7.123456" and k.akurasi == 12.5
    assert k.penilaian_prinsip.count() == Prinsip.objects.filter(aktif=True).count()
    assert k.asistensi.lembaga.kode == "bpd"
    ev = KegiatanPeristiwa.objects.get(kegiatan=k)
    assert (ev.dari, ev.ke, ev.oleh) == ("", "draf", dunia.pld_a.user)
    d = r.json()
    assert d["asistensi"]["lembaga_nama"] and len(d["prinsip"]) == k.penilaian_prinsip.count()
    assert d["peristiwa"][0]["ke"] == "draf" and d["kekurangan"] == []
    assert r["ETag"]


def test_buat_dua_kali_dengan_kunci_satu_baris(dunia, api_klien):
    klien, kunci = api_klien(dunia.pld_a.user), uuid.uuid4()
    r1 = buat(klien, dunia.desa_a, kunci)
    r2 = buat(klien, dunia.desa_a, kunci)
    assert r1.status_code == 201 and r2.status_code == 200
    assert r2["Idempotent-Replayed"] == "true"
    assert r2.json()["id"] == r1.json()["id"]
    assert Kegiatan.objects.filter(pendamping=dunia.pld_a).count() == 1
    assert buat(klien, dunia.desa_a, "bukan-uuid").status_code == 400


def test_buat_isian_salah_400_berbahasa_indonesia(dunia, api_klien):
    klien = api_klien(dunia.pld_a.user)
    kode = Prinsip.objects.filter(aktif=True).first().kode
    r = buat(
        klien,
        dunia.desa_b,
        jam_selesai="08:00",
        prinsip=[{"prinsip": kode, "nilai": "tidak_dijunjung", "catatan": ""}],
    )
    assert r.status_code == 400
    g = r.json()["galat"]
    assert g["kode"] == "tidak_sah" and g["pesan"].startswith("Data belum benar")
    assert g["rincian"]["jam_selesai"] == ["Jam selesai harus sesudah jam mulai."]
    assert "di luar wilayah" in g["rincian"]["wilayah"][0]
    assert "tidak dijunjung" in g["rincian"][f"prinsip.{kode}_catatan"][0]
    # the asistensi part is the site's AsistensiForm + the service's rule
    r = buat(klien, dunia.desa_a, asistensi={"jenis_sasaran": "lembaga"})
    assert r.status_code == 400
    assert "lembaga" in r.json()["galat"]["rincian"]["asistensi.lembaga"][0].lower()
    for salah in ([1, 2], "teks", {"tanggal": {"x": 1}}, {"prinsip": "x"}, {"asistensi": 5}):
        r = klien.post(DAFTAR, salah, format="json")
        assert r.status_code == 400, (salah, r.content)
        assert "galat" in r.json()
    assert not Kegiatan.objects.filter(pendamping=dunia.pld_a).exists()


def test_buat_tanpa_wilayah_tugas_403(dunia, api_klien):
    r = buat(api_klien(dunia.pengawas.user), dunia.desa_a)
    assert r.status_code in (400, 403)
    assert not Kegiatan.objects.filter(pendamping=dunia.pengawas).exists()


def test_buat_dan_ajukan_menulis_pesan_seperti_situs(dunia, api_klien):
    """The same submit through the site and the API: the same events and in-app messages."""
    situs = lengkap(dunia, judul="Lewat situs")
    klien_situs = dunia.klien(dunia.pld_a)
    assert klien_situs.post(reverse("pendampingan:kegiatan-ajukan", args=[situs.pk])).status_code
    api = lengkap(dunia, judul="Lewat API")
    r = api_klien(dunia.pld_a.user).post(_aksi(api, "ajukan"), {}, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "diajukan"

    def jejak(k):
        k.refresh_from_db()
        ev = [(e.dari, e.ke, e.oleh_id) for e in k.peristiwa.all()]
        ct = ContentType.objects.get_for_model(Kegiatan)
        pesan = sorted(
            (p.saluran, p.peristiwa, p.penerima_user_id, p.subjek.replace(k.judul, "J"))
            for p in Pesan.objects.filter(content_type=ct, object_id=str(k.pk))
        )
        return k.status, ev, pesan

    status, ev, pesan = jejak(api)
    assert (status, ev, pesan) == jejak(situs)
    assert status == "diajukan" and ev == [("draf", "diajukan", dunia.pld_a.user.pk)]
    assert dunia.pd_a.user.pk in {p[2] for p in pesan}  # the PD above is told


def test_buat_ajukan_belum_lengkap_tetap_draf(dunia, api_klien):
    r = buat(api_klien(dunia.pld_a.user), dunia.desa_a, ajukan=True, prinsip=[])
    assert r.status_code == 201
    assert r.json()["status"] == "draf"
    assert any("prinsip" in k for k in r.json()["kekurangan"])
    r = buat(api_klien(dunia.pld_a.user), dunia.desa_a, ajukan=True, judul="Lengkap")
    assert r.json()["status"] == "diajukan"


# ----------------------------------------------------------------------------- edit


def test_ubah_patch_hanya_yang_dikirim(dunia, api_klien):
    klien = api_klien(dunia.pld_a.user)
    r = buat(klien, dunia.desa_a)
    k = Kegiatan.objects.get(pk=r.json()["id"])
    etag = r["ETag"]
    r = klien.patch(_detail(k), {"judul": "Judul baru"}, format="json", HTTP_IF_MATCH=etag)
    assert r.status_code == 200, r.json()
    k.refresh_from_db()
    assert k.judul == "Judul baru" and str(k.lintang) == "-7.123456"
    assert k.penilaian_prinsip.count() == Prinsip.objects.filter(aktif=True).count()
    assert k.asistensi.lembaga.kode == "bpd"
    assert r["ETag"] != etag
    # the old version is stale now: 412 with the current record
    r = klien.patch(_detail(k), {"judul": "Lagi"}, format="json", HTTP_IF_MATCH=etag)
    assert r.status_code == 412
    assert r.json()["galat"]["terkini"]["judul"] == "Judul baru"
    k.refresh_from_db()
    assert k.judul == "Judul baru"
    # the form's rules on an edit too
    r = klien.patch(_detail(k), {"jam_mulai": "12:00"}, format="json")
    assert r.status_code == 400 and "jam_selesai" in r.json()["galat"]["rincian"]
    r = klien.patch(_detail(k), {"tata_cara": "pengarahan"}, format="json")
    assert r.status_code == 400 and "pengarahan.penerima" in r.json()["galat"]["rincian"]


def test_ubah_hanya_pemilik_dan_yang_dapat_diubah(dunia, api_klien):
    k = lengkap(dunia)
    for user in (dunia.pd_a.user, dunia.pengawas.user, dunia.pld_b.user):
        r = api_klien(user).patch(_detail(k), {"judul": "X"}, format="json")
        assert r.status_code == 404, user
    Kegiatan.objects.filter(pk=k.pk).update(status=StatusKegiatan.DIAJUKAN)
    r = api_klien(dunia.pld_a.user).patch(_detail(k), {"judul": "X"}, format="json")
    assert r.status_code == 400 and "tarik" in r.json()["galat"]["pesan"].lower()
    k.refresh_from_db()
    assert k.judul != "X"
    assert api_klien(dunia.pld_a.user).put(_detail(k), {}, format="json").status_code == 405


# ----------------------------------------------------------------------------- the flow


def test_alur_ajukan_tarik_kembalikan_verifikasi(dunia, api_klien):
    k = lengkap(dunia)
    pemilik, pd = api_klien(dunia.pld_a.user), api_klien(dunia.pd_a.user)
    etag = pemilik.get(_detail(k))["ETag"]
    r = pemilik.post(_aksi(k, "ajukan"), {}, format="json", HTTP_IF_MATCH=etag)
    assert r.status_code == 200 and r.json()["status"] == "diajukan"
    # the same button again with the old version: 412, nothing moves
    r = pemilik.post(_aksi(k, "tarik"), {}, format="json", HTTP_IF_MATCH=etag)
    assert r.status_code == 412 and r.json()["galat"]["terkini"]["status"] == "diajukan"
    # the owner may not verify their own entry: 403 with the predicate's message
    r = pemilik.post(_aksi(k, "verifikasi"), {}, format="json")
    assert r.status_code == 403 and "memeriksa" in r.json()["galat"]["pesan"]
    # return needs a note (the site's KembalikanForm)
    r = pd.post(_aksi(k, "kembalikan"), {}, format="json")
    assert r.status_code == 400 and "catatan" in r.json()["galat"]["rincian"]
    r = pd.post(_aksi(k, "kembalikan"), {"catatan": "Lengkapi foto."}, format="json")
    assert r.status_code == 200 and r.json()["status"] == "dikembalikan"
    assert Pesan.objects.filter(
        peristiwa="kegiatan.dikembalikan", penerima_user=dunia.pld_a.user
    ).exists()
    assert pemilik.post(_aksi(k, "ajukan"), {}, format="json").json()["status"] == "diajukan"
    # a status the user saw that is no longer the status: 409
    r = pemilik.post(_aksi(k, "tarik"), {"dari": "draf"}, format="json")
    assert r.status_code == 409 and r.json()["galat"]["kode"] == "sudah_berubah"
    r = pd.post(_aksi(k, "verifikasi"), {"catatan": "Baik."}, format="json")
    assert r.status_code == 200 and r.json()["status"] == "diverifikasi"
    assert r.json()["diverifikasi_oleh_nama"] == dunia.pd_a.nama
    assert Pesan.objects.filter(
        peristiwa="kegiatan.diverifikasi", penerima_user=dunia.pld_a.user
    ).exists()
    assert [e["ke"] for e in pemilik.get(_detail(k)).json()["peristiwa"]] == [
        "diajukan",
        "dikembalikan",
        "diajukan",
        "diverifikasi",
    ]
    # verified is final
    r = pemilik.post(_aksi(k, "tarik"), {}, format="json")
    assert r.status_code in (400, 409)


def test_alur_di_luar_wilayah_404(dunia, api_klien):
    k = lengkap(dunia, status=StatusKegiatan.DIAJUKAN)
    for nama in ("ajukan", "tarik", "verifikasi", "kembalikan"):
        r = api_klien(dunia.pld_b.user).post(_aksi(k, nama), {"catatan": "x"}, format="json")
        assert r.status_code == 404 and r.json()["galat"]["kode"] == "not_found", nama
    k.refresh_from_db()
    assert k.status == StatusKegiatan.DIAJUKAN


# ----------------------------------------------------------------------------- reads


def test_detail_scope(dunia, api_klien):
    k = lengkap(dunia)
    assert api_klien(dunia.pld_a.user).get(_detail(k)).status_code == 200
    assert api_klien(dunia.pd_a.user).get(_detail(k)).status_code == 200
    assert api_klien(dunia.pengawas.user).get(_detail(k)).status_code == 200
    r = api_klien(dunia.pld_b.user).get(_detail(k))
    assert r.status_code == 404 and r.json()["galat"]["pesan"]
    assert api_klien().get(_detail(k)).status_code == 401
    # If-None-Match with the current version: 304
    klien = api_klien(dunia.pld_a.user)
    etag = klien.get(_detail(k))["ETag"]
    assert klien.get(_detail(k), HTTP_IF_NONE_MATCH=etag).status_code == 304


def _judul(r):
    assert r.status_code == 200, r.content
    return {x["judul"] for x in r.json()["results"]}


def test_daftar_scope_dan_saringan_situs(dunia, api_klien):
    a = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, judul="Rapat BPD A")
    KegiatanFactory(
        pendamping=dunia.pld_a,
        wilayah=dunia.desa_a,
        judul="Pengarahan lama",
        tata_cara="pengarahan",
        tanggal=datetime.date(2025, 1, 5),
    )
    KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b, judul="Rapat BPD B")
    pld = api_klien(dunia.pld_a.user)
    assert _judul(pld.get(DAFTAR)) == {"Rapat BPD A", "Pengarahan lama"}
    assert _judul(pld.get(DAFTAR, {"tata_cara": "pengarahan"})) == {"Pengarahan lama"}
    assert _judul(pld.get(DAFTAR, {"q": "bpd"})) == {"Rapat BPD A"}
    assert _judul(pld.get(DAFTAR, {"dari": "2025-01-01", "sampai": "2025-01-31"})) == {
        "Pengarahan lama"
    }
    assert _judul(pld.get(DAFTAR, {"status": "diajukan"})) == set()
    assert _judul(pld.get(DAFTAR, {"lingkup": "wilayah"})) == {"Rapat BPD A", "Pengarahan lama"}
    # the PD: own log empty, the area holds A's, never B's
    pd = api_klien(dunia.pd_a.user)
    assert _judul(pd.get(DAFTAR)) == set()
    assert _judul(pd.get(DAFTAR, {"lingkup": "wilayah"})) == {"Rapat BPD A", "Pengarahan lama"}
    assert _judul(pd.get(DAFTAR, {"lingkup": "wilayah", "wilayah": dunia.desa_b.kode})) == set()
    semua = api_klien(dunia.pengawas.user).get(DAFTAR, {"lingkup": "wilayah"})
    assert {"Rapat BPD A", "Rapat BPD B"} <= _judul(semua)
    # the site's form refuses a period ending before it starts; bad values are 400, never 500
    for salah in (
        {"dari": "2025-02-01", "sampai": "2025-01-01"},
        {"dari": "kemarin"},
        {"status": "hilang"},
        {"q": "x" * 500},
        {"lingkup": "semua"},
        {"updated_since": "kemarin"},
    ):
        r = pld.get(DAFTAR, salah)
        assert r.status_code == 400, salah
        assert r.json()["galat"]["kode"] == "tidak_sah"
    # sync: updated_since
    Kegiatan.objects.filter(pk=a.pk).update(diubah=timezone.now() + datetime.timedelta(hours=1))
    besok = (timezone.now() + datetime.timedelta(minutes=30)).isoformat()
    assert _judul(pld.get(DAFTAR, {"updated_since": besok})) == {"Rapat BPD A"}


def test_antrean_pengawas(dunia, api_klien):
    url = reverse("api:kegiatan-antrean-list")
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, status="diajukan", judul="A1")
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, status="draf", judul="A0")
    KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b, status="diajukan", judul="B1")
    assert _judul(api_klien(dunia.pd_a.user).get(url)) == {"A1"}
    assert _judul(api_klien(dunia.pld_a.user).get(url)) == set()
    assert _judul(api_klien(dunia.pengawas.user).get(url)) >= {"A1", "B1"}
    assert _judul(api_klien(dunia.pd_a.user).get(url, {"q": "tidak ada"})) == set()


def _banyak(dunia, n, **kw):
    from pendampingan.kegiatan import services
    from pendampingan.models import TujuanSdgs
    from tests.kegiatan.factories import unggah_jpeg

    sdgs = list(TujuanSdgs.objects.all()[:2])
    for i in range(n):
        k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, **kw)
        k.sdgs.set(sdgs)
        services.foto_tambah(kegiatan=k, berkas=unggah_jpeg(warna=(i, 10, 10)), _cek=False)


@pytest.mark.parametrize(
    ("url", "user", "param", "status"),
    [
        ("api:kegiatan-list", "pld_a", {}, "draf"),
        ("api:kegiatan-list", "pd_a", {"lingkup": "wilayah"}, "draf"),
        ("api:kegiatan-antrean-list", "pd_a", {}, "diajukan"),
    ],
)
def test_jumlah_query_daftar_tetap(
    dunia, api_klien, django_assert_num_queries, url, user, param, status
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    klien = api_klien(getattr(dunia, user).user)
    klien.get(reverse(url), param)  # warm the token's last-used write

    def hitung():
        with CaptureQueriesContext(connection) as ctx:
            r = klien.get(reverse(url), param)
        assert r.status_code == 200
        return len(ctx.captured_queries), len(r.json()["results"])

    _banyak(dunia, 1, status=status)
    satu, n1 = hitung()
    _banyak(dunia, 9, status=status)
    sepuluh, n10 = hitung()
    assert (n1, n10) == (1, 10)
    assert satu == sepuluh


def test_masukan_aneh_400_bukan_500(dunia, api_klien):
    k = lengkap(dunia, status=StatusKegiatan.DIAJUKAN)
    pd = api_klien(dunia.pd_a.user)
    r = pd.post(_aksi(k, "verifikasi"), {"catatan": "a\x00b"}, format="json")
    assert r.status_code == 400 and "catatan" in r.json()["galat"]["rincian"]
    k.refresh_from_db()
    assert k.status == StatusKegiatan.DIAJUKAN
    pemilik = api_klien(dunia.pld_a.user)
    # a form-encoded create (no nested parts) is judged by the same form
    r = pemilik.post(DAFTAR, {"judul": "x"}, format="multipart")
    assert r.status_code == 400 and "tanggal" in r.json()["galat"]["rincian"]
    r = buat(pemilik, dunia.desa_a, judul="a\x00b", peserta_laki=10**30, lintang="1e999")
    assert r.status_code == 400
    assert {"judul", "peserta_laki", "lintang"} <= set(r.json()["galat"]["rincian"])
    r = buat(pemilik, dunia.desa_a, ekstensi={"forum": "x"}, sdgs=[{"a": 1}])
    assert r.status_code == 400
