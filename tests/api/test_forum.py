"""Forums through the API (pendampingan/forum/api.py): scope like the site, the site's filter names,
members and meetings under their forum, sync by ``updated_since``, fixed query counts."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pendampingan.forum.models import Forum, StatusForum
from pendampingan.forum.services import forum_ubah_status
from pendampingan.models import Jabatan
from tests.factories import pendamping_di
from tests.forum.factories import anggota_di, forum_di, keputusan_di, pertemuan_di, sarana_di

pytestmark = pytest.mark.django_db


def _daftar(nama, **kw):
    return reverse(f"api:{nama}-list", kwargs=kw or None)


def _detail(nama, **kw):
    return reverse(f"api:{nama}-detail", kwargs=kw)


def _hitung(klien, url) -> int:
    """Queries of a GET (after one warm-up request: the token's last-used write is once a
    minute, so it must not fall on one side of a comparison only)."""
    assert klien.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        r = klien.get(url)
    assert r.status_code == 200, r.content
    return len(ctx.captured_queries)


def _galat(r, status):
    assert r.status_code == status, r.content
    g = r.json()["galat"]
    assert set(g) >= {"kode", "pesan", "rincian"}
    return g


# ------------------------------------------------------------------------------ forum list


def test_daftar_forum_sesuai_cakupan(dunia, api_klien):
    fa = forum_di(dunia.desa_a, dunia.pld_a, nama="Forum Alpha")
    fb = forum_di(dunia.desa_b, dunia.pld_b, nama="Forum Beta")
    anggota_di(fa, nama="Siti")
    anggota_di(fa, nama="Budi", jk="L", tanggal_keluar=datetime.date(2025, 6, 1))
    pertemuan_di(fa, dunia.pld_a, tanggal=datetime.date(2026, 3, 2))

    r = api_klien(dunia.pld_a.user).get(_daftar("forum"))
    assert r.status_code == 200
    baris = r.json()["results"]
    assert [b["id"] for b in baris] == [fa.pk]
    b = baris[0]
    # the selector's counts: the member who left is not counted
    assert b["jumlah_anggota"] == 1
    assert b["pertemuan_terakhir"] == "2026-03-02"
    assert b["wilayah"] == dunia.desa_a.kode
    assert b["wilayah_label"] == dunia.desa_a.label_lengkap
    assert b["pendamping_nama"] == dunia.pld_a.nama

    ids = {b["id"] for b in api_klien(dunia.pengawas.user).get(_daftar("forum")).json()["results"]}
    assert ids == {fa.pk, fb.pk}


def test_daftar_forum_nama_saring_situs(dunia, api_klien):
    k = api_klien(dunia.pengawas.user)
    fa = forum_di(dunia.desa_a, nama="Forum Kader Alpha", jenis="forum_kader")
    fb = forum_di(dunia.desa_b, nama="Forum Mitra Beta", dasar_hukum="SK 12/2026")
    fv = forum_di(dunia.desa_a, nama="Forum Vakum", status=StatusForum.VAKUM)
    anggota_di(fb, kode_unsur="kelompok-perempuan")

    def ids(**q):
        r = k.get(_daftar("forum"), q)
        assert r.status_code == 200, r.content
        return {b["id"] for b in r.json()["results"]}

    assert ids(jenis="forum_kader") == {fa.pk}
    assert ids(status="vakum") == {fv.pk}
    assert ids(wilayah=dunia.kab_b.kode) == {fb.pk}
    assert ids(q="beta") == {fb.pk}
    assert ids(q="SK 12/2026") == {fb.pk}
    from tests.forum.factories import unsur

    assert ids(unsur_belum=unsur("kelompok-perempuan").pk) == {fa.pk, fv.pk}


@pytest.mark.parametrize(
    "q",
    [{"jenis": "bukan"}, {"status": "hilang"}, {"unsur_belum": "999999"}, {"wilayah": "9" * 30}],
)
def test_daftar_forum_saring_salah_400(dunia, api_klien, q):
    g = _galat(api_klien(dunia.pld_a.user).get(_daftar("forum"), q), 400)
    assert g["kode"] == "tidak_sah"
    assert set(g["rincian"]) == set(q)
    assert g["pesan"].startswith("Data belum benar")


def test_daftar_forum_updated_since(dunia, api_klien):
    lama = forum_di(dunia.desa_a, nama="Forum Lama")
    Forum.objects.filter(pk=lama.pk).update(diubah=timezone.now() - datetime.timedelta(days=3))
    baru = forum_di(dunia.desa_a, nama="Forum Baru")
    sejak = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    r = api_klien(dunia.pld_a.user).get(_daftar("forum"), {"updated_since": sejak})
    assert [b["id"] for b in r.json()["results"]] == [baru.pk]


def test_anonim_401_dan_tanpa_izin_403(dunia, api_klien):
    forum_di(dunia.desa_a)
    _galat(api_klien().get(_daftar("forum")), 401)
    tanpa = get_user_model().objects.create_user("tanpa_peran", password="x")
    g = _galat(api_klien(tanpa).get(_daftar("forum")), 403)
    assert "tidak berwenang" in g["pesan"].lower()


def test_jumlah_query_daftar_forum_tetap(dunia, api_klien):
    k = api_klien(dunia.pld_a.user)
    url = _daftar("forum")

    def tambah(n):
        for _i in range(n):
            f = forum_di(dunia.desa_a, dunia.pld_a)
            anggota_di(f)
            pertemuan_di(f, dunia.pld_a)

    tambah(1)
    satu = _hitung(k, url)
    tambah(9)
    assert len(k.get(url).json()["results"]) == 10
    assert _hitung(k, url) == satu


# ------------------------------------------------------------------------------ forum detail


def test_detail_forum_cakupan_ringkasan_riwayat(dunia, api_klien):
    pld_a2 = pendamping_di(dunia.desa_a2.kode, Jabatan.PLD, username="pld_a2_api")
    fa = forum_di(dunia.desa_a, dunia.pld_a, nama="Forum Alpha")
    fa2 = forum_di(dunia.desa_a2, pld_a2)
    fb = forum_di(dunia.desa_b, dunia.pld_b)
    siti = anggota_di(fa, nama="Siti", jk="P")
    anggota_di(fa, nama="Budi", jk="L", kode_unsur="tokoh-agama")
    pertemuan_di(fa, dunia.pld_a, hadir=[siti], tamu_laki=1, tamu_perempuan=2)
    forum_ubah_status(user=dunia.pld_a.user, forum=fa, status="vakum", catatan="Ketua pindah")

    k = api_klien(dunia.pld_a.user)
    r = k.get(_detail("forum", pk=fa.pk))
    assert r.status_code == 200
    assert r["ETag"]
    d = r.json()
    assert d["status"] == "vakum"
    assert d["jumlah_anggota"] == 2
    ring = d["ringkasan"]
    assert ring["anggota_aktif"] == 2
    assert ring["anggota_perempuan"] == 1
    assert ring["persen_perempuan_anggota"] == 50
    assert ring["hadir_total"] == 4  # Siti and three guests
    assert ring["hadir_perempuan"] == 3
    assert ring["persen_perempuan_hadir"] == 75
    assert "kelompok-perempuan" in {u["kode"] for u in ring["unsur_ada"]}
    assert ring["unsur_belum"]
    ev = d["riwayat_status"][0]
    assert (ev["dari"], ev["ke"], ev["catatan"]) == ("aktif", "vakum", "Ketua pindah")

    # the sibling desa and the other kabupaten: 404 in the error shape, as on the site
    for lain in (fa2, fb):
        g = _galat(k.get(_detail("forum", pk=lain.pk)), 404)
        assert "wilayah" in g["pesan"]
    # the sibling's own facilitator and the supervisor above all see theirs
    assert api_klien(pld_a2.user).get(_detail("forum", pk=fa2.pk)).status_code == 200
    assert api_klien(dunia.pengawas.user).get(_detail("forum", pk=fb.pk)).status_code == 200
    # the PD over A's kecamatan sees both desa of it, not B
    pd = api_klien(dunia.pd_a.user)
    assert pd.get(_detail("forum", pk=fa2.pk)).status_code == 200
    assert pd.get(_detail("forum", pk=fb.pk)).status_code == 404


def test_detail_forum_etag_304(dunia, api_klien):
    f = forum_di(dunia.desa_a)
    k = api_klien(dunia.pld_a.user)
    etag = k.get(_detail("forum", pk=f.pk))["ETag"]
    assert k.get(_detail("forum", pk=f.pk), HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_detail_forum_id_aneh_404(dunia, api_klien):
    k = api_klien(dunia.pld_a.user)
    _galat(k.get(_detail("forum", pk=9_999_999)), 404)
    _galat(k.get(f"{_daftar('forum')}99999999999999999999999/"), 404)


# ------------------------------------------------------------------------------ members


def test_anggota_forum_di_bawah_forumnya(dunia, api_klien):
    fa = forum_di(dunia.desa_a)
    fb = forum_di(dunia.desa_b)
    siti = anggota_di(fa, nama="Siti", kontak="0812")
    keluar = anggota_di(fa, nama="Ahmad", jk="L", tanggal_keluar=datetime.date(2025, 1, 1))
    lain = anggota_di(fb, nama="Orang Beta")
    k = api_klien(dunia.pld_a.user)

    r = k.get(_daftar("forum-anggota", forum_pk=fa.pk))
    assert r.status_code == 200
    baris = {b["id"]: b for b in r.json()["results"]}
    assert set(baris) == {siti.pk, keluar.pk}
    assert baris[siti.pk]["unsur"]["kode"] == "kelompok-perempuan"
    assert baris[siti.pk]["kontak"] == "0812"
    assert baris[siti.pk]["masih_aktif"] is True
    assert baris[keluar.pk]["masih_aktif"] is False

    assert k.get(_detail("forum-anggota", forum_pk=fa.pk, pk=siti.pk)).json()["nama"] == "Siti"
    # B's forum: 404 for the list and the member; a member of B's forum under A's forum: 404
    _galat(k.get(_daftar("forum-anggota", forum_pk=fb.pk)), 404)
    _galat(k.get(_detail("forum-anggota", forum_pk=fb.pk, pk=lain.pk)), 404)
    _galat(k.get(_detail("forum-anggota", forum_pk=fa.pk, pk=lain.pk)), 404)
    sup = api_klien(dunia.pengawas.user)
    r = sup.get(_daftar("forum-anggota", forum_pk=fb.pk))
    assert [b["id"] for b in r.json()["results"]] == [lain.pk]


def test_anggota_updated_since(dunia, api_klien):
    f = forum_di(dunia.desa_a)
    lama = anggota_di(f, nama="Lama")
    type(lama).objects.filter(pk=lama.pk).update(diubah=timezone.now() - datetime.timedelta(days=5))
    baru = anggota_di(f, nama="Baru")
    sejak = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    r = api_klien(dunia.pld_a.user).get(
        _daftar("forum-anggota", forum_pk=f.pk), {"updated_since": sejak}
    )
    assert [b["id"] for b in r.json()["results"]] == [baru.pk]
    g = _galat(
        api_klien(dunia.pld_a.user).get(
            _daftar("forum-anggota", forum_pk=f.pk), {"updated_since": "kemarin"}
        ),
        400,
    )
    assert "ISO 8601" in g["pesan"]


def test_jumlah_query_anggota_tetap(dunia, api_klien):
    f = forum_di(dunia.desa_a)
    k = api_klien(dunia.pld_a.user)
    url = _daftar("forum-anggota", forum_pk=f.pk)
    anggota_di(f)
    satu = _hitung(k, url)
    for _i in range(9):
        anggota_di(f)
    assert _hitung(k, url) == satu


# ------------------------------------------------------------------------------ meetings


def test_pertemuan_forum_hitungan_hadir_dan_keputusan(dunia, api_klien):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    siti = anggota_di(f, nama="Siti", jk="P")
    budi = anggota_di(f, nama="Budi", jk="L")
    balai = sarana_di(dunia.desa_a, nama="Balai Alpha")
    p = pertemuan_di(
        f,
        dunia.pld_a,
        tanggal=datetime.date(2026, 4, 1),
        hadir=[siti, budi],
        sarana=balai,
        tamu_laki=2,
        tamu_perempuan=1,
        tamu_lansia=1,
        notulen="Dibahas saluran air.",
    )
    keputusan_di(p, isi="Memperbaiki saluran", tindak_lanjut=True)
    keputusan_di(p, isi="Rapat lagi bulan depan")
    k = api_klien(dunia.pld_a.user)

    r = k.get(_daftar("forum-pertemuan", forum_pk=f.pk))
    assert r.status_code == 200
    [b] = r.json()["results"]
    assert b["id"] == p.pk
    assert b["tanggal"] == "2026-04-01"
    assert (b["jumlah_hadir"], b["hadir_perempuan"]) == (2, 1)
    assert (b["tamu_laki"], b["tamu_perempuan"], b["tamu_lansia"], b["jumlah_tamu"]) == (2, 1, 1, 3)
    assert b["sarana"]["nama"] == "Balai Alpha"
    assert b["notulen"] == "Dibahas saluran air."
    kep = {x["isi"]: x for x in b["keputusan"]}
    assert kep["Memperbaiki saluran"]["tindak_lanjut"]["status"] == "terbuka"
    assert kep["Rapat lagi bulan depan"]["tindak_lanjut"] is None

    d = k.get(_detail("forum-pertemuan", forum_pk=f.pk, pk=p.pk))
    assert d.status_code == 200 and d["ETag"]
    d = d.json()
    assert {h["nama"] for h in d["hadir"]} == {"Siti", "Budi"}
    assert (d["jumlah_hadir"], d["hadir_perempuan"]) == (2, 1)
    assert len(d["keputusan"]) == 2


def test_pertemuan_cakupan_404(dunia, api_klien):
    fa = forum_di(dunia.desa_a, dunia.pld_a)
    fa_lain = forum_di(dunia.desa_a, dunia.pld_a, nama="Forum Lain")
    fb = forum_di(dunia.desa_b, dunia.pld_b)
    pa = pertemuan_di(fa, dunia.pld_a)
    pb = pertemuan_di(fb, dunia.pld_b)
    k = api_klien(dunia.pld_a.user)
    _galat(k.get(_daftar("forum-pertemuan", forum_pk=fb.pk)), 404)
    _galat(k.get(_detail("forum-pertemuan", forum_pk=fb.pk, pk=pb.pk)), 404)
    _galat(k.get(_detail("forum-pertemuan", forum_pk=fa.pk, pk=pb.pk)), 404)
    # a meeting addressed under another forum the user sees: 404 too
    _galat(k.get(_detail("forum-pertemuan", forum_pk=fa_lain.pk, pk=pa.pk)), 404)
    sup = api_klien(dunia.pengawas.user)
    assert sup.get(_detail("forum-pertemuan", forum_pk=fb.pk, pk=pb.pk)).status_code == 200


def test_jumlah_query_pertemuan_tetap(dunia, api_klien):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    a = [anggota_di(f) for _i in range(3)]
    k = api_klien(dunia.pld_a.user)
    url = _daftar("forum-pertemuan", forum_pk=f.pk)

    def tambah(n):
        for _i in range(n):
            p = pertemuan_di(f, dunia.pld_a, hadir=a, sarana=sarana_di(dunia.desa_a))
            keputusan_di(p, tindak_lanjut=True)
            keputusan_di(p, isi="Lain")

    tambah(1)
    satu = _hitung(k, url)
    tambah(9)
    assert _hitung(k, url) == satu
