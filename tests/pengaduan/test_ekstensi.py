"""The entry-form extension (through the core's entry service) and the links shown on an entry."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pendampingan import registry
from pendampingan.kegiatan import services as kegiatan_services
from pengaduan import services
from pengaduan.models import KegiatanPengaduan, StatusPengaduan

from .factories import pengaduan_buat

pytestmark = pytest.mark.django_db


def _ditangani(dunia, desa, penangan):
    p = pengaduan_buat(desa)
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pengawas.user, keputusan=StatusPengaduan.DIVERIFIKASI
    )
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pengawas.user, penangan=penangan)
    p.refresh_from_db()
    return p


def _data(desa):
    return {
        "wilayah": desa,
        "tanggal": timezone.localdate(),
        "jam_mulai": datetime.time(9),
        "jam_selesai": datetime.time(11),
        "tata_cara": "fasilitasi",
        "judul": "Musyawarah penyelesaian BLT",
        "uraian": "",
    }


def _form(user, kegiatan=None, **data):
    eks = registry.ekstensi_kegiatan["pengaduan"]
    form = eks.form_class(
        {f"pengaduan-{k}": v for k, v in data.items()},
        user=user,
        kegiatan=kegiatan,
        prefix="pengaduan",
    )
    return eks, form


def test_kegiatan_ditautkan_ke_pengaduan(dunia):
    p = _ditangani(dunia, dunia.desa_a, dunia.pld_a)
    lain = _ditangani(dunia, dunia.desa_b, dunia.pld_b)
    u = dunia.pld_a.user
    eks, form = _form(u, pengaduan=lain.pk)
    assert not form.is_valid()  # another facilitator's complaint is not offered
    eks, form = _form(u, pengaduan=p.pk)
    assert form.is_valid(), form.errors
    hasil = kegiatan_services.kegiatan_buat(
        user=u, data=_data(dunia.desa_a), ekstensi=[(eks, form)]
    )
    k = hasil.kegiatan
    assert KegiatanPengaduan.objects.get().pengaduan == p
    assert p.peristiwa.filter(jenis="kegiatan").exists()
    # the link on the entry, for those who may see the complaint only
    links = registry.tautan_kegiatan["pengaduan"]([k], u)
    assert [i.judul for i in links[k.pk]] == [f"{p.kode} · {p.judul}"]
    assert registry.tautan_kegiatan["pengaduan"]([k], dunia.pld_b.user) == {}
    # the complaint page lists the entry
    html = dunia.klien(dunia.pd_a).get(f"/pengaduan/{p.pk}/").content.decode()
    assert "Musyawarah penyelesaian BLT" in html
    # editing the entry with the field emptied removes the link
    kosong = registry.ekstensi_kegiatan["pengaduan"].form_class(
        user=u, kegiatan=k, prefix="pengaduan"
    )
    assert kosong.initial["pengaduan"] == p.pk
    eks, form = _form(u, kegiatan=k, pengaduan="")
    assert form.is_valid()
    eks.simpan(k, form, u)
    assert not KegiatanPengaduan.objects.exists()


def test_tautan_ditolak_di_luar_desa(dunia):
    p = _ditangani(dunia, dunia.desa_a, dunia.pld_a)
    u = dunia.pld_a.user
    hasil = kegiatan_services.kegiatan_buat(user=u, data=_data(dunia.desa_a))
    k = hasil.kegiatan
    k.wilayah = dunia.desa_a2
    with pytest.raises(ValidationError):
        services.pengaduan_kegiatan_tautkan(kegiatan=k, pengaduan=p, user=u)


def test_tautan_kegiatan_kueri_tetap(dunia, django_assert_num_queries):
    p = _ditangani(dunia, dunia.desa_a, dunia.pld_a)
    u = dunia.pld_a.user
    daftar = []
    for _i in range(4):
        eks, form = _form(u, pengaduan=p.pk)
        assert form.is_valid()
        daftar.append(
            kegiatan_services.kegiatan_buat(
                user=u, data=_data(dunia.desa_a), ekstensi=[(eks, form)]
            ).kegiatan
        )
    fn = registry.tautan_kegiatan["pengaduan"]
    fn(daftar[:1], u)
    with django_assert_num_queries(1):
        assert len(fn(daftar, u)) == 4
