"""The public pages: the form and its guards, bad input, the status page, the desa search."""

import io
import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from pengaduan.forms import GARAM_TANTANGAN
from pengaduan.models import Lampiran, Pengaduan, StatusPengaduan

from .factories import URL_LAPOR, isian_publik, pengaduan_buat

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, "PNG")
    return buf.getvalue()


URL = URL_LAPOR
_isian = isian_publik


def test_formulir_terbuka_tanpa_akun_dan_anonim_default(dunia):
    resp = Client().get(URL)
    assert resp.status_code == 200
    html = resp.content.decode()
    assert 'name="anonim"' in html and re.search(r'name="anonim"[^>]*checked', html)
    assert "Berapa" in html and 'name="situs_web"' in html


def test_kirim_memberi_kode(dunia, mailoutbox):
    c = Client()
    resp = c.post(URL, _isian(c, dunia))
    assert resp.status_code == 302 and resp["Location"] == reverse("pengaduan:lapor-terkirim")
    p = Pengaduan.objects.get()
    assert p.anonim and not p.rahasia and p.saluran == "web" and p.dicatat_oleh is None
    halaman = c.get(resp["Location"]).content.decode()
    assert p.kode in halaman
    # the code page is only for the browser that sent the complaint
    assert Client().get(reverse("pengaduan:lapor-terkirim")).status_code == 302


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"isi": "   "}, "uraian tidak boleh kosong"),
        ({"desa": "99.99.99.2999"}, "tidak ditemukan"),
        ({"desa": "Kota Antah"}, "tidak ditemukan"),
        ({"jawaban": 999}, "Jawaban pertanyaan keamanan salah"),
        ({"tantangan": "palsu"}, "kedaluwarsa"),
        ({"situs_web": "http://spam.example"}, "Pengiriman ditolak"),
        ({"kategori": ""}, "Pilih kategori"),
        ({"pelapor_email": "bukan-email"}, "Alamat email tidak sah"),
    ],
)
def test_isian_buruk_pesan_jelas_dan_teks_tidak_hilang(dunia, ubah, pesan):
    c = Client()
    resp = c.post(URL, _isian(c, dunia, **ubah))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert pesan in html
    assert "BLT tidak sampai" in html  # the typed title is still there
    assert "Bu Warsini" in html
    assert not Pengaduan.objects.exists()


def test_terlalu_cepat_ditolak(dunia, settings):
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 60
    c = Client()
    resp = c.post(URL, _isian(c, dunia))
    assert "terlalu cepat" in resp.content.decode()
    assert not Pengaduan.objects.exists()


def test_skrip_di_judul_disimpan_dan_di_escape(dunia):
    c = Client()
    skrip = "<script>alert('x')</script>Jalan rusak"
    c.post(URL, _isian(c, dunia, judul=skrip))
    p = Pengaduan.objects.get()
    assert p.judul == skrip
    status = Client().get(reverse("pengaduan:status"), {"kode": p.kode}).content.decode()
    assert "<script>alert" not in status and "&lt;script&gt;" in status
    detail = dunia.klien(dunia.pd_a).get(reverse("pengaduan:detail", args=[p.pk])).content.decode()
    assert "<script>alert" not in detail and "&lt;script&gt;" in detail


def test_lampiran_50mb_ditolak_teks_tetap(dunia):
    c = Client()
    besar = SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0" + b"\0" * (50 * 1024 * 1024))
    resp = c.post(URL, {**_isian(c, dunia), "lampiran": besar})
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "terlalu besar" in html and "BLT tidak sampai" in html
    assert not Pengaduan.objects.exists() and not Lampiran.objects.exists()


def test_permintaan_raksasa_ditolak_dari_content_length(dunia, settings):
    settings.PENGADUAN_PERMINTAAN_MAKS_MB = 1
    c = Client()
    besar = SimpleUploadedFile("a.png", b"\0" * (2 * 1024 * 1024))
    resp = c.post(URL, {**_isian(c, dunia), "lampiran": besar})
    assert resp.status_code == 413
    assert "terlalu besar" in resp.content.decode()


def test_lampiran_diperiksa_isinya(dunia):
    c = Client()
    palsu = SimpleUploadedFile("foto.jpg", b"ini bukan gambar, hanya teks")
    resp = c.post(URL, {**_isian(c, dunia), "lampiran": palsu})
    assert "foto.jpg: Jenis berkas tidak dikenali" in resp.content.decode()
    assert not Pengaduan.objects.exists()


def test_lampiran_sah_hanya_untuk_yang_berwenang(dunia):
    c = Client()
    foto = SimpleUploadedFile("bukti.png", _png(), content_type="image/png")
    assert c.post(URL, {**_isian(c, dunia), "lampiran": foto}).status_code == 302
    lamp = Lampiran.objects.get()
    assert lamp.jenis_mime == "image/png" and lamp.berkas.name.endswith(".png")
    url = reverse("pengaduan:lampiran", args=[lamp.pk])
    assert dunia.klien(dunia.pd_a).get(url).status_code == 200
    assert dunia.klien(dunia.pld_b).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page


def test_batas_per_alamat(dunia, settings):
    settings.PENGADUAN_BATAS_LAPOR_PER_JAM = 2
    c = Client()
    for _i in range(2):
        assert c.post(URL, _isian(c, dunia)).status_code == 302
    resp = c.post(URL, _isian(c, dunia, judul="Yang ketiga"))
    assert resp.status_code == 429
    html = resp.content.decode()
    assert "Terlalu banyak" in html and "Yang ketiga" in html
    assert Pengaduan.objects.count() == 2
    # another address is not affected
    lain = Client(REMOTE_ADDR="10.0.0.9")
    assert lain.post(URL, _isian(lain, dunia)).status_code == 302


def test_cari_desa_tanpa_javascript(dunia):
    c = Client()
    data = _isian(c, dunia, desa="Alpha", aksi="cari-desa")
    resp = c.post(URL, data)
    html = resp.content.decode()
    assert resp.status_code == 200
    assert 'value="33.01.01.2001"' in html and 'value="33.01.01.2002"' in html  # both Alpha desa
    assert "BLT tidak sampai" in html and "is-invalid" not in html
    assert not Pengaduan.objects.exists()
    # a unique exact name is accepted as is
    resp = c.post(URL, _isian(c, dunia, desa="Desa Beta"))
    assert resp.status_code == 302
    assert Pengaduan.objects.get().wilayah == dunia.desa_b


def test_cari_desa_json_hanya_desa_dan_dibatasi(dunia, settings):
    c = Client()
    data = c.get(reverse("pengaduan:lapor-desa"), {"q": "Alpha"}).json()
    assert {h["kode"] for h in data["hasil"]} == {"33.01.01.2001", "33.01.01.2002"}
    assert c.get(reverse("pengaduan:lapor-desa"), {"q": "33.01"}).json()["hasil"]
    # kecamatan/kabupaten are never returned
    assert not [h for h in data["hasil"] if h["kode"].count(".") < 3]
    settings.PENGADUAN_BATAS_CARI_PER_MENIT = 2
    c.get(reverse("pengaduan:lapor-desa"), {"q": "Beta"})
    assert c.get(reverse("pengaduan:lapor-desa"), {"q": "Beta"}).status_code == 429


def test_status_kode_salah_sama_dengan_tidak_ada(dunia):
    c = Client()
    url = reverse("pengaduan:status")
    for kode in ("PD-2222-2222", "ngawur", "PD-0000-0000"):
        resp = c.get(url, {"kode": kode})
        assert resp.status_code == 404
        assert "Kode tidak ditemukan" in resp.content.decode()
    p = pengaduan_buat(dunia.desa_a)
    resp = c.get(url, {"kode": p.kode.lower().replace("-", " ")})
    assert resp.status_code == 200 and "Diterima" in resp.content.decode()


def test_status_dibatasi_per_alamat(dunia, settings):
    settings.PENGADUAN_BATAS_STATUS_PER_MENIT = 3
    c = Client()
    for _i in range(3):
        c.get(reverse("pengaduan:status"), {"kode": "PD-2222-2222"})
    resp = c.get(reverse("pengaduan:status"), {"kode": "PD-2222-2223"})
    assert resp.status_code == 429 and "Terlalu banyak" in resp.content.decode()


def test_status_publik_tanpa_login_dengan_balasan(dunia):
    from pengaduan import services

    p = pengaduan_buat(dunia.desa_a)
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pd_a.user, keputusan=StatusPengaduan.DIVERIFIKASI
    )
    services.pengaduan_balas(
        pengaduan=p, user=dunia.pd_a.user, isi="Kami jadwalkan musyawarah.", publik=True
    )
    services.pengaduan_balas(
        pengaduan=p, user=dunia.pd_a.user, isi="Catatan internal saja.", publik=False
    )
    html = Client().get(reverse("pengaduan:status"), {"kode": p.kode}).content.decode()
    assert "Kami jadwalkan musyawarah." in html
    assert "Catatan internal saja." not in html
    assert "Diverifikasi" in html


def _selesai(dunia, **kw):
    from django.utils import timezone

    from pengaduan import services

    p = pengaduan_buat(dunia.desa_a, **kw)
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pd_a.user, keputusan=StatusPengaduan.DIVERIFIKASI
    )
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)
    services.pengaduan_musyawarah_catat(
        pengaduan=p,
        user=dunia.pld_a.user,
        tanggal=timezone.localdate(),
        tempat="Balai",
        pihak_hadir="Warga",
        kesepakatan="Sepakat",
        mufakat=True,
    )
    p.refresh_from_db()
    return p


def _tanggapan(client, kode_halaman, **ubah):
    kode = kode_halaman
    resp = client.get(reverse("pengaduan:status"), {"kode": kode})
    form = resp.context["tanggapan_form"]
    soal = signing.loads(form.token, salt=GARAM_TANTANGAN)
    data = {
        "kode": kode,
        "isi": "Kesepakatan belum dijalankan.",
        "tantangan": form.token,
        "jawaban": soal["a"] + soal["b"],
        "situs_web": "",
    }
    data.update(ubah)
    return client.post(reverse("pengaduan:status-tanggapan"), data)


def test_tanggapan_pelapor_menghentikan_penutupan_otomatis(dunia):
    from pendampingan.notifikasi.models import Pesan
    from pengaduan import services

    p = _selesai(dunia)
    assert p.tenggat_tutup is not None
    c = Client()
    resp = _tanggapan(c, p.kode)
    assert resp.status_code == 302
    assert "Tanggapan Anda sudah kami terima" in c.get(resp["Location"]).content.decode()
    p.refresh_from_db()
    assert p.tenggat_tutup is None and p.tenggat is None
    assert p.peristiwa.filter(jenis="tanggapan", publik=False).exists()
    penerima = set(
        Pesan.objects.filter(peristiwa="pengaduan.tanggapan", saluran="in_app").values_list(
            "penerima_user__username", flat=True
        )
    )
    assert penerima == {"pd_a", "pld_a"}
    import datetime

    hasil = services.pengaduan_sla_periksa(
        hari_ini=datetime.date.today() + datetime.timedelta(days=60)
    )
    assert hasil["ditutup"] == 0
    # the answer is for staff: the public page does not show it
    assert (
        "Kesepakatan belum dijalankan."
        not in Client().get(reverse("pengaduan:status"), {"kode": p.kode}).content.decode()
    )
    detail = dunia.klien(dunia.pd_a).get(reverse("pengaduan:detail", args=[p.pk]))
    assert "Kesepakatan belum dijalankan." in detail.content.decode()


def test_tanggapan_ditolak_dengan_pesan_jelas(dunia):
    from pengaduan import services

    p = _selesai(dunia)
    c = Client()
    resp = _tanggapan(c, p.kode, isi="  ")
    assert resp.status_code == 400 and "Tuliskan tanggapan Anda" in resp.content.decode()
    resp = _tanggapan(c, p.kode, situs_web="x")
    assert "penyaring spam" in resp.content.decode()
    resp = _tanggapan(c, p.kode, kode="PD-2222-2222", isi="Tulisan saya")
    assert resp.status_code == 404 and "Kode tidak ditemukan" in resp.content.decode()
    # a complaint still being handled takes no answer (the form is not even offered)
    q = pengaduan_buat(dunia.desa_a)
    assert (
        Client().get(reverse("pengaduan:status"), {"kode": q.kode}).context["tanggapan_form"]
        is None
    )
    with pytest.raises(Exception, match="selesai atau dirujuk"):
        services.pengaduan_tanggapi(kode=q.kode, isi="x")
    assert Client().get(reverse("pengaduan:status-tanggapan")).status_code == 405
