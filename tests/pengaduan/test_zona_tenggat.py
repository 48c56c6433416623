"""Deadlines in the desa's own zone: at 15:30 UTC a desa in Papua (WIT, UTC+9) is already in the
next day, one in Jawa (WIB, UTC+7) is not. The daily SLA pass and every "overdue" count use the
desa's own date."""

import datetime

import pytest
from django.db.models import Q

from pendampingan.kalender import hari_ini_per_zona, q_menurut_tanggal_setempat
from pendampingan.models import Wilayah
from pengaduan import services
from pengaduan.models import Pengaduan, PengingatSLA
from tests.factories import wilayah_rantai
from tests.pengaduan.factories import pengaduan_buat

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# Wednesday 19 August 2026, 15:30 UTC: 22:30 WIB, 23:30 WITA, 00:30 WIT on Thursday 20.
MALAM_UTC = datetime.datetime(2026, 8, 19, 15, 30, tzinfo=UTC)
SIANG_UTC = datetime.datetime(2026, 8, 19, 3, 0, tzinfo=UTC)


def test_hari_ini_per_zona_dekat_tengah_malam_utc():
    assert hari_ini_per_zona(MALAM_UTC) == {
        "Asia/Jakarta": datetime.date(2026, 8, 19),
        "Asia/Makassar": datetime.date(2026, 8, 19),
        "Asia/Jayapura": datetime.date(2026, 8, 20),
    }
    # 16:30 UTC: WITA has turned too
    assert hari_ini_per_zona(MALAM_UTC + datetime.timedelta(hours=1))["Asia/Makassar"] == (
        datetime.date(2026, 8, 20)
    )


def test_q_tanggal_setempat_per_desa(dunia):
    wilayah_rantai("91.01.01.2001", "Kampung Timur")
    wilayah_rantai("73.01.01.2001", "Desa Tengah")
    qs = Wilayah.objects.filter(kode__in=["33.01.01.2001", "73.01.01.2001", "91.01.01.2001"])
    kemarin = datetime.date(2026, 8, 20)  # "the date there is after 19 August"

    def sudah_lewat(waktu):
        q = q_menurut_tanggal_setempat(
            lambda d: Q(kode__isnull=False) if d >= kemarin else Q(pk__in=[]),
            kolom_kode="kode",
            waktu=waktu,
        )
        return set(qs.filter(q).values_list("kode", flat=True))

    assert sudah_lewat(MALAM_UTC) == {"91.01.01.2001"}
    assert sudah_lewat(MALAM_UTC + datetime.timedelta(hours=1)) == {
        "91.01.01.2001",
        "73.01.01.2001",
    }
    assert sudah_lewat(SIANG_UTC) == set()
    assert len(sudah_lewat(MALAM_UTC + datetime.timedelta(hours=2))) == 3


def _dengan_tenggat(desa, tenggat):
    p = pengaduan_buat(desa)
    Pengaduan.objects.filter(pk=p.pk).update(tenggat=tenggat)
    return p


def test_sla_harian_memakai_tanggal_desa_di_wit(dunia):
    timur = wilayah_rantai("91.01.01.2001", "Kampung Timur")
    p_wit = _dengan_tenggat(timur, datetime.date(2026, 8, 19))
    p_wib = _dengan_tenggat(dunia.desa_a, datetime.date(2026, 8, 19))
    # 15:30 UTC: in WIT it is already 20 August, the deadline of the 19th has passed; in WIB not yet
    hasil = services.pengaduan_sla_periksa(waktu=MALAM_UTC)
    assert hasil["lewat"] == 1
    lewat = PengingatSLA.objects.filter(tahap=PengingatSLA.Tahap.LEWAT)
    assert list(lewat.values_list("pengaduan_id", flat=True)) == [p_wit.pk]
    assert not lewat.filter(pengaduan=p_wib).exists()
    # the WIB complaint was reminded "before" instead (its deadline is still today there)
    assert PengingatSLA.objects.filter(pengaduan=p_wib, tahap="sebelum").exists()
    # at 17:30 UTC it is 20 August in Jawa too
    hasil = services.pengaduan_sla_periksa(waktu=MALAM_UTC + datetime.timedelta(hours=2))
    assert hasil["lewat"] == 1 and lewat.filter(pengaduan=p_wib).exists()


def test_sla_harian_siang_sama_untuk_semua_zona(dunia):
    timur = wilayah_rantai("91.01.01.2001", "Kampung Timur")
    _dengan_tenggat(timur, datetime.date(2026, 8, 19))
    _dengan_tenggat(dunia.desa_a, datetime.date(2026, 8, 19))
    assert services.pengaduan_sla_periksa(waktu=SIANG_UTC)["lewat"] == 0


def test_penutupan_otomatis_di_wit_lebih_dulu(dunia):
    timur = wilayah_rantai("91.01.01.2001", "Kampung Timur")
    p_wit = pengaduan_buat(timur)
    p_wib = pengaduan_buat(dunia.desa_a)
    Pengaduan.objects.filter(pk__in=[p_wit.pk, p_wib.pk]).update(
        status="selesai", tenggat_tutup=datetime.date(2026, 8, 19)
    )
    assert services.pengaduan_sla_periksa(waktu=MALAM_UTC)["ditutup"] == 1
    p_wit.refresh_from_db()
    p_wib.refresh_from_db()
    assert p_wit.status == "ditutup" and p_wib.status == "selesai"
