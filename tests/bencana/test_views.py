"""Pages: the quick report (one POST, or text first and the photo after), lists and the incident
page with fixed query counts, the section forms, the refusal to edit the chronology, the reports;
the hostile uploads on every upload URL, double submissions, stale status moves, 403 inside the
scope."""

import datetime
import io
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pypdf import PdfReader

from bencana import laporan, services
from bencana.forms import BuktiForm, FotoForm, LaporCepatForm
from bencana.models import Bukti, Kejadian, Kronologi, PenilaianDampak, PerubahanStatus
from pendampingan.inti import berkas
from pendampingan.models import Jabatan, StatusUnduhan, Unduhan
from pendampingan.notifikasi.models import Pesan
from tests.factories import pendamping_di, wilayah_rantai
from tests.inti import berkas_jahat

from .factories import dampak, foto_png, jenis, kejadian_di, pdf_kecil

# the upload forms this walk covers (tests/inti/test_unggahan_lengkap.py checks none is missing)
FORM_DIUJI = {LaporCepatForm, BuktiForm, FotoForm}

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
        services.pengungsian_catat(
            kejadian=k,
            desa=dunia.desa_a,
            lokasi=f"Tempat aman {i}",
            jumlah_jiwa=10 + i,
            waktu=timezone.now() - datetime.timedelta(minutes=5),
            dipindahkan_oleh="BPBD",
            oleh=dunia.pld_a,
        )
        laporan.laporan_luar_catat(
            kejadian=k,
            oleh=dunia.pld_a,
            saluran="lisan_telepon",
            penerima_nama=f"Petugas {i}",
            waktu=timezone.now() - datetime.timedelta(minutes=5),
            pemicu="Lewat telepon",
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
    assert "Tempat aman 2" in isi and "Petugas 2" in isi


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
def test_laporan_cetak_dan_pdf(dunia, django_capture_on_commit_callbacks):
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
    url = reverse("bencana:laporan-pdf", args=[k.pk])
    assert klien.get(url).status_code == 405  # nothing is built on a GET
    # the PDF is queued for the download pipeline and built after commit, not in the request
    with django_capture_on_commit_callbacks(execute=True):
        r = klien.post(url)
    u = Unduhan.objects.get()
    assert r.status_code == 302 and r["Location"] == u.get_absolute_url()
    assert u.pengguna == dunia.pengawas.user and u.jenis == "bencana.kronologi"
    u.refresh_from_db()
    assert u.status == StatusUnduhan.SIAP, u.pesan
    r = klien.get(reverse("pendampingan:unduhan-ambil", args=[u.pk]))
    assert r["Content-Type"] == "application/pdf"
    pdf = b"".join(r.streaming_content)
    teks = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert k.kode in teks and "Perahu karet" in teks and sha[:16] in teks.replace("\n", "")
    assert u.nama_berkas == f"kronologi-{k.kode}.pdf"
    # the file is its owner's only; the incident's other users do not reach it
    assert (
        dunia.klien(dunia.pld_a).get(reverse("pendampingan:unduhan-ambil", args=[u.pk])).status_code
        == 404
    )
    # outside the scope nothing is queued
    assert dunia.klien(dunia.pld_b).post(url).status_code == 404
    assert Unduhan.objects.count() == 1


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


# --------------------------------------------------------------------- hostile uploads
def _berkas_privat() -> set[str]:
    akar = Path(settings.BERKAS_PRIVAT_ROOT)
    return (
        {str(p.relative_to(akar)) for p in akar.rglob("*") if p.is_file()}
        if akar.exists()
        else set()
    )


def _pesan_tolak(kunci, jenis) -> list[str]:
    with pytest.raises(ValidationError) as e:
        berkas.periksa_berkas(berkas_jahat.unggahan(kunci), jenis)
    return e.value.messages


# every upload URL of the app: (name, how to post, the kind it accepts, what must be kept)
URL_UNGGAHAN = ["lapor", "bukti", "foto-susulan"]


@pytest.mark.parametrize("kunci", list(berkas_jahat.BERKAS))
@pytest.mark.parametrize("tempat", URL_UNGGAHAN)
def test_berkas_jahat_ditolak_di_setiap_url_unggahan(dunia, tempat, kunci):
    """The five hostile files on every upload URL: a message in Indonesian on the field, never a
    500, nothing stored, the rest of the form kept."""
    klien = dunia.klien(dunia.pld_a)
    k = None if tempat == "lapor" else kejadian_di(dunia.desa_a, dunia.pld_a)
    n_kejadian, n_bukti, n_pesan = (
        Kejadian.objects.count(),
        Bukti.objects.count(),
        Pesan.objects.count(),
    )
    sebelum = _berkas_privat()
    unggahan = berkas_jahat.unggahan(kunci)
    if tempat == "lapor":
        data = _data_lapor(dunia, ringkasan="Longsor menutup jalan desa", foto=unggahan)
        r = klien.post(reverse("bencana:kejadian-lapor"), data)
        harap, teks = _pesan_tolak(kunci, berkas.FOTO), r.content.decode()
        assert r.status_code == 200
        assert 'value="Longsor menutup jalan desa"' in teks  # the rest of the form is kept
    elif tempat == "bukti":
        r = klien.post(
            reverse("bencana:bukti-tambah", args=[k.pk]),
            {"berkas": unggahan, "keterangan": "Foto jembatan putus"},
        )
        harap, teks = _pesan_tolak(kunci, berkas.FOTO_ATAU_DOKUMEN), r.content.decode()
        assert r.status_code == 200
        assert 'value="Foto jembatan putus"' in teks
    else:
        r = klien.post(
            reverse("bencana:bukti-tambah", args=[k.pk]),
            {"berkas": unggahan, "kunci_sekali": str(uuid.uuid4())},
            headers={"X-Foto-Susulan": "1"},
        )
        harap, teks = _pesan_tolak(kunci, berkas.FOTO), r.json()["galat"]
        assert r.status_code == 400
    for m in harap:
        assert (escape(m) if tempat != "foto-susulan" else m) in teks, (m, teks[:500])
    assert Kejadian.objects.count() == n_kejadian and Bukti.objects.count() == n_bukti
    assert Pesan.objects.count() == n_pesan
    assert _berkas_privat() == sebelum


def test_bukti_disimpan_di_penyimpanan_privat_dari_isi_yang_diperiksa(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien = dunia.klien(dunia.pld_a)
    foto = foto_png(nama="foto-banjir.html")  # a PNG with a misleading name
    r = klien.post(reverse("bencana:bukti-tambah", args=[k.pk]), {"berkas": foto})
    assert r.status_code == 302
    b = Bukti.objects.get()
    assert b.berkas.name.endswith(".png") and b.tipe_mime == "image/png"
    assert (Path(settings.BERKAS_PRIVAT_ROOT) / b.berkas.name).is_file()
    assert not (Path(settings.MEDIA_ROOT) / b.berkas.name).exists()
    r = klien.get(reverse("bencana:bukti-unduh", args=[b.pk]))
    assert r["X-Content-Type-Options"] == "nosniff"
    assert 'filename="foto-banjir.png"' in r["Content-Disposition"]
    assert r["Content-Disposition"].startswith("inline")  # a photo is shown in the page
    d = services.bukti_tambah(kejadian=k, berkas=pdf_kecil(), oleh=dunia.pld_a)
    r = klien.get(reverse("bencana:bukti-unduh", args=[d.pk]))
    assert r["Content-Type"] == "application/pdf" and r["Content-Disposition"].startswith(
        "attachment"
    )


# --------------------------------------------------------------------- double submission
def test_lapor_cepat_klik_ganda_satu_kejadian_satu_set_pemberitahuan(
    dunia, django_capture_on_commit_callbacks
):
    klien = dunia.klien(dunia.pld_a)
    halaman = klien.get(reverse("bencana:kejadian-lapor"))
    kunci = halaman.context["form"].initial["kunci_sekali"]
    assert f'value="{kunci}"' in halaman.content.decode()
    data = _data_lapor(dunia, kunci_sekali=str(kunci))
    with django_capture_on_commit_callbacks(execute=True):
        pertama = klien.post(reverse("bencana:kejadian-lapor"), data)
    k = Kejadian.objects.get()
    n_pesan = Pesan.objects.count()
    assert n_pesan > 0
    with django_capture_on_commit_callbacks(execute=True):
        kedua = klien.post(reverse("bencana:kejadian-lapor"), data, follow=True)
    assert pertama["Location"] == kedua.redirect_chain[0][0] == k.get_absolute_url()
    assert "sudah tersimpan sebelumnya" in kedua.content.decode()
    assert Kejadian.objects.count() == 1 and k.laporan.count() == 1
    assert Pesan.objects.count() == n_pesan
    # the script's path: the resend answers with the first incident, not a new one
    r = klien.post(reverse("bencana:kejadian-lapor"), data, headers={"X-Lapor-Cepat": "1"})
    assert r.status_code == 200 and r.json()["kode"] == k.kode
    assert Kejadian.objects.count() == 1 and Pesan.objects.count() == n_pesan


def test_foto_susulan_dikirim_ulang_tersimpan_sekali(dunia):
    klien = dunia.klien(dunia.pld_a)
    kunci = str(uuid.uuid4())
    r = klien.post(
        reverse("bencana:kejadian-lapor"),
        _data_lapor(dunia, kunci_sekali=kunci),
        headers={"X-Lapor-Cepat": "1"},
    )
    j = r.json()
    assert j["foto_kunci"] == str(services.foto_kunci(uuid.UUID(kunci)))
    for harap in (201, 200):
        r = klien.post(
            j["foto_url"],
            {"berkas": foto_png(), "kunci_sekali": j["foto_kunci"]},
            headers={"X-Foto-Susulan": "1"},
        )
        assert r.status_code == harap and len(r.json()["sha256"]) == 64
    assert Bukti.objects.count() == 1


@pytest.mark.parametrize(
    "nama,data,relasi",
    [
        ("bencana:kronologi-tambah", {"waktu": "__w", "isi": "Air mulai surut"}, "kronologi"),
        ("bencana:desa-tambah", {"desa": "33.01.01.2002"}, "desa_terdampak"),
        ("bencana:dampak-tambah", {"desa": "__desa", "waktu": "__w", "mengungsi": "9"}, "dampak"),
        (
            "bencana:koordinasi-tambah",
            {"waktu": "__w", "instansi": "tni", "kontak": "Danramil", "permintaan": "Evakuasi"},
            "koordinasi",
        ),
        ("bencana:tokoh-tambah", {"nama": "Ustaz", "unsur": "agama", "peran": "x"}, "tokoh"),
        (
            "bencana:bantuan-tambah",
            {"wilayah": "__desa", "tanggal": "__t", "dari": "Baznas", "wujud": "Selimut"},
            "bantuan",
        ),
        ("bencana:laporan-kirim", {"pemicu": "Status tanggap darurat"}, "laporan"),
    ],
)
def test_formulir_dikirim_dua_kali_satu_catatan(dunia, nama, data, relasi):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    ganti = {"__w": _waktu(), "__desa": dunia.desa_a.kode, "__t": timezone.localdate().isoformat()}
    data = {kk: ganti.get(v, v) for kk, v in data.items()}
    klien = dunia.klien(dunia.pld_a)
    url = reverse(nama, args=[k.pk])
    kunci = klien.get(url).context["form"].initial["kunci_sekali"]
    data["kunci_sekali"] = str(kunci)
    sebelum = getattr(k, relasi).count()
    n_pesan = Pesan.objects.count()
    assert klien.post(url, data).status_code == 302
    setelah_pertama = Pesan.objects.count()
    r = klien.post(url, data, follow=True)
    assert "sudah tersimpan sebelumnya" in r.content.decode()
    assert getattr(k, relasi).count() == sebelum + 1
    assert Pesan.objects.count() == setelah_pertama
    if relasi == "laporan":
        assert setelah_pertama > n_pesan  # one new version, one set of messages


# ------------------------------------------------------------------------ status moves
def test_status_usang_diberi_tahu_siapa_yang_mengubah(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    url = reverse("bencana:kejadian-status", args=[k.pk])
    detail = dunia.klien(dunia.pld_a).get(k.get_absolute_url()).content.decode()
    assert 'name="dari" value="dilaporkan"' in detail
    r = dunia.klien(dunia.pd_a).post(url, {"ke": "selesai", "dari": "dilaporkan"})
    assert r.status_code == 302
    r = dunia.klien(dunia.pld_a).post(url, {"ke": "tanggap_darurat", "dari": "dilaporkan"})
    teks = r.content.decode()
    assert r.status_code == 200 and "sudah diubah menjadi Selesai oleh" in teks
    assert dunia.pd_a.user.username in teks
    assert PerubahanStatus.objects.filter(kejadian=k).count() == 1


def test_menutup_tanpa_hak_403_di_dalam_lingkup(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    services.desa_terdampak_tambah(kejadian=k, desa=dunia.desa_b, oleh=dunia.pld_a)
    klien = dunia.klien(dunia.pld_b)
    halaman = klien.get(k.get_absolute_url()).content.decode()
    assert 'value="tanggap_darurat"' in halaman and 'value="selesai"' not in halaman
    r = klien.post(
        reverse("bencana:kejadian-status", args=[k.pk]), {"ke": "selesai", "dari": "dilaporkan"}
    )
    assert r.status_code == 403 and "pelapor atau pengawas" in r.content.decode()
    k.refresh_from_db()
    assert k.status == "dilaporkan"
    # a closed incident takes no new impact snapshot, from anybody: 403 with the reason
    services.kejadian_ubah_status(kejadian=k, ke="selesai", oleh=dunia.pld_a)
    r = dunia.klien(dunia.pld_a).post(
        reverse("bencana:dampak-tambah", args=[k.pk]),
        {"desa": dunia.desa_a.kode, "waktu": _waktu(), "mengungsi": "3"},
    )
    assert r.status_code == 403 and "sudah selesai" in r.content.decode()


def test_mitigasi_dikirim_dua_kali_satu_tindak_lanjut(dunia):
    from pendampingan.models import TindakLanjut

    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    klien = dunia.klien(dunia.pld_a)
    url = reverse("bencana:mitigasi-tambah", args=[k.pk])
    kunci = klien.get(url).context["form"].initial["kunci_sekali"]
    data = {
        "wilayah": dunia.desa_a.kode,
        "judul": "Tanggul darurat",
        "mitra": "BPBD",
        "jatuh_tempo": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        "kunci_sekali": str(kunci),
    }
    assert klien.post(url, data).status_code == 302
    r = klien.post(url, data, follow=True)
    assert "sudah tersimpan sebelumnya" in r.content.decode()
    assert r.redirect_chain[-1][0] == k.get_absolute_url()
    assert TindakLanjut.objects.filter(judul="Tanggul darurat").count() == 1
