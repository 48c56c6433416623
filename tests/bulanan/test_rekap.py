"""The supervisor's recap pages: the XLSX layout and its safety against formula injection, fixed
query counts, who may see it; the dashboard panel and the entry link. (The recap's figures and
roll-up are in test_selectors.py.)"""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from pendampingan.bulanan.dokumen import rekap_xlsx
from pendampingan.bulanan.models import StatusLaporan
from pendampingan.bulanan.selectors import rekap_bulanan
from pendampingan.models import Jabatan
from tests.bulanan.factories import OKT, isi_rekap_oktober, kegiatan, laporan
from tests.factories import pendamping_di, wilayah_rantai

pytestmark = pytest.mark.django_db


def test_rekap_xlsx_tata_letak_dan_aman_dari_rumus(dunia):
    pld_c = isi_rekap_oktober(dunia)
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
    url_x = reverse("bulanan:rekap-xlsx")
    data_x = {"wilayah": dunia.kec_a.kode, "bulan": "2026-10"}
    _banyak_pld(dunia, 3, 0)
    klien.get(url)
    with django_assert_max_num_queries(30) as awal:
        assert klien.get(url).status_code == 200
    with django_assert_max_num_queries(40) as awal_x:
        assert klien.post(url_x, data_x).status_code == 302  # queued, built after commit
    _banyak_pld(dunia, 9, 10)
    with django_assert_max_num_queries(len(awal)):
        resp = klien.get(url)
    assert resp.content.decode().count("status-diajukan") == 12
    with django_assert_max_num_queries(len(awal_x)):
        assert klien.post(url_x, data_x).status_code == 302


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


def test_rekap_xlsx_dibuat_di_latar_dan_sekali_per_kunci(dunia, django_capture_on_commit_callbacks):
    import uuid

    from pendampingan.models import StatusUnduhan, Unduhan

    isi_rekap_oktober(dunia)
    klien = dunia.klien(dunia.pd_a)
    data = {"wilayah": dunia.kec_a.kode, "bulan": "2026-10", "kunci_sekali": str(uuid.uuid4())}
    with django_capture_on_commit_callbacks(execute=True):
        r1 = klien.post(reverse("bulanan:rekap-xlsx"), data)
    r2 = klien.post(reverse("bulanan:rekap-xlsx"), data)
    u = Unduhan.objects.get()
    assert r1["Location"] == r2["Location"] == u.get_absolute_url()
    assert u.status == StatusUnduhan.SIAP and u.nama_berkas.endswith(".xlsx")
    isi = b"".join(klien.get(reverse("pendampingan:unduhan-ambil", args=[u.pk])).streaming_content)
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    assert "Rincian pendamping" in wb.sheetnames
    # another supervisor (or the PLD) cannot fetch it
    assert (
        dunia.klien(dunia.pengawas)
        .get(reverse("pendampingan:unduhan-ambil", args=[u.pk]))
        .status_code
        == 404
    )
    assert klien.get(reverse("bulanan:rekap-xlsx")).status_code == 405  # nothing built on a GET
