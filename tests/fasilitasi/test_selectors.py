"""Selectors of the pipeline board: counts per stage against fixtures, lateness, the "not yet
enacted" list, scope, and a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse

from fasilitasi import selectors
from fasilitasi.models import Fasilitasi
from pendampingan.models import Jabatan
from tests.factories import pendamping_di, wilayah_rantai

from .factories import buka_kasus, majukan, templat

pytestmark = pytest.mark.django_db
TAHUN = datetime.date.today().year


def _papan(user, wilayah, kode="apb-desa", tahun=TAHUN):
    t = templat(kode)
    _tahap, tonggak = selectors.papan_templat(templat=t)
    baris = selectors.papan_baris(
        user=user, wilayah=wilayah, templat=t, tahun=tahun, tonggak_urutan=tonggak.urutan
    )
    return {b.wilayah.kode: b for b in baris}


@pytest.fixture
def dunia_papan(dunia):
    """Kecamatan A with 4 villages: desa_a at stage 3, desa_a2 at stage 1 (late), desa_a3 enacted
    (stage 6), desa_a4 no case. Kabupaten B: desa_b finished."""
    dunia.desa_a3 = wilayah_rantai("33.01.01.2003", "Desa Alpha Tiga")
    dunia.desa_a4 = wilayah_rantai("33.01.01.2004", "Desa Alpha Empat")
    pd = dunia.pd_a
    majukan(buka_kasus(dunia, desa=dunia.desa_a, oleh=pd, pj=pd), pd.user, kali=2)
    telat = buka_kasus(dunia, desa=dunia.desa_a2, oleh=pd, pj=pd)
    Fasilitasi.objects.filter(pk=telat.pk).update(
        jatuh_tempo=datetime.date.today() - datetime.timedelta(days=3)
    )
    majukan(buka_kasus(dunia, desa=dunia.desa_a3, oleh=pd, pj=pd), pd.user, kali=5)
    majukan(
        buka_kasus(dunia, desa=dunia.desa_b, oleh=dunia.pld_b, pj=dunia.pld_b),
        dunia.pld_b.user,
        kali=7,
    )
    return dunia


def test_hitungan_per_tahap_di_kecamatan(dunia_papan):
    d = dunia_papan
    rows = _papan(d.pengawas.user, d.kec_a)
    assert set(rows) == {d.desa_a.kode, d.desa_a2.kode, d.desa_a3.kode, d.desa_a4.kode}
    assert rows[d.desa_a.kode].per_tahap == {3: 1}
    assert rows[d.desa_a2.kode].per_tahap == {1: 1}
    assert rows[d.desa_a2.kode].terlambat == 1
    assert rows[d.desa_a3.kode].per_tahap == {6: 1}
    assert rows[d.desa_a3.kode].mencapai_tonggak == 1
    assert rows[d.desa_a4.kode].tanpa_kasus == 1


def test_hitungan_di_provinsi_per_kabupaten(dunia_papan):
    d = dunia_papan
    rows = _papan(d.pengawas.user, d.provinsi)
    a, b = rows[d.kab_a.kode], rows[d.kab_b.kode]
    assert a.total_desa == 4
    assert a.per_tahap == {3: 1, 1: 1, 6: 1}
    # desa_a2 (forced) and desa_a3: the APB Desa of this year was due by 31 December last year
    assert a.terlambat == 2
    assert a.mencapai_tonggak == 1
    assert a.tanpa_kasus == 1
    assert a.belum_tonggak == 3
    assert b.selesai == 1 and b.mencapai_tonggak == 1 and b.belum_tonggak == 0


def test_papan_hanya_dalam_cakupan(dunia_papan):
    d = dunia_papan
    # the PD sees only kecamatan A; their default rows are their own regions
    rows = _papan(d.pd_a.user, None)
    assert list(rows) == [d.kec_a.kode]
    assert rows[d.kec_a.kode].per_tahap == {3: 1, 1: 1, 6: 1}
    c = d.klien(d.pd_a)
    r = c.get(
        reverse("fasilitasi:papan"),
        {"templat": templat().pk, "tahun": TAHUN, "wilayah": d.kab_b.kode},
    )
    assert r.status_code == 404


def test_desa_belum_menetapkan_termasuk_tanpa_kasus(dunia_papan):
    d = dunia_papan
    t = templat()
    _tahap, tonggak = selectors.papan_templat(templat=t)
    assert tonggak.nama == "Penetapan Perdes APB Desa"
    belum = selectors.desa_belum_mencapai(
        user=d.pengawas.user, wilayah=d.provinsi, templat=t, tahun=TAHUN, urutan=tonggak.urutan
    )
    kode = {w.kode for w in belum}
    assert kode == {d.desa_a.kode, d.desa_a2.kode, d.desa_a4.kode}
    assert d.desa_a3.kode not in kode and d.desa_b.kode not in kode
    assert d.desa_a4.kode in kode  # no case at all


def test_satu_klik_belum_menetapkan(dunia_papan):
    d = dunia_papan
    c = d.klien(d.pengawas)
    papan = c.get(reverse("fasilitasi:papan"), {"templat": templat().pk, "tahun": TAHUN})
    html = papan.content.decode()
    url = reverse("fasilitasi:papan-belum")
    assert url in html
    assert "Desa yang belum sampai «Penetapan Perdes APB Desa»" in html
    r = c.get(url, {"templat": templat().pk, "tahun": TAHUN, "wilayah": d.provinsi.kode})
    teks = r.content.decode()
    assert "Desa Alpha Empat" in teks and "belum ada kasus" in teks
    assert "Desa Alpha Tiga" not in teks and "Desa Beta" not in teks


def _desa_dengan_kasus(dunia, n, mulai):
    for i in range(n):
        desa = wilayah_rantai(f"33.01.01.{mulai + i}", f"Desa Uji {mulai + i}")
        buka_kasus(dunia, desa=desa, oleh=dunia.pd_a, pj=dunia.pd_a)


def test_jumlah_query_papan_tetap(dunia, django_assert_max_num_queries):
    c = dunia.klien(dunia.pengawas)
    q = {"templat": templat().pk, "tahun": TAHUN, "wilayah": dunia.kec_a.kode}
    _desa_dengan_kasus(dunia, 3, 2100)
    c.get(reverse("fasilitasi:papan"), q)
    with django_assert_max_num_queries(25) as ctx:
        assert c.get(reverse("fasilitasi:papan"), q).status_code == 200
    n = len(ctx.captured_queries)
    _desa_dengan_kasus(dunia, 9, 2200)
    with django_assert_max_num_queries(n):
        assert c.get(reverse("fasilitasi:papan"), q).status_code == 200
    with django_assert_max_num_queries(n):
        assert c.get(reverse("fasilitasi:papan-belum"), q).status_code == 200


def test_panel_dasbor(dunia_papan, django_assert_max_num_queries):
    from fasilitasi.hooks import panel_dasbor
    from pendampingan import registry

    d = dunia_papan
    assert "fasilitasi-pipa" in registry.panel_dasbor
    periode = (datetime.date(TAHUN, 1, 1), datetime.date(TAHUN, 12, 31))
    user = d.pengawas.user
    panel_dasbor(d.provinsi, periode, user)  # the user's scope and permissions, once per request
    with django_assert_max_num_queries(3):
        ctx = panel_dasbor(d.provinsi, periode, user)
    apb = next(p for p in ctx["pipa"] if p["templat"].kode == "apb-desa")
    assert apb["total"] == 4 and apb["selesai"] == 1 and apb["telat"] == 2
    assert [s["n"] for s in apb["tahap"]][:3] == [1, 0, 1]
    assert "terlambat=1" in apb["url_telat"]
    ctx_a = panel_dasbor(d.kab_a, periode, d.pengawas.user)
    assert next(p for p in ctx_a["pipa"] if p["templat"].kode == "apb-desa")["selesai"] == 0


def test_pengawas_kabupaten_lain_tidak_melihat(dunia_papan):
    d = dunia_papan
    tapm_b = pendamping_di(d.kab_b.kode, Jabatan.TAPM_KABUPATEN)
    rows = _papan(tapm_b.user, None)
    assert list(rows) == [d.kab_b.kode]
    assert rows[d.kab_b.kode].selesai == 1
