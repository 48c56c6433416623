"""The summaries stay equal to the daily log through creates, edits, moves and deletes."""

import datetime

import pytest
from django.db.models import Sum
from django.utils import timezone

from pendampingan.dasbor import services
from pendampingan.dasbor.models import AktivitasDesa, RingkasanHarian, RingkasanPendampingBulan
from pendampingan.models import TataCara

from .factories import kegiatan

pytestmark = pytest.mark.django_db


def _jumlah(kode, tanggal=None):
    qs = RingkasanHarian.objects.filter(wilayah_id=kode)
    if tanggal:
        qs = qs.filter(tanggal=tanggal)
    return qs.aggregate(n=Sum("asistensi") + Sum("pengarahan"))["n"] or 0


def test_penyegaran_mengikuti_riwayat(dunia):
    hari_ini = timezone.localdate()
    kemarin = hari_ini - datetime.timedelta(days=1)
    services.ringkasan_segarkan()  # first run: full build of an empty log
    k = kegiatan(dunia.pld_a, dunia.desa_a, kemarin)
    kegiatan(dunia.pld_a, dunia.desa_a, kemarin, TataCara.PENGARAHAN)
    assert _jumlah(dunia.kec_a.kode) == 0
    assert services.ringkasan_segarkan()["kegiatan"] == 2
    assert _jumlah(dunia.kec_a.kode, kemarin) == 2
    assert _jumlah(dunia.kab_a.kode, kemarin) == 2
    assert _jumlah(dunia.provinsi.kode, kemarin) == 2
    assert AktivitasDesa.objects.get(desa=dunia.desa_a).terakhir == kemarin
    assert RingkasanPendampingBulan.objects.get(pendamping=dunia.pld_a).jumlah == 2
    # moved to another day and another desa: the old day is emptied
    lama = hari_ini - datetime.timedelta(days=20)
    k.tanggal = lama
    k.wilayah = dunia.desa_a2
    k.save()
    services.ringkasan_segarkan()
    assert _jumlah(dunia.kec_a.kode, kemarin) == 1
    assert _jumlah(dunia.kec_a.kode, lama) == 1
    assert AktivitasDesa.objects.get(desa=dunia.desa_a2).terakhir == lama
    # deleted
    k.delete()
    services.ringkasan_segarkan()
    assert _jumlah(dunia.kec_a.kode, lama) == 0
    assert not AktivitasDesa.objects.filter(desa=dunia.desa_a2).exists()
    # nothing changed: nothing recomputed
    assert services.ringkasan_segarkan()["kegiatan"] == 0


def test_bangun_ulang_sama_dengan_penyegaran(dunia):
    hari_ini = timezone.localdate()
    services.ringkasan_segarkan()
    for i in range(5):
        kegiatan(dunia.pld_a, dunia.desa_a, hari_ini - datetime.timedelta(days=i))
        kegiatan(dunia.pld_b, dunia.desa_b, hari_ini - datetime.timedelta(days=i * 7))
    services.ringkasan_segarkan()
    inkremental = sorted(
        RingkasanHarian.objects.values_list("wilayah_id", "tanggal", "asistensi", "menit")
    )
    services.ringkasan_bangun_ulang()
    penuh = sorted(
        RingkasanHarian.objects.values_list("wilayah_id", "tanggal", "asistensi", "menit")
    )
    assert inkremental == penuh
    # kecamatan and kabupaten rows: 5 days each for A and for B; the province: 9 days (day 0 shared)
    assert len(penuh) == 5 + 5 + 5 + 5 + 9
