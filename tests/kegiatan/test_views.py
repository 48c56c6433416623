import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pendampingan.kegiatan import services
from pendampingan.models import (
    Kegiatan,
    LembagaDesa,
    Prinsip,
    StatusKegiatan,
    StatusTindakLanjut,
    TindakLanjut,
)
from tests.factories import KegiatanFactory, TindakLanjutFactory

from .factories import asistensi_lembaga, data_kegiatan, prinsip_lengkap, unggah_jpeg, unggah_palsu

pytestmark = pytest.mark.django_db


def _post_data(dunia, **ubah):
    hari = timezone.localdate()
    data = {
        "tanggal": hari.isoformat(),
        "jam_mulai": "09:00",
        "jam_selesai": "11:30",
        "wilayah": dunia.desa_a.kode,
        "tata_cara": "asistensi",
        "judul": "Asistensi BPD",
        "uraian": "Membahas rancangan Perdes.",
        "peserta_laki": "3",
        "peserta_perempuan": "2",
        "asistensi-jenis_sasaran": "lembaga",
        "asistensi-lembaga": str(LembagaDesa.objects.get(kode="bpd").pk),
        "asistensi-bidang": "",
    }
    from pendampingan.models import BidangPendampingan

    data["asistensi-bidang"] = str(BidangPendampingan.objects.get(kode="perencanaan").pk)
    for p in Prinsip.objects.all():
        data[f"p-prinsip_{p.kode}"] = "dijunjung"
    data.update(ubah)
    return data


def test_form_baru_punya_nilai_awal(dunia):
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, tata_cara="pengarahan")
    resp = dunia.klien(dunia.pld_a).get(reverse("pendampingan:kegiatan-buat"))
    assert resp.status_code == 200
    form = resp.context["form"]
    assert form.initial["tanggal"] == timezone.localdate()
    assert form.initial["tata_cara"] == "pengarahan"
    html = resp.content.decode()
    assert 'capture="environment"' in html and 'accept="image/*"' in html
    assert f'value="{dunia.desa_a.kode}" selected' in html  # the only place, preselected


def test_buat_dan_ajukan_dengan_foto(dunia):
    klien = dunia.klien(dunia.pld_a)
    data = _post_data(dunia, ajukan="1", foto=[unggah_jpeg()])
    resp = klien.post(reverse("pendampingan:kegiatan-buat"), data)
    k = Kegiatan.objects.get()
    assert resp.status_code == 302 and resp["Location"] == reverse(
        "pendampingan:kegiatan-detail", args=[k.pk]
    )
    assert k.status == StatusKegiatan.DIAJUKAN and k.foto.count() == 1
    assert k.penilaian_prinsip.count() == 5


def test_foto_palsu_isian_tetap_tersimpan_dan_dikabari(dunia):
    klien = dunia.klien(dunia.pld_a)
    data = _post_data(dunia, foto=[unggah_jpeg(), unggah_palsu("kucing.jpg")])
    resp = klien.post(reverse("pendampingan:kegiatan-buat"), data, follow=True)
    k = Kegiatan.objects.get()
    assert k.judul == "Asistensi BPD" and k.foto.count() == 1
    assert resp.redirect_chain[-1][0] == reverse("pendampingan:kegiatan-ubah", args=[k.pk])
    html = resp.content.decode()
    assert "kucing.jpg ditolak" in html and "bukan foto" in html


@pytest.mark.parametrize(
    "ubah,field,pesan",
    [
        ({"tanggal": "2099-01-01"}, "tanggal", "masa depan"),
        ({"jam_selesai": "08:00"}, "jam_selesai", "sesudah jam mulai"),
        ({"peserta_laki": "-2"}, "peserta_laki", "kurang dari nol"),
        ({"wilayah": "33.02.01.2001"}, "wilayah", "di luar wilayah"),
    ],
)
def test_isian_salah_pesan_di_field_dan_isian_tetap(dunia, ubah, field, pesan):
    klien = dunia.klien(dunia.pld_a)
    resp = klien.post(reverse("pendampingan:kegiatan-buat"), _post_data(dunia, **ubah))
    assert resp.status_code == 200
    form = resp.context["form"]
    assert pesan in " ".join(form.errors[field])
    assert 'value="Asistensi BPD"' in resp.content.decode()  # nothing typed is lost
    assert not Kegiatan.objects.exists()


def test_prinsip_tidak_dijunjung_tanpa_catatan(dunia):
    klien = dunia.klien(dunia.pld_a)
    resp = klien.post(
        reverse("pendampingan:kegiatan-buat"),
        _post_data(dunia, **{"p-prinsip_keadilan": "tidak_dijunjung"}),
    )
    assert resp.status_code == 200
    assert "tidak dijunjung" in " ".join(
        resp.context["form_prinsip"].errors["prinsip_keadilan_catatan"]
    )


def test_ubah_ditolak_bila_diverifikasi(dunia):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, status="diverifikasi")
    resp = dunia.klien(dunia.pld_a).get(reverse("pendampingan:kegiatan-ubah", args=[k.pk]))
    assert resp.status_code == 302


def test_detail_menampilkan_tanda_dan_riwayat(dunia):
    k = services.kegiatan_buat(
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
        foto=[unggah_jpeg(waktu=timezone.now() - datetime.timedelta(days=10))],
    ).kegiatan
    resp = dunia.klien(dunia.pd_a).get(reverse("pendampingan:kegiatan-detail", args=[k.pk]))
    html = resp.content.decode()
    assert "jauh dari waktu kegiatan" in html
    assert "Riwayat perubahan" in html and "Alur status" in html


def test_foto_disajikan_hanya_lewat_tampilan_berlingkup(dunia, settings):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    foto = services.foto_tambah(kegiatan=k, berkas=unggah_jpeg(), user=dunia.pld_a.user)
    assert str(settings.MEDIA_ROOT) not in foto.berkas.path
    url = reverse("pendampingan:kegiatan-foto", args=[foto.pk])
    r = dunia.klien(dunia.pld_a).get(url + "?ukuran=kecil")
    assert r.status_code == 200 and r["Content-Type"] == "image/jpeg"
    assert b"".join(r.streaming_content)[:2] == b"\xff\xd8"
    assert dunia.klien(dunia.pld_b).get(url).status_code == 404
    with pytest.raises(ValueError):
        foto.berkas.url  # noqa: B018 - no public URL exists


def _isi_log(dunia, n, mulai=0):
    hari = timezone.localdate()
    for i in range(mulai, mulai + n):
        k = KegiatanFactory(
            pendamping=dunia.pld_a,
            wilayah=dunia.desa_a,
            tanggal=hari - datetime.timedelta(days=i % 5),
            lintang=-7.7 + i * 0.001,
            bujur=109.0,
        )
        services.foto_tambah(
            kegiatan=k, berkas=unggah_jpeg(warna=(i, 10, 10)), user=dunia.pld_a.user
        )
    Kegiatan.objects.update(status="diajukan")


def _n_dan_3n(dunia, hitung_query, klien, url, *, cek):
    """Query count of ``url`` with 4 entries equals the count with 12 (and stays under a ceiling)."""
    _isi_log(dunia, 4)
    klien.get(url)  # warm per-process caches (content types, permissions)
    kecil = hitung_query(lambda: cek(klien.get(url), 4))
    _isi_log(dunia, 8, mulai=4)
    besar = hitung_query(lambda: cek(klien.get(url), 12))
    assert besar == kecil
    return kecil


def test_log_saya_jumlah_query_tetap(dunia, hitung_query):
    def cek(resp, n):
        assert resp.status_code == 200 and len(resp.context["halaman"]) == n

    url = reverse("pendampingan:kegiatan-list") + "?q=uji"
    assert _n_dan_3n(dunia, hitung_query, dunia.klien(dunia.pld_a), url, cek=cek) <= 14


def test_log_wilayah_dengan_tanda_jumlah_query_tetap(dunia, hitung_query):
    def cek(resp, n):
        assert resp.status_code == 200 and len(resp.context["halaman"]) == n

    url = reverse("pendampingan:kegiatan-list") + "?lingkup=wilayah"
    assert _n_dan_3n(dunia, hitung_query, dunia.klien(dunia.pd_a), url, cek=cek) <= 17


def test_antrean_jumlah_query_tetap(dunia, hitung_query):
    def cek(resp, n):
        assert resp.status_code == 200 and len(resp.context["halaman"]) == n

    url = reverse("pendampingan:kegiatan-antrean")
    assert _n_dan_3n(dunia, hitung_query, dunia.klien(dunia.pd_a), url, cek=cek) <= 17


def test_lini_masa_desa_jumlah_query_tetap(dunia, hitung_query):
    def cek(resp, n):
        assert resp.content.decode().count("Kegiatan uji") == n

    url = reverse("pendampingan:wilayah-detail", args=[dunia.desa_a.kode])
    assert _n_dan_3n(dunia, hitung_query, dunia.klien(dunia.pd_a), url, cek=cek) <= 25


def test_antrean_hanya_bawahan_bukan_milik_sendiri(dunia):
    milik_pd = KegiatanFactory(
        pendamping=dunia.pd_a, wilayah=dunia.desa_a, status="diajukan", judul="Milik PD"
    )
    bawahan = KegiatanFactory(
        pendamping=dunia.pld_a, wilayah=dunia.desa_a, status="diajukan", judul="Milik PLD"
    )
    lain = KegiatanFactory(
        pendamping=dunia.pld_b, wilayah=dunia.desa_b, status="diajukan", judul="Milik PLD B"
    )
    html = dunia.klien(dunia.pd_a).get(reverse("pendampingan:kegiatan-antrean")).content.decode()
    assert bawahan.judul in html and milik_pd.judul not in html and lain.judul not in html


def test_verifikasi_banyak_sekaligus(dunia):
    ks = [
        KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, status="diajukan")
        for _ in range(3)
    ]
    resp = dunia.klien(dunia.pd_a).post(
        reverse("pendampingan:kegiatan-verifikasi-banyak"), {"kegiatan": [k.pk for k in ks]}
    )
    assert resp.status_code == 302
    assert set(Kegiatan.objects.values_list("status", flat=True)) == {"diverifikasi"}


def test_verifikasi_banyak_menolak_yang_bukan_haknya(dunia):
    a = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, status="diajukan")
    b = KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b, status="diajukan")
    dunia.klien(dunia.pd_a).post(
        reverse("pendampingan:kegiatan-verifikasi-banyak"), {"kegiatan": [a.pk, b.pk]}
    )
    assert set(Kegiatan.objects.values_list("status", flat=True)) == {"diajukan"}


def test_kembalikan_butuh_catatan(dunia):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, status="diajukan")
    url = reverse("pendampingan:kegiatan-kembalikan", args=[k.pk])
    resp = dunia.klien(dunia.pd_a).post(url, {"catatan": ""})
    assert resp.status_code == 200 and "perlu diperbaiki" in resp.content.decode()
    resp = dunia.klien(dunia.pd_a).post(url, {"catatan": "Lengkapi foto daftar hadir"})
    k.refresh_from_db()
    assert k.status == "dikembalikan"


def test_tindak_lanjut_saya_dan_tandai_selesai(dunia):
    tl = TindakLanjutFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, judul="Rapat BPD")
    klien = dunia.klien(dunia.pld_a)
    assert "Rapat BPD" in klien.get(reverse("pendampingan:tindaklanjut-list")).content.decode()
    url = reverse("pendampingan:tindaklanjut-selesai", args=[tl.pk])
    klien.post(url, {"status": "selesai", "catatan": "Sudah dilaksanakan 3 Des"})
    tl.refresh_from_db()
    assert tl.status == StatusTindakLanjut.SELESAI
    # the supervisor sees it in their area but cannot close it
    tl2 = TindakLanjutFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, judul="Perdes")
    pd = dunia.klien(dunia.pd_a)
    assert (
        "Perdes"
        in pd.get(reverse("pendampingan:tindaklanjut-list") + "?lingkup=wilayah").content.decode()
    )
    assert pd.get(reverse("pendampingan:tindaklanjut-selesai", args=[tl2.pk])).status_code == 404


def test_tindak_lanjut_terlambat_di_beranda(dunia):
    TindakLanjut.objects.create(
        wilayah=dunia.desa_a,
        pendamping=dunia.pld_a,
        judul="Laporan realisasi",
        penanggung_jawab="Sekdes",
        jatuh_tempo=timezone.localdate() - datetime.timedelta(days=2),
    )
    for p in (dunia.pld_a, dunia.pd_a):
        assert (
            "Laporan realisasi"
            in dunia.klien(p).get(reverse("pendampingan:beranda")).content.decode()
        )
