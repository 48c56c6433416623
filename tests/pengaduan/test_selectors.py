"""Reads: the complaint's visibility rule applied to its child records, the status moves' view of
the timeline, the public status read, the lists behind the pages."""

import datetime

import pytest
from django.utils import timezone

from pendampingan.models import Jabatan
from pengaduan import selectors, services
from pengaduan.models import (
    KegiatanPengaduan,
    Lampiran,
    Musyawarah,
    Pengaduan,
    PengingatSLA,
    PeristiwaPengaduan,
    PeristiwaStatusPengaduan,
    StatusPengaduan,
)
from tests.factories import pendamping_di

from .factories import diterima_pada, pengaduan_buat
from .test_unggahan import _png

pytestmark = pytest.mark.django_db
S = StatusPengaduan
ANAK = (PeristiwaPengaduan, Musyawarah, Lampiran, PengingatSLA, KegiatanPengaduan)


def _ditangani(dunia, p, oleh=None):
    sup = (oleh or dunia.pd_a).user
    services.pengaduan_verifikasi(pengaduan=p, user=sup, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(pengaduan=p, user=sup, penangan=dunia.pd_a)
    p.refresh_from_db()
    return p


def _isi_anak(dunia, p):
    services.pengaduan_musyawarah_catat(
        pengaduan=p,
        user=dunia.pd_a.user,
        tanggal=timezone.localdate(),
        tempat="Balai",
        pihak_hadir="Warga",
    )
    PengingatSLA.objects.create(
        pengaduan=p, tenggat_jenis="rencana", tenggat=timezone.localdate(), tahap="sebelum"
    )


def _terlihat(model, user, p) -> bool:
    return model.objects.visible_to(user).filter(pengaduan=p).exists()


def test_anak_mengikuti_aturan_pengaduan(dunia):
    """A complaint about pld_a in pld_a's own desa: its children are as hidden as the complaint."""
    rekan = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a_rekan")
    p = pengaduan_buat(dunia.desa_a, kategori_kode="pendampingan", lampiran=[_png()])
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI, teradu=dunia.pld_a
    )
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pd_a)
    _isi_anak(dunia, p)
    for model in ANAK[:-1]:
        for pendamping in (dunia.pld_a, rekan, dunia.pld_b):
            assert not _terlihat(model, pendamping.user, p), (model, pendamping)
        for pendamping in (dunia.pd_a, dunia.pengawas):
            assert _terlihat(model, pendamping.user, p), (model, pendamping)
        assert (
            model.objects.visible_to(dunia.pd_a.user).count()
            == model.objects.filter(pengaduan=p).count()
        )


def test_anak_pengaduan_biasa_dan_wilayah(dunia):
    p = _ditangani(dunia, pengaduan_buat(dunia.desa_a, lampiran=[_png()]))
    q = pengaduan_buat(dunia.desa_b, lampiran=[_png()])
    _isi_anak(dunia, p)
    for model in (PeristiwaPengaduan, Musyawarah, Lampiran, PengingatSLA):
        assert _terlihat(model, dunia.pld_a.user, p) and not _terlihat(model, dunia.pld_a.user, q)
        assert model.objects.visible_to(dunia.pld_b.user).filter(pengaduan=p).count() == 0
        assert set(
            model.objects.di_wilayah(dunia.kab_b.kode).values_list("pengaduan_id", flat=True)
        ) <= {q.pk}
    assert not Lampiran.objects.visible_to(None).exists()


def test_peristiwa_status_hanya_gerak(dunia):
    p = _ditangani(dunia, pengaduan_buat(dunia.desa_a))
    services.pengaduan_balas(pengaduan=p, user=dunia.pd_a.user, isi="Dicek", publik=True)
    semua = list(p.peristiwa.values_list("jenis", flat=True))
    assert semua == ["diterima", "status", "penugasan", "status", "balasan"]
    gerak = PeristiwaStatusPengaduan.objects.filter(pengaduan=p)
    assert list(gerak.values_list("dari", "ke")) == [
        ("", "diterima"),
        ("diterima", "diverifikasi"),
        ("diverifikasi", "ditangani"),
    ]
    assert Pengaduan.alur.model_peristiwa() is PeristiwaStatusPengaduan


def test_tautan_kegiatan_lewat_queryset_anak(dunia):
    from pendampingan.kegiatan import services as kegiatan_services

    p = _ditangani(dunia, pengaduan_buat(dunia.desa_a))
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)
    p.refresh_from_db()
    k = kegiatan_services.kegiatan_buat(
        user=dunia.pld_a.user,
        data={
            "wilayah": dunia.desa_a,
            "tanggal": timezone.localdate(),
            "jam_mulai": datetime.time(9),
            "jam_selesai": datetime.time(10),
            "tata_cara": "fasilitasi",
            "judul": "Kunjungan",
            "uraian": "",
        },
    ).kegiatan
    services.pengaduan_kegiatan_tautkan(kegiatan=k, pengaduan=p, user=dunia.pld_a.user)
    assert list(selectors.tautan_kegiatan([k], dunia.pld_a.user)) == [k.pk]
    assert selectors.tautan_kegiatan([k], dunia.pld_b.user) == {}


def test_status_publik_tanpa_pelapor_dan_isi_rahasia(dunia):
    p = pengaduan_buat(dunia.desa_a, judul="Judul rahasia", rahasia=True)
    s = selectors.status_publik(kode=p.kode.lower())
    assert s.status == S.DITERIMA and s.rahasia
    assert (s.judul, s.kategori, s.desa) == ("", "", "")
    assert [b["judul"] for b in s.balasan] == ["Diterima"]
    assert selectors.status_publik(kode="PD-2222-2222") is None


def test_daftar_dan_papan(dunia):
    a = pengaduan_buat(dunia.desa_a, judul="Dana desa tidak transparan")
    pengaduan_buat(
        dunia.desa_a2,
        judul="Konflik batas",
        kategori_kode="konflik",
        diterima_pada=diterima_pada(datetime.date(2026, 8, 12)),
    )
    pengaduan_buat(dunia.desa_b, judul="Di kabupaten B")
    u = dunia.pd_a.user
    assert set(selectors.pengaduan_daftar(user=u).values_list("judul", flat=True)) == {
        "Dana desa tidak transparan",
        "Konflik batas",
    }
    assert list(selectors.pengaduan_daftar(user=u, q=a.kode.lower())) == [a]
    assert [x.judul for x in selectors.pengaduan_daftar(user=u, terlambat=True)] == [
        "Konflik batas"
    ]
    papan = selectors.papan_pengawas(user=u)
    assert papan["umur"]["semua"] == 2 and papan["umur"]["terlambat"] == 1
