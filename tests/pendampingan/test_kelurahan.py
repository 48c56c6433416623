"""Issue 17: kelurahan are not desa. The kind is data read off the code (indexed); a PLD's field
assignment, a Dana Desa priority in a pengarahan entry go to desa and desa adat only; a kelurahan
still stands in the region tree."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pendampingan import services
from pendampingan.kegiatan import services as kegiatan_services
from pendampingan.models import (
    BidangPendampingan,
    Jabatan,
    JenisPenugasan,
    JenisWilayah,
    Penugasan,
    PrioritasDanaDesa,
    Wilayah,
)
from tests.factories import PendampingFactory, pendamping_di, wilayah_rantai
from tests.kegiatan.factories import asistensi_lembaga, data_kegiatan, prinsip_lengkap

pytestmark = pytest.mark.django_db
D = datetime.date

KELURAHAN = "31.71.01.1001"  # Jakarta Pusat: kelurahan only
DESA = "33.01.01.2001"
DESA_ADAT = "51.01.01.3001"


def test_jenis_dibaca_dari_kode_dan_desa_saja_tanpa_kelurahan():
    kel, desa, adat = (wilayah_rantai(k) for k in (KELURAHAN, DESA, DESA_ADAT))
    assert (kel.jenis, desa.jenis, adat.jenis) == ("kelurahan", "desa", "desa_adat")
    assert kel.adalah_kelurahan and not kel.berpemerintahan_desa
    assert desa.berpemerintahan_desa and adat.berpemerintahan_desa
    assert not kel.induk.berpemerintahan_desa  # a kecamatan is no desa either
    assert set(Wilayah.objects.desa().values_list("kode", flat=True)) == {
        KELURAHAN,
        DESA,
        DESA_ADAT,
    }
    assert set(Wilayah.objects.pemerintahan_desa().values_list("kode", flat=True)) == {
        DESA,
        DESA_ADAT,
    }
    assert Wilayah._meta.get_field("jenis").db_index


def test_migrasi_menetapkan_jenis_dari_kode():
    """The data migration puts right a kind that disagrees with the code."""
    kel, desa, adat = (wilayah_rantai(k) for k in (KELURAHAN, DESA, DESA_ADAT))
    kota = kel.induk.induk
    Wilayah.objects.update(jenis=JenisWilayah.DESA)
    Wilayah.objects.filter(kode=kota.kode).update(jenis=JenisWilayah.KABUPATEN)
    migrasi = importlib.import_module(
        "pendampingan.migrations.0017_wilayah_jenis_penugasan_nasional"
    )
    migrasi.jenis_dari_kode(django_apps, None)
    jenis = dict(Wilayah.objects.values_list("kode", "jenis"))
    assert (jenis[KELURAHAN], jenis[DESA], jenis[DESA_ADAT]) == ("kelurahan", "desa", "desa_adat")
    assert jenis["31.71"] == "kota" and jenis["33.01"] == "kabupaten"


def test_pld_tidak_ditugaskan_di_kelurahan_tetapi_di_desa_dan_desa_adat():
    p = PendampingFactory(jabatan=Jabatan.PLD)
    with pytest.raises(ValidationError) as e:
        services.penugasan_buat(
            pendamping=p, wilayah=wilayah_rantai(KELURAHAN), mulai=D(2025, 1, 1)
        )
    pesan = e.value.message_dict["wilayah"][0]
    assert "kelurahan, bukan desa" in pesan and "Pendamping Lokal Desa" in pesan
    assert not Penugasan.objects.filter(pendamping=p).exists()
    services.penugasan_buat(pendamping=p, wilayah=wilayah_rantai(DESA), mulai=D(2025, 1, 1))
    services.penugasan_buat(pendamping=p, wilayah=wilayah_rantai(DESA_ADAT), mulai=D(2025, 1, 1))
    assert Penugasan.objects.filter(pendamping=p).count() == 2


def test_admin_menolak_pld_di_kelurahan_dengan_pesan():
    admin = get_user_model().objects.create_superuser("admin_kel", "a@x.id", "sandi-uji-123")
    c = Client()
    c.force_login(admin)
    p = PendampingFactory(jabatan=Jabatan.PLD)
    kel = wilayah_rantai(KELURAHAN)
    data = {
        "pendamping": p.pk,
        "wilayah": kel.kode,
        "jenis": JenisPenugasan.LAPANGAN,
        "mulai": "2025-01-01",
        "selesai": "",
        "catatan": "",
    }
    r = c.post(reverse("admin:pendampingan_penugasan_add"), data)
    assert r.status_code == 200
    assert "kelurahan, bukan desa" in r.content.decode()
    assert not Penugasan.objects.exists()
    wilayah_rantai(DESA)
    r = c.post(reverse("admin:pendampingan_penugasan_add"), {**data, "wilayah": DESA})
    assert r.status_code == 302
    assert Penugasan.objects.get().wilayah_id == DESA


def _pengarahan():
    return {
        "bidang": BidangPendampingan.objects.get(kode="perencanaan"),
        "prioritas": PrioritasDanaDesa.objects.filter(tahun=timezone.localdate().year).first(),
        "penerima": "Lurah dan staf",
    }


def test_prioritas_dana_desa_ditolak_di_kelurahan_tanpa_prioritas_boleh():
    """A PD with field work in a kecamatan records in its kelurahan too, but no Dana Desa
    priority there: a kelurahan gets dana kelurahan from the APBD."""
    kel = wilayah_rantai(KELURAHAN)
    pd = pendamping_di(kel.induk.kode, Jabatan.PD, jenis=JenisPenugasan.LAPANGAN)
    data = data_kegiatan(kel, tata_cara="pengarahan")
    with pytest.raises(ValidationError) as e:
        kegiatan_services.kegiatan_buat(
            user=pd.user, data=data, prinsip=prinsip_lengkap(), pengarahan=_pengarahan()
        )
    assert "kelurahan, bukan desa" in e.value.message_dict["prioritas"][0]
    k = kegiatan_services.kegiatan_buat(
        user=pd.user,
        data=data,
        prinsip=prinsip_lengkap(),
        pengarahan={**_pengarahan(), "prioritas": None},
    ).kegiatan
    assert k.pengarahan.prioritas is None and k.wilayah_id == KELURAHAN


def test_prioritas_dana_desa_di_desa_tetap_boleh():
    desa = wilayah_rantai(DESA)
    pd = pendamping_di(desa.induk.kode, Jabatan.PD, jenis=JenisPenugasan.LAPANGAN)
    k = kegiatan_services.kegiatan_buat(
        user=pd.user,
        data=data_kegiatan(desa, tata_cara="pengarahan"),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
        pengarahan=_pengarahan(),
    ).kegiatan
    assert k.pengarahan.prioritas is not None


def test_kelurahan_tetap_di_pohon_wilayah(client):
    kel = wilayah_rantai(KELURAHAN, "Kebon Kelapa")
    pengawas = pendamping_di("31.71", Jabatan.TAPM_KABUPATEN)
    client.force_login(pengawas.user)
    r = client.get(reverse("pendampingan:wilayah-detail", args=[kel.induk.kode]))
    assert r.status_code == 200 and "Kebon Kelapa" in r.content.decode()
    r = client.get(reverse("pendampingan:wilayah-detail", args=[kel.kode]))
    assert r.status_code == 200 and "Kelurahan Kebon Kelapa" in r.content.decode()
