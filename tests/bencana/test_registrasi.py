"""What the app plugs into the core: the daily-log link (duty 9), the desa timeline, the
dashboard panel, the menu."""

import pytest
from django.urls import reverse

from bencana import selectors, services
from bencana.forms import KegiatanKejadianForm
from bencana.models import KegiatanKejadian
from pendampingan import registry
from pendampingan.models import TataCara, Wilayah
from tests.factories import KegiatanFactory

from .factories import dampak, kejadian_di

pytestmark = pytest.mark.django_db


def _kegiatan(dunia, pendamping=None, desa=None, tata_cara=TataCara.BENCANA, **kw):
    return KegiatanFactory(
        pendamping=pendamping or dunia.pld_a,
        wilayah=desa or dunia.desa_a,
        tata_cara=tata_cara,
        judul=kw.pop("judul", "Evakuasi warga RT 2"),
        **kw,
    )


def test_ekstensi_terdaftar_untuk_tata_cara_bencana():
    eks = registry.ekstensi_kegiatan["bencana"]
    assert eks.tata_cara == frozenset({"bencana"})
    assert "bencana" in registry.tautan_kegiatan and "bencana" in registry.lini_masa
    assert "bencana" in registry.panel_dasbor and "bencana" in registry.navigasi


def test_ekstensi_memilih_kejadian_aktif_desa_kegiatan(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    g = _kegiatan(dunia)
    form = KegiatanKejadianForm({"bencana-kejadian": ""}, prefix="bencana", user=dunia.pld_a.user)
    assert form.is_valid(), form.errors
    registry.ekstensi_kegiatan["bencana"].simpan(g, form, dunia.pld_a.user)
    assert KegiatanKejadian.objects.get(kegiatan=g).kejadian == k
    # two active incidents in the desa: nothing is guessed, the user picks one
    k2 = kejadian_di(dunia.desa_a, dunia.pld_a, kode_jenis="102")
    g2 = _kegiatan(dunia)
    form = KegiatanKejadianForm({"bencana-kejadian": ""}, prefix="bencana", user=dunia.pld_a.user)
    assert form.is_valid()
    assert services.kegiatan_ekstensi_simpan(g2, form, dunia.pld_a.user) is None
    form = KegiatanKejadianForm(
        {"bencana-kejadian": str(k2.pk)}, prefix="bencana", user=dunia.pld_a.user
    )
    assert form.is_valid()
    services.kegiatan_ekstensi_simpan(g2, form, dunia.pld_a.user)
    assert g2.tautan_bencana.kejadian == k2


def test_kejadian_kabupaten_lain_tidak_dapat_dipilih(dunia):
    kb = kejadian_di(dunia.desa_b, dunia.pld_b)
    form = KegiatanKejadianForm(
        {"bencana-kejadian": str(kb.pk)}, prefix="bencana", user=dunia.pld_a.user
    )
    assert not form.is_valid()


def test_tautan_hanya_kegiatan_bencana_milik_sendiri_di_wilayah_terdampak(dunia):
    from django.core.exceptions import PermissionDenied, ValidationError

    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    with pytest.raises(ValidationError, match="tata cara KLB dan bencana"):
        services.kegiatan_tautkan(
            kegiatan=_kegiatan(dunia, tata_cara=TataCara.ASISTENSI),
            kejadian=k,
            user=dunia.pld_a.user,
        )
    with pytest.raises(PermissionDenied, match="kegiatan Anda sendiri"):
        services.kegiatan_tautkan(
            kegiatan=_kegiatan(dunia, pendamping=dunia.pd_a), kejadian=k, user=dunia.pld_a.user
        )
    with pytest.raises(ValidationError, match="tidak termasuk wilayah terdampak"):
        services.kegiatan_tautkan(
            kegiatan=_kegiatan(dunia, desa=dunia.desa_a2), kejadian=k, user=dunia.pld_a.user
        )
    # an entry at the kecamatan office of an affected desa counts
    kantor = services.kegiatan_tautkan(
        kegiatan=_kegiatan(dunia, desa=dunia.kec_a), kejadian=k, user=dunia.pld_a.user
    )
    assert kantor.kejadian == k


def test_kerja_tanggap_dan_tautan_di_entri(dunia, django_assert_num_queries):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    g = [_kegiatan(dunia, judul=f"Posko hari {i}") for i in range(3)]
    for x in g:
        services.kegiatan_tautkan(kegiatan=x, kejadian=k, user=dunia.pld_a.user)
    kerja = selectors.kerja_tanggap(kejadian=k, user=dunia.pengawas.user)
    assert [p for p, _d in kerja] == [dunia.pld_a] and len(kerja[0][1]) == 3
    with django_assert_num_queries(1):  # the links (the scope is cached on the user)
        tautan = selectors.tautan_kegiatan(g, dunia.pld_a.user)
    assert set(tautan) == {x.pk for x in g}
    assert tautan[g[0].pk][0].url == reverse("bencana:kejadian-detail", args=[k.pk])
    assert selectors.tautan_kegiatan(g, dunia.pld_b.user) == {}
    # the incident page offers the user's own unlinked entries
    baru = _kegiatan(dunia, judul="Distribusi logistik")
    assert list(selectors.kegiatan_untuk_ditautkan(kejadian=k, user=dunia.pld_a.user)) == [baru]
    r = dunia.klien(dunia.pld_a).post(
        reverse("bencana:kegiatan-tautkan", args=[k.pk]), {"kegiatan": baru.pk}
    )
    assert r.status_code == 302 and baru.tautan_bencana.kejadian == k


def test_lini_masa_desa(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    services.kejadian_ubah_status(kejadian=k, ke="tanggap_darurat", oleh=dunia.pld_a)
    item = selectors.lini_masa_desa(dunia.desa_a, dunia.pld_a.user, 10)
    assert len(item) == 2 and all(i.url.endswith(f"/bencana/{k.pk}/") for i in item)
    assert selectors.lini_masa_desa(dunia.desa_a, dunia.pld_b.user, 10) == []
    isi = dunia.klien(dunia.pld_a).get(
        reverse("pendampingan:wilayah-detail", args=[dunia.desa_a.kode])
    )
    assert k.ringkasan in isi.content.decode()


def test_panel_dasbor(dunia, django_assert_max_num_queries):
    a = kejadian_di(dunia.desa_a, dunia.pld_a)
    dampak(a, dunia.desa_a, dunia.pld_a, meninggal=2, mengungsi=30)
    b = kejadian_di(dunia.desa_b, dunia.pld_b)
    dampak(b, dunia.desa_b, dunia.pld_b, mengungsi=5)
    panel = registry.panel_dasbor["bencana"]
    user = dunia.pengawas.user
    selectors.panel_dasbor(dunia.provinsi, None, user)
    with django_assert_max_num_queries(3):
        d = panel.fungsi(dunia.kab_a, None, user)
    assert d["jumlah"] == 1 and d["dampak"]["mengungsi"] == 30
    assert d["url_daftar"].endswith("?wilayah=33.01")
    nasional = panel.fungsi(Wilayah(kode="", tingkat="nasional"), None, user)
    assert nasional["jumlah"] == 2 and nasional["dampak"]["mengungsi"] == 35
    assert panel.fungsi(dunia.kab_b, None, dunia.pld_a.user)["jumlah"] == 0
    from django.template.loader import render_to_string

    html = render_to_string(panel.template, d)
    assert "/bencana/?wilayah=33.01" in html and "30" in html
