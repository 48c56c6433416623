import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pendampingan.forum.models import Anggota, Forum, Keputusan, Pertemuan, StatusForum
from pendampingan.models import TindakLanjut
from tests.factories import wilayah_rantai
from tests.forum.factories import (
    anggota_di,
    forum_di,
    keputusan_di,
    pertemuan_di,
    sarana_di,
    unsur,
)

pytestmark = pytest.mark.django_db

HARI_INI = timezone.localdate()


def _isi_forum(f, pendamping, n):
    for i in range(n):
        a = anggota_di(f, nama=f"{f.pk}-anggota-{i}", jk="PL"[i % 2])
        p = pertemuan_di(f, pendamping, hadir=[a], sarana=sarana_di(f.wilayah))
        keputusan_di(p, isi=f"keputusan {i}", tindak_lanjut=bool(i % 2))


# ------------------------------------------------------------------------------ lists
@pytest.mark.parametrize("n", [2, 6])
def test_daftar_forum_jumlah_kueri_tetap(dunia, django_assert_max_num_queries, n):
    for i in range(n):
        _isi_forum(forum_di(dunia.desa_a, dunia.pld_a, nama=f"Forum {i}"), dunia.pld_a, 2)
    klien = dunia.klien(dunia.pld_a)
    with django_assert_max_num_queries(12):
        r = klien.get(reverse("forum:forum-list"))
    assert r.status_code == 200
    assert r.content.decode().count('class="list-group-item"') == n


def test_daftar_forum_saringan(dunia):
    f1 = forum_di(dunia.desa_a, nama="Forum Mitra Alpha")
    f2 = forum_di(dunia.desa_a2, nama="Pusat Alpha Dua", jenis="pusat_kemasyarakatan")
    forum_di(dunia.desa_a, nama="Kelompok Lama", jenis="kelompok_masyarakat", status="bubar")
    anggota_di(f1, kode_unsur="tokoh-agama")
    k = dunia.klien(dunia.pld_a)

    def nama(q):
        return [f.nama for f in k.get(reverse("forum:forum-list") + q).context["halaman"]]

    assert nama("") == ["Forum Mitra Alpha", "Kelompok Lama"]  # only desa_a is pld_a's
    kp = dunia.klien(dunia.pd_a)
    url = reverse("forum:forum-list")
    assert len(kp.get(url).context["halaman"]) == 3
    assert [f.nama for f in kp.get(url + "?jenis=pusat_kemasyarakatan").context["halaman"]] == [
        f2.nama
    ]
    assert len(kp.get(url + "?status=bubar").context["halaman"]) == 1
    assert len(kp.get(url + f"?wilayah={dunia.desa_a2.kode}").context["halaman"]) == 1
    tanpa_agama = kp.get(url + f"?unsur_belum={unsur('tokoh-agama').pk}").context["halaman"]
    assert f1.nama not in [f.nama for f in tanpa_agama] and len(tanpa_agama) == 2
    assert [f.nama for f in kp.get(url + "?q=lama").context["halaman"]] == ["Kelompok Lama"]


@pytest.mark.parametrize("n", [2, 6])
def test_halaman_forum_jumlah_kueri_tetap(dunia, django_assert_max_num_queries, n):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    _isi_forum(f, dunia.pld_a, n)
    klien = dunia.klien(dunia.pld_a)
    with django_assert_max_num_queries(18):
        r = klien.get(reverse("forum:forum-detail", args=[f.pk]))
    assert r.status_code == 200
    assert len(r.context["keputusan"]) == n


def test_halaman_forum_ringkasan_partisipasi_dan_kontak(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    a = anggota_di(f, nama="Siti", jk="P", kode_unsur="kelompok-perempuan", kontak="0812-555")
    b = anggota_di(f, nama="Budi", jk="L", kode_unsur="kelompok-tani")
    anggota_di(
        f, nama="Lama", jk="L", kode_unsur="tokoh-adat", tanggal_keluar=datetime.date(2025, 2, 1)
    )
    pertemuan_di(f, dunia.pld_a, hadir=[a, b], tamu_laki=1, tamu_perempuan=2)
    r = dunia.klien(dunia.pld_a).get(reverse("forum:forum-detail", args=[f.pk]))
    ring = r.context["ringkasan"]
    assert ring.anggota_aktif == 2 and ring.persen_perempuan_anggota == 50
    assert ring.hadir_total == 5 and ring.persen_perempuan_hadir == 60
    assert {u.kode for u in ring.unsur_ada} == {"kelompok-perempuan", "kelompok-tani"}
    assert "tokoh-adat" in {u.kode for u in ring.unsur_belum}  # left: not represented now
    assert "0812-555" in r.content.decode()
    # the contact appears nowhere but the forum's own page
    assert (
        "0812-555" not in dunia.klien(dunia.pld_a).get(reverse("forum:forum-list")).content.decode()
    )


# ------------------------------------------------------------------------------ writes
def test_bentuk_forum_lewat_halaman(dunia):
    k = dunia.klien(dunia.pld_a)
    assert k.get(reverse("forum:forum-create")).status_code == 200
    r = k.post(
        reverse("forum:forum-create"),
        {
            "nama": "Forum Mitra Desa Alpha",
            "jenis": "forum_mitra_desa",
            "wilayah": dunia.desa_a.kode,
            "tanggal_dibentuk": "2026-01-05",
            "dasar_hukum": "SK Kades 5/2026",
        },
    )
    f = Forum.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("forum:forum-detail", args=[f.pk])
    r = k.post(
        reverse("forum:forum-create"),
        {
            "nama": "Forum Lain",
            "jenis": "forum_mitra_desa",
            "wilayah": dunia.desa_b.kode,
            "tanggal_dibentuk": "2026-01-05",
        },
    )
    assert r.status_code == 200
    assert "di luar wilayah tugas Anda" in r.content.decode()
    assert 'value="Forum Lain"' in r.content.decode()


def test_anggota_ganda_lewat_halaman_pesan_dan_isian_tetap(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    anggota_di(f, nama="Siti Aminah")
    r = dunia.klien(dunia.pld_a).post(
        reverse("forum:anggota-create", args=[f.pk]),
        {
            "nama": "siti aminah",
            "jenis_kelamin": "P",
            "unsur": unsur("kelompok-perempuan").pk,
            "peran": "Bendahara",
            "kontak": "0813",
        },
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert "siti aminah sudah tercatat sebagai anggota forum ini" in html
    assert 'value="Bendahara"' in html and 'value="0813"' in html
    assert Anggota.objects.count() == 1


def test_pertemuan_dengan_bukan_anggota_atau_sarana_desa_lain(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    anggota_di(f, nama="Siti")
    orang_lain = anggota_di(forum_di(dunia.desa_a2), nama="Orang Desa Lain")
    sarana_lain = sarana_di(dunia.desa_a2, nama="Balai Alpha Dua")
    r = dunia.klien(dunia.pld_a).post(
        reverse("forum:pertemuan-create", args=[f.pk]),
        {
            "tanggal": HARI_INI.isoformat(),
            "jam_mulai": "09:00",
            "jam_selesai": "11:00",
            "judul": "Rapat perdana",
            "hadir": [orang_lain.pk],
            "sarana": sarana_lain.pk,
            "tamu_laki": 0,
            "tamu_perempuan": 0,
            "tamu_disabilitas": 0,
            "tamu_lansia": 0,
            "tamu_miskin": 0,
            "notulen": "Catatan panjang rapat",
        },
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert "bukan anggota forum ini — catat sebagai tamu" in html
    assert "bukan sarana wilayah forum ini" in html
    assert "Catatan panjang rapat" in html and 'value="Rapat perdana"' in html
    assert not Pertemuan.objects.exists()


def test_pertemuan_dan_keputusan_lewat_halaman(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    a = anggota_di(f, nama="Siti")
    s = sarana_di(dunia.desa_a)
    k = dunia.klien(dunia.pld_a)
    r = k.post(
        reverse("forum:pertemuan-create", args=[f.pk]),
        {
            "tanggal": HARI_INI.isoformat(),
            "jam_mulai": "09:00",
            "jam_selesai": "11:00",
            "judul": "Rapat perdana",
            "hadir": [a.pk],
            "sarana": s.pk,
            "tamu_laki": 3,
            "tamu_perempuan": 1,
            "tamu_disabilitas": 1,
            "tamu_lansia": 0,
            "tamu_miskin": 0,
        },
    )
    p = Pertemuan.objects.get()
    assert r["Location"] == reverse("forum:pertemuan-detail", args=[p.pk])
    url = reverse("forum:keputusan-create", args=[p.pk])
    lampau = (HARI_INI - datetime.timedelta(days=1)).isoformat()
    r = k.post(
        url,
        {
            "isi": "Perbaiki jalan usaha tani",
            "jadikan_tindak_lanjut": "on",
            "penanggung_jawab": "Kaur Pembangunan",
            "jatuh_tempo": lampau,
        },
    )
    assert r.status_code == 200
    assert "sudah lewat" in r.content.decode()
    assert "Perbaiki jalan usaha tani" in r.content.decode()
    tempo = (HARI_INI + datetime.timedelta(days=7)).isoformat()
    r = k.post(
        url,
        {
            "isi": "Perbaiki jalan usaha tani",
            "jadikan_tindak_lanjut": "on",
            "penanggung_jawab": "Kaur Pembangunan",
            "jatuh_tempo": tempo,
        },
    )
    assert r.status_code == 302
    kep = Keputusan.objects.get()
    assert kep.tindak_lanjut.penanggung_jawab == "Kaur Pembangunan"
    daftar = k.get(reverse("forum:tindak-lanjut-list"))
    assert "Perbaiki jalan usaha tani" in daftar.content.decode()


def test_pengawas_melihat_tetapi_tidak_mencatat(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    k = dunia.klien(dunia.pengawas)
    r = k.get(reverse("forum:forum-detail", args=[f.pk]))
    assert r.status_code == 200 and not r.context["boleh_tulis"]
    assert k.get(reverse("forum:pertemuan-create", args=[f.pk])).status_code == 403
    assert k.get(reverse("forum:anggota-create", args=[f.pk])).status_code == 403


# ------------------------------------------------------------------------- facilities
@pytest.mark.parametrize("n", [2, 6])
def test_daftar_sarana_jumlah_kueri_tetap(dunia, django_assert_max_num_queries, n):
    for _ in range(n):
        pertemuan_di(forum_di(dunia.desa_a), dunia.pld_a, sarana=sarana_di(dunia.desa_a))
    klien = dunia.klien(dunia.pld_a)
    with django_assert_max_num_queries(12):
        r = klien.get(reverse("forum:sarana-list"))
    assert len(r.context["halaman"]) == n


def test_sarana_buat_lewat_halaman(dunia):
    k = dunia.klien(dunia.pld_a)
    r = k.post(
        reverse("forum:sarana-create"),
        {
            "wilayah": dunia.desa_a.kode,
            "jenis": "lapangan",
            "nama": "Lapangan Merdeka",
            "kondisi": "baik",
            "kapasitas": 300,
        },
    )
    assert r.status_code == 302
    assert "Lapangan Merdeka" in k.get(r["Location"]).content.decode()


# --------------------------------------------------------------- supervisor view, timeline
def test_pengawasan_per_wilayah(dunia, django_assert_max_num_queries):
    forum_di(dunia.desa_a, jenis="pusat_kemasyarakatan")
    forum_di(dunia.desa_a, jenis="forum_mitra_desa")
    forum_di(dunia.desa_a2, jenis="forum_mitra_desa", status=StatusForum.VAKUM)
    forum_di(dunia.desa_b, jenis="forum_mitra_desa")
    f = forum_di(dunia.desa_a2, jenis="forum_kader")
    anggota_di(f, kode_unsur="tokoh-agama")
    k = dunia.klien(dunia.pengawas)
    with django_assert_max_num_queries(17):
        r = k.get(reverse("forum:pengawasan") + f"?wilayah={dunia.kab_a.kode}")
    data = r.context["data"]
    (baris,) = data["baris"]  # one kecamatan in kabupaten A
    assert (baris.jumlah_desa, baris.desa_pusat, baris.desa_mitra, baris.forum_aktif) == (
        2,
        1,
        1,
        3,
    )
    tidak = {u.kode for u in data["unsur_tidak_pernah"]}
    assert "tokoh-agama" not in tidak and "tokoh-adat" in tidak
    r = k.get(reverse("forum:pengawasan") + f"?wilayah={dunia.provinsi.kode}")
    assert [b.desa_mitra for b in r.context["data"]["baris"]] == [1, 1]
    assert (
        dunia.klien(dunia.pld_a)
        .get(reverse("forum:pengawasan") + f"?wilayah={dunia.kab_b.kode}")
        .status_code
        == 404
    )


def test_lini_masa_desa_menampilkan_pertemuan(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a, nama="Forum Mitra Alpha")
    pertemuan_di(f, dunia.pld_a, judul="Rapat pembentukan pengurus")
    r = dunia.klien(dunia.pld_a).get(
        reverse("pendampingan:wilayah-detail", args=[dunia.desa_a.kode])
    )
    assert "Forum Mitra Alpha: Rapat pembentukan pengurus" in r.content.decode()
    r = dunia.klien(dunia.pld_b).get(
        reverse("pendampingan:wilayah-detail", args=[dunia.desa_b.kode])
    )
    assert "Rapat pembentukan" not in r.content.decode()


def test_panel_dasbor_kueri_tetap_dan_angka(dunia, django_assert_max_num_queries):
    from pendampingan import registry

    f = forum_di(dunia.desa_a, dunia.pld_a)
    a = anggota_di(f, jk="P")
    p = pertemuan_di(f, dunia.pld_a, hadir=[a], tamu_laki=1, tamu_perempuan=2)
    keputusan_di(p, tindak_lanjut=True)
    keputusan_di(p, isi="tanpa tindak lanjut")
    panel = registry.panel_dasbor["forum"]
    periode = (HARI_INI - datetime.timedelta(days=30), HARI_INI)
    with django_assert_max_num_queries(8):  # 3 of them: the user's scope, computed once
        ctx = panel.fungsi(dunia.kab_a, periode, dunia.pengawas.user)
    angka = ctx["angka"]
    assert angka["forum_aktif"] == 1 and angka["mitra_aktif"] == 1
    assert angka["pertemuan"] == 1 and angka["hadir_total"] == 4 and angka["persen_perempuan"] == 75
    assert (angka["keputusan"], angka["keputusan_tl"], angka["tl_terbuka"]) == (2, 1, 1)
    assert ctx["url_mitra"].endswith("jenis=forum_mitra_desa")
    from django.template.loader import render_to_string

    assert "forum mitra desa aktif" in render_to_string(panel.template, ctx)
    assert panel.fungsi(dunia.kab_b, periode, dunia.pengawas.user)["angka"]["pertemuan"] == 0


def test_tindak_lanjut_list_hanya_dari_keputusan(dunia):
    TindakLanjut.objects.create(
        wilayah=dunia.desa_a,
        pendamping=dunia.pld_a,
        judul="Bukan dari forum",
        penanggung_jawab="x",
        jatuh_tempo=HARI_INI,
    )
    r = dunia.klien(dunia.pld_a).get(reverse("forum:tindak-lanjut-list"))
    assert "Bukan dari forum" not in r.content.decode()
    assert wilayah_rantai(dunia.desa_a.kode)


def test_panel_dasbor_tampilan_nasional_dan_ekspor(dunia):
    from pendampingan import registry
    from pendampingan.models import Wilayah

    forum_di(dunia.desa_a)
    forum_di(dunia.desa_b)
    nasional = Wilayah(kode="", tingkat="nasional")
    periode = (HARI_INI - datetime.timedelta(days=30), HARI_INI)
    ctx = registry.panel_dasbor["forum"].fungsi(nasional, periode, dunia.pengawas.user)
    assert ctx["angka"]["forum_aktif"] == 2
    assert ctx["url_aktif"] == reverse("forum:forum-list") + "?status=aktif"
    (judul, kolom, baris) = ctx["ekspor"][0]
    assert len(kolom) == 2 and ("Forum aktif", 2) in [(str(a), b) for a, b in baris]


def test_dasbor_menampilkan_panel_forum(dunia):
    forum_di(dunia.desa_a, nama="Forum Panel")
    r = dunia.klien(dunia.pd_a).get(reverse("dasbor:dasbor") + f"?wilayah={dunia.kec_a.kode}")
    assert r.status_code == 200
    assert 'id="panel-forum"' in r.content.decode()
    assert "forum mitra desa aktif" in r.content.decode()


def test_bubarkan_forum_perlu_penegasan_dan_alasan(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    k = dunia.klien(dunia.pld_a)
    url = reverse("forum:forum-status", args=[f.pk])
    r = k.post(url, {"status": "bubar", "catatan": ""})
    html = r.content.decode()
    assert "Centang untuk menegaskan" in html
    r = k.post(url, {"status": "bubar", "catatan": "", "yakin": "on"})
    assert "Tuliskan alasan forum dinyatakan bubar." in r.content.decode()
    r = k.post(url, {"status": "bubar", "catatan": "Dilebur ke BKAD", "yakin": "on"})
    assert r.status_code == 302
    f.refresh_from_db()
    assert f.status == StatusForum.BUBAR
    r = k.get(reverse("forum:forum-detail", args=[f.pk]))
    assert "Catat pertemuan" not in r.content.decode()
    assert "Dilebur ke BKAD" in r.content.decode()


@pytest.mark.parametrize("n", [2, 6])
def test_pengawasan_kueri_tetap_untuk_banyak_wilayah(dunia, django_assert_max_num_queries, n):
    for i in range(n):
        desa = wilayah_rantai(f"33.{10 + i:02d}.01.2001")
        forum_di(desa)
        anggota_di(forum_di(desa, jenis="pusat_kemasyarakatan"))
    k = dunia.klien(dunia.pengawas)
    with django_assert_max_num_queries(17):
        r = k.get(reverse("forum:pengawasan") + f"?wilayah={dunia.provinsi.kode}")
    assert len(r.context["data"]["baris"]) == n + 2
    assert r.context["data"]["total"].desa_pusat == n


def test_status_yang_sudah_diubah_orang_lain_dijelaskan_di_halaman(dunia):
    from pendampingan.forum import services
    from pendampingan.forum.models import RiwayatStatusForum
    from pendampingan.models import Jabatan
    from tests.factories import pendamping_di

    lain = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a_lain")
    f = forum_di(dunia.desa_a, dunia.pld_a)
    k = dunia.klien(dunia.pld_a)
    url = reverse("forum:forum-status", args=[f.pk])
    assert 'name="dari" value="aktif"' in k.get(url).content.decode()
    # meanwhile the other facilitator made the forum vakum
    services.forum_ubah_status(user=lain.user, forum=f, status=StatusForum.VAKUM, dari="aktif")
    r = k.post(url, {"dari": "aktif", "status": "bubar", "catatan": "Dilebur", "yakin": "on"})
    html = r.content.decode()
    assert r.status_code == 200
    assert "Status sudah diubah menjadi Vakum (tidak aktif) oleh pld_a_lain" in html
    assert 'name="dari" value="vakum"' in html  # a deliberate second try starts from what is now
    f.refresh_from_db()
    assert f.status == StatusForum.VAKUM
    assert RiwayatStatusForum.objects.filter(forum=f).count() == 1
    r = k.post(url, {"dari": "vakum", "status": "bubar", "catatan": "Dilebur", "yakin": "on"})
    assert r.status_code == 302
    assert RiwayatStatusForum.objects.filter(forum=f).count() == 2


def test_status_bubar_tidak_dapat_aktif_lagi_pesan_di_halaman(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a, status=StatusForum.BUBAR)
    r = dunia.klien(dunia.pld_a).post(
        reverse("forum:forum-status", args=[f.pk]), {"dari": "bubar", "status": "aktif"}
    )
    assert r.status_code == 200
    assert "Status tidak dapat berpindah dari Bubar ke Aktif." in r.content.decode()


def test_tulis_di_luar_cakupan_404_di_dalam_tanpa_hak_catat_403(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    p = pertemuan_di(f, dunia.pld_a)
    urls = [
        reverse("forum:forum-status", args=[f.pk]),
        reverse("forum:forum-update", args=[f.pk]),
        reverse("forum:anggota-impor", args=[f.pk]),
        reverse("forum:keputusan-create", args=[p.pk]),
    ]
    for url in urls:
        assert dunia.klien(dunia.pld_b).post(url, {}).status_code == 404, url
        r = dunia.klien(dunia.pd_a).post(url, {})
        assert r.status_code == 403, url
        assert "tidak mencatatnya" in r.content.decode()
