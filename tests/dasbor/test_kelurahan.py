"""Issue 17: "desa tanpa pendamping" counts desa and desa adat only. Jakarta Pusat (a kota of
kelurahan only) showed 44 of 44 without a facilitator; a kelurahan has no PLD, so it is no gap —
at kecamatan level (counted live) and at the wide levels (``RingkasanWilayah``)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pendampingan.dasbor import panel, selectors
from pendampingan.dasbor.models import RingkasanWilayah
from pendampingan.dasbor.selectors import Periode
from pendampingan.dasbor.services import ringkasan_wilayah_hitung
from pendampingan.models import Jabatan
from tests.factories import UserFactory, pendamping_di, wilayah_rantai

pytestmark = pytest.mark.django_db

KELURAHAN = [f"31.71.0{k}.100{i}" for k in (1, 2) for i in (1, 2, 3)]  # Jakarta Pusat
DESA = ["32.01.01.2001", "32.01.01.2002", "32.01.01.1001"]  # a kecamatan with both


@pytest.fixture
def wilayah():
    for k in KELURAHAN + DESA:
        wilayah_rantai(k)


@pytest.fixture
def periode():
    hari = timezone.localdate()
    return Periode(hari - datetime.timedelta(days=30), hari).as_tuple()


def test_kecamatan_kelurahan_saja_tanpa_celah_pendamping_dihitung_langsung(wilayah, periode):
    admin = UserFactory(is_superuser=True)
    d = panel.panel_pendamping(selectors.Wilayah.objects.get(kode="31.71.01"), periode, admin)
    assert d["kosong_total"] == 0 and d["kosong"] == []
    # the kecamatan with desa and a kelurahan: the two desa without a PLD, not the kelurahan
    kec = selectors.Wilayah.objects.get(kode="32.01.01")
    assert panel.panel_pendamping(kec, periode, admin)["kosong_total"] == 2
    pendamping_di("32.01.01.2001", Jabatan.PLD)
    assert panel.panel_pendamping(kec, periode, admin)["kosong_total"] == 1


def test_ringkasan_wilayah_menghitung_desa_saja(wilayah, periode):
    ringkasan_wilayah_hitung()
    r = {w.wilayah_id: w for w in RingkasanWilayah.objects.all()}
    assert (r["31.71"].desa, r["31.71"].desa_kosong) == (6, 0)
    assert (r["31"].desa, r["31"].desa_kosong) == (6, 0)
    assert (r["32.01.01"].desa, r["32.01.01"].desa_kosong) == (3, 2)
    admin = UserFactory(is_superuser=True)
    d = panel.panel_pendamping(selectors.Wilayah.objects.get(kode="31.71"), periode, admin)
    assert d["kosong_total"] == 0 and d["kosong"] == []
    # the national and provincial figures read the summary: the same answer
    d = panel.panel_pendamping(selectors.wilayah_nasional(), periode, admin)
    assert d["kosong_total"] == 2
    d = panel.panel_pendamping(selectors.Wilayah.objects.get(kode="31"), periode, admin)
    assert d["kosong_total"] == 0


def test_daftar_desa_tanpa_pendamping_tanpa_kelurahan_dan_halaman_menjelaskan(wilayah, client):
    admin = UserFactory(is_superuser=True)
    kab = selectors.Wilayah.objects.get(kode="32.01")
    qs = selectors.desa_daftar(user=admin, wilayah=kab, kondisi="kosong")
    assert list(qs.values_list("kode", flat=True)) == ["32.01.01.2001", "32.01.01.2002"]
    # every village (kelurahan too) is still listed without the condition
    assert selectors.desa_daftar(user=admin, wilayah=kab).count() == 3
    client.force_login(admin)
    r = client.get(reverse("dasbor:desa-list"), {"wilayah": "32.01", "kondisi": "kosong"})
    teks = r.content.decode()
    assert r.status_code == 200 and "kelurahan tidak didampingi PLD" in teks
    r = client.get(reverse("dasbor:dasbor"), {"wilayah": "31.71"})
    teks = r.content.decode()
    assert r.status_code == 200
    assert "kelurahan tidak dihitung karena tidak didampingi PLD" in teks
