"""Pages: the quick report (one POST, or text first and the photo after), lists and the incident
page with fixed query counts, the section forms, the refusal to edit the chronology, the reports."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from bencana import services
from bencana.models import Bukti, Kejadian, Kronologi, PenilaianDampak
from pendampingan.models import Jabatan
from tests.factories import pendamping_di, wilayah_rantai

from .factories import dampak, foto_png, jenis, kejadian_di

pytestmark = pytest.mark.django_db


def _waktu(delta_jam=1):
    return (timezone.localtime() - datetime.timedelta(hours=delta_jam)).strftime("%Y-%m-%dT%H:%M")


def _data_lapor(dunia, **kw):
    return {
        "jenis": jenis("101").pk,
        "waktu": _waktu(),
        "desa": dunia.desa_a.kode,
        "ringkasan": "Banjir bandang setinggi 1,5 m",
        "lintang": "-7.712345",
        "bujur": "109.012345",
        **kw,
    }


# ------------------------------------------------------------------------ quick report
def test_lapor_cepat_satu_post_dengan_foto(dunia):
    klien = dunia.klien(dunia.pld_a)
    halaman = klien.get(reverse("bencana:kejadian-lapor"))
    assert halaman.status_code == 200
    assert "Desa Alpha" in halaman.content.decode()
    r = klien.post(reverse("bencana:kejadian-lapor"), _data_lapor(dunia, foto=foto_png()))
    k = Kejadian.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("bencana:kejadian-detail", args=[k.pk])
    assert k.bukti.count() == 1 and k.lintang is not None
    assert k.laporan.get().nomor == 1


def test_lapor_cepat_teks_dulu_foto_menyusul(dunia):
    klien = dunia.klien(dunia.pld_a)
    r = klien.post(
        reverse("bencana:kejadian-lapor"), _data_lapor(dunia), headers={"X-Lapor-Cepat": "1"}
    )
    assert r.status_code == 201
    j = r.json()
    k = Kejadian.objects.get(kode=j["kode"])
    assert k.bukti.count() == 0
    palsu = io.BytesIO(b"bukan gambar")
    palsu.name = "foto.jpg"
    r = klien.post(j["foto_url"], {"berkas": palsu}, headers={"X-Foto-Susulan": "1"})
    assert r.status_code == 400 and "bukan" in r.json()["galat"].lower()
    r = klien.post(j["foto_url"], {"berkas": foto_png()}, headers={"X-Foto-Susulan": "1"})
    assert r.status_code == 201 and len(r.json()["sha256"]) == 64
    assert k.bukti.count() == 1


def test_lapor_cepat_galat_dalam_bahasa_indonesia(dunia):
    klien = dunia.klien(dunia.pld_a)
    besok = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    r = klien.post(
        reverse("bencana:kejadian-lapor"),
        _data_lapor(dunia, waktu=besok),
        headers={"X-Lapor-Cepat": "1"},
    )
    assert r.status_code == 400
    assert r.json()["galat"]["waktu"][0]["message"] == "Waktu kejadian tidak boleh di masa depan."
    r = klien.post(reverse("bencana:kejadian-lapor"), _data_lapor(dunia, desa=dunia.desa_b.kode))
    assert "di luar wilayah tugas Anda" in r.content.decode()
    assert not Kejadian.objects.exists()


# ------------------------------------------------------------------------------ lists
def _banyak(dunia, n):
    for i in range(n):
        k = kejadian_di(dunia.desa_a, dunia.pld_a, ringkasan=f"Kejadian {i}")
        dampak(k, dunia.desa_a, dunia.pld_a, meninggal=i, mengungsi=10)


@pytest.mark.parametrize(
    "nama", ["bencana:kejadian-list", "bencana:kejadian-peta", "bencana:rekap"]
)
def test_jumlah_kueri_daftar_tetap(dunia, django_assert_max_num_queries, nama):
    klien = dunia.klien(dunia.pengawas)
    _banyak(dunia, 2)
    klien.get(reverse(nama))  # warm the session and caches
    with django_assert_max_num_queries(20) as sedikit:
        assert klien.get(reverse(nama)).status_code == 200
    _banyak(dunia, 6)
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        r = klien.get(reverse(nama))
    assert r.status_code == 200
    assert Kejadian.objects.order_by("-pk").first().kode in r.content.decode()


def test_filter_daftar(dunia):
    kejadian_di(dunia.desa_a, dunia.pld_a, ringkasan="Banjir sungai")
    kejadian_di(dunia.desa_a, dunia.pld_a, kode_jenis="201", ringkasan="Diare massal")
    klien = dunia.klien(dunia.pld_a)
    isi = klien.get(reverse("bencana:kejadian-list") + "?kategori=klb").content.decode()
    assert "Diare massal" in isi and "Banjir sungai" not in isi
    isi = klien.get(reverse("bencana:kejadian-list") + "?q=sungai").content.decode()
    assert "Banjir sungai" in isi and "Diare massal" not in isi
    isi = klien.get(reverse("bencana:kejadian-list") + "?status=selesai").content.decode()
    assert "Tidak ada kejadian yang cocok" in isi


# ---------------------------------------------------------------------- the incident
def _isi_lengkap(k, dunia, n):
    for i in range(n):
        services.kronologi_tambah(
            kejadian=k, waktu=timezone.now(), isi=f"Entri {i}", oleh=dunia.pld_a
        )
        dampak(k, dunia.desa_a, dunia.pld_a, meninggal=i)
        services.bukti_tambah(kejadian=k, berkas=foto_png(), oleh=dunia.pld_a)
        services.koordinasi_catat(
            kejadian=k,
            oleh=dunia.pld_a,
            waktu=timezone.now(),
            instansi="bpbd",
            kontak=f"Kontak {i}",
            permintaan="Perahu",
        )
        services.tokoh_catat(
            kejadian=k, oleh=dunia.pld_a, nama=f"Tokoh {i}", unsur="agama", peran="x"
        )
        services.mitigasi_buat(
            kejadian=k,
            oleh=dunia.pld_a,
            wilayah=dunia.desa_a,
            judul=f"Mitigasi {i}",
            mitra="BPBD",
            jatuh_tempo=timezone.localdate() + datetime.timedelta(days=3),
        )


@pytest.mark.parametrize("nama", ["bencana:kejadian-detail", "bencana:laporan-cetak"])
def test_jumlah_kueri_halaman_kejadian_tetap(dunia, django_assert_max_num_queries, nama):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien = dunia.klien(dunia.pld_a)
    _isi_lengkap(k, dunia, 1)
    url = reverse(nama, args=[k.pk])
    klien.get(url)
    with django_assert_max_num_queries(40) as sedikit:
        assert klien.get(url).status_code == 200
    _isi_lengkap(k, dunia, 3)
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        isi = klien.get(url).content.decode()
    assert "Entri 2" in isi and "Kontak 2" in isi


def test_halaman_kejadian_menampilkan_bagian(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a, foto=foto_png())
    dampak(k, dunia.desa_a, dunia.pld_a, meninggal=2, mengungsi=40)
    isi = dunia.klien(dunia.pengawas).get(reverse("bencana:kejadian-detail", args=[k.pk]))
    teks = isi.content.decode()
    b = Bukti.objects.get()
    for harap in [
        k.kode,
        "Versi 1",
        "Laporan awal",
        b.sha256,
        "Desa Alpha",
        "Status pemberitahuan",
    ]:
        assert harap in teks, harap


@pytest.mark.parametrize(
    "nama,data,model_cek",
    [
        (
            "bencana:koordinasi-tambah",
            {"waktu": "__w", "instansi": "tni", "kontak": "Danramil", "permintaan": "Evakuasi"},
            "koordinasi",
        ),
        (
            "bencana:tokoh-tambah",
            {"nama": "Ustaz Hasan", "unsur": "agama", "peran": "Menenangkan warga"},
            "tokoh",
        ),
        (
            "bencana:keputusan-tambah",
            {
                "wilayah": "__desa",
                "kegiatan": "Pembangunan jalan",
                "keputusan": "dihentikan",
                "alasan": "Tergenang",
                "diputuskan_oleh": "Musdes",
                "tanggal": "__t",
            },
            "keputusan",
        ),
        (
            "bencana:bantuan-tambah",
            {
                "wilayah": "__desa",
                "tanggal": "__t",
                "dari": "Baznas",
                "wujud": "Selimut",
                "untuk_jiwa": "100",
            },
            "bantuan",
        ),
        (
            "bencana:mitigasi-tambah",
            {
                "wilayah": "__desa",
                "judul": "Tanggul darurat",
                "mitra": "BPBD",
                "jatuh_tempo": "__t7",
            },
            None,
        ),
        ("bencana:kronologi-tambah", {"waktu": "__w", "isi": "Air mulai surut"}, "kronologi"),
        ("bencana:desa-tambah", {"desa": "33.01.01.2002"}, "desa_terdampak"),
    ],
)
def test_formulir_bagian(dunia, nama, data, model_cek):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    ganti = {
        "__w": _waktu(),
        "__desa": dunia.desa_a.kode,
        "__t": timezone.localdate().isoformat(),
        "__t7": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
    }
    data = {kk: ganti.get(v, v) for kk, v in data.items()}
    klien = dunia.klien(dunia.pld_a)
    url = reverse(nama, args=[k.pk])
    assert klien.get(url).status_code == 200
    sebelum = getattr(k, model_cek).count() if model_cek else 0
    r = klien.post(url, data)
    assert r.status_code == 302, r.content.decode()[:3000]
    if model_cek:
        assert getattr(k, model_cek).count() == sebelum + 1


def test_formulir_dampak_menolak_negatif_dan_melebihi_penduduk(dunia):
    dunia.desa_a.jumlah_penduduk = 10
    dunia.desa_a.save(update_fields=["jumlah_penduduk"])
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien = dunia.klien(dunia.pld_a)
    url = reverse("bencana:dampak-tambah", args=[k.pk])
    r = klien.post(url, {"desa": dunia.desa_a.kode, "waktu": _waktu(), "luka_berat": "-3"})
    assert "Angka dampak tidak boleh kurang dari nol." in r.content.decode()
    r = klien.post(url, {"desa": dunia.desa_a.kode, "waktu": _waktu(), "meninggal": "11"})
    assert "melebihi jumlah penduduk" in r.content.decode()
    assert not PenilaianDampak.objects.exists()
    r = klien.post(
        url, {"desa": dunia.desa_a.kode, "waktu": _waktu(), "meninggal": "1", "mengungsi": "7"}
    )
    assert r.status_code == 302 and PenilaianDampak.objects.get().mengungsi == 7


def test_ubah_kronologi_ditolak_dan_diarahkan_ke_koreksi(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    e = k.kronologi.get()
    klien = dunia.klien(dunia.pld_a)
    r = klien.post(
        reverse("bencana:kronologi-ubah", args=[k.pk, e.pk]), {"isi": "diubah"}, follow=True
    )
    teks = r.content.decode()
    assert "tidak dapat diubah atau dihapus" in teks
    assert "Koreksi entri kronologi" in teks
    r = klien.post(
        reverse("bencana:kronologi-tambah", args=[k.pk]),
        {"waktu": _waktu(0), "isi": "Ralat: tinggi air 1 m", "mengoreksi": e.pk},
    )
    assert r.status_code == 302
    assert Kronologi.objects.get(pk=e.pk).isi.startswith("Laporan cepat")
    assert Kronologi.objects.filter(mengoreksi=e).count() == 1


def test_status_lewat_halaman(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien = dunia.klien(dunia.pld_a)
    url = reverse("bencana:kejadian-status", args=[k.pk])
    r = klien.post(url, {"ke": "pemulihan"})
    assert r.status_code == 200  # not an allowed move from "dilaporkan"
    r = klien.post(url, {"ke": "tanggap_darurat", "catatan": "BPBD di lokasi"})
    assert r.status_code == 302
    k.refresh_from_db()
    assert k.status == "tanggap_darurat"


def test_bukti_hanya_lewat_tampilan_berlingkup(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a, foto=foto_png())
    b = k.bukti.get()
    url = reverse("bencana:bukti-unduh", args=[b.pk])
    r = dunia.klien(dunia.pld_a).get(url)
    assert r.status_code == 200 and r["Content-Type"] == "image/png"
    assert dunia.klien(dunia.pld_b).get(url).status_code == 404
    with pytest.raises(ValueError):
        b.berkas.url  # no public URL exists


# ------------------------------------------------------------------------------ reports
def test_laporan_cetak_dan_pdf(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a, foto=foto_png())
    dampak(k, dunia.desa_a, dunia.pld_a, meninggal=3, mengungsi=120)
    services.koordinasi_catat(
        kejadian=k,
        oleh=dunia.pld_a,
        waktu=timezone.now(),
        instansi="bpbd",
        kontak="Pak Joko",
        permintaan="Perahu karet",
    )
    klien = dunia.klien(dunia.pengawas)
    html = klien.get(reverse("bencana:laporan-cetak", args=[k.pk])).content.decode()
    sha = k.bukti.get().sha256
    for harap in [k.kode, "Kronologi", "Perahu karet", sha, "Mengungsi (jiwa)"]:
        assert harap in html
    r = klien.get(reverse("bencana:laporan-pdf", args=[k.pk]))
    assert r["Content-Type"] == "application/pdf"
    teks = "".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert k.kode in teks and "Perahu karet" in teks and sha[:16] in teks.replace("\n", "")


def test_versi_laporan_baru(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien = dunia.klien(dunia.pld_a)
    services.kejadian_ubah_status(kejadian=k, ke="tanggap_darurat", oleh=dunia.pld_a)
    url = reverse("bencana:laporan-kirim", args=[k.pk])
    assert "Status menjadi Tanggap darurat" in klien.get(url).content.decode()
    r = klien.post(url, {"pemicu": "Status menjadi tanggap darurat"})
    assert r.status_code == 302
    assert list(k.laporan.values_list("nomor", flat=True)) == [1, 2]


def test_pd_kecamatan_lain_tidak_melihat(dunia):
    pd_lain = pendamping_di(wilayah_rantai("33.01.02").kode, Jabatan.PD, jenis="supervisi")
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    assert (
        dunia.klien(pd_lain).get(reverse("bencana:kejadian-detail", args=[k.pk])).status_code == 404
    )
