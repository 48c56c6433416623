"""Pages: my cases, case page, moves through the views (a stale page is told who moved the case),
the one-time key on every create form, 403 inside the scope, the private document download, BUM
Desa register; query counts."""

import datetime

import pytest
from django.urls import reverse

from fasilitasi import services
from fasilitasi.models import BumDesa, DokumenFasilitasi, Fasilitasi, JenisPeristiwa
from pendampingan.models import TataCara
from tests.factories import KegiatanFactory, wilayah_rantai

from .factories import berkas_pdf, buka_kasus, lampirkan_wajib, templat

pytestmark = pytest.mark.django_db
TAHUN = datetime.date.today().year


def test_buka_kasus_lewat_form(dunia):
    c = dunia.klien(dunia.pd_a)
    url = reverse("fasilitasi:kasus-buat")
    assert c.get(url).status_code == 200
    r = c.post(
        url,
        {
            "wilayah": dunia.desa_a.kode,
            "templat": templat().pk,
            "tahun": TAHUN + 50,
            "penanggung_jawab": dunia.pld_a.pk,
        },
    )
    assert r.status_code == 200
    assert "jauh di luar periode APB Desa" in r.content.decode()
    r = c.post(
        url,
        {
            "wilayah": dunia.desa_a.kode,
            "templat": templat().pk,
            "tahun": TAHUN,
            "penanggung_jawab": dunia.pld_a.pk,
        },
    )
    kasus = Fasilitasi.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse(
        "fasilitasi:kasus-detail", args=[kasus.pk]
    )


def test_halaman_kasus_dan_perpindahan(dunia):
    kasus = buka_kasus(dunia)
    c = dunia.klien(dunia.pld_a)
    url = reverse("fasilitasi:kasus-detail", args=[kasus.pk])
    html = c.get(url).content.decode()
    assert "Dokumen wajib yang belum dilampirkan" in html
    r = c.post(reverse("fasilitasi:kasus-maju", args=[kasus.pk]), follow=True)
    assert "belum dilampirkan: Rancangan Perdes APB Desa" in r.content.decode()
    c.post(
        reverse("fasilitasi:kasus-dokumen", args=[kasus.pk]),
        {"nama": "Rancangan Perdes APB Desa", "berkas": berkas_pdf()},
    )
    kegiatan = KegiatanFactory(
        pendamping=dunia.pld_a, wilayah=dunia.desa_a, tata_cara=TataCara.FASILITASI
    )
    r = c.post(
        reverse("fasilitasi:kasus-maju", args=[kasus.pk]),
        {"catatan": "Siap dibahas", "kegiatan": kegiatan.pk},
        follow=True,
    )
    assert (
        "Kasus pindah ke tahap «Pembahasan dan kesepakatan bersama dengan BPD»"
        in r.content.decode()
    )
    html = r.content.decode()
    assert kegiatan.judul in html and "Siap dibahas" in html
    dok = kasus.dokumen.get()
    unduh = c.get(reverse("fasilitasi:dokumen-unduh", args=[dok.pk]))
    assert unduh.status_code == 200 and unduh["Content-Type"] == "application/pdf"
    # desa timeline shows the stage move
    desa = c.get(reverse("pendampingan:wilayah-detail", args=[dunia.desa_a.kode])).content.decode()
    assert "maju ke «Pembahasan dan kesepakatan bersama dengan BPD»" in desa


def test_pengawas_melihat_tanpa_tombol_ubah(dunia):
    kasus = buka_kasus(dunia)
    c = dunia.klien(dunia.pengawas)
    html = c.get(reverse("fasilitasi:kasus-detail", args=[kasus.pk])).content.decode()
    assert "Pindahkan tahap" not in html
    assert c.post(reverse("fasilitasi:kasus-maju", args=[kasus.pk])).status_code == 403


def _banyak_kasus(dunia, n, mulai):
    for i in range(n):
        desa = wilayah_rantai(f"33.01.01.{mulai + i}", f"Desa Q {mulai + i}")
        buka_kasus(dunia, desa=desa, oleh=dunia.pd_a, pj=dunia.pd_a)


@pytest.mark.parametrize("nama", ["fasilitasi:kasus-saya", "fasilitasi:kasus-list"])
def test_jumlah_query_daftar_kasus(dunia, nama, django_assert_max_num_queries):
    c = dunia.klien(dunia.pd_a)
    url = reverse(nama)
    _banyak_kasus(dunia, 3, 2100)
    with django_assert_max_num_queries(30) as ctx:
        assert c.get(url).status_code == 200
    n = len(ctx.captured_queries)
    _banyak_kasus(dunia, 9, 2200)
    with django_assert_max_num_queries(n):
        r = c.get(url)
    assert r.content.decode().count("Desa Q") >= 12


def test_jumlah_query_halaman_kasus(dunia, django_assert_max_num_queries):
    kasus = buka_kasus(dunia)
    c = dunia.klien(dunia.pld_a)
    url = reverse("fasilitasi:kasus-detail", args=[kasus.pk])
    services.fasilitasi_catat_kegiatan(
        kasus=kasus,
        user=dunia.pld_a.user,
        kegiatan=KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a),
    )
    with django_assert_max_num_queries(40) as ctx:
        c.get(url)
    n = len(ctx.captured_queries)
    for i in range(3):
        services.dokumen_lampirkan(
            kasus=kasus,
            user=dunia.pld_a.user,
            nama=f"Lain {i}",
            berkas=berkas_pdf(isi=str(i).encode()),
        )
        services.fasilitasi_catat_kegiatan(
            kasus=kasus,
            user=dunia.pld_a.user,
            kegiatan=KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a),
        )
    with django_assert_max_num_queries(n):
        c.get(url)


def test_bumdes_register_dan_laporan(dunia):
    c = dunia.klien(dunia.pld_a)
    r = c.post(
        reverse("fasilitasi:bumdes-buat"),
        {
            "wilayah": dunia.desa_a.kode,
            "nama": "BUM Desa Maju Bersama",
            "jenis": "bersama",
            "status_badan_hukum": "belum",
            "aktif": "on",
        },
    )
    assert "dua desa atau lebih" in r.content.decode()
    r = c.post(
        reverse("fasilitasi:bumdes-buat"),
        {
            "wilayah": dunia.desa_a.kode,
            "nama": "BUM Desa Maju Bersama",
            "jenis": "bersama",
            "status_badan_hukum": "badan_hukum",
            "nomor_registrasi": "AHU-0001.AH.01.33.2024",
            "anggota": dunia.desa_a2.kode,
            "tahun_berdiri": "2021",
            "aktif": "on",
        },
    )
    b = BumDesa.objects.get()
    assert r.status_code == 302
    assert list(b.desa_anggota.values_list("kode", flat=True)) == [dunia.desa_a2.kode]
    for tahun, omzet, laba in [(2023, 100_000_000, 5_000_000), (2024, 150_000_000, 9_000_000)]:
        c.post(
            reverse("fasilitasi:bumdes-laporan", args=[b.pk]),
            {
                "laporan-tahun": tahun,
                "laporan-omzet": omzet,
                "laporan-laba": laba,
                "laporan-kontribusi_pades": 1_000_000,
                "laporan-aset": 0,
                "laporan-jumlah_anggota": 0,
                "laporan-jumlah_pekerja": 4,
            },
        )
    r = c.post(
        reverse("fasilitasi:bumdes-laporan", args=[b.pk]),
        {
            "laporan-tahun": 2019,
            "laporan-omzet": 1,
            "laporan-laba": 0,
            "laporan-kontribusi_pades": 0,
            "laporan-aset": 0,
            "laporan-jumlah_anggota": 0,
            "laporan-jumlah_pekerja": 0,
        },
        follow=True,
    )
    assert "baru berdiri tahun 2021" in r.content.decode()
    c.post(
        reverse("fasilitasi:bumdes-unit", args=[b.pk]),
        {"unit-nama": "Pengelolaan air bersih", "unit-aktif": "on"},
    )
    c.post(
        reverse("fasilitasi:bumdes-pengurus", args=[b.pk]),
        {"pengurus-nama": "Siti Aminah", "pengurus-jabatan": "direktur"},
    )
    kasus = services.fasilitasi_buka(
        user=dunia.pld_a.user,
        wilayah=dunia.desa_a,
        templat=templat("pengembangan-bumdes"),
        tahun=TAHUN,
        penanggung_jawab=dunia.pld_a,
        bumdes=b,
    )
    html = c.get(reverse("fasilitasi:bumdes-detail", args=[b.pk])).content.decode()
    assert "150.000.000" in html or "150,000,000" in html
    assert "+50" in html  # year-on-year change of turnover
    assert "Pengelolaan air bersih" in html and "Siti Aminah" in html
    assert kasus.judul in html
    assert c.get(reverse("fasilitasi:bumdes-ubah", args=[b.pk])).status_code == 200
    assert (
        dunia.klien(dunia.pengawas).get(reverse("fasilitasi:bumdes-ubah", args=[b.pk])).status_code
        == 403
    )


def test_jumlah_query_bumdes_list(dunia, django_assert_max_num_queries):
    c = dunia.klien(dunia.pld_a)

    def buat(n, awal):
        for i in range(n):
            services.bumdes_simpan(
                user=dunia.pld_a.user,
                data={"wilayah": dunia.desa_a, "nama": f"BUMDes {awal + i}", "jenis": "bumdes"},
            )

    buat(3, 0)
    with django_assert_max_num_queries(30) as ctx:
        c.get(reverse("fasilitasi:bumdes-list"))
    buat(9, 10)
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        assert c.get(reverse("fasilitasi:bumdes-list")).content.decode().count("BUMDes ") >= 12


# ------------------------------------------------------------- one-time keys (double POST)
def _kunci(resp, nama="form"):
    return str(resp.context[nama]["kunci_sekali"].value())


def test_buka_kasus_dikirim_dua_kali_satu_kasus(dunia):
    c = dunia.klien(dunia.pd_a)
    url = reverse("fasilitasi:kasus-buat")
    data = {
        "wilayah": dunia.desa_a.kode,
        "templat": templat().pk,
        "tahun": TAHUN,
        "penanggung_jawab": dunia.pld_a.pk,
        "kunci_sekali": _kunci(c.get(url)),
    }
    r1 = c.post(url, data)
    r2 = c.post(url, data, follow=True)
    kasus = Fasilitasi.objects.get()
    assert r1["Location"] == kasus.get_absolute_url()
    assert r2.redirect_chain[-1][0] == kasus.get_absolute_url()
    assert "dikirim dua kali" in r2.content.decode()
    assert kasus.peristiwa.count() == 1 and kasus.tahap.count() == 7


def test_unggah_dokumen_dikirim_dua_kali_satu_dokumen(dunia):
    kasus = buka_kasus(dunia)
    c = dunia.klien(dunia.pld_a)
    halaman = c.get(reverse("fasilitasi:kasus-detail", args=[kasus.pk]))
    url = reverse("fasilitasi:kasus-dokumen", args=[kasus.pk])
    data = {
        "nama": "Rancangan Perdes APB Desa",
        "kunci_sekali": _kunci(halaman, "form_dokumen"),
        "dari_tahap": kasus.tahap_kini_id,
    }
    assert c.post(url, {**data, "berkas": berkas_pdf()}).status_code == 302
    r = c.post(url, {**data, "berkas": berkas_pdf()}, follow=True)
    assert "dikirim dua kali" in r.content.decode()
    assert DokumenFasilitasi.objects.count() == 1


def test_bumdes_dan_isinya_dikirim_dua_kali_satu_baris(dunia):
    c = dunia.klien(dunia.pld_a)
    url = reverse("fasilitasi:bumdes-buat")
    data = {
        "wilayah": dunia.desa_a.kode,
        "nama": "BUM Desa Sekali",
        "jenis": "bumdes",
        "status_badan_hukum": "belum",
        "aktif": "on",
        "kunci_sekali": _kunci(c.get(url)),
    }
    c.post(url, data)
    r = c.post(url, data, follow=True)
    b = BumDesa.objects.get()
    assert r.redirect_chain[-1][0] == b.get_absolute_url()
    halaman = c.get(b.get_absolute_url())
    for nama, url, isi in [
        ("unit", "fasilitasi:bumdes-unit", {"nama": "Air bersih", "aktif": "on"}),
        ("pengurus", "fasilitasi:bumdes-pengurus", {"nama": "Siti", "jabatan": "direktur"}),
        ("laporan", "fasilitasi:bumdes-laporan", {"tahun": 2024, "omzet": 10, "laba": 1}),
    ]:
        data = {f"{nama}-{k}": v for k, v in isi.items()}
        data[f"{nama}-kunci_sekali"] = _kunci(halaman, f"form_{nama}")
        if nama == "laporan":
            data.update({f"laporan-{k}": 0 for k in ("kontribusi_pades", "aset")})
            data.update({f"laporan-{k}": 0 for k in ("jumlah_anggota", "jumlah_pekerja")})
        c.post(reverse(url, args=[b.pk]), data)
        r = c.post(reverse(url, args=[b.pk]), data, follow=True)
        assert "dikirim dua kali" in r.content.decode(), nama
    assert (b.unit_usaha.count(), b.pengurus.count(), b.laporan.count()) == (1, 1, 1)


# ------------------------------------------------------- a move from a page that is stale
def _nama(p):
    return p.user.get_full_name() or p.user.get_username()


def test_maju_dari_halaman_lama_diberi_tahu_siapa_yang_memindah(dunia):
    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    c = dunia.klien(dunia.pld_a)
    halaman = c.get(reverse("fasilitasi:kasus-detail", args=[kasus.pk]))
    dari = halaman.context["form_maju"]["dari_tahap"].value()
    assert dari == kasus.tahap_kini_id
    assert f'name="dari_tahap" value="{dari}"' in halaman.content.decode()
    services.fasilitasi_maju(kasus=kasus, user=dunia.pd_a.user, dari_tahap=dari)
    r = c.post(reverse("fasilitasi:kasus-maju", args=[kasus.pk]), {"dari_tahap": dari}, follow=True)
    html = r.content.decode()
    assert r.status_code == 200
    assert "sudah dipindah ke tahap «Pembahasan dan kesepakatan bersama dengan BPD»" in html
    assert f"oleh {_nama(dunia.pd_a)}" in html
    assert kasus.peristiwa.filter(jenis=JenisPeristiwa.MAJU).count() == 1
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 2


def test_maju_diklik_dua_kali_satu_tahap(dunia):
    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    c = dunia.klien(dunia.pld_a)
    url = reverse("fasilitasi:kasus-maju", args=[kasus.pk])
    c.post(url, {"dari_tahap": kasus.tahap_kini_id})
    r = c.post(url, {"dari_tahap": kasus.tahap_kini_id}, follow=True)
    assert "Kasus pindah ke tahap «Pembahasan" in r.content.decode()
    assert kasus.peristiwa.filter(jenis=JenisPeristiwa.MAJU).count() == 1
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 2


def test_ubah_status_dari_halaman_lama_ditolak(dunia):
    kasus = buka_kasus(dunia)
    c = dunia.klien(dunia.pld_a)
    halaman = c.get(reverse("fasilitasi:kasus-detail", args=[kasus.pk]))
    assert halaman.context["form_status"]["dari"].value() == "berjalan"
    services.fasilitasi_ubah_status(
        kasus=kasus, user=dunia.pd_a.user, status="ditunda", catatan="Kades cuti", dari="berjalan"
    )
    r = c.post(
        reverse("fasilitasi:kasus-status", args=[kasus.pk]),
        {"dari": "berjalan", "status": "dibatalkan", "catatan": "Salah desa"},
        follow=True,
    )
    html = r.content.decode()
    assert f"Status sudah diubah menjadi Ditunda oleh {_nama(dunia.pd_a)}" in html
    kasus.refresh_from_db()
    assert kasus.status == "ditunda"
    assert kasus.peristiwa.filter(jenis=JenisPeristiwa.STATUS).count() == 1
    ev = kasus.peristiwa.get(jenis=JenisPeristiwa.STATUS)
    assert (ev.dari, ev.ke, ev.oleh) == ("berjalan", "ditunda", dunia.pd_a.user)


# ----------------------------------------------------------------------- who may change
@pytest.mark.parametrize(
    "nama,data",
    [
        ("fasilitasi:kasus-maju", {}),
        ("fasilitasi:kasus-mundur", {"alasan": "x"}),
        ("fasilitasi:kasus-status", {"status": "ditunda", "catatan": "x"}),
        ("fasilitasi:kasus-dokumen", {"nama": "Rancangan Perdes APB Desa"}),
    ],
)
def test_pengawas_melihat_tetapi_tidak_mengubah_403(dunia, nama, data):
    kasus = buka_kasus(dunia)
    c = dunia.klien(dunia.pengawas)
    if nama.endswith("dokumen"):
        data = {**data, "berkas": berkas_pdf()}
    r = c.post(reverse(nama, args=[kasus.pk]), data)
    assert r.status_code == 403
    assert "tidak berwenang" in r.content.decode()
    assert kasus.peristiwa.count() == 1 and not DokumenFasilitasi.objects.exists()


def test_dokumen_diunduh_dari_penyimpanan_privat(dunia, settings):
    kasus = buka_kasus(dunia)
    dok = services.dokumen_lampirkan(
        kasus=kasus, user=dunia.pld_a.user, nama="Rancangan Perdes APB Desa", berkas=berkas_pdf()
    )
    berkas = settings.BERKAS_PRIVAT_ROOT / dok.berkas.name
    assert berkas.exists() and not (settings.MEDIA_ROOT / dok.berkas.name).exists()
    with pytest.raises(ValueError):
        dok.berkas.url  # no public URL
    r = dunia.klien(dunia.pld_a).get(reverse("fasilitasi:dokumen-unduh", args=[dok.pk]))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf" and r["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in r["Content-Disposition"] and "dokumen.pdf" in r["Content-Disposition"]
    assert b"".join(r.streaming_content) == berkas.read_bytes()
    berkas.unlink()
    assert dunia.klien(dunia.pld_a).get(r.request["PATH_INFO"]).status_code == 404
