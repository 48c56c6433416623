"""Views: the month page, narrative edits, the flow through POSTs (with the status the user saw),
403 for a visible row that is not theirs, one-time keys, messages, query counts."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from pendampingan.bulanan import services
from pendampingan.bulanan.models import (
    LaporanBulanan,
    PembukaanBulan,
    PeristiwaLaporan,
    RencanaKerja,
    StatusLaporan,
)
from pendampingan.inti.sekali import pesan_sudah_tersimpan
from tests.bulanan.factories import bulan_ini, kegiatan, laporan, rencana

pytestmark = pytest.mark.django_db


def test_halaman_bulan_dan_tambah_rencana(dunia):
    klien = dunia.klien(dunia.pld_a)
    url = reverse("bulanan:bulan", kwargs={"bulan": bulan_ini()})
    isi = klien.get(url).content.decode()
    assert "Belum ada rencana kerja untuk bulan ini." in isi
    tambah = reverse("bulanan:rencana-tambah", kwargs={"bulan": bulan_ini()})
    resp = klien.post(
        tambah,
        {"wilayah": dunia.desa_b.kode, "tata_cara": "asistensi", "target_kegiatan": 2},
    )
    assert resp.status_code == 400
    assert "di luar wilayah tugas Anda" in resp.content.decode()
    resp = klien.post(
        tambah,
        {
            "wilayah": dunia.desa_a.kode,
            "tata_cara": "asistensi",
            "target_kegiatan": 2,
            "sasaran": "RKP Desa disepakati",
        },
    )
    assert resp.status_code == 302
    assert "RKP Desa disepakati" in klien.get(url).content.decode()
    assert RencanaKerja.objects.get().target_kegiatan == 2


def test_bulan_tidak_sah_404(dunia):
    assert dunia.klien(dunia.pld_a).get("/bulanan/bulan/2026-13/").status_code == 404


def test_ubah_dan_hapus_rencana_hanya_pemilik(dunia):
    r = rencana(dunia.pld_a, dunia.desa_a, bulan_ini(), target=1)
    url = reverse("bulanan:rencana-ubah", args=[r.pk])
    assert dunia.klien(dunia.pd_a).get(url).status_code == 403
    resp = dunia.klien(dunia.pld_a).post(
        url, {"wilayah": dunia.desa_a.kode, "tata_cara": "fasilitasi", "target_kegiatan": 4}
    )
    assert resp.status_code == 302
    r.refresh_from_db()
    assert (r.tata_cara, r.target_kegiatan) == ("fasilitasi", 4)
    hapus = reverse("bulanan:rencana-hapus", args=[r.pk])
    assert "Hapus rencana kerja?" in dunia.klien(dunia.pld_a).get(hapus).content.decode()
    dunia.klien(dunia.pld_a).post(hapus)
    assert not RencanaKerja.objects.exists()


def test_susun_sunting_ajukan_setujui_lewat_halaman(dunia):
    p = dunia.pld_a
    kegiatan(p, dunia.desa_a, bulan_ini(), judul="Musdes RKP")
    klien = dunia.klien(p)
    resp = klien.post(reverse("bulanan:laporan-susun", kwargs={"bulan": bulan_ini()}))
    lap = LaporanBulanan.objects.get()
    assert resp.url == reverse("bulanan:laporan-detail", args=[lap.pk])
    n = lap.narasi.get(kunci="asistensi")
    klien.post(reverse("bulanan:laporan-narasi", args=[lap.pk]), {f"narasi_{n.pk}": "Narasi saya"})
    n.refresh_from_db()
    assert n.teks == "Narasi saya" and n.disunting
    resp = klien.post(reverse("bulanan:laporan-ajukan", args=[lap.pk]), follow=True)
    assert "Laporan diajukan kepada pengawas Anda." in resp.content.decode()
    # the facilitator sees their report but may not approve it: 403 with the reason
    resp = klien.post(reverse("bulanan:laporan-setujui", args=[lap.pk]))
    assert resp.status_code == 403 and "laporan Anda sendiri" in resp.content.decode()
    # the PD sees the approve form, carrying the status they saw
    pd = dunia.klien(dunia.pd_a)
    halaman = pd.get(reverse("bulanan:laporan-detail", args=[lap.pk])).content.decode()
    assert "Setujui laporan" in halaman
    assert 'name="dari" value="diajukan"' in halaman
    assert lap.pendamping.nama in pd.get(reverse("bulanan:periksa")).content.decode()
    resp = pd.post(
        reverse("bulanan:laporan-kembalikan", args=[lap.pk]), {"catatan": ""}, follow=True
    )
    assert "Tuliskan catatan" in resp.content.decode()
    pd.post(reverse("bulanan:laporan-setujui", args=[lap.pk]), {"dari": "diajukan"})
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DISETUJUI
    isi = klien.get(reverse("bulanan:laporan-detail", args=[lap.pk])).content.decode()
    assert "Narasi saya" in isi and "Disetujui" in isi and "sudah disetujui" in isi


def test_ajukan_bulan_kosong_pesan_jelas(dunia):
    lap = services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    resp = dunia.klien(dunia.pld_a).post(
        reverse("bulanan:laporan-ajukan", args=[lap.pk]), follow=True
    )
    assert "belum ada satu pun kegiatan" in resp.content.decode()


def test_detail_laporan_query_tetap(dunia, django_assert_max_num_queries):
    p = dunia.pld_a
    for i in range(4):
        kegiatan(p, dunia.desa_a, bulan_ini() + datetime.timedelta(days=i))
    lap = services.laporan_susun(user=p.user, bulan=bulan_ini())
    url = reverse("bulanan:laporan-detail", args=[lap.pk])
    klien = dunia.klien(p)
    with django_assert_max_num_queries(40) as awal:
        klien.get(url)
    for i in range(12):
        kegiatan(
            p, dunia.desa_a2 if i % 2 else dunia.desa_a, bulan_ini() + datetime.timedelta(days=i)
        )
    services.laporan_susun(user=p.user, bulan=bulan_ini())
    with django_assert_max_num_queries(len(awal)):
        assert klien.get(url).status_code == 200


def test_beranda_daftar_laporan_query_tetap(dunia, django_assert_max_num_queries):
    klien = dunia.klien(dunia.pld_a)
    for m in range(1, 4):
        laporan(dunia.pld_a, dunia.desa_a, bulan=datetime.date(2025, m, 1))
    with django_assert_max_num_queries(30) as awal:
        klien.get(reverse("bulanan:beranda"))
    for m in range(4, 13):
        laporan(dunia.pld_a, dunia.desa_a, bulan=datetime.date(2025, m, 1))
    with django_assert_max_num_queries(len(awal)):
        isi = klien.get(reverse("bulanan:beranda")).content.decode()
    assert "Desember 2025" in isi


def test_dua_pengawas_kedua_diberi_tahu_siapa_yang_lebih_dulu(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DIAJUKAN)
    url = reverse("bulanan:laporan-detail", args=[lap.pk])
    dunia.klien(dunia.pd_a).post(
        reverse("bulanan:laporan-setujui", args=[lap.pk]), {"dari": "diajukan"}
    )
    # the korprov's page still showed "diajukan": their return is refused with who approved it
    resp = dunia.klien(dunia.pengawas).post(
        reverse("bulanan:laporan-kembalikan", args=[lap.pk]),
        {"dari": "diajukan", "catatan": "Perbaiki"},
        follow=True,
    )
    assert resp.redirect_chain[-1][0] == url
    assert "Status sudah diubah menjadi Disetujui" in resp.content.decode()
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DISETUJUI
    assert PeristiwaLaporan.objects.filter(laporan=lap).count() == 1


def test_formulir_pembuat_membawa_kunci_sekali(dunia):
    klien = dunia.klien(dunia.pld_a)
    isi = klien.get(reverse("bulanan:bulan", kwargs={"bulan": bulan_ini()})).content.decode()
    # the plan form and the draft form
    assert isi.count('name="kunci_sekali"') == 2
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DISETUJUI)
    isi = (
        dunia.klien(dunia.pd_a)
        .get(reverse("bulanan:laporan-detail", args=[lap.pk]))
        .content.decode()
    )
    assert 'name="kunci_sekali"' in isi  # the reopen form


def test_rencana_dikirim_dua_kali_satu_baris(dunia):
    klien = dunia.klien(dunia.pld_a)
    url = reverse("bulanan:rencana-tambah", kwargs={"bulan": bulan_ini()})
    data = {
        "wilayah": dunia.desa_a.kode,
        "tata_cara": "asistensi",
        "target_kegiatan": 2,
        "kunci_sekali": str(uuid.uuid4()),
    }
    assert klien.post(url, data).status_code == 302
    resp = klien.post(url, data, follow=True)
    assert resp.status_code == 200
    assert pesan_sudah_tersimpan() in resp.content.decode()
    assert RencanaKerja.objects.count() == 1


def test_susun_dikirim_dua_kali_satu_laporan(dunia):
    klien = dunia.klien(dunia.pld_a)
    url = reverse("bulanan:laporan-susun", kwargs={"bulan": bulan_ini()})
    data = {"kunci_sekali": str(uuid.uuid4())}
    pertama = klien.post(url, data)
    lap = LaporanBulanan.objects.get()
    kedua = klien.post(url, data, follow=True)
    assert pertama.url == kedua.redirect_chain[-1][0] == lap.get_absolute_url()
    assert pesan_sudah_tersimpan() in kedua.content.decode()
    assert LaporanBulanan.objects.count() == 1


def test_buka_dikirim_dua_kali_satu_pembukaan(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DISETUJUI)
    pd = dunia.klien(dunia.pd_a)
    url = reverse("bulanan:laporan-buka", args=[lap.pk])
    data = {
        "alasan": "Koreksi jam",
        "sampai": str(timezone.localdate()),
        "kunci_sekali": str(uuid.uuid4()),
    }
    pd.post(url, data)
    resp = pd.post(url, data, follow=True)
    assert pesan_sudah_tersimpan() in resp.content.decode()
    assert PembukaanBulan.objects.count() == 1
    assert PeristiwaLaporan.objects.filter(laporan=lap).count() == 1
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DIKEMBALIKAN


def test_pengawas_melihat_tetapi_tidak_menyunting_403(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a)
    pd = dunia.klien(dunia.pd_a)
    for nama in ("bulanan:laporan-narasi", "bulanan:laporan-susun-ulang", "bulanan:laporan-ajukan"):
        resp = pd.post(reverse(nama, args=[lap.pk]))
        assert resp.status_code == 403, nama
        assert "pendamping pemilik" in resp.content.decode(), nama
    # the PLD of the other kabupaten does not see it at all
    assert (
        dunia.klien(dunia.pld_b).post(reverse("bulanan:laporan-ajukan", args=[lap.pk])).status_code
        == 404
    )
