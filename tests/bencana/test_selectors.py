"""Reads of the incident app: impact totals over each desa's latest snapshot (one query), the
supervisor's recap by kabupaten, the chronology with its corrections, the status moves, the
chronology report's context — all through the user's scope."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from bencana import selectors, services
from bencana.models import StatusKejadian

from .factories import dampak, kejadian_di

pytestmark = pytest.mark.django_db

JAM_LALU = datetime.timedelta(hours=1)


@pytest.fixture
def kejadian(dunia):
    return kejadian_di(dunia.desa_a, dunia.pld_a)


def test_total_dampak_dari_penilaian_terbaru_tiap_desa(kejadian, dunia, django_assert_num_queries):
    services.desa_terdampak_tambah(kejadian=kejadian, desa=dunia.desa_a2, oleh=dunia.pld_a)
    t0 = timezone.now() - datetime.timedelta(hours=5)
    dampak(
        kejadian,
        dunia.desa_a,
        dunia.pld_a,
        waktu=t0,
        meninggal=1,
        mengungsi=100,
        sawah_ha=Decimal("2.5"),
    )
    dampak(kejadian, dunia.desa_a, dunia.pld_a, waktu=t0 + JAM_LALU, meninggal=2, mengungsi=80)
    dampak(
        kejadian,
        dunia.desa_a2,
        dunia.pld_a,
        waktu=t0,
        hilang=3,
        mengungsi=40,
        sawah_ha=Decimal("1.25"),
    )
    # an older snapshot recorded later does not win: "latest" is by the time it describes
    dampak(kejadian, dunia.desa_a2, dunia.pld_a, waktu=t0 - JAM_LALU, hilang=9, mengungsi=400)
    with django_assert_num_queries(1):
        total = selectors.dampak_total(kejadian_ids=[kejadian.pk])[kejadian.pk]
    assert total["meninggal"] == 2
    assert total["hilang"] == 3
    assert total["mengungsi"] == 120
    assert total["sawah_ha"] == Decimal("1.25")
    assert total["n_desa"] == 2
    assert [s.wilayah_id for s in selectors.dampak_terkini_per_desa(kejadian=kejadian)] == [
        dunia.desa_a.kode,
        dunia.desa_a2.kode,
    ][:: 1 if dunia.desa_a.nama < dunia.desa_a2.nama else -1]


def test_rekap_per_kabupaten(dunia):
    a = kejadian_di(dunia.desa_a, dunia.pld_a)
    dampak(a, dunia.desa_a, dunia.pld_a, meninggal=2, mengungsi=30)
    b = kejadian_di(dunia.desa_b, dunia.pld_b)
    dampak(b, dunia.desa_b, dunia.pld_b, meninggal=1, mengungsi=5)
    selesai = kejadian_di(dunia.desa_b, dunia.pld_b)
    dampak(selesai, dunia.desa_b, dunia.pld_b, meninggal=50)
    services.kejadian_ubah_status(kejadian=selesai, ke=StatusKejadian.SELESAI, oleh=dunia.pld_b)
    rekap = {r["kode"]: r for r in selectors.rekap_kabupaten(user=dunia.pengawas.user)}
    assert rekap["33.01"]["jumlah"] == 1 and rekap["33.01"]["dampak"]["mengungsi"] == 30
    assert rekap["33.02"]["jumlah"] == 1 and rekap["33.02"]["dampak"]["meninggal"] == 1
    hanya_a = selectors.rekap_kabupaten(user=dunia.pd_a.user)
    assert [r["kode"] for r in hanya_a] == ["33.01"]


def test_perubahan_status_dengan_nama_pengubah(kejadian, dunia, django_assert_num_queries):
    services.kejadian_ubah_status(kejadian=kejadian, ke="tanggap_darurat", oleh=dunia.pld_a)
    services.kejadian_ubah_status(kejadian=kejadian, ke="selesai", oleh=dunia.pd_a)
    with django_assert_num_queries(1):
        daftar = selectors.perubahan_status(kejadian=kejadian)
        nama = [p.nama_oleh for p in daftar]
    assert nama == [dunia.pld_a.nama, dunia.pd_a.nama]
    assert [(p.dari, p.ke) for p in daftar] == [
        ("dilaporkan", "tanggap_darurat"),
        ("tanggap_darurat", "selesai"),
    ]


def test_konteks_laporan_kueri_tetap(kejadian, dunia, hitung_query):
    def isi(n):
        for i in range(n):
            services.kronologi_tambah(
                kejadian=kejadian, waktu=timezone.now(), isi=f"Entri {i}", oleh=dunia.pld_a
            )
            dampak(kejadian, dunia.desa_a, dunia.pld_a, meninggal=i)

    def hitung():
        return hitung_query(
            lambda: selectors.laporan_konteks(kejadian=kejadian, user=dunia.pengawas.user)
        )

    isi(1)
    sedikit = hitung()
    isi(3)
    assert hitung() <= sedikit
    konteks = selectors.laporan_konteks(kejadian=kejadian, user=dunia.pengawas.user)
    assert [e.isi for e in konteks["kronologi"]][-1] == "Entri 2"
    assert konteks["total"]["meninggal"] == 2
