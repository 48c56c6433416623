"""The demo loaders: accounts (muat_demo) then a daily log written through the entry services."""

from io import StringIO

import pytest
from django.core.management import call_command

from pendampingan.models import (
    Kegiatan,
    KegiatanButir,
    KegiatanPeristiwa,
    StatusKegiatan,
    TindakLanjut,
)
from tests.factories import wilayah_rantai

pytestmark = pytest.mark.django_db


def _wilayah():
    for kode in [f"33.01.01.200{i}" for i in range(1, 6)] + [
        f"33.01.02.200{i}" for i in range(1, 4)
    ]:
        wilayah_rantai(kode)


def test_muat_demo_kegiatan_mengisi_catatan_harian_dan_sekali_saja():
    _wilayah()
    call_command("muat_demo", stdout=StringIO())
    out = StringIO()
    call_command("muat_demo_kegiatan", stdout=out)
    assert "Catatan harian demo dimuat" in out.getvalue()

    qs = Kegiatan.objects.all()
    status = set(qs.values_list("status", flat=True))
    assert StatusKegiatan.DIVERIFIKASI in status
    assert StatusKegiatan.DIAJUKAN in status
    assert StatusKegiatan.DRAF in status
    assert qs.filter(status=StatusKegiatan.DIVERIFIKASI).count() > qs.count() / 2
    # written through the services: every entry has its creation event, verified ones a verifier
    assert KegiatanPeristiwa.objects.filter(ke=StatusKegiatan.DRAF).count() == qs.count()
    assert not qs.filter(status=StatusKegiatan.DIVERIFIKASI, diverifikasi_oleh=None).exists()
    # entries of the PLDs (both kecamatan) and of the PDs
    assert set(qs.values_list("pendamping__user__username", flat=True)) >= {
        "pld001",
        "pld002",
        "pd01",
        "pd02",
    }
    assert qs.filter(penilaian_prinsip__isnull=False).distinct().count() == qs.count()
    assert TindakLanjut.objects.filter(kegiatan__in=qs).exists()
    # every entry is tagged with the butir it served, and not every desa got every butir
    assert not qs.filter(tanda_butir__isnull=True).exists()
    tanda = KegiatanButir.objects.filter(kegiatan__wilayah__tingkat="desa")
    per_desa: dict[str, set[str]] = {}
    for desa, kode in tanda.values_list("kegiatan__wilayah_id", "butir__kode"):
        per_desa.setdefault(desa, set()).add(kode)
    semua = set().union(*per_desa.values())
    assert len(semua) >= 15
    assert all(kode < semua for kode in per_desa.values())

    jumlah = qs.count()
    out = StringIO()
    call_command("muat_demo_kegiatan", stdout=out)
    assert "dilewati" in out.getvalue()
    assert Kegiatan.objects.count() == jumlah
