import pytest
from django.urls import reverse

from pendampingan.models import Jabatan
from tests.factories import TindakLanjutFactory, pendamping_di, wilayah_rantai

pytestmark = pytest.mark.django_db


def _desa(n, kab="33.01", kec="01"):
    return [wilayah_rantai(f"{kab}.{kec}.{2001 + i:04d}", f"Desa Nomor {i}") for i in range(n)]


def test_beranda_pd_jumlah_query_tetap(client, hitung_query):
    pd = pendamping_di("33.01.01", Jabatan.PD)
    client.force_login(pd.user)
    url = reverse("pendampingan:beranda")

    def tambah(mulai, n):
        for d in [
            wilayah_rantai(f"33.01.01.{2001 + i:04d}", f"Desa Nomor {i}")
            for i in range(mulai, mulai + n)
        ]:
            TindakLanjutFactory(pendamping=pd, wilayah=d, jatuh_tempo="2020-01-01")

    tambah(0, 3)
    kecil = hitung_query(lambda: client.get(url))
    tambah(3, 6)
    r = client.get(url)
    assert hitung_query(lambda: client.get(url)) == kecil
    assert "Desa Nomor 8" in r.content.decode() and "Tindak lanjut terlambat" in r.content.decode()


def test_pohon_wilayah_jumlah_query_tetap(client, hitung_query):
    tapm = pendamping_di("33.01", Jabatan.TAPM_KABUPATEN)
    client.force_login(tapm.user)
    detail, daftar = (
        reverse("pendampingan:wilayah-detail", args=["33.01"]),
        reverse("pendampingan:wilayah-list"),
    )
    for kec in range(1, 4):
        _desa(2, kec=f"{kec:02d}")
    kecil = (hitung_query(lambda: client.get(detail)), hitung_query(lambda: client.get(daftar)))
    for kec in range(4, 10):
        _desa(2, kec=f"{kec:02d}")
    assert (
        hitung_query(lambda: client.get(detail)),
        hitung_query(lambda: client.get(daftar)),
    ) == kecil
    html = client.get(detail).content.decode()
    assert "Wilayah 33.01.09" in html and "18 desa/kelurahan" in html


def test_pencarian_dan_paginasi_wilayah(client):
    for kec in range(1, 31):
        wilayah_rantai(f"33.01.{kec:02d}", f"Kecamatan {kec}")
    tapm = pendamping_di("33.01", Jabatan.TAPM_KABUPATEN)
    client.force_login(tapm.user)
    r = client.get(reverse("pendampingan:wilayah-detail", args=["33.01"]))
    assert "Halaman 1 dari 2" in r.content.decode()
    r = client.get(reverse("pendampingan:wilayah-detail", args=["33.01"]), {"q": "Kecamatan 17"})
    assert "Kecamatan 17" in r.content.decode() and "Kecamatan 18" not in r.content.decode()


def test_halaman_desa_menampilkan_pendamping_kini_dan_lalu(client, dunia):
    pendamping_di(dunia.desa_a.kode, username="pld_lama", selesai="2021-12-31")
    client.force_login(dunia.pengawas.user)
    html = client.get(
        reverse("pendampingan:wilayah-detail", args=[dunia.desa_a.kode])
    ).content.decode()
    assert dunia.pld_a.nama in html
    assert "Pendamping sebelumnya" in html
    assert "Belum ada catatan untuk desa ini." in html


def test_404_dalam_bahasa_indonesia(client, dunia):
    client.force_login(dunia.pld_a.user)
    r = client.get(reverse("pendampingan:wilayah-detail", args=[dunia.desa_b.kode]))
    assert r.status_code == 404
    assert "Halaman tidak ditemukan" in r.content.decode()


def test_autocomplete_wilayah_terbatas_scope(client, dunia):
    client.force_login(dunia.pd_a.user)
    data = client.get(reverse("pendampingan:wilayah-cari"), {"q": "Desa", "mode": "catat"}).json()
    assert data["hasil"] == []  # a PD with only a supervision assignment records nowhere
    data = client.get(reverse("pendampingan:wilayah-cari"), {"q": "Desa"}).json()
    assert {h["kode"] for h in data["hasil"]} == {"33.01.01.2001", "33.01.01.2002"}


def test_zona_waktu_mengikuti_provinsi(client):
    p = pendamping_di("91.01.01.2001")  # Papua → WIT
    client.force_login(p.user)
    assert " · WIT" in client.get(reverse("pendampingan:beranda")).content.decode()


def test_login_dikunci_setelah_gagal_berulang(client, dunia):
    url = reverse("login")
    for _ in range(5):
        client.post(url, {"username": "pld_a", "password": "salah"})
    r = client.post(url, {"username": "pld_a", "password": "rahasia-uji-123"})
    assert r.status_code == 429
    assert "dikunci" in r.content.decode()


def test_reset_kata_sandi_mengirim_email(client, dunia, mailoutbox):
    dunia.pld_a.user.email = "pld@contoh.desa.id"
    dunia.pld_a.user.save()
    r = client.post(reverse("password_reset"), {"email": "pld@contoh.desa.id"})
    assert r.status_code == 302
    assert len(mailoutbox) == 1 and "Atur ulang" in mailoutbox[0].subject
