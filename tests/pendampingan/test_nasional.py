"""Issue 17: TA Pusat and Koordinator Nasional are assigned to the whole country (an assignment
without a region), see everything, and stand in every region's supervision chain."""

import datetime
import importlib
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from pendampingan import services
from pendampingan.inti.akses import mengawasi, pengawas_terdekat, pengawas_wilayah
from pendampingan.models import Jabatan, JenisPenugasan, Kegiatan, Penugasan, Wilayah
from pendampingan.notifikasi.models import Pesan
from pendampingan.scope import cakupan_pengguna
from tests.factories import KegiatanFactory, PendampingFactory, pendamping_di, wilayah_rantai

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize("jabatan", [Jabatan.KOORDINATOR_NASIONAL, Jabatan.TA_PUSAT])
def test_peran_nasional_ditugaskan_nasional_bukan_ke_satu_provinsi(jabatan):
    p = PendampingFactory(jabatan=jabatan)
    with pytest.raises(ValidationError) as e:
        services.penugasan_buat(
            pendamping=p,
            wilayah=wilayah_rantai("33"),
            jenis=JenisPenugasan.SUPERVISI,
            mulai=D(2025, 1, 1),
        )
    assert "Supervisi di nasional" in e.value.message_dict["wilayah"][0]
    t = services.penugasan_buat(
        pendamping=p, wilayah=None, jenis=JenisPenugasan.SUPERVISI, mulai=D(2025, 1, 1)
    )
    assert t.nasional and t.wilayah_label == "Seluruh Indonesia"
    # the same national assignment twice in one period is refused like any other
    with pytest.raises(ValidationError) as e:
        services.penugasan_buat(
            pendamping=p, wilayah=None, jenis=JenisPenugasan.SUPERVISI, mulai=D(2025, 3, 1)
        )
    assert "sudah ada" in e.value.message_dict["mulai"][0]


def test_peran_wilayah_harus_punya_wilayah_dan_penugasan_nasional_hanya_supervisi():
    p = PendampingFactory(jabatan=Jabatan.KOORDINATOR_PROVINSI)
    with pytest.raises(ValidationError) as e:
        services.penugasan_buat(
            pendamping=p, wilayah=None, jenis=JenisPenugasan.SUPERVISI, mulai=D(2025, 1, 1)
        )
    assert "harus ditugaskan di sebuah wilayah" in e.value.message_dict["wilayah"][0]
    kornas = PendampingFactory(jabatan=Jabatan.KOORDINATOR_NASIONAL)
    with pytest.raises(ValidationError):
        services.penugasan_buat(
            pendamping=kornas, wilayah=None, jenis=JenisPenugasan.LAPANGAN, mulai=D(2025, 1, 1)
        )
    # the database holds it too
    with pytest.raises(IntegrityError), transaction.atomic():
        Penugasan.objects.create(
            pendamping=kornas, wilayah=None, jenis=JenisPenugasan.LAPANGAN, mulai=D(2025, 1, 1)
        )


def test_koordinator_nasional_melihat_baris_provinsi_mana_pun():
    kornas = pendamping_di(None, Jabatan.KOORDINATOR_NASIONAL)
    papua = wilayah_rantai("91.01.01.2001")
    aceh = wilayah_rantai("11.01.01.2001")
    KegiatanFactory(wilayah=papua)
    KegiatanFactory(wilayah=aceh)
    c = cakupan_pengguna(kornas.user)
    assert c.nasional and c.pengawas
    assert Kegiatan.objects.visible_to(kornas.user).count() == 2
    assert Wilayah.objects.visible_to(kornas.user).filter(kode=papua.kode).exists()
    assert mengawasi(kornas.user, papua.kode)
    # an ended national assignment gives nothing
    lalu = pendamping_di(None, Jabatan.TA_PUSAT, selesai=D(2021, 1, 1))
    assert cakupan_pengguna(lalu.user).kosong


def test_peran_nasional_dalam_rantai_setiap_wilayah(dunia):
    kornas = pendamping_di(None, Jabatan.KOORDINATOR_NASIONAL)
    papua = wilayah_rantai("91.01.01.2001")
    assert list(pengawas_wilayah(kode=papua.kode)) == [kornas]
    assert pengawas_terdekat(kode=papua.kode) == [kornas]
    # where a regional supervisor exists, the nearest one is still the regional one
    assert set(pengawas_wilayah(kode=dunia.desa_a.kode)) == {dunia.pd_a, dunia.pengawas, kornas}
    assert pengawas_terdekat(kode=dunia.desa_a.kode) == [dunia.pd_a]


def test_kegiatan_diajukan_ke_pengawas_wilayah_dulu_lalu_ke_nasional(
    dunia, django_capture_on_commit_callbacks
):
    from pendampingan.kegiatan import services as ks
    from tests.kegiatan.factories import asistensi_lembaga, data_kegiatan, prinsip_lengkap

    kornas = pendamping_di(None, Jabatan.KOORDINATOR_NASIONAL)
    papua = wilayah_rantai("91.01.01.2001")
    pld_papua = pendamping_di(papua.kode, Jabatan.PLD)
    for pld, desa in [(dunia.pld_a, dunia.desa_a), (pld_papua, papua)]:
        with django_capture_on_commit_callbacks(execute=True):
            ks.kegiatan_buat(
                user=pld.user,
                data=data_kegiatan(desa),
                prinsip=prinsip_lengkap(),
                asistensi=asistensi_lembaga(),
                ajukan=True,
            )
    penerima = dict(
        Pesan.objects.filter(peristiwa="kegiatan.diajukan").values_list(
            "penerima_user_id", "wilayah_id"
        )
    )
    # desa A has a PD and a korprov: the national coordinator is not asked; Papua has nobody else
    assert penerima.get(kornas.user_id) == papua.kode
    assert {dunia.pd_a.user_id, dunia.pengawas.user_id} <= set(penerima)


def test_migrasi_mengubah_penugasan_provinsi_peran_nasional_menjadi_nasional():
    kornas = pendamping_di("33", Jabatan.KOORDINATOR_NASIONAL)
    korprov = pendamping_di("33", Jabatan.KOORDINATOR_PROVINSI)
    migrasi = importlib.import_module(
        "pendampingan.migrations.0017_wilayah_jenis_penugasan_nasional"
    )
    migrasi.peran_nasional_jadi_nasional(django_apps, None)
    assert Penugasan.objects.get(pendamping=kornas).wilayah_id is None
    assert Penugasan.objects.get(pendamping=korprov).wilayah_id == "33"


def test_admin_menyimpan_penugasan_nasional_tanpa_wilayah():
    admin = get_user_model().objects.create_superuser("admin_nas", "a@x.id", "sandi-uji-123")
    c = Client()
    c.force_login(admin)
    p = PendampingFactory(jabatan=Jabatan.TA_PUSAT)
    data = {"pendamping": p.pk, "wilayah": "", "jenis": "supervisi", "mulai": "2025-01-01"}
    r = c.post(reverse("admin:pendampingan_penugasan_add"), data)
    assert r.status_code == 302
    assert Penugasan.objects.get().nasional
    # a regional role without a region is refused with the message
    p2 = PendampingFactory(jabatan=Jabatan.TAPM_KABUPATEN)
    r = c.post(reverse("admin:pendampingan_penugasan_add"), {**data, "pendamping": p2.pk})
    assert r.status_code == 200 and "harus ditugaskan di sebuah wilayah" in r.content.decode()
    r = c.get(reverse("admin:pendampingan_penugasan_changelist"))
    assert r.status_code == 200


def test_api_penugasan_nasional_tanpa_wilayah():
    kornas = pendamping_di(None, Jabatan.KOORDINATOR_NASIONAL)
    c = Client()
    c.force_login(kornas.user)
    r = c.get(reverse("api:pendamping-detail", args=[kornas.pk]))
    assert r.status_code == 200, r.content
    (t,) = r.json()["penugasan"]
    assert (t["wilayah"], t["wilayah_nama"], t["jenis"]) == (None, None, "supervisi")


def test_demo_koordinator_nasional_untuk_seluruh_indonesia_dan_pld_tanpa_kelurahan():
    for kode in ["33.01.01.2001", "33.01.01.2002", "33.01.01.1001", "33.01.02.2001"]:
        wilayah_rantai(kode)
    call_command("muat_demo", stdout=StringIO())
    t = Penugasan.objects.get(pendamping__user__username="nasional")
    assert t.nasional and t.jenis == JenisPenugasan.SUPERVISI
    pld = Penugasan.objects.filter(pendamping__jabatan=Jabatan.PLD)
    assert set(pld.values_list("wilayah_id", flat=True)) == {
        "33.01.01.2001",
        "33.01.01.2002",
        "33.01.02.2001",
    }
