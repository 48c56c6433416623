import datetime

import pytest
from django.utils import timezone

from pendampingan.forum import selectors
from pendampingan.forum.models import StatusForum
from tests.forum.factories import anggota_di, forum_di, keputusan_di, pertemuan_di, sarana_di, unsur

pytestmark = pytest.mark.django_db


def test_forum_daftar_hanya_dalam_cakupan_dengan_anotasi(dunia):
    fa = forum_di(dunia.desa_a, nama="A")
    forum_di(dunia.desa_b, nama="B")
    anggota_di(fa)
    anggota_di(fa, tanggal_keluar=datetime.date(2025, 3, 1))
    pertemuan_di(fa, dunia.pld_a, tanggal=datetime.date(2026, 2, 3))
    (f,) = selectors.forum_daftar(user=dunia.pld_a.user)
    assert (f.nama, f.jumlah_anggota, f.pertemuan_terakhir) == ("A", 1, datetime.date(2026, 2, 3))
    assert [f.nama for f in selectors.forum_daftar(user=dunia.pengawas.user)] == ["A", "B"]


def test_forum_daftar_unsur_belum_hitung_anggota_yang_masih_aktif(dunia):
    f = forum_di(dunia.desa_a)
    anggota_di(f, kode_unsur="tokoh-adat", tanggal_keluar=datetime.date(2025, 1, 1))
    hasil = selectors.forum_daftar(user=dunia.pld_a.user, unsur_belum=unsur("tokoh-adat"))
    assert list(hasil) == [f]  # the only tokoh adat has left


def test_forum_tulis_tanpa_forum_bubar_dan_luar_wilayah(dunia):
    f = forum_di(dunia.desa_a)
    forum_di(dunia.desa_a, status=StatusForum.BUBAR)
    forum_di(dunia.desa_b)
    assert list(selectors.forum_tulis(user=dunia.pld_a.user)) == [f]
    assert list(selectors.forum_tulis(user=dunia.pengawas.user)) == []


def test_sarana_untuk_forum_hanya_wilayah_forum(dunia):
    f = forum_di(dunia.desa_a)
    s = sarana_di(dunia.desa_a)
    sarana_di(dunia.desa_a2)
    assert list(selectors.sarana_untuk_forum(user=dunia.pld_a.user, forum=f)) == [s]


def test_tindak_lanjut_keputusan_milik_saya_atau_semua(dunia):
    from tests.factories import pendamping_di

    pld_lain = pendamping_di(dunia.desa_a.kode, username="pld_a_lain")
    f = forum_di(dunia.desa_a)
    k1 = keputusan_di(pertemuan_di(f, dunia.pld_a), tindak_lanjut=True)
    k2 = keputusan_di(pertemuan_di(f, pld_lain), tindak_lanjut=True)
    from django.contrib.contenttypes.models import ContentType

    from pendampingan.forum.models import Keputusan

    ct = ContentType.objects.get_for_model(Keputusan)
    for k in (k1, k2):
        k.tindak_lanjut.sumber_jenis, k.tindak_lanjut.sumber_id = ct, str(k.pk)
        k.tindak_lanjut.save()
    saya = selectors.tindak_lanjut_keputusan(user=dunia.pld_a.user)
    assert [t.pk for t in saya] == [k1.tindak_lanjut_id]
    semua = selectors.tindak_lanjut_keputusan(user=dunia.pld_a.user, hanya_milik_saya=False)
    assert {t.pk for t in semua} == {k1.tindak_lanjut_id, k2.tindak_lanjut_id}
    assert not selectors.tindak_lanjut_keputusan(user=dunia.pld_b.user, hanya_milik_saya=False)


def test_pengawasan_hanya_menghitung_yang_terlihat(dunia):
    forum_di(dunia.desa_a)
    forum_di(dunia.desa_b)
    data = selectors.pengawasan_wilayah(user=dunia.pld_a.user, wilayah=dunia.provinsi)
    assert [b.desa_mitra for b in data["baris"]] == [1, 0]


def test_pertemuan_di_desa_terbaru_dulu_dan_dibatasi(dunia):
    f = forum_di(dunia.desa_a)
    hari = timezone.localdate()
    for i in range(4):
        pertemuan_di(f, dunia.pld_a, tanggal=hari - datetime.timedelta(days=i), judul=f"P{i}")
    hasil = selectors.pertemuan_di_desa(user=dunia.pld_a.user, desa=dunia.desa_a, batas=3)
    assert [p.kegiatan.judul for p in hasil] == ["P0", "P1", "P2"]
    assert not selectors.pertemuan_di_desa(user=dunia.pld_b.user, desa=dunia.desa_a, batas=3)
