"""The month lock: after approval, while under review, after the deadline; reopening lifts it.
Checked through the daily-log services (they ask ``registry.kunci_kegiatan``)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pendampingan.bulanan import services
from pendampingan.bulanan.models import StatusLaporan
from pendampingan.bulanan.periode import alasan_kunci_bulan, bulan_lalu, tenggat
from pendampingan.kegiatan import services as kegiatan_services
from tests.bulanan.factories import bulan_ini, kegiatan, laporan
from tests.kegiatan.factories import asistensi_lembaga, data_kegiatan

pytestmark = pytest.mark.django_db


def _ubah_judul(k, user, judul="Judul baru"):
    return kegiatan_services.kegiatan_ubah(
        kegiatan=k,
        user=user,
        data=data_kegiatan(k.wilayah, tanggal=k.tanggal, judul=judul),
        asistensi=asistensi_lembaga(),
    )


def test_tenggat_hari_ketiga_bulan_berikut(settings):
    assert tenggat(datetime.date(2026, 10, 1)) == datetime.date(2026, 11, 3)
    assert tenggat(datetime.date(2026, 12, 1)) == datetime.date(2027, 1, 3)
    settings.BULANAN_HARI_TENGGAT = 31
    assert tenggat(datetime.date(2027, 1, 1)) == datetime.date(2027, 2, 28)


def test_kunci_setelah_tenggat_dan_pengaturannya(dunia, settings):
    okt = datetime.date(2026, 10, 1)
    p = dunia.pld_a.pk
    assert (
        alasan_kunci_bulan(pendamping_id=p, bulan=okt, hari_ini=datetime.date(2026, 11, 3)) is None
    )
    alasan = alasan_kunci_bulan(pendamping_id=p, bulan=okt, hari_ini=datetime.date(2026, 11, 4))
    assert "Bulan Oktober 2026 sudah dikunci sejak 4 November 2026" in alasan
    settings.BULANAN_KUNCI_AKTIF = False
    assert (
        alasan_kunci_bulan(pendamping_id=p, bulan=okt, hari_ini=datetime.date(2027, 1, 1)) is None
    )


def test_kegiatan_bulan_disetujui_tidak_dapat_diubah(dunia):
    p = dunia.pld_a
    hasil = kegiatan_services.kegiatan_buat(
        user=p.user,
        data=data_kegiatan(dunia.desa_a, tanggal=timezone.localdate()),
        asistensi=asistensi_lembaga(),
    )
    k = hasil.kegiatan
    lap = services.laporan_ajukan(
        user=p.user, laporan=services.laporan_susun(user=p.user, bulan=bulan_ini())
    )
    with pytest.raises(ValidationError, match="sedang diperiksa pengawas"):
        _ubah_judul(k, p.user)
    services.laporan_setujui(user=dunia.pd_a.user, laporan=lap)
    with pytest.raises(ValidationError, match="sudah disetujui"):
        _ubah_judul(k, p.user)
    # a new entry dated in the approved month is refused as well
    with pytest.raises(ValidationError) as e:
        kegiatan_services.kegiatan_buat(
            user=p.user,
            data=data_kegiatan(dunia.desa_a, tanggal=timezone.localdate()),
            asistensi=asistensi_lembaga(),
        )
    assert "sudah disetujui" in e.value.message_dict["tanggal"][0]
    # the supervisor reopens the month: the report goes back, the entry can be corrected
    services.bulan_buka(user=dunia.pd_a.user, pendamping=p, bulan=bulan_ini(), alasan="Koreksi jam")
    assert _ubah_judul(k, p.user).kegiatan.judul == "Judul baru"


def test_bulan_lewat_tenggat_terkunci_sampai_dibuka(dunia):
    p = dunia.pld_a
    lama = bulan_lalu(bulan_lalu(bulan_ini()))  # two months ago: always past its deadline
    k = kegiatan(p, dunia.desa_a, lama + datetime.timedelta(days=4), judul="Lama")
    with pytest.raises(ValidationError, match="sudah dikunci sejak"):
        _ubah_judul(k, p.user)
    # the reopening is for this facilitator only
    k_b = kegiatan(dunia.pld_b, dunia.desa_b, lama + datetime.timedelta(days=4))
    services.bulan_buka(user=dunia.pd_a.user, pendamping=p, bulan=lama, alasan="Salah tanggal")
    assert _ubah_judul(k, p.user).kegiatan.judul == "Judul baru"
    with pytest.raises(ValidationError, match="sudah dikunci sejak"):
        _ubah_judul(k_b, dunia.pld_b.user)
    # a reopening expires
    from pendampingan.bulanan.models import PembukaanBulan

    PembukaanBulan.objects.update(sampai=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="sudah dikunci sejak"):
        _ubah_judul(k, p.user, judul="Lagi")


def test_rencana_bulan_terkunci_ditolak(dunia):
    laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DISETUJUI)
    with pytest.raises(ValidationError, match="sudah disetujui"):
        services.rencana_simpan(
            user=dunia.pld_a.user,
            bulan=bulan_ini(),
            wilayah=dunia.desa_a,
            tata_cara="asistensi",
            target_kegiatan=1,
        )
