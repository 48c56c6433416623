"""The dashboard's reads: who may see which region (``akses``), the region selectors, every
panel of the page, and each core panel's figures against a hand-built world."""

import datetime

import pytest
from django.utils import timezone

from pendampingan.dasbor import akses, panel, selectors
from pendampingan.dasbor.selectors import Periode

from .factories import isi_dunia

pytestmark = pytest.mark.django_db


@pytest.fixture
def hari_ini():
    return timezone.localdate()


@pytest.fixture
def periode(hari_ini):
    return Periode(hari_ini - datetime.timedelta(days=60), hari_ini)


def test_wilayah_dalam_cakupan_saja(dunia, django_user_model):
    pd = dunia.pd_a.user
    for kode, boleh in [
        (dunia.kec_a.kode, True),
        (dunia.desa_a.kode, True),
        (dunia.desa_a2.kode, True),
        (dunia.kab_a.kode, False),  # the region above their own
        (dunia.kab_b.kode, False),
        (dunia.desa_b.kode, False),
        ("", False),  # the country: national roles only
        (None, False),
    ]:
        assert akses.boleh_lihat_wilayah(pd, kode) is boleh, kode
        w = selectors.wilayah_dasbor(user=pd, kode=kode or "")
        assert (w is not None) is boleh, kode
    # a code nobody has is nobody's region, even for the country's supervisor
    admin = django_user_model.objects.create_superuser("admin", "a@contoh.id", "x")
    assert selectors.wilayah_dasbor(user=admin, kode="99.99") is None
    assert selectors.wilayah_dasbor(user=admin, kode="").tingkat == selectors.NASIONAL
    # the PLD sees their own desa's dashboard, not their neighbour's
    assert akses.boleh_lihat_wilayah(dunia.pld_a.user, dunia.desa_a.kode)
    assert not akses.boleh_lihat_wilayah(dunia.pld_a.user, dunia.desa_a2.kode)
    # an anonymous visitor sees nothing
    from django.contrib.auth.models import AnonymousUser

    assert not akses.boleh_minta_unduhan(AnonymousUser(), dunia.desa_a.kode)


def test_wilayah_dari_filter_dan_jejak(dunia):
    pd, korprov = dunia.pd_a.user, dunia.pengawas.user
    # no region named: the user's widest
    assert selectors.wilayah_dari_filter(user=pd, filter={}).kode == dunia.kec_a.kode
    assert selectors.wilayah_dari_filter(user=korprov, filter={}).kode == dunia.provinsi.kode
    assert selectors.wilayah_dari_filter(user=pd, filter={"wilayah": f" {dunia.desa_a.kode} "})
    assert selectors.wilayah_dari_filter(user=pd, filter={"wilayah": dunia.kab_b.kode}) is None
    # the breadcrumb stops at what the user may see
    jejak = selectors.wilayah_jejak(user=pd, wilayah=dunia.desa_a)
    assert [w.kode for w in jejak] == [dunia.kec_a.kode]
    jejak = selectors.wilayah_jejak(user=korprov, wilayah=dunia.desa_a)
    assert [w.kode for w in jejak] == [dunia.provinsi.kode, dunia.kab_a.kode, dunia.kec_a.kode]


def test_panel_dasbor_semua_panel_berurutan_dengan_tabelnya(dunia, hari_ini, periode):
    isi_dunia(dunia, hari_ini)
    data = selectors.panel_dasbor(user=dunia.pengawas.user, wilayah=dunia.kab_a, periode=periode)
    kunci = [p["kunci"] for p in data["panel"]]
    inti = ["cakupan", "aktivitas", "sdgs", "prinsip", "pendamping", "tindak_lanjut"]
    assert [k for k in kunci if k in inti] == inti
    lembar = {
        judul: (kolom, baris) for judul, kolom, baris in selectors.lembar_ekspor(data["panel"])
    }
    kolom, baris = lembar["Cakupan"]
    assert kolom[:2] == ["Kode", "Wilayah"]
    assert [(b[0], b[2], b[3]) for b in baris] == [(dunia.kec_a.kode, 2, 1)]
    assert selectors.nama_berkas_dasbor(dunia.kab_a, periode).startswith("dasbor-33.01-")


def test_jumlah_ringkasan_hanya_untuk_filter_yang_dipegangnya(dunia, hari_ini):
    isi_dunia(dunia, hari_ini)
    f = {"dari": hari_ini - datetime.timedelta(days=60), "sampai": hari_ini}
    assert selectors.kegiatan_jumlah_ringkasan(wilayah=dunia.provinsi, filter=f) == 3
    assert (
        selectors.kegiatan_jumlah_ringkasan(
            wilayah=dunia.provinsi, filter={**f, "status": "diajukan"}
        )
        == 1
    )
    # a filter the summary does not hold, or a small region: count the rows
    assert selectors.kegiatan_jumlah_ringkasan(wilayah=dunia.provinsi, filter={"q": "x"}) is None
    assert selectors.kegiatan_jumlah_ringkasan(wilayah=dunia.kab_a, filter=f) is None
    assert selectors.desa_jumlah_ringkasan(wilayah=dunia.provinsi, kondisi="celah") == 2


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
