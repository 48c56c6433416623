"""Selectors of the monthly report: the recap's figures and its roll-up into the level above, who
is told a report waits, the reports waiting for a supervisor, the regions one may recap, and the
desa of a facilitator's month."""

import datetime

import pytest

from pendampingan.bulanan import selectors
from pendampingan.bulanan.models import StatusLaporan
from pendampingan.bulanan.selectors import rekap_bulanan
from pendampingan.models import Jabatan, Penugasan
from tests.bulanan.factories import OKT, bulan_ini, isi_rekap_oktober, laporan
from tests.factories import pendamping_di, wilayah_rantai

pytestmark = pytest.mark.django_db


def test_rekap_kecamatan_untuk_pd(dunia):
    isi_rekap_oktober(dunia)
    r = rekap_bulanan(user=dunia.pd_a.user, wilayah=dunia.kec_a, bulan=OKT)
    assert [b.nama for b in r.baris] == [dunia.pld_a.nama]
    b = r.baris[0]
    assert (b.hari_kerja, b.kegiatan, b.terverifikasi, b.persen_terverifikasi) == (2, 3, 2, 67)
    assert (b.status, b.rekomendasi) == ("disetujui", "bayar")
    assert b.tanda == []
    # the kecamatan recap's groups are its desa
    assert [j.kode for j in r.kelompok] == [dunia.desa_a.kode]


def test_rekap_kabupaten_menggulung_rekap_kecamatan(dunia):
    pld_c = isi_rekap_oktober(dunia)
    atas = rekap_bulanan(user=dunia.pengawas.user, wilayah=dunia.kab_a, bulan=OKT)
    assert {b.nama for b in atas.baris} == {dunia.pld_a.nama, pld_c.nama}
    assert [j.kode for j in atas.kelompok] == ["33.01.01", "33.01.02"]
    for j in atas.kelompok:
        bawah = rekap_bulanan(
            user=dunia.pengawas.user, wilayah=wilayah_rantai(j.kode), bulan=OKT
        ).total
        assert j.sebagai_dict() | {"nama": ""} == bawah.sebagai_dict() | {"nama": ""}
    t = atas.total
    assert (t.pendamping, t.disetujui, t.belum, t.kegiatan, t.terverifikasi, t.bayar) == (
        2,
        1,
        1,
        4,
        2,
        1,
    )
    c = next(b for b in atas.baris if b.nama == pld_c.nama)
    assert c.status_label == "Belum disusun"
    assert "1 kegiatan dikembalikan" in c.tanda and "tanpa rencana kerja" in c.tanda
    # the province rolls the kabupaten up the same way
    prov = rekap_bulanan(user=dunia.pengawas.user, wilayah=dunia.provinsi, bulan=OKT)
    kab_a = next(j for j in prov.kelompok if j.kode == dunia.kab_a.kode)
    assert kab_a.sebagai_dict() | {"nama": ""} == t.sebagai_dict() | {"nama": ""}
    assert prov.total.pendamping == 3


def test_pemeriksa_terdekat(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a)
    assert selectors.pemeriksa_laporan(laporan=lap) == [dunia.pd_a]
    # kabupaten B has no PD: the koordinator provinsi is the nearest above
    lap_b = laporan(dunia.pld_b, dunia.desa_b)
    assert selectors.pemeriksa_laporan(laporan=lap_b) == [dunia.pengawas]
    # a PD's own report goes above every PD, never to the PD themself
    pd_lap = laporan(dunia.pd_a, dunia.kec_a)
    assert selectors.pemeriksa_laporan(laporan=pd_lap) == [dunia.pengawas]


def test_laporan_perlu_diperiksa_hanya_yang_diawasi_dan_diajukan(dunia):
    a = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DIAJUKAN)
    laporan(dunia.pld_a, dunia.desa_a, bulan=datetime.date(2026, 1, 1))  # draf
    b = laporan(dunia.pld_b, dunia.desa_b, status=StatusLaporan.DIAJUKAN)
    assert list(selectors.laporan_perlu_diperiksa(user=dunia.pd_a.user)) == [a]
    assert set(selectors.laporan_perlu_diperiksa(user=dunia.pengawas.user)) == {a, b}
    assert not selectors.laporan_perlu_diperiksa(user=dunia.pld_a.user).exists()


def test_wilayah_rekap_hanya_wilayah_awasan(dunia):
    assert list(selectors.wilayah_rekap(user=dunia.pd_a.user)) == [dunia.kec_a]
    boleh = set(selectors.wilayah_rekap_boleh(user=dunia.pd_a.user))
    assert boleh == {dunia.kec_a}  # desa are not recapped on their own
    boleh_prov = set(selectors.wilayah_rekap_boleh(user=dunia.pengawas.user))
    assert {dunia.provinsi, dunia.kab_a, dunia.kab_b, dunia.kec_a} <= boleh_prov
    assert dunia.desa_a not in boleh_prov
    assert not selectors.wilayah_rekap_boleh(user=dunia.pld_a.user).exists()


def test_desa_tugas_bulan_mengikuti_penugasan_bulan_itu(dunia):
    p = dunia.pld_a
    assert list(selectors.desa_tugas_bulan(pendamping=p, bulan=bulan_ini())) == [dunia.desa_a]
    # a kecamatan assignment covers its desa; one that ended before the month does not count
    Penugasan.objects.create(
        pendamping=p, wilayah=dunia.kec_a, jenis="lapangan", mulai=datetime.date(2020, 1, 1)
    )
    desa_lain = wilayah_rantai("33.02.01.2002", "Desa Beta Dua")
    Penugasan.objects.create(
        pendamping=p,
        wilayah=desa_lain,
        jenis="lapangan",
        mulai=datetime.date(2020, 1, 1),
        selesai=datetime.date(2020, 12, 31),
    )
    kode = set(
        selectors.desa_tugas_bulan(pendamping=p, bulan=bulan_ini()).values_list("kode", flat=True)
    )
    assert kode == {dunia.desa_a.kode, dunia.desa_a2.kode}
    assert desa_lain.kode in set(
        selectors.desa_tugas_bulan(pendamping=p, bulan=datetime.date(2020, 6, 1)).values_list(
            "kode", flat=True
        )
    )


def test_rekap_lima_query_berapa_pun_pendampingnya(dunia, django_assert_num_queries):
    isi_rekap_oktober(dunia)
    for i in range(6):
        desa = wilayah_rantai(f"33.01.01.{2200 + i}", f"Desa Tambah {i}")
        pendamping_di(desa.kode, Jabatan.PLD)
    with django_assert_num_queries(5):
        r = rekap_bulanan(user=dunia.pengawas.user, wilayah=dunia.kab_a, bulan=OKT)
    assert r.total.pendamping == 8
