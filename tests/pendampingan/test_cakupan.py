import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from pendampingan.models import Jabatan, Kegiatan, Penugasan, Wilayah
from pendampingan.scope import cakupan_pengguna
from tests.factories import (
    KegiatanFactory,
    PendampingFactory,
    UserFactory,
    pendamping_di,
    wilayah_rantai,
)

pytestmark = pytest.mark.django_db


def test_pld_melihat_dan_mencatat_hanya_desanya(dunia):
    c = cakupan_pengguna(dunia.pld_a.user)
    assert c.catat == ("33.01.01.2001",)
    assert c.lihat == ("33.01.01.2001",)
    assert list(Wilayah.objects.visible_to(dunia.pld_a.user).values_list("kode", flat=True)) == [
        "33.01.01.2001"
    ]
    assert not c.pengawas


def test_pengawas_melihat_semua_di_bawahnya_tetapi_tidak_mencatat(dunia):
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b)
    user = dunia.pengawas.user
    assert Kegiatan.objects.visible_to(user).count() == 2
    assert Kegiatan.objects.writable_by(user).count() == 0
    assert Kegiatan.objects.visible_to(dunia.pd_a.user).count() == 1
    assert cakupan_pengguna(user).pengawas


def test_tanpa_penugasan_dan_anonim_tidak_melihat_apa_pun(dunia):
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    kosong = PendampingFactory().user
    assert Kegiatan.objects.visible_to(kosong).count() == 0
    assert Wilayah.objects.visible_to(AnonymousUser()).count() == 0


def test_nasional_dan_superuser_melihat_semua(dunia):
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b)
    kornas = pendamping_di("33", Jabatan.KOORDINATOR_NASIONAL)
    su = UserFactory(is_superuser=True)
    assert Kegiatan.objects.visible_to(kornas.user).count() == 2
    assert Kegiatan.objects.visible_to(su).count() == 2


def test_penugasan_berakhir_atau_belum_mulai_tidak_dihitung(dunia):
    lalu = pendamping_di("33.03.01.2001", selesai=datetime.date(2021, 12, 31))
    nanti = pendamping_di("33.04.01.2001", mulai=datetime.date.today() + datetime.timedelta(days=3))
    assert cakupan_pengguna(lalu.user).kosong
    assert cakupan_pengguna(nanti.user).kosong
    assert not cakupan_pengguna(lalu.user, datetime.date(2021, 6, 1)).kosong


def test_visible_to_berantai_dengan_filter_lain(dunia):
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, judul="x")
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, judul="y")
    qs = Kegiatan.objects.filter(judul="x").visible_to(dunia.pld_a.user)
    assert qs.count() == 1
    assert Kegiatan.objects.visible_to(dunia.pld_a.user).filter(judul="y").count() == 1


def test_prefiks_tidak_menyeberang_ke_kode_mirip():
    """33.01 must not match 33.010… or 33.1…; the dotted prefix keeps regions apart."""
    wilayah_rantai("33.01.01.2001")
    wilayah_rantai("33.11.01.2001")
    p = pendamping_di("33.01", Jabatan.TAPM_KABUPATEN)
    kode = set(Wilayah.objects.visible_to(p.user).values_list("kode", flat=True))
    assert "33.11.01.2001" not in kode and "33.01.01.2001" in kode


def test_query_visible_to_memakai_like_tanpa_join(dunia):
    sql = str(Kegiatan.objects.visible_to(dunia.pd_a.user).query)
    assert (
        "LIKE" in sql
        and "JOIN" not in sql.upper().replace("LEFT OUTER JOIN", "JOIN")
        or "JOIN" not in sql
    )
    assert '"pendampingan_kegiatan"."wilayah_id"' in sql


def test_penugasan_dua_kali_dihitung_sekali(dunia):
    Penugasan.objects.create(
        pendamping=dunia.pld_a, wilayah=dunia.desa_a2, jenis="lapangan", mulai="2020-01-01"
    )
    c = cakupan_pengguna(dunia.pld_a.user)
    assert set(c.catat) == {"33.01.01.2001", "33.01.01.2002"}
