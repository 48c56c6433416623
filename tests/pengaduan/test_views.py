"""Internal pages: the protections matrix, actions through the views, lists with their filters and
query counts, the board, the desa timeline and the dashboard panel."""

import datetime
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pendampingan import registry
from pengaduan import selectors, services
from pengaduan.models import Pengaduan, Saluran, StatusPengaduan

from .factories import diterima_pada, kategori, pengaduan_buat

pytestmark = pytest.mark.django_db
S = StatusPengaduan
NAMA = "Siti Pelapor"
TELP = "081234567890"


def _ditangani(dunia, p):
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)
    p.refresh_from_db()
    return p


# --------------------------------------------------------------- the protections matrix
@pytest.mark.parametrize("anonim", [True, False])
@pytest.mark.parametrize("rahasia", [True, False])
def test_matriks_perlindungan(dunia, anonim, rahasia):
    p = _ditangani(
        dunia, pengaduan_buat(dunia.desa_a, judul="Judul khusus", anonim=anonim, rahasia=rahasia)
    )
    detail = reverse("pengaduan:detail", args=[p.pk])
    # public status page: never the reporter; the content only when not rahasia
    pub = Client().get(reverse("pengaduan:status"), {"kode": p.kode}).content.decode()
    assert NAMA not in pub and TELP not in pub
    assert ("Judul khusus" in pub) is (not rahasia)
    assert "Jalan di dusun 2" not in pub  # the story itself is never on the public page
    # handler (the PLD): sees the complaint; the reporter only when not anonim
    h = dunia.klien(dunia.pld_a).get(detail)
    assert h.status_code == 200
    assert (NAMA in h.content.decode()) is (not anonim)
    assert (TELP in h.content.decode()) is (not anonim)
    # supervisor: sees the complaint and the reporter
    s = dunia.klien(dunia.pd_a).get(detail).content.decode()
    assert NAMA in s and TELP in s
    s2 = dunia.klien(dunia.pengawas).get(detail).content.decode()
    assert NAMA in s2
    # another facilitator: not found, and not in their list
    assert dunia.klien(dunia.pld_b).get(detail).status_code == 404
    assert (
        "Judul khusus"
        not in dunia.klien(dunia.pld_b).get(reverse("pengaduan:daftar")).content.decode()
    )
    # desa timeline: only when not rahasia
    items = registry.lini_masa_desa(dunia.desa_a, dunia.pld_a.user)
    assert any("Judul khusus" in i.judul for i in items) is (not rahasia)
    assert not registry.lini_masa_desa(dunia.desa_a, dunia.pld_b.user)


def test_tentang_pendamping_404_untuk_teradu(dunia):
    p = pengaduan_buat(dunia.desa_a, kategori_kode="pendampingan", judul="Pendamping jarang datang")
    url = reverse("pengaduan:detail", args=[p.pk])
    assert dunia.klien(dunia.pld_a).get(url).status_code == 404
    assert (
        "Pendamping jarang datang"
        not in dunia.klien(dunia.pld_a).get(reverse("pengaduan:daftar")).content.decode()
    )
    assert dunia.klien(dunia.pd_a).get(url).status_code == 200
    assert not registry.lini_masa_desa(dunia.desa_a, dunia.pd_a.user)  # never on the timeline


# --------------------------------------------------------------- actions through the views
def test_alur_lewat_halaman(dunia):
    p = pengaduan_buat(dunia.desa_a)
    pd, pld = dunia.klien(dunia.pd_a), dunia.klien(dunia.pld_a)
    # a PLD does not get the verification form and cannot post it
    assert (
        "aksi-verifikasi" not in pld.get(reverse("pengaduan:detail", args=[p.pk])).content.decode()
    )
    r = pld.post(reverse("pengaduan:verifikasi", args=[p.pk]), {"keputusan": "diverifikasi"})
    assert r.status_code == 403 and "Hanya pengawas" in r.content.decode()  # visible, not theirs
    r = pd.post(
        reverse("pengaduan:verifikasi", args=[p.pk]), {"keputusan": "ditolak", "alasan": ""}
    )
    assert r.status_code == 400 and "Tuliskan alasannya" in r.content.decode()
    r = pd.post(reverse("pengaduan:verifikasi", args=[p.pk]), {"keputusan": "diverifikasi"})
    assert r.status_code == 302
    r = pd.post(reverse("pengaduan:tugaskan", args=[p.pk]), {"penangan": dunia.pld_b.pk})
    assert r.status_code == 400  # not in the complaint's region
    r = pd.post(reverse("pengaduan:tugaskan", args=[p.pk]), {"penangan": dunia.pld_a.pk})
    assert r.status_code == 302
    url_m = reverse("pengaduan:musyawarah", args=[p.pk])
    assert pld.get(url_m).status_code == 200
    assert dunia.klien(dunia.pld_b).get(url_m).status_code == 404
    r = pld.post(url_m, {"tanggal": "", "tempat": "", "pihak_hadir": ""})
    assert r.status_code == 200 and "Isi tanggal musyawarah" in r.content.decode()
    hari_ini = timezone.localdate()
    r = pld.post(
        url_m,
        {
            "tanggal": hari_ini.isoformat(),
            "tempat": "Balai desa",
            "pihak_hadir": "Kades, BPD, pelapor",
            "kesepakatan": "Perbaikan swakelola",
            "mufakat": "on",
            "tl0_judul": "Tambal jalan",
            "tl0_pj": "TPK",
            "tl0_tempo": (hari_ini + datetime.timedelta(days=10)).isoformat(),
            "tl1_judul": "Setengah diisi",
        },
    )
    assert r.status_code == 200 and "Sebutkan siapa yang melaksanakan" in r.content.decode()
    r = pld.post(
        url_m,
        {
            "tanggal": hari_ini.isoformat(),
            "tempat": "Balai desa",
            "pihak_hadir": "Kades, BPD, pelapor",
            "kesepakatan": "Perbaikan swakelola",
            "mufakat": "on",
            "tl0_judul": "Tambal jalan",
            "tl0_pj": "TPK",
            "tl0_tempo": (hari_ini + datetime.timedelta(days=10)).isoformat(),
        },
    )
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == S.SELESAI
    html = pd.get(reverse("pengaduan:detail", args=[p.pk])).content.decode()
    assert "Tambal jalan" in html and "aksi-tutup" in html
    r = pd.post(reverse("pengaduan:tutup", args=[p.pk]), {"catatan": "Selesai dipantau."})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == S.DITUTUP


def test_balas_rujuk_buka_kembali_lewat_halaman(dunia):
    p = _ditangani(dunia, pengaduan_buat(dunia.desa_a))
    pld, pd = dunia.klien(dunia.pld_a), dunia.klien(dunia.pd_a)
    r = pld.post(reverse("pengaduan:balas", args=[p.pk]), {"isi": "", "publik": "on"})
    assert r.status_code == 400 and "Tuliskan balasannya" in r.content.decode()
    assert (
        pld.post(
            reverse("pengaduan:balas", args=[p.pk]), {"isi": "Sedang dicek", "publik": "on"}
        ).status_code
        == 302
    )
    p.refresh_from_db()
    assert p.rencana_pada is not None and p.tenggat_jenis == ""
    assert (
        pld.post(reverse("pengaduan:rujuk", args=[p.pk]), {"instansi": "Inspektorat"}).status_code
        == 302
    )
    p.refresh_from_db()
    assert p.status == S.DIRUJUK
    # a PLD cannot close (403: the complaint is theirs to see, not to close); the supervisor can
    assert pld.post(reverse("pengaduan:tutup", args=[p.pk]), {}).status_code == 403
    assert pd.post(reverse("pengaduan:tutup", args=[p.pk]), {}).status_code == 302


def test_pencatatan_internal_oleh_pendamping(dunia):
    c = dunia.klien(dunia.pld_a)
    url = reverse("pengaduan:baru")
    assert c.get(url).status_code == 200
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    data = {
        "saluran": Saluran.WHATSAPP,
        "diterima_tanggal": kemarin.isoformat(),
        "jenis": "aspirasi",
        "desa": dunia.desa_b.kode,  # outside the PLD's scope
        "judul": "Usul posyandu",
        "isi": "Warga minta posyandu baru.",
        "anonim": "on",
    }
    data["kategori"] = kategori("pelayanan-desa").pk
    r = c.post(url, data)
    assert r.status_code == 200 and "di luar wilayah tugas" in r.content.decode()
    assert "Usul posyandu" in r.content.decode()
    data["desa"] = dunia.desa_a.kode
    r = c.post(url, data)
    p = Pengaduan.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("pengaduan:detail", args=[p.pk])
    assert p.saluran == Saluran.WHATSAPP and p.dicatat_oleh == dunia.pld_a
    assert timezone.localdate(p.diterima_pada) == kemarin
    # the facilitator who typed it in sees the reporter of an anonim complaint (they heard it)
    assert selectors.pengaduan_detail(user=dunia.pld_a.user, pk=p.pk)


# --------------------------------------------------------------- lists and query counts
def test_daftar_saringan(dunia):
    a = pengaduan_buat(dunia.desa_a, judul="Dana desa tidak transparan")
    b = pengaduan_buat(
        dunia.desa_a2,
        judul="Konflik batas",
        kategori_kode="konflik",
        diterima_pada=diterima_pada(datetime.date(2026, 8, 12)),
    )
    c = dunia.klien(dunia.pd_a)
    url = reverse("pengaduan:daftar")

    def judul(**q):
        return c.get(url, q).content.decode()

    assert "Dana desa" in judul() and "Konflik batas" in judul()
    assert "Dana desa" not in judul(kategori="konflik")
    assert "Konflik batas" not in judul(desa=dunia.desa_a.kode)
    assert "Dana desa" not in judul(terlambat="1") and "Konflik batas" in judul(terlambat="1")
    assert "Dana desa" in judul(q="transparan") and "Konflik batas" not in judul(q="transparan")
    assert "Konflik batas" in judul(q=b.kode.lower())
    assert "Dana desa" in judul(status="terbuka")
    assert "Dana desa" not in judul(status="selesai")
    assert "Tidak ada pengaduan yang cocok" in judul(status="selesai")
    assert a.kode in judul(status="tidak-ada")  # an unknown status is ignored


def _banyak(dunia, n):
    for i in range(n):
        p = pengaduan_buat(dunia.desa_a, judul=f"Aduan {i}")
        if i % 2:
            _ditangani(dunia, p)


@pytest.mark.parametrize("nama", ["pengaduan:daftar", "pengaduan:papan"])
def test_jumlah_kueri_daftar_tetap(dunia, django_assert_max_num_queries, nama):
    c = dunia.klien(dunia.pd_a)
    _banyak(dunia, 3)
    c.get(reverse(nama))
    with django_assert_max_num_queries(20) as q3:
        assert c.get(reverse(nama)).status_code == 200
    _banyak(dunia, 6)
    with django_assert_max_num_queries(len(q3.captured_queries)):
        assert c.get(reverse(nama)).status_code == 200


def test_jumlah_kueri_detail_tetap(dunia, django_assert_max_num_queries):
    c = dunia.klien(dunia.pd_a)
    p = _ditangani(dunia, pengaduan_buat(dunia.desa_a))
    url = reverse("pengaduan:detail", args=[p.pk])

    def tambah(i):
        services.pengaduan_balas(pengaduan=p, user=dunia.pd_a.user, isi=f"balasan {i}", publik=True)
        services.pengaduan_musyawarah_catat(
            pengaduan=p,
            user=dunia.pld_a.user,
            tanggal=timezone.localdate(),
            tempat=f"Balai {i}",
            pihak_hadir="Warga",
            tindak_lanjut=[
                {
                    "judul": f"TL {i}",
                    "penanggung_jawab": "Kades",
                    "jatuh_tempo": timezone.localdate() + datetime.timedelta(days=3),
                }
            ],
        )

    tambah(0)
    c.get(url)
    with django_assert_max_num_queries(30) as q1:
        c.get(url)
    for i in range(1, 4):
        tambah(i)
    with django_assert_max_num_queries(len(q1.captured_queries)):
        html = c.get(url).content.decode()
    assert "TL 3" in html and "balasan 3" in html


def test_jumlah_kueri_status_publik_tetap(dunia, django_assert_max_num_queries):
    p = pengaduan_buat(dunia.desa_a)
    c = Client()
    url = reverse("pengaduan:status")
    with django_assert_max_num_queries(4) as q:
        c.get(url, {"kode": p.kode})
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    for i in range(5):
        services.pengaduan_balas(pengaduan=p, user=dunia.pd_a.user, isi=f"b{i}", publik=True)
    with django_assert_max_num_queries(len(q.captured_queries)):
        c.get(url, {"kode": p.kode})


def test_papan_pengawas(dunia):
    pengaduan_buat(dunia.desa_a, diterima_pada=diterima_pada(datetime.date(2026, 8, 12)))
    pengaduan_buat(dunia.desa_a, kategori_kode="konflik")
    pengaduan_buat(dunia.desa_b, judul="Di kabupaten B")
    data = selectors.papan_pengawas(user=dunia.pd_a.user)
    assert data["umur"]["semua"] == 2 and data["umur"]["terlambat"] == 1
    assert {r["kategori__kode"] for r in data["per_kategori"]} == {"dana-desa", "konflik"}
    assert data["per_penangan"][0]["telat"] == 1
    html = dunia.klien(dunia.pd_a).get(reverse("pengaduan:papan")).content.decode()
    assert "Di kabupaten B" not in html


def test_panel_dasbor_kueri_tetap(dunia, django_assert_num_queries):
    panel = registry.panel_dasbor["pengaduan"]
    periode = (timezone.localdate() - datetime.timedelta(days=30), timezone.localdate())
    pengaduan_buat(dunia.desa_a)
    user = dunia.pengawas.user
    panel.fungsi(dunia.kab_a, periode, user)  # warms the user's scope cache
    with django_assert_num_queries(1):
        d = panel.fungsi(dunia.kab_a, periode, user)
    assert d["angka"]["masuk"] == 1 and d["angka"]["terbuka"] == 1
    assert f"desa={dunia.kab_a.kode}" in d["url_terbuka"]
    for _i in range(3):
        pengaduan_buat(dunia.desa_a2)
    with django_assert_num_queries(1):
        d = panel.fungsi(dunia.kab_a, periode, user)
    assert d["angka"]["masuk"] == 4
    assert panel.fungsi(dunia.kab_b, periode, user)["angka"]["masuk"] == 0


def test_menu_pengaduan(dunia):
    html = dunia.klien(dunia.pld_a).get("/").content.decode()
    assert reverse("pengaduan:daftar") in html
    assert reverse("pengaduan:papan") not in html
    assert reverse("pengaduan:papan") in dunia.klien(dunia.pd_a).get("/").content.decode()


# --------------------------------------------------------------- the platform layer (issue 13)
def test_formulir_membawa_dari_dan_gerak_basi_diberi_tahu(dunia):
    p = pengaduan_buat(dunia.desa_a)
    url = reverse("pengaduan:detail", args=[p.pk])
    html = dunia.klien(dunia.pd_a).get(url).content.decode()
    assert 'name="dari" value="diterima"' in html and 'name="kunci_sekali"' in html
    # two supervisors had the page open; the first verifies, the second rejects a moment later
    pd, korprov = dunia.klien(dunia.pd_a), dunia.klien(dunia.pengawas)
    aksi = reverse("pengaduan:verifikasi", args=[p.pk])
    assert pd.post(aksi, {"keputusan": "diverifikasi", "dari": "diterima"}).status_code == 302
    r = korprov.post(aksi, {"keputusan": "ditolak", "alasan": "Spam", "dari": "diterima"})
    assert r.status_code == 302 and r["Location"] == url
    assert "sudah diubah menjadi Diverifikasi" in korprov.get(url).content.decode()
    p.refresh_from_db()
    assert p.status == S.DIVERIFIKASI and p.peristiwa.filter(jenis="status").count() == 1


def test_halaman_musyawarah_403_untuk_yang_bukan_penangan(dunia):
    from pendampingan.models import Jabatan
    from tests.factories import pendamping_di

    rekan = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a_rekan")
    p = _ditangani(dunia, pengaduan_buat(dunia.desa_a))
    c = dunia.klien(rekan)
    assert c.get(reverse("pengaduan:detail", args=[p.pk])).status_code == 200  # sees it
    r = c.get(reverse("pengaduan:musyawarah", args=[p.pk]))
    assert r.status_code == 403 and "Musyawarah dicatat oleh pendamping" in r.content.decode()
    assert c.post(reverse("pengaduan:rujuk", args=[p.pk]), {"instansi": "X"}).status_code == 403


def _pesan_pengaduan():
    from pendampingan.notifikasi.models import Pesan

    return Pesan.objects.filter(peristiwa__startswith="pengaduan.").count()


def test_kirim_ulang_pencatatan_internal_satu_pengaduan(dunia):
    c = dunia.klien(dunia.pld_a)
    url = reverse("pengaduan:baru")
    kunci = c.get(url).context["form"].initial["kunci_sekali"]
    data = {
        "saluran": Saluran.TELEPON,
        "diterima_tanggal": timezone.localdate().isoformat(),
        "jenis": "pengaduan",
        "kategori": kategori().pk,
        "desa": dunia.desa_a.kode,
        "judul": "Lampu jalan mati",
        "isi": "Sudah sebulan.",
        "pelapor_email": "warga@contoh.id",
        "kunci_sekali": str(kunci),
    }
    r1 = c.post(url, data)
    n = _pesan_pengaduan()
    r2 = c.post(url, data)  # a resend after a timeout
    p = Pengaduan.objects.get()
    assert r1["Location"] == r2["Location"] == reverse("pengaduan:detail", args=[p.pk])
    assert _pesan_pengaduan() == n and p.peristiwa.count() == 1
    assert "sudah tersimpan sebelumnya" in c.get(r2["Location"]).content.decode()


def test_kirim_ulang_formulir_publik_satu_kode(dunia):
    from .factories import URL_LAPOR, isian_publik

    c = Client()
    data = isian_publik(c, dunia, pelapor_email="warga@contoh.id")
    assert c.post(URL_LAPOR, data).status_code == 302
    kode = Pengaduan.objects.get().kode
    n = _pesan_pengaduan()
    r = c.post(URL_LAPOR, data)  # a double click
    assert r.status_code == 302 and Pengaduan.objects.count() == 1
    html = c.get(r["Location"]).content.decode()
    assert kode in html and "sudah tersimpan sebelumnya" in html
    assert _pesan_pengaduan() == n


def test_kirim_ulang_musyawarah_dan_balasan(dunia, mailoutbox, django_capture_on_commit_callbacks):
    from pengaduan.models import Musyawarah

    p = _ditangani(dunia, pengaduan_buat(dunia.desa_a, pelapor_email="warga@contoh.id"))
    pld = dunia.klien(dunia.pld_a)
    url_m = reverse("pengaduan:musyawarah", args=[p.pk])
    kunci = pld.get(url_m).context["form"].initial["kunci_sekali"]
    data = {
        "tanggal": timezone.localdate().isoformat(),
        "tempat": "Balai desa",
        "pihak_hadir": "Kades",
        "kunci_sekali": str(kunci),
    }
    assert pld.post(url_m, data).status_code == 302
    assert pld.post(url_m, data).status_code == 302
    assert Musyawarah.objects.count() == 1
    url_b = reverse("pengaduan:balas", args=[p.pk])
    data = {"isi": "Kami datang Senin", "publik": "on", "kunci_sekali": str(uuid.uuid4())}
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert pld.post(url_b, data).status_code == 302
        assert pld.post(url_b, data).status_code == 302
    assert p.peristiwa.filter(jenis="balasan").count() == 1
    assert len([m for m in mailoutbox if "Kami datang Senin" in m.body]) == 1
