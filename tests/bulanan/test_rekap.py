"""The supervisor's recap: figures per facilitator, the roll-up into the level above, the XLSX
layout and its safety against formula injection, fixed query counts."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from pendampingan.bulanan.dokumen import rekap_xlsx
from pendampingan.bulanan.models import StatusLaporan
from pendampingan.bulanan.selectors import rekap_bulanan
from pendampingan.models import Jabatan, StatusKegiatan
from tests.bulanan.factories import kegiatan, laporan, rencana
from tests.factories import pendamping_di, wilayah_rantai

pytestmark = pytest.mark.django_db

OKT = datetime.date(2026, 10, 1)


def _isi(dunia):
    """PLD A: 3 entries on 2 days (2 verified), approved and recommended for pay.
    PLD A2 (second kecamatan of kabupaten A): 1 returned entry, no report.
    PLD B (other kabupaten): not in kabupaten A's recap."""
    a, b = dunia.pld_a, dunia.pld_b
    kegiatan(a, dunia.desa_a, OKT, status=StatusKegiatan.DIVERIFIKASI)
    kegiatan(a, dunia.desa_a, OKT, "13:00", "14:00", status=StatusKegiatan.DIVERIFIKASI)
    kegiatan(a, dunia.desa_a, OKT + datetime.timedelta(days=1), status=StatusKegiatan.DIAJUKAN)
    rencana(a, dunia.desa_a, OKT)
    laporan(a, dunia.desa_a, OKT, status=StatusLaporan.DISETUJUI, rekomendasi="bayar")
    desa_c = wilayah_rantai("33.01.02.2001", "Desa Gamma")
    pld_c = pendamping_di(desa_c.kode, Jabatan.PLD, username="pld_c")
    kegiatan(pld_c, desa_c, OKT, status=StatusKegiatan.DIKEMBALIKAN)
    kegiatan(b, dunia.desa_b, OKT)
    return pld_c


def test_rekap_kecamatan_untuk_pd(dunia):
    _isi(dunia)
    r = rekap_bulanan(user=dunia.pd_a.user, wilayah=dunia.kec_a, bulan=OKT)
    assert [b.nama for b in r.baris] == [dunia.pld_a.nama]
    b = r.baris[0]
    assert (b.hari_kerja, b.kegiatan, b.terverifikasi, b.persen_terverifikasi) == (2, 3, 2, 67)
    assert (b.status, b.rekomendasi) == ("disetujui", "bayar")
    assert b.tanda == []
    # the kecamatan recap's groups are its desa
    assert [j.kode for j in r.kelompok] == [dunia.desa_a.kode]


def test_rekap_kabupaten_menggulung_rekap_kecamatan(dunia):
    pld_c = _isi(dunia)
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


def test_rekap_xlsx_tata_letak_dan_aman_dari_rumus(dunia):
    pld_c = _isi(dunia)
    pld_c.nama = '=HYPERLINK("http://jahat.example","klik")'
    pld_c.save()
    r = rekap_bulanan(user=dunia.pengawas.user, wilayah=dunia.kab_a, bulan=OKT)
    wb = openpyxl.load_workbook(io.BytesIO(rekap_xlsx(rekap=r, user=dunia.pengawas.user)))
    assert wb.sheetnames == ["Ringkasan", "Rincian pendamping"]
    ringkas = wb["Ringkasan"]
    teks = [c.value for row in ringkas.iter_rows() for c in row if c.value is not None]
    assert "REKAP LAPORAN BULANAN TENAGA PENDAMPING PROFESIONAL" in teks
    assert any("Oktober 2026" in str(v) for v in teks)
    assert "JUMLAH" in teks
    rinci = wb["Rincian pendamping"]
    sel = [c for row in rinci.iter_rows() for c in row if isinstance(c.value, str)]
    jahat = [c for c in sel if "HYPERLINK" in c.value]
    assert len(jahat) == 1
    assert jahat[0].value.startswith("'=") and jahat[0].data_type == "s"
    assert not any(c.data_type == "f" for row in rinci.iter_rows() for c in row)


def _banyak_pld(dunia, n, mulai):
    for i in range(n):
        desa = wilayah_rantai(f"33.01.01.{2100 + mulai + i}", f"Desa {mulai + i}")
        p = pendamping_di(desa.kode, Jabatan.PLD)
        kegiatan(p, desa, OKT)
        laporan(p, desa, OKT, status=StatusLaporan.DIAJUKAN)


def test_jumlah_query_rekap_tetap(dunia, django_assert_max_num_queries):
    klien = dunia.klien(dunia.pd_a)
    url = reverse("bulanan:rekap") + f"?wilayah={dunia.kec_a.kode}&bulan=2026-10"
    url_x = reverse("bulanan:rekap-xlsx") + f"?wilayah={dunia.kec_a.kode}&bulan=2026-10"
    _banyak_pld(dunia, 3, 0)
    klien.get(url)
    with django_assert_max_num_queries(30) as awal:
        assert klien.get(url).status_code == 200
    with django_assert_max_num_queries(30) as awal_x:
        assert klien.get(url_x).status_code == 200
    _banyak_pld(dunia, 9, 10)
    with django_assert_max_num_queries(len(awal)):
        resp = klien.get(url)
    assert resp.content.decode().count("status-diajukan") == 12
    with django_assert_max_num_queries(len(awal_x)):
        klien.get(url_x)


def test_rekap_hanya_untuk_pengawas_dan_wilayahnya(dunia):
    assert dunia.klien(dunia.pld_a).get(reverse("bulanan:rekap")).status_code == 403
    resp = dunia.klien(dunia.pd_a).get(
        reverse("bulanan:rekap") + f"?wilayah={dunia.kab_b.kode}&bulan=2026-10"
    )
    assert resp.status_code == 404
    resp = dunia.klien(dunia.pd_a).get(reverse("bulanan:rekap"))
    assert resp.status_code == 200 and dunia.kec_a.nama in resp.content.decode()


def test_panel_dasbor_satu_query_dan_berlingkup(dunia, django_assert_num_queries):
    from pendampingan.bulanan.panel import panel_dasbor

    laporan(dunia.pld_a, dunia.desa_a, OKT, status=StatusLaporan.DISETUJUI, rekomendasi="bayar")
    laporan(dunia.pld_b, dunia.desa_b, OKT, status=StatusLaporan.DIAJUKAN, terlambat=True)
    periode = (datetime.date(2026, 10, 5), datetime.date(2026, 10, 20))
    dunia.pengawas.user.has_perm("x")  # permissions cached, as in a request
    with django_assert_num_queries(2):  # the scope (once per request) and the figures
        d = panel_dasbor(dunia.kab_a, periode, dunia.pengawas.user)
    assert (d["angka"]["total"], d["angka"]["disetujui"], d["angka"]["bayar"]) == (1, 1, 1)
    assert f"wilayah={dunia.kab_a.kode}" in d["url_rekap"] and "bulan=2026-10" in d["url_rekap"]
    prov = panel_dasbor(dunia.provinsi, periode, dunia.pengawas.user)["angka"]
    assert (prov["total"], prov["diajukan"], prov["terlambat"]) == (2, 1, 1)
    # the PD of kecamatan A does not see kabupaten B's report
    assert panel_dasbor(dunia.provinsi, periode, dunia.pd_a.user)["angka"]["total"] == 1


def test_tautan_laporan_pada_kegiatan(dunia, django_assert_num_queries):
    from pendampingan import registry

    k1 = kegiatan(dunia.pld_a, dunia.desa_a, OKT)
    k2 = kegiatan(dunia.pld_a, dunia.desa_a, datetime.date(2026, 9, 3))
    kb = kegiatan(dunia.pld_b, dunia.desa_b, OKT)
    lap = laporan(dunia.pld_a, dunia.desa_a, OKT, status=StatusLaporan.DIAJUKAN)
    laporan(dunia.pld_b, dunia.desa_b, OKT)
    fungsi = registry.tautan_kegiatan["bulanan"]
    user = dunia.pld_a.user
    user.has_perm("x")
    fungsi([k1], user)  # the scope, once per request
    with django_assert_num_queries(1):
        hasil = fungsi([k1, k2, kb], user)
    assert list(hasil) == [k1.pk]
    assert hasil[k1.pk][0].url == f"/bulanan/laporan/{lap.pk}/"
    assert hasil[k1.pk][0].keterangan == "Diajukan"
