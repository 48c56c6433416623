"""The coverage matrix (butir × child region), a desa's checklist, the summary behind it, its page,
its XLSX, its API, and the facilitator's home "not yet served this year" — against a hand-built
world of a past year (March 2025 the period, 2025 the year), so no date of the test run matters.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from pendampingan.dasbor import matriks, selectors, services
from pendampingan.dasbor.models import RingkasanButir
from pendampingan.kegiatan import cakupan_butir
from pendampingan.models import (
    Butir,
    StatusUnduhan,
    Unduhan,
)
from tests.factories import pendamping_di, wilayah_rantai

from .factories import DRAF, MARET, Q_MARET, D, Dunia2025, V, entri

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia25(dunia):
    return Dunia2025(dunia)


def _baris(data) -> dict:
    return {r["butir"].kode: r for g in data["grup"] for r in g["baris"]}


def _sel(r) -> dict:
    return {s["kode"]: (s["n"], s["n_tahun"]) for s in r["sel"]}


# --------------------------------------------------------------------------- the summary
def test_ringkasan_butir_per_tingkat_hanya_yang_terhitung(dunia25):
    d = dunia25.d
    bt1 = Butir.objects.get(kode="BT1").pk
    rows = {
        (r.wilayah_id, r.bulan.month): r.jumlah for r in RingkasanButir.objects.filter(butir_id=bt1)
    }
    assert rows == {
        (d.kec_a.kode, 3): 2,
        (dunia25.kec_g.kode, 3): 1,
        (d.kab_a.kode, 3): 3,
        ("33.02.01", 3): 1,
        (d.kab_b.kode, 3): 1,
        (d.provinsi.kode, 3): 4,
    }
    # a draft and a returned entry count nowhere
    c2 = Butir.objects.get(kode="C2").pk
    assert not RingkasanButir.objects.filter(butir_id=c2).exists()
    c1 = Butir.objects.get(kode="C1").pk
    assert set(RingkasanButir.objects.filter(butir_id=c1).values_list("wilayah_id", "bulan")) == {
        (d.kec_a.kode, datetime.date(2025, 7, 1)),
        (d.kab_a.kode, datetime.date(2025, 7, 1)),
        (d.provinsi.kode, datetime.date(2025, 7, 1)),
    }
    # parents are recorded for the breakdown by child region
    assert RingkasanButir.objects.get(wilayah_id=d.kec_a.kode, butir_id=bt1).induk == d.kab_a.kode


def test_penyegaran_membaca_kegiatan_baru_dan_perpindahan_status(dunia25):
    d = dunia25.d
    c1 = Butir.objects.get(kode="C1").pk

    def maret_kec_a():
        return (
            RingkasanButir.objects.filter(
                wilayah_id=d.kec_a.kode, butir_id=c1, bulan=datetime.date(2025, 3, 1)
            )
            .values_list("jumlah", flat=True)
            .first()
        )

    assert maret_kec_a() is None
    dunia25.k3.status = D  # the draft is submitted (its history row is what the refresh reads)
    dunia25.k3.save()
    entri(d.pld_a, d.desa_a, datetime.date(2025, 3, 28), V, "C1")
    services.ringkasan_segarkan()
    assert maret_kec_a() == 2


# ------------------------------------------------------------------------------ selectors
def test_matriks_kabupaten_dari_ringkasan(dunia25):
    d = dunia25.d
    data = selectors.matriks_butir(user=dunia25.korkab.user, wilayah=d.kab_a, periode=MARET)
    assert [k["kode"] for k in data["kolom"]] == sorted([d.kec_a.kode, dunia25.kec_g.kode])
    assert data["tahun"] == 2025 and (data["dari"], data["sampai"]) == MARET.as_tuple()
    b = _baris(data)
    assert len(b) == Butir.objects.filter(jenis="butir", aktif=True).count()
    kec_a, kec_g = d.kec_a.kode, dunia25.kec_g.kode
    assert _sel(b["BT1"]) == {kec_a: (2, 2), kec_g: (1, 1)} and b["BT1"]["jumlah"] == 3
    assert _sel(b["D"]) == {kec_a: (1, 1), kec_g: (0, 0)}
    # C1: served in kecamatan A in July (so not "never"), nowhere in March
    assert _sel(b["C1"]) == {kec_a: (0, 1), kec_g: (0, 0)} and b["C1"]["jumlah_tahun"] == 1
    assert _sel(b["C2"]) == {kec_a: (0, 0), kec_g: (0, 0)}
    # the office's entry counts for the kabupaten, not for a kecamatan
    assert _sel(b["F1"]) == {kec_a: (0, 0), kec_g: (0, 0)} and b["F1"]["jumlah"] == 1
    # kabupaten B's entries are not kabupaten A's
    assert b["E1a"]["jumlah_tahun"] == 0
    # grouped A–F in the regulation's order
    assert [g["tata_cara"] for g in data["grup"]] == [
        "prinsip",
        "asistensi",
        "pengorganisasian",
        "pengarahan",
        "fasilitasi",
        "bencana",
    ]
    assert data["dilayani"] == 3  # BT1, D, F1


def test_matriks_kecamatan_langsung_sama_dengan_ringkasan(dunia25):
    d = dunia25.d
    kec = selectors.matriks_butir(user=d.pd_a.user, wilayah=d.kec_a, periode=MARET)
    assert [k["kode"] for k in kec["kolom"]] == [d.desa_a.kode, d.desa_a2.kode]
    b = _baris(kec)
    assert _sel(b["BT1"]) == {d.desa_a.kode: (2, 2), d.desa_a2.kode: (0, 0)}
    assert _sel(b["C1"]) == {d.desa_a.kode: (0, 0), d.desa_a2.kode: (0, 1)}
    # the kecamatan's own totals (read live) are the kabupaten's cell for it (read off the summary)
    kab = _baris(selectors.matriks_butir(user=d.pengawas.user, wilayah=d.kab_a, periode=MARET))
    for kode, r in b.items():
        assert (r["jumlah"], r["jumlah_tahun"]) == _sel(kab[kode])[d.kec_a.kode], kode


def test_matriks_nasional_dan_provinsi(dunia25, django_user_model):
    d = dunia25.d
    admin = django_user_model.objects.create_superuser("admin", "a@contoh.id", "x")
    nasional = selectors.wilayah_dasbor(user=admin, kode="")
    b = _baris(selectors.matriks_butir(user=admin, wilayah=nasional, periode=MARET))
    assert _sel(b["BT1"]) == {d.provinsi.kode: (4, 4)} and b["BT1"]["jumlah"] == 4
    p = _baris(selectors.matriks_butir(user=d.pengawas.user, wilayah=d.provinsi, periode=MARET))
    assert _sel(p["BT1"]) == {d.kab_a.kode: (3, 3), d.kab_b.kode: (1, 1)}
    assert _sel(p["E1a"]) == {d.kab_a.kode: (0, 0), d.kab_b.kode: (1, 1)}


def test_daftar_periksa_desa(dunia25):
    d = dunia25.d
    data = selectors.daftar_periksa(user=d.pld_a.user, desa=d.desa_a, periode=MARET)
    b = _baris(data)
    assert (b["BT1"]["n"], b["BT1"]["terakhir"]) == (2, datetime.date(2025, 3, 20))
    assert (b["D"]["n"], b["D"]["terakhir"]) == (1, datetime.date(2025, 3, 10))
    assert (b["C1"]["n"], b["C1"]["terakhir"]) == (0, None)  # only a draft
    assert data["dilayani"] == 2 and data["belum_tahun"] == data["jumlah_butir"] - 2


def test_butir_yang_diganti_atau_nonaktif_tidak_dihitung(dunia25):
    Butir.objects.filter(kode="BT1").update(aktif=False)
    kode = {b.kode for b in cakupan_butir.butir_matriks()}
    assert "BT1" not in kode and "D" in kode
    assert not any(b.jenis == "kelompok" for b in cakupan_butir.butir_matriks())


# -------------------------------------------------------------------------- links and page
def test_setiap_sel_menaut_ke_baris_di_baliknya(dunia25):
    """A cell's link lists exactly the entries its number counts."""
    d = dunia25.d
    c = d.klien(dunia25.korkab)
    data = matriks.matriks(user=dunia25.korkab.user, wilayah=d.kab_a, periode=MARET)
    b = _baris(data)
    sel = {s["kode"]: s for s in b["BT1"]["sel"]}[d.kec_a.kode]
    r = c.get(sel["url"])
    assert r.status_code == 200
    halaman = r.context["halaman"]
    assert {k.pk for k in halaman} == {dunia25.k1.pk, dunia25.k2.pk}
    assert halaman.paginator.count == sel["n"] == 2
    assert "BT1" in r.content.decode()  # the list says which butir it shows
    # the row's total (the kabupaten office's entry included)
    r = c.get(b["F1"]["url"])
    assert {k.pk for k in r.context["halaman"]} == {dunia25.k8.pk}
    # a desa's checklist links to its year's entries
    desa = matriks.matriks(user=d.pld_a.user, wilayah=d.desa_a, periode=MARET)
    r = d.klien(d.pld_a).get(_baris(desa)["BT1"]["url"])
    assert {k.pk for k in r.context["halaman"]} == {dunia25.k1.pk, dunia25.k2.pk}


def test_halaman_matriks_kabupaten(dunia25):
    d = dunia25.d
    c = d.klien(dunia25.korkab)
    r = c.get(reverse("dasbor:matriks"), {"wilayah": d.kab_a.kode, **Q_MARET})
    assert r.status_code == 200
    html = r.content.decode()
    assert d.kec_a.nama in html and dunia25.kec_g.nama in html
    assert "belum pernah dilayani tahun ini" in html  # said in text, not only in colour
    assert "diajukan atau diverifikasi" in html  # the counting rule is on the page
    assert 'tabindex="0"' in html and "kolom-butir" in html
    assert Butir.objects.get(kode="E1a").bunyi[:40] in html  # the full wording in details
    assert d.desa_b.nama not in html and d.kab_b.nama not in html
    # the other kabupaten is a 404, as every dashboard URL
    assert c.get(reverse("dasbor:matriks"), {"wilayah": d.kab_b.kode}).status_code == 404
    assert c.get(reverse("dasbor:matriks-ekspor"), {"wilayah": d.kab_b.kode}).status_code == 404
    # a bad period falls back to the default with the form's message, never a 500
    r = c.get(
        reverse("dasbor:matriks"),
        {"wilayah": d.kab_a.kode, "dari": "2025-05-01", "sampai": "2025-01-01"},
    )
    assert r.status_code == 200 and "tidak boleh sebelum" in r.content.decode()


def test_halaman_daftar_periksa_desa(dunia25):
    d = dunia25.d
    r = d.klien(d.pld_a).get(reverse("dasbor:matriks"), {"wilayah": d.desa_a.kode, **Q_MARET})
    assert r.status_code == 200
    html = r.content.decode()
    assert "Daftar periksa butir" in html and "20 Mar 2025" in html
    assert r.context["matriks"]["desa"] is True


def test_panel_dasbor_dan_ekspornya(dunia25):
    d = dunia25.d
    data = selectors.panel_dasbor(user=dunia25.korkab.user, wilayah=d.kab_a, periode=MARET)
    p = next(p for p in data["panel"] if p["kunci"] == "butir")
    assert p["data"]["dilayani"] == 3 and p["data"]["tahun"] == 2025
    lembar = {j: (k, b) for j, k, b in selectors.lembar_ekspor(data["panel"])}
    kolom, baris = lembar["Matriks butir"]
    assert kolom[5:] == [d.kec_a.nama, dunia25.kec_g.nama]
    bt1 = next(b for b in baris if b[0] == "BT1")
    assert list(bt1[3:]) == [3, 3, 2, 1]
    c2 = next(b for b in baris if b[0] == "C2")
    assert list(c2[5:]) == ["belum", "belum"]
    r = d.klien(dunia25.korkab).get(reverse("dasbor:dasbor"), {"wilayah": d.kab_a.kode, **Q_MARET})
    assert "Buka matriks butir" in r.content.decode()


def test_xlsx_matriks_lewat_unduhan(dunia25, django_capture_on_commit_callbacks):
    d = dunia25.d
    c = d.klien(dunia25.korkab)
    url = (
        reverse("dasbor:matriks-ekspor")
        + "?"
        + "&".join(f"{k}={v}" for k, v in {"wilayah": d.kab_a.kode, **Q_MARET}.items())
    )
    assert c.get(url).status_code == 200  # asks first; nothing is built in the request
    assert not Unduhan.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(url, {"kunci_sekali": "5c0f1e2a-0000-4000-8000-000000000001"})
    u = Unduhan.objects.get()
    assert r.status_code == 302 and r["Location"] == u.get_absolute_url()
    u.refresh_from_db()
    assert u.status == StatusUnduhan.SIAP, u.pesan
    wb = load_workbook(u.berkas.open("rb"))
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Kode", "Butir", "Tata cara")
    assert next(r for r in rows if r[0] == "BT1")[3:] == (3, 3, 2, 1)
    # the same key again: the first file, nothing queued twice
    c.post(url, {"kunci_sekali": "5c0f1e2a-0000-4000-8000-000000000001"})
    assert Unduhan.objects.count() == 1


# --------------------------------------------------------------------------- query counts
def _lipat(dunia25, kali: int):
    """``kali`` times the entries and tags in every desa, plus new desa (new columns) in
    kecamatan A and kecamatan G, each with its own PLD and entries."""
    d = dunia25.d
    for i in range(kali):
        for pld, desa in ((d.pld_a, d.desa_a), (dunia25.pld_g, dunia25.desa_g)):
            entri(pld, desa, datetime.date(2025, 3, 11), V, "BT2", "C3", "E1b")
            entri(pld, desa, datetime.date(2025, 6, 2), D, "F2")
        for induk in (d.kec_a.kode, dunia25.kec_g.kode):
            desa = wilayah_rantai(f"{induk}.2{300 + i:03d}", f"Desa Lipat {induk} {i}")
            pld = pendamping_di(desa.kode, username=f"pld_lipat_{induk}_{i}")
            entri(pld, desa, datetime.date(2025, 3, 12), V, "BT3", "C4")
    services.ringkasan_bangun_ulang()


def test_jumlah_query_matriks_tetap(dunia25, django_assert_max_num_queries):
    d = dunia25.d
    c = d.klien(d.pengawas)
    kasus = [
        (reverse("dasbor:matriks"), w)
        for w in (d.provinsi.kode, d.kab_a.kode, d.kec_a.kode, d.desa_a.kode)
    ] + [("/api/v1/dasbor/matriks/", d.kab_a.kode), ("/api/v1/dasbor/matriks/", d.kec_a.kode)]
    kecil = {}
    for url, w in kasus:
        cache.clear()  # both rounds with a cold cache (the bell's count expires after 60 s)
        with CaptureQueriesContext(connection) as q:
            assert c.get(url, {"wilayah": w, **Q_MARET}).status_code == 200
        kecil[(url, w)] = len(q)
    _lipat(dunia25, 3)
    for (url, w), n in kecil.items():
        cache.clear()
        with django_assert_max_num_queries(n):
            assert c.get(url, {"wilayah": w, **Q_MARET}).status_code == 200


# ----------------------------------------------------------------------------------- home
def test_beranda_butir_belum_dilayani_tahun_ini(dunia):
    from django.utils import timezone

    hari_ini = timezone.localdate()
    entri(dunia.pld_a, dunia.desa_a, hari_ini, V, "BT1")
    entri(dunia.pld_a, dunia.desa_a, hari_ini, DRAF, "C1")  # a draft does not serve yet
    entri(dunia.pld_a, dunia.desa_a, hari_ini.replace(year=hari_ini.year - 1), V, "C2")
    belum = cakupan_butir.butir_belum_dilayani(
        user=dunia.pld_a.user, desa_list=[dunia.desa_a], hari_ini=hari_ini
    )[dunia.desa_a.kode]
    kode = {b.kode for b in belum}
    assert "BT1" not in kode and {"C1", "C2", "D"} <= kode
    r = dunia.klien(dunia.pld_a).get(reverse("pendampingan:beranda"))
    html = r.content.decode()
    n = cakupan_butir.butir_matriks().count() - 1
    assert f"{n} butir belum dilayani tahun {hari_ini.year}" in html
    assert reverse("pendampingan:kegiatan-buat") in html


def test_beranda_jumlah_query_tetap(dunia, django_assert_max_num_queries):
    from django.utils import timezone

    hari_ini = timezone.localdate()
    entri(dunia.pld_a, dunia.desa_a, hari_ini, V, "BT1")
    c = dunia.klien(dunia.pld_a)
    url = reverse("pendampingan:beranda")
    cache.clear()  # both rounds with a cold cache (the bell's count expires after 60 s)
    with CaptureQueriesContext(connection) as q:
        assert c.get(url).status_code == 200
    n = len(q)
    for i in range(2):  # two more desa for the same PLD, three times the entries
        desa = wilayah_rantai(f"33.01.01.2{200 + i:03d}", f"Desa Tambah {i}")
        from pendampingan.models import Penugasan

        p = Penugasan.objects.filter(pendamping=dunia.pld_a).first()
        Penugasan.objects.create(pendamping=dunia.pld_a, wilayah=desa, jenis=p.jenis, mulai=p.mulai)
        entri(dunia.pld_a, desa, hari_ini, V, "BT2", "C1")
        entri(dunia.pld_a, dunia.desa_a, hari_ini, D, "D", "E1a")
    cache.clear()
    with django_assert_max_num_queries(n):
        r = c.get(url)
    assert r.content.decode().count("butir belum dilayani tahun") == 3
