"""Each core panel's figures against a hand-built world."""

import datetime

import pytest
from django.utils import timezone

from pendampingan.dasbor import panel, selectors
from pendampingan.dasbor.selectors import Periode

from .factories import isi_dunia

pytestmark = pytest.mark.django_db


@pytest.fixture
def hari_ini():
    return timezone.localdate()


@pytest.fixture
def periode(hari_ini):
    return Periode(hari_ini - datetime.timedelta(days=60), hari_ini)


def test_cakupan_per_kabupaten(dunia, hari_ini, periode):
    isi_dunia(dunia, hari_ini)
    d = panel.panel_cakupan(dunia.provinsi, periode.as_tuple(), dunia.pengawas.user)
    assert (d["total"], d["aktif"], d["celah"]) == (3, 1, 2)
    baris = {r["anak"]: (r["total"], r["aktif"], r["celah"]) for r in d["baris"]}
    assert baris == {"33.01": (2, 1, 1), "33.02": (1, 0, 1)}
    # the kecamatan view lists its desa themselves
    d = panel.panel_cakupan(dunia.kec_a, periode.as_tuple(), dunia.pengawas.user)
    assert {r["anak"]: r["aktif"] for r in d["baris"]} == {"33.01.01.2001": 1, "33.01.01.2002": 0}


def test_aktivitas_dari_ringkasan_sama_dengan_mentah(dunia, hari_ini, periode):
    isi_dunia(dunia, hari_ini)
    prov = panel.panel_aktivitas(dunia.provinsi, periode.as_tuple(), dunia.pengawas.user)
    t = prov["total"]
    assert (t["jumlah"], t["asistensi"], t["pengarahan"], t["fasilitasi"]) == (3, 1, 1, 1)
    assert t["menit"] == 120 + 60 + 120
    assert t["diajukan"] == 1
    assert {r["anak"]: r["jumlah"] for r in prov["anak"]} == {"33.01": 2, "33.02": 1}
    # the kecamatan (read from the entries directly) agrees with the summary of its kabupaten
    kec = panel.panel_aktivitas(dunia.kec_a, periode.as_tuple(), dunia.pengawas.user)
    kab = panel.panel_aktivitas(dunia.kab_a, periode.as_tuple(), dunia.pengawas.user)
    assert kec["total"] == kab["total"]
    assert kec["total"]["jumlah"] == 2
    assert {r["anak"]: r["jumlah"] for r in kec["anak"]} == {"33.01.01.2001": 2}
    # a period of two months or less: weekly bars; beyond: monthly
    assert prov["satuan"] == "minggu"
    tahun = Periode(hari_ini - datetime.timedelta(days=200), hari_ini)
    assert (
        panel.panel_aktivitas(dunia.provinsi, tahun.as_tuple(), dunia.pengawas.user)["satuan"]
        == "bulan"
    )


def test_aktivitas_nasional(dunia, hari_ini, periode, django_user_model):
    isi_dunia(dunia, hari_ini)
    admin = django_user_model.objects.create_superuser("admin", "a@contoh.id", "x")
    d = panel.panel_aktivitas(selectors.wilayah_nasional(), periode.as_tuple(), admin)
    assert d["total"]["jumlah"] == 3
    assert {r["anak"] for r in d["anak"]} == {"33"}


def test_pendamping_dan_desa_kosong(dunia, hari_ini, periode):
    isi_dunia(dunia, hari_ini)
    d = panel.panel_pendamping(dunia.kab_a, periode.as_tuple(), dunia.pengawas.user)
    assert d["total"]["pendamping"] == 1  # pld_a (pd_a supervises, not a field assignment)
    assert d["total"]["diajukan"] == 1
    [p] = d["teratas"]
    assert (p.nama, p.n_kegiatan, p.n_hari, p.n_diajukan) == (dunia.pld_a.nama, 2, 2, 1) or (
        # both entries may fall in different months at the start of a month
        p.n_kegiatan == 2 and p.n_diajukan == 1
    )
    # desa Alpha Dua has no PLD
    assert d["kosong_total"] == 1
    assert d["kosong"][0]["anak"] == "33.01.01"


def test_tindak_lanjut_per_wilayah_dan_pemilik(dunia, hari_ini, periode):
    isi_dunia(dunia, hari_ini)
    d = panel.panel_tindak_lanjut(dunia.provinsi, periode.as_tuple(), dunia.pengawas.user)
    assert (d["terbuka"], d["terlambat"]) == (3, 2)
    assert {r["anak"]: (r["terbuka"], r["terlambat"]) for r in d["per_wilayah"]} == {
        "33.01": (2, 1),
        "33.02": (1, 1),
    }
    assert {r["pendamping_id"]: (r["terbuka"], r["terlambat"]) for r in d["per_pemilik"]} == {
        dunia.pld_a.pk: (2, 1),
        dunia.pld_b.pk: (1, 1),
    }
    # the PD over kecamatan A sees only A's
    d = panel.panel_tindak_lanjut(dunia.kec_a, periode.as_tuple(), dunia.pd_a.user)
    assert (d["terbuka"], d["terlambat"]) == (2, 1)


def test_sdgs_dan_peserta(dunia, hari_ini):
    isi_dunia(dunia, hari_ini)
    periode = Periode(hari_ini - datetime.timedelta(days=60), hari_ini)
    for w in (dunia.provinsi, dunia.kec_a, dunia.desa_a):
        d = panel.panel_sdgs(w, periode.as_tuple(), dunia.pengawas.user)
        n = {b["nomor"]: b["n"] for b in d["baris"]}
        harap = {1: 1, 5: 2} if w == dunia.provinsi else {1: 1, 5: 1}
        assert {k: v for k, v in n.items() if v} == harap, w.kode
    a = panel.panel_aktivitas(dunia.provinsi, periode.as_tuple(), dunia.pengawas.user)
    assert (a["total"]["peserta_laki"], a["total"]["peserta_perempuan"]) == (5, 7)


def test_prinsip_bagian_dijunjung_dan_kegiatannya(dunia, hari_ini, client):
    from .factories import PRINSIP_UJI

    isi_dunia(dunia, hari_ini)
    periode = Periode(hari_ini - datetime.timedelta(days=60), hari_ini)
    d = panel.panel_prinsip(dunia.provinsi, periode.as_tuple(), dunia.pengawas.user)
    baris = {b["kode"]: b for b in d["baris"]}
    assert (baris[PRINSIP_UJI]["dijunjung"], baris[PRINSIP_UJI]["tidak"]) == (1, 1)
    assert baris[PRINSIP_UJI]["persen"] == 50
    assert baris["kemanusiaan"]["persen"] == 100
    # the kecamatan, read from the entries, says the same for its own entry
    d = panel.panel_prinsip(dunia.kec_a, periode.as_tuple(), dunia.pengawas.user)
    assert {b["kode"]: b["tidak"] for b in d["baris"]}[PRINSIP_UJI] == 1
    # the link opens exactly the entry where it was not upheld
    resp = dunia.klien(dunia.pengawas).get(
        {b["kode"]: b for b in d["baris"]}[PRINSIP_UJI]["url_tidak"]
    )
    assert resp.context["halaman"].paginator.count == 1
