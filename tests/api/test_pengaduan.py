"""Complaints through the API (pengaduan/api.py, pengaduan/api_publik.py): staff reads scoped like
the site (the facilitator complained about sees nothing), the reporter only where the site shows
it, a rahasia complaint's content never; the public intake through the page's own form and
guards (challenge, honeypot, per-address limits, Idempotency-Key), the status by tracking code."""

import io
import threading
import uuid

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image
from rest_framework.test import APIClient

from pengaduan import services
from pengaduan.forms import GARAM_TANTANGAN
from pengaduan.models import Pengaduan, Saluran, StatusPengaduan
from tests.pengaduan.factories import kategori, pengaduan_buat

pytestmark = pytest.mark.django_db
S = StatusPengaduan

DAFTAR = reverse("api:pengaduan-list")
LAPOR = reverse("api:pengaduan-publik-list")
FORMULIR = reverse("api:pengaduan-publik-formulir")


@pytest.fixture(autouse=True)
def _tanpa_jeda_dan_cache_bersih(settings):
    """Tests send the public form at once (the minimum fill time has its own test)."""
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 0
    cache.clear()
    yield
    cache.clear()


def _detail(pk):
    return reverse("api:pengaduan-detail", kwargs={"pk": pk})


def _status(kode):
    return reverse("api:pengaduan-publik-detail", kwargs={"kode": kode})


def _galat(r, status):
    assert r.status_code == status, r.content
    g = r.json()["galat"]
    assert set(g) >= {"kode", "pesan", "rincian"}
    return g


def _png(nama="foto.png"):
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buf, "PNG")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="image/png")


def _ids(r):
    assert r.status_code == 200, r.content
    return {b["id"] for b in r.json()["results"]}


def _ditangani(dunia, p, penangan=None):
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pengawas.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(
        pengaduan=p, user=dunia.pengawas.user, penangan=penangan or dunia.pld_a
    )
    return p


# ------------------------------------------------------------------------------ staff reads


def test_daftar_dan_detail_sesuai_cakupan(dunia, api_klien):
    pa = pengaduan_buat(dunia.desa_a, judul="Aduan A")
    pb = pengaduan_buat(dunia.desa_b, judul="Aduan B")
    klien_a = api_klien(dunia.pld_a.user)
    assert _ids(klien_a.get(DAFTAR)) == {pa.pk}
    assert klien_a.get(_detail(pa.pk)).status_code == 200
    assert _galat(klien_a.get(_detail(pb.pk)), 404)["kode"] == "not_found"
    assert _ids(api_klien(dunia.pengawas.user).get(DAFTAR)) == {pa.pk, pb.pk}
    b = klien_a.get(DAFTAR).json()["results"][0]
    assert b["kode"] == pa.kode and b["judul"] == "Aduan A" and b["rahasia"] is False
    assert b["kategori"]["kode"] == "dana-desa" and b["wilayah"] == dunia.desa_a.kode
    assert b["status"] == "diterima" and b["tenggat_verifikasi"] and b["terlambat"] is False
    assert _galat(api_klien().get(DAFTAR), 401)


def test_aduan_tentang_pendamping_tersembunyi_dari_yang_diadukan(dunia, api_klien):
    """The site hides a complaint from the facilitator it is about: so does the API."""
    p = pengaduan_buat(dunia.desa_a, kategori_kode="pendampingan", judul="Tentang PD")
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pengawas.user, keputusan=S.DIVERIFIKASI, teradu=dunia.pd_a
    )
    pd = api_klien(dunia.pd_a.user)
    assert p.pk not in _ids(pd.get(DAFTAR))
    _galat(pd.get(_detail(p.pk)), 404)
    # nor a field facilitator (a complaint about the facilitation is for supervisors only)
    assert p.pk not in _ids(api_klien(dunia.pld_a.user).get(DAFTAR))
    r = api_klien(dunia.pengawas.user).get(_detail(p.pk))
    assert r.status_code == 200 and [t["id"] for t in r.json()["teradu"]] == [dunia.pd_a.pk]
    assert r.json()["teradu_peran"] == "pd"


def test_pelapor_hanya_bila_boleh_dilihat(dunia, api_klien):
    anonim = pengaduan_buat(dunia.desa_a, judul="Anonim", anonim=True)
    terbuka = pengaduan_buat(dunia.desa_a, judul="Terbuka", anonim=False)
    pld = api_klien(dunia.pld_a.user)
    assert pld.get(_detail(anonim.pk)).json()["pelapor"] is None
    baris = {b["id"]: b for b in pld.get(DAFTAR).json()["results"]}
    assert baris[anonim.pk]["pelapor"] is None
    assert baris[terbuka.pk]["pelapor"] == {
        "nama": "Siti Pelapor",
        "telepon": "081234567890",
        "email": "",
    }
    # the supervisor chain sees the reporter of an anonymous complaint
    r = api_klien(dunia.pd_a.user).get(_detail(anonim.pk))
    assert r.json()["pelapor"]["nama"] == "Siti Pelapor"


def test_rahasia_hanya_status_dan_tanggal_untuk_siapa_pun(dunia, api_klien):
    p = pengaduan_buat(
        dunia.desa_a,
        judul="Judul sangat rahasia",
        isi="Cerita sangat rahasia",
        rahasia=True,
        anonim=False,
        lampiran=[_png()],
    )
    _ditangani(dunia, p)
    services.pengaduan_balas(
        pengaduan=p, user=dunia.pengawas.user, isi="Balasan sangat rahasia", publik=False
    )
    lamp = p.lampiran.get()
    for pendamping in (dunia.pld_a, dunia.pd_a, dunia.pengawas):
        c = api_klien(pendamping.user)
        for r in (c.get(DAFTAR), c.get(_detail(p.pk))):
            teks = r.content.decode()
            assert r.status_code == 200
            for rahasia in ("sangat rahasia", "Siti Pelapor", dunia.desa_a.nama, "dana-desa"):
                assert rahasia not in teks, (pendamping, rahasia)
        d = c.get(_detail(p.pk)).json()
        assert d["rahasia"] is True and d["status"] == "ditangani" and d["kode"] == p.kode
        assert d["diterima_pada"] and d["diverifikasi_pada"] and d["tenggat"]
        for f in ("judul", "isi", "kategori", "wilayah", "pelapor", "penangan", "peristiwa"):
            assert d[f] is None, f
        assert d["lampiran"] is None
        _galat(c.get(reverse("api:pengaduan-lampiran-detail", kwargs={"pk": lamp.pk})), 404)
        _galat(c.get(reverse("api:pengaduan-lampiran-unduh", kwargs={"pk": lamp.pk})), 404)
        # the content filters never match it; its tracking code does
        assert p.pk not in _ids(c.get(DAFTAR, {"kategori": "dana-desa"}))
        assert p.pk not in _ids(c.get(DAFTAR, {"desa": dunia.desa_a.kode}))
        assert p.pk not in _ids(c.get(DAFTAR, {"q": "rahasia"}))
        assert _ids(c.get(DAFTAR, {"q": p.kode})) == {p.pk}


def test_nama_saring_situs(dunia, api_klien):
    baru = pengaduan_buat(dunia.desa_a, judul="Baru")
    ditangani = _ditangani(dunia, pengaduan_buat(dunia.desa_a, judul="Jalan berlubang"))
    lain = pengaduan_buat(dunia.desa_a, judul="BLT", kategori_kode="bansos-blt")
    Pengaduan.objects.filter(pk=lain.pk).update(status=S.DITOLAK, tenggat=None)
    c = api_klien(dunia.pld_a.user)
    assert _ids(c.get(DAFTAR, {"status": "terbuka"})) == {baru.pk, ditangani.pk}
    assert _ids(c.get(DAFTAR, {"status": "ditolak"})) == {lain.pk}
    assert _ids(c.get(DAFTAR, {"kategori": "bansos-blt"})) == {lain.pk}
    assert _ids(c.get(DAFTAR, {"saya": "1"})) == {ditangani.pk}
    assert _ids(c.get(DAFTAR, {"q": "Jalan berlubang"})) == {ditangani.pk}
    assert _ids(c.get(DAFTAR, {"desa": dunia.desa_a2.kode})) == set()
    Pengaduan.objects.filter(pk=baru.pk).update(tenggat="2020-01-01")
    assert _ids(c.get(DAFTAR, {"terlambat": "1"})) == {baru.pk}
    g = _galat(c.get(DAFTAR, {"status": "entah"}), 400)
    assert "status" in g["rincian"]


def test_detail_lini_masa_dan_lampiran(dunia, api_klien):
    p = _ditangani(dunia, pengaduan_buat(dunia.desa_a, lampiran=[_png("bukti.png")]))
    services.pengaduan_balas(pengaduan=p, user=dunia.pld_a.user, isi="Sudah dicek", publik=True)
    c = api_klien(dunia.pld_a.user)
    r = c.get(_detail(p.pk))
    assert r.status_code == 200 and r["ETag"]
    d = r.json()
    assert d["isi"].startswith("Jalan di dusun 2")
    jenis = [e["jenis"] for e in d["peristiwa"]]
    assert jenis[0] == "diterima" and "penugasan" in jenis and "balasan" in jenis
    assert d["penangan"] == {"id": dunia.pld_a.pk, "nama": dunia.pld_a.nama}
    [lamp] = d["lampiran"]
    assert lamp["nama_asli"] == "bukti.png" and lamp["jenis_mime"] == "image/png"
    unduh = c.get(lamp["unduh"])
    assert unduh.status_code == 200 and unduh["Content-Type"] == "image/png"
    assert b"".join(unduh.streaming_content).startswith(b"\x89PNG")
    # another desa's attachment is a 404, on its metadata and on its file
    lb = pengaduan_buat(dunia.desa_b, lampiran=[_png()]).lampiran.get()
    _galat(c.get(reverse("api:pengaduan-lampiran-unduh", kwargs={"pk": lb.pk})), 404)
    _galat(c.get(reverse("api:pengaduan-lampiran-detail", kwargs={"pk": lb.pk})), 404)


def _hitung(klien, url) -> int:
    assert klien.get(url).status_code == 200  # warm-up (the token's last-used write)
    with CaptureQueriesContext(connection) as ctx:
        r = klien.get(url)
    assert r.status_code == 200, r.content
    return len(ctx.captured_queries)


def test_jumlah_query_tetap(dunia, api_klien):
    c = api_klien(dunia.pd_a.user)
    for i in range(2):
        _ditangani(dunia, pengaduan_buat(dunia.desa_a, judul=f"Aduan {i}", anonim=i % 2 == 0))
    dua = _hitung(c, DAFTAR)
    p = None
    for i in range(6):
        p = _ditangani(dunia, pengaduan_buat(dunia.desa_a, judul=f"Aduan lagi {i}", rahasia=i == 1))
    assert _hitung(c, DAFTAR) == dua
    satu = _hitung(c, _detail(p.pk))
    services.pengaduan_balas(pengaduan=p, user=dunia.pd_a.user, isi="Satu", publik=True)
    services.pengaduan_balas(pengaduan=p, user=dunia.pd_a.user, isi="Dua", publik=False)
    assert _hitung(c, _detail(p.pk)) == satu


# ------------------------------------------------------------------------------ public intake


def _isian(klien, dunia, **ubah) -> dict:
    """A filled public form: the challenge from formulir/, answered."""
    r = klien.get(FORMULIR)
    assert r.status_code == 200, r.content
    f = r.json()
    soal = signing.loads(f["tantangan"], salt=GARAM_TANTANGAN)
    data = {
        "kategori": kategori().pk,
        "desa": dunia.desa_a.kode,
        "judul": "BLT tidak sampai",
        "isi": "Bantuan bulan ini belum diterima tiga keluarga di RT 02.",
        "pelapor_nama": "Bu Warsini",
        "pelapor_telepon": "0812000111",
        "tantangan": f["tantangan"],
        "jawaban": soal["a"] + soal["b"],
    }
    data.update(ubah)
    return {k: v for k, v in data.items() if v is not None}


def test_formulir_memberi_tantangan_dan_kategori(dunia):
    r = APIClient().get(FORMULIR)
    assert r.status_code == 200
    d = r.json()
    assert d["pertanyaan"].startswith("Berapa") and d["tantangan"]
    assert {k["kode"] for k in d["kategori"]} >= {"dana-desa", "pendampingan"}
    assert {j["kode"] for j in d["jenis"]} == {"pengaduan", "aspirasi", "informasi"}


def test_lapor_201_dengan_kode_lalu_status(dunia):
    c = APIClient()
    r = c.post(LAPOR, _isian(c, dunia), format="json")
    assert r.status_code == 201, r.content
    d = r.json()
    p = Pengaduan.objects.get()
    assert d["kode"] == p.kode and d["status"] == "diterima"
    assert d["status_url"].endswith(_status(p.kode))
    assert p.saluran == Saluran.WEB and p.anonim is True  # anonymous unless said otherwise
    assert p.wilayah == dunia.desa_a and p.pelapor_nama == "Bu Warsini"
    s = c.get(_status(p.kode.lower().replace("-", " ")))
    assert s.status_code == 200, s.content
    st = s.json()
    assert st["kode"] == p.kode and st["judul"] == "BLT tidak sampai"
    assert st["desa"] == dunia.desa_a.nama and st["balasan"][0]["jenis"] == "diterima"
    assert "Warsini" not in s.content.decode() and "0812000111" not in s.content.decode()


def test_lapor_multipart_dengan_lampiran(dunia):
    c = APIClient()
    data = _isian(c, dunia, anonim="false", lampiran=_png("jalan.png"))
    r = c.post(LAPOR, data, format="multipart")
    assert r.status_code == 201, r.content
    p = Pengaduan.objects.get()
    assert p.anonim is False and p.lampiran.get().nama_asli == "jalan.png"


def test_lapor_400_pesan_indonesia(dunia, settings):
    settings.PENGADUAN_BATAS_LAPOR_PER_JAM = 100
    c = APIClient()
    g = _galat(c.post(LAPOR, _isian(c, dunia, judul="", isi=" "), format="json"), 400)
    assert g["kode"] == "tidak_sah"
    assert g["rincian"]["judul"] == ["Tuliskan judul singkat pengaduan."]
    assert g["rincian"]["isi"] == ["Ceritakan apa yang terjadi — uraian tidak boleh kosong."]
    g = _galat(c.post(LAPOR, _isian(c, dunia, jawaban=999), format="json"), 400)
    assert g["rincian"]["jawaban"] == ["Jawaban pertanyaan keamanan salah."]
    g = _galat(c.post(LAPOR, _isian(c, dunia, tantangan="palsu"), format="json"), 400)
    assert "kedaluwarsa" in g["rincian"]["jawaban"][0]
    g = _galat(c.post(LAPOR, _isian(c, dunia, situs_web="http://spam"), format="json"), 400)
    assert g["rincian"]["non_field_errors"] == ["Pengiriman ditolak oleh penyaring spam."]
    g = _galat(c.post(LAPOR, _isian(c, dunia, desa="99.99.99.9999"), format="json"), 400)
    assert "tidak ditemukan" in g["rincian"]["desa"][0]
    g = _galat(c.post(LAPOR, _isian(c, dunia, kategori={"x": 1}), format="json"), 400)
    assert "kategori" in g["rincian"]
    _galat(c.post(LAPOR, [1, 2], format="json"), 400)
    assert not Pengaduan.objects.exists()


def test_lapor_terlalu_cepat_ditolak(dunia, settings):
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 60
    c = APIClient()
    g = _galat(c.post(LAPOR, _isian(c, dunia), format="json"), 400)
    assert "terlalu cepat" in g["pesan"]


def test_idempotency_key_satu_pengaduan(dunia):
    c = APIClient()
    kunci = str(uuid.uuid4())
    data = _isian(c, dunia)
    r1 = c.post(LAPOR, data, format="json", HTTP_IDEMPOTENCY_KEY=kunci)
    assert r1.status_code == 201 and "Idempotent-Replayed" not in r1
    r2 = c.post(LAPOR, {**data, "judul": "lain"}, format="json", HTTP_IDEMPOTENCY_KEY=kunci)
    assert r2.status_code == 200 and r2["Idempotent-Replayed"] == "true"
    assert r2.json()["kode"] == r1.json()["kode"]
    assert Pengaduan.objects.count() == 1
    assert str(Pengaduan.objects.get().kunci_sekali) == kunci
    g = _galat(c.post(LAPOR, data, format="json", HTTP_IDEMPOTENCY_KEY="bukan"), 400)
    assert g["rincian"] == {"Idempotency-Key": ["Idempotency-Key harus sebuah UUID."]}


@pytest.mark.django_db(transaction=True)
def test_idempotency_key_dua_sekaligus_satu_pengaduan(dunia, settings):
    if connection.vendor != "postgresql":
        pytest.skip("Dua permintaan bersamaan perlu PostgreSQL (SQLite uji berbagi satu koneksi).")
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 0
    kunci = str(uuid.uuid4())
    data = _isian(APIClient(), dunia)
    mulai = threading.Barrier(2)
    hasil = []

    def kirim():
        from django.db import connections

        mulai.wait()
        try:
            hasil.append(APIClient().post(LAPOR, data, format="json", HTTP_IDEMPOTENCY_KEY=kunci))
        finally:
            connections.close_all()

    utas = [threading.Thread(target=kirim) for _ in range(2)]
    for t in utas:
        t.start()
    for t in utas:
        t.join(30)
    assert sorted(r.status_code for r in hasil) == [200, 201], [r.content for r in hasil]
    assert Pengaduan.objects.count() == 1
    assert len({r.json()["kode"] for r in hasil}) == 1


def test_batas_per_alamat_429_dibagi_dengan_halaman(dunia, settings):
    settings.PENGADUAN_BATAS_LAPOR_PER_JAM = 1
    c = APIClient()
    assert c.post(LAPOR, _isian(c, dunia), format="json").status_code == 201
    g = _galat(c.post(LAPOR, _isian(c, dunia, judul="Kedua"), format="json"), 429)
    assert g["kode"] == "throttled" and "Terlalu banyak pengaduan" in g["pesan"]
    assert Pengaduan.objects.count() == 1
    # the page counts on the same limit: the address is held back there too
    assert c.post("/pengaduan/lapor/", {"judul": "x"}).status_code == 429


def test_status_kode_salah_404_dan_batas_tebak(dunia, settings):
    c = APIClient()
    g = _galat(c.get(_status("PD-2222-2222")), 404)
    assert "Kode pelacakan tidak ditemukan" in g["pesan"]
    _galat(c.get(_status("bukan-kode")), 404)
    _galat(c.get(_status("x" * 40)), 404)
    settings.PENGADUAN_BATAS_STATUS_PER_MENIT = 3
    g = _galat(c.get(_status("PD-3333-3333")), 429)
    assert g["pesan"] == "Terlalu banyak pencarian; tunggu sebentar."


def test_status_rahasia_tanpa_isi(dunia):
    p = pengaduan_buat(dunia.desa_a, judul="Rahasia sekali", rahasia=True)
    r = APIClient().get(_status(p.kode))
    assert r.status_code == 200
    d = r.json()
    assert d["rahasia"] is True and d["status"] == "diterima" and d["diterima_pada"]
    assert d["judul"] == d["kategori"] == d["desa"] == ""
    assert "Rahasia sekali" not in r.content.decode()
    assert "Siti Pelapor" not in r.content.decode()
