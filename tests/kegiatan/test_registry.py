"""The daily log's plug-in points: extension forms inside the entry form, links shown on an entry,
entry locks, and the desa timeline source."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from pendampingan import registry
from pendampingan.models import Kegiatan
from pendampingan.registry import EkstensiKegiatan, ItemLiniMasa
from tests.factories import KegiatanFactory

from .test_views import _post_data

pytestmark = pytest.mark.django_db


class _FormUji(forms.Form):
    nomor_rapat = forms.CharField(label="Nomor rapat forum", required=True)

    def __init__(self, *args, user, kegiatan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user


disimpan = []


def _simpan(kegiatan, form, user):
    if form.cleaned_data["nomor_rapat"] == "gagal":
        raise ValidationError("Rapat forum tidak ditemukan.")
    disimpan.append((kegiatan.pk, form.cleaned_data["nomor_rapat"], user.username))


@pytest.fixture
def ekstensi():
    disimpan.clear()
    registry.daftar_ekstensi_kegiatan(
        EkstensiKegiatan(
            kunci="uji",
            label="Rapat forum (uji)",
            tata_cara=frozenset({"asistensi"}),
            form_class=_FormUji,
            simpan=_simpan,
        )
    )
    yield
    registry.ekstensi_kegiatan.pop("uji")


def test_form_ekstensi_dirender_dengan_awalan(dunia, ekstensi):
    html = dunia.klien(dunia.pld_a).get(reverse("pendampingan:kegiatan-buat")).content.decode()
    assert 'name="uji-nomor_rapat"' in html and "Rapat forum (uji)" in html
    assert 'data-tata-cara="asistensi ' in html


def test_ekstensi_divalidasi_bersama_form_utama(dunia, ekstensi):
    resp = dunia.klien(dunia.pld_a).post(reverse("pendampingan:kegiatan-buat"), _post_data(dunia))
    assert resp.status_code == 200 and not Kegiatan.objects.exists()
    form = dict((e.kunci, f) for e, f in resp.context["ekstensi"])["uji"]
    assert "nomor_rapat" in form.errors  # the bound form is back on the page with its error
    # the required message in Indonesian (Django's, or DRF's where its catalog takes precedence)
    assert form.errors["nomor_rapat"][0] in resp.content.decode()
    assert form.errors["nomor_rapat"][0] == forms.Field.default_error_messages["required"]


def test_ekstensi_tidak_aktif_untuk_tata_cara_lain(dunia, ekstensi):
    data = _post_data(dunia, tata_cara="fasilitasi")
    resp = dunia.klien(dunia.pld_a).post(reverse("pendampingan:kegiatan-buat"), data)
    assert resp.status_code == 302 and disimpan == []


def test_simpan_ekstensi_dalam_transaksi_layanan(dunia, ekstensi):
    klien = dunia.klien(dunia.pld_a)
    resp = klien.post(
        reverse("pendampingan:kegiatan-buat"), _post_data(dunia, **{"uji-nomor_rapat": "R-7"})
    )
    k = Kegiatan.objects.get()
    assert resp.status_code == 302 and disimpan == [(k.pk, "R-7", "pld_a")]
    # a refusal inside simpan rolls the whole save back and is shown on the form
    resp = klien.post(
        reverse("pendampingan:kegiatan-buat"),
        _post_data(dunia, judul="Kedua", **{"uji-nomor_rapat": "gagal"}),
    )
    assert resp.status_code == 200 and "Rapat forum tidak ditemukan." in resp.content.decode()
    assert Kegiatan.objects.count() == 1


def test_tautan_dari_aplikasi_lain_tampil_di_kegiatan(dunia):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)

    def tautan(kegiatan_list, user):
        return {
            x.pk: [
                ItemLiniMasa(
                    waktu=x.tanggal, jenis="Forum", judul="Musyawarah dusun", url="/forum/1/"
                )
            ]
            for x in kegiatan_list
        }

    registry.daftar_tautan_kegiatan("uji", tautan)
    try:
        html = dunia.klien(dunia.pld_a).get(reverse("pendampingan:kegiatan-detail", args=[k.pk]))
        assert "Musyawarah dusun" in html.content.decode()
    finally:
        registry.tautan_kegiatan.pop("uji")


def test_kunci_bulanan_menolak_halaman_ubah(dunia):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    registry.daftar_kunci_kegiatan("uji", lambda keg: "Bulan November sudah dikunci.")
    try:
        resp = dunia.klien(dunia.pld_a).get(
            reverse("pendampingan:kegiatan-ubah", args=[k.pk]), follow=True
        )
        assert "Bulan November sudah dikunci." in resp.content.decode()
        assert resp.redirect_chain[-1][0] == reverse("pendampingan:kegiatan-detail", args=[k.pk])
    finally:
        registry.kunci_kegiatan.pop("uji")


def test_lini_masa_desa_hanya_yang_boleh_dilihat(dunia):
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, judul="Rembuk stunting")
    items = registry.lini_masa_desa(dunia.desa_a, dunia.pld_a.user)
    assert [i.judul for i in items if i.jenis == "Kegiatan"] == ["Rembuk stunting"]
    assert not [
        i for i in registry.lini_masa_desa(dunia.desa_a, dunia.pld_b.user) if i.jenis == "Kegiatan"
    ]
