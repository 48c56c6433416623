"""The forum's plug-ins into the core: the entry-form extension (through the core's entry
service) and the links shown on a daily-log entry."""

import datetime

import pytest
from django.utils import timezone

from pendampingan import registry
from pendampingan.forum.models import AktivitasForum, Pertemuan
from pendampingan.kegiatan import services as kegiatan_services
from tests.forum.factories import anggota_di, forum_di, pertemuan_di, sarana_di

pytestmark = pytest.mark.django_db


def _data(desa, **ubah):
    data = {
        "wilayah": desa,
        "tanggal": timezone.localdate(),
        "jam_mulai": datetime.time(9),
        "jam_selesai": datetime.time(11),
        "tata_cara": "pengorganisasian",
        "judul": "Rapat forum mitra desa",
        "uraian": "",
    }
    data.update(ubah)
    return data


def _form(user, kegiatan=None, **data):
    eks = registry.ekstensi_kegiatan["forum"]
    form = eks.form_class(
        {f"forum-{k}": v for k, v in data.items()}, user=user, kegiatan=kegiatan, prefix="forum"
    )
    assert form.is_valid(), form.errors
    return eks, form


def test_ekstensi_hanya_untuk_pengorganisasian():
    assert registry.ekstensi_kegiatan["forum"].tata_cara == {"pengorganisasian"}


def test_ekstensi_menautkan_kegiatan_sebagai_pertemuan(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    s = sarana_di(dunia.desa_a)
    u = dunia.pld_a.user
    eks, form = _form(
        u, forum=f.pk, sebagai="pertemuan", sarana=s.pk, tamu_laki=2, tamu_perempuan=5, notulen="n"
    )
    hasil = kegiatan_services.kegiatan_buat(
        user=u, data=_data(dunia.desa_a), ekstensi=[(eks, form)]
    )
    p = Pertemuan.objects.get(kegiatan=hasil.kegiatan)
    assert (p.forum, p.sarana, p.tamu_perempuan, p.notulen) == (f, s, 5, "n")
    hasil.kegiatan.refresh_from_db()
    assert (hasil.kegiatan.peserta_laki, hasil.kegiatan.peserta_perempuan) == (2, 5)


def test_ekstensi_ubah_mempertahankan_kehadiran(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    a = anggota_di(f, jk="P")
    p = pertemuan_di(f, dunia.pld_a, hadir=[a])
    u = dunia.pld_a.user
    eks, form = _form(
        u,
        kegiatan=p.kegiatan,
        forum=f.pk,
        sebagai="pertemuan",
        tamu_laki=1,
        tamu_perempuan=0,
        notulen="baru",
    )
    assert form.initial["forum"] == f.pk
    registry.ekstensi_kegiatan["forum"].simpan(p.kegiatan, form, u)
    p.refresh_from_db()
    assert list(p.hadir.all()) == [a] and p.notulen == "baru"


def test_ekstensi_sebagai_aktivitas_dan_tanpa_forum(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    u = dunia.pld_a.user
    eks, form = _form(
        u, forum=f.pk, sebagai="pengabdian", bidang="ttg", tamu_laki=0, tamu_perempuan=0
    )
    hasil = kegiatan_services.kegiatan_buat(
        user=u, data=_data(dunia.desa_a), ekstensi=[(eks, form)]
    )
    assert AktivitasForum.objects.get(kegiatan=hasil.kegiatan).bidang == "ttg"
    eks, form = _form(u, forum="", sebagai="pertemuan", tamu_laki=0, tamu_perempuan=0)
    hasil = kegiatan_services.kegiatan_buat(
        user=u, data=_data(dunia.desa_a), ekstensi=[(eks, form)]
    )
    assert not Pertemuan.objects.filter(kegiatan=hasil.kegiatan).exists()


def test_ekstensi_hanya_forum_yang_boleh_dicatat(dunia):
    fb = forum_di(dunia.desa_b, dunia.pld_b)
    eks = registry.ekstensi_kegiatan["forum"]
    form = eks.form_class(
        {
            "forum-forum": fb.pk,
            "forum-sebagai": "pertemuan",
            "forum-tamu_laki": 0,
            "forum-tamu_perempuan": 0,
        },
        user=dunia.pld_a.user,
        prefix="forum",
    )
    assert not form.is_valid() and "forum" in form.errors


def test_tautan_kegiatan_kueri_tetap(dunia, django_assert_max_num_queries):
    f = forum_di(dunia.desa_a, dunia.pld_a, nama="Forum Tautan")
    kegiatan = [pertemuan_di(f, dunia.pld_a).kegiatan for _ in range(4)]
    with django_assert_max_num_queries(5):
        hasil = registry.tautan_kegiatan["forum"](kegiatan, dunia.pld_a.user)
    assert {k.pk for k in kegiatan} == set(hasil)
    assert hasil[kegiatan[0].pk][0].judul == "Forum Tautan"
    assert registry.tautan_kegiatan["forum"](kegiatan, dunia.pld_b.user) == {}


def test_ekstensi_memeriksa_sarana_dan_aktivitas_di_form(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    lain = sarana_di(dunia.desa_a2, nama="Balai Alpha Dua")
    eks = registry.ekstensi_kegiatan["forum"]
    from tests.factories import pendamping_di

    pld = pendamping_di(dunia.desa_a2.kode, username="pld_dua_desa")
    from pendampingan.models import Penugasan

    Penugasan.objects.create(
        pendamping=pld, wilayah=dunia.desa_a, jenis="lapangan", mulai=datetime.date(2020, 1, 1)
    )
    data = {"forum-forum": f.pk, "forum-tamu_laki": 0, "forum-tamu_perempuan": 0}
    form = eks.form_class(
        {**data, "forum-sebagai": "pertemuan", "forum-sarana": lain.pk},
        user=pld.user,
        prefix="forum",
    )
    assert not form.is_valid()
    assert "bukan sarana wilayah forum ini" in form.errors["sarana"][0]
    form = eks.form_class(
        {**data, "forum-sebagai": "kemitraan_umkm"}, user=pld.user, prefix="forum"
    )
    assert not form.is_valid() and {"umkm", "kesepakatan"} <= set(form.errors)
