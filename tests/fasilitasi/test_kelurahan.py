"""Issue 17: a desa-only template (RPJM/RKP/APB Desa, Perdes, BUM Desa …) does not open in a
kelurahan — today an APB Desa case opened in Kelurahan Kebonmanis — and no BUM Desa sits there."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from fasilitasi import services
from fasilitasi.models import BumDesa, Fasilitasi, TemplatAlur
from pendampingan.models import Jabatan
from tests.factories import pendamping_di, wilayah_rantai

from .factories import buka_kasus, templat

pytestmark = pytest.mark.django_db
TAHUN = datetime.date.today().year
KEBONMANIS = "33.01.02.1001"


@pytest.fixture
def kebonmanis():
    return wilayah_rantai(KEBONMANIS, "Kebonmanis")


@pytest.fixture
def pd_kec(kebonmanis):
    return pendamping_di(kebonmanis.induk.kode, Jabatan.PD, jenis="supervisi")


def test_templat_bawaan_semuanya_hanya_desa():
    assert TemplatAlur.objects.exists()
    assert not TemplatAlur.objects.filter(hanya_desa=False).exists()


@pytest.mark.parametrize(
    "kode", ["apb-desa", "rkp-desa", "rpjm-desa", "pendirian-bumdes", "perdes"]
)
def test_kasus_desa_tidak_dibuka_di_kelurahan(dunia, kebonmanis, pd_kec, kode):
    with pytest.raises(ValidationError) as e:
        buka_kasus(dunia, desa=kebonmanis, kode=kode, oleh=pd_kec, pj=pd_kec)
    pesan = e.value.message_dict["wilayah"][0]
    assert pesan.startswith("Kelurahan Kebonmanis adalah kelurahan, bukan desa")
    assert templat(kode).nama in pesan
    assert not Fasilitasi.objects.exists()


def test_templat_yang_dibuka_untuk_kelurahan_boleh(dunia, kebonmanis, pd_kec):
    t = templat("pemutakhiran-data-desa")
    t.hanya_desa = False
    t.save(update_fields=["hanya_desa"])
    kasus = buka_kasus(dunia, desa=kebonmanis, kode=t.kode, oleh=pd_kec, pj=pd_kec)
    assert kasus.wilayah_id == KEBONMANIS


def test_kasus_apb_desa_di_desa_tetap_dibuka(dunia):
    assert buka_kasus(dunia).wilayah_id == dunia.desa_a.kode


def test_form_buka_kasus_di_kelurahan_menampilkan_pesan(kebonmanis, pd_kec):
    c = Client()
    c.force_login(pd_kec.user)
    r = c.post(
        reverse("fasilitasi:kasus-buat"),
        {
            "wilayah": KEBONMANIS,
            "templat": templat("apb-desa").pk,
            "tahun": TAHUN,
            "penanggung_jawab": pd_kec.pk,
        },
    )
    assert r.status_code == 200
    assert "adalah kelurahan, bukan desa" in r.content.decode()
    assert not Fasilitasi.objects.exists()


def _bumdes(desa, **kw):
    return {
        "wilayah": desa,
        "nama": "BUM Desa Maju",
        "jenis": "bumdes",
        "status_badan_hukum": "belum",
        "nomor_registrasi": "",
        "tahun_berdiri": 2020,
        **kw,
    }


def test_bumdes_tidak_berkedudukan_di_kelurahan(dunia, kebonmanis, pd_kec):
    with pytest.raises(ValidationError) as e:
        services.bumdes_simpan(user=pd_kec.user, data=_bumdes(kebonmanis))
    assert "bukan desa" in e.value.message_dict["wilayah"][0]
    with pytest.raises(ValidationError) as e:
        services.bumdes_simpan(
            user=dunia.pd_a.user,
            data=_bumdes(dunia.desa_a, jenis="bersama"),
            desa_anggota=[kebonmanis],
        )
    assert "BUM Desa Bersama" in e.value.message_dict["desa_anggota"][0]
    assert not BumDesa.objects.exists()
    assert services.bumdes_simpan(user=dunia.pd_a.user, data=_bumdes(dunia.desa_a)).pk
