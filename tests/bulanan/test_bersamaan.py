"""Two people at the same moment (PostgreSQL: two connections, row locks): two supervisors moving
the same report make one move and the other is told who did; the same form sent twice at once makes
one plan row, one report, one reopening."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from pendampingan.bulanan import services
from pendampingan.bulanan.models import (
    LaporanBulanan,
    PembukaanBulan,
    PeristiwaLaporan,
    RencanaKerja,
    StatusLaporan,
)
from pendampingan.bulanan.periode import bulan_lalu
from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.models import TataCara
from pendampingan.notifikasi.models import Pesan
from tests.bulanan.factories import bulan_ini, kegiatan, laporan
from tests.inti.bersamaan import hanya_postgresql, serentak

pytestmark = [hanya_postgresql, pytest.mark.django_db(transaction=True)]


def _user(pendamping):
    """A fresh user object per thread (the scope is cached on the object)."""
    return get_user_model().objects.get(pk=pendamping.user_id)


def _laporan(pk):
    return LaporanBulanan.objects.select_related("pendamping", "wilayah").get(pk=pk)


def _hanya_satu_berhasil(hasil):
    gagal = [h for h in hasil if isinstance(h, BaseException)]
    assert len(gagal) == 1, hasil
    assert isinstance(gagal[0], PindahDitolak), repr(gagal[0])
    assert gagal[0].code == "sudah_berubah" and "sudah diubah" in gagal[0].messages[0]


def test_setujui_dan_kembalikan_serentak_satu_peristiwa(dunia):
    assert connection.vendor == "postgresql"
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DIAJUKAN)

    def gerak(i):
        if i == 0:
            return services.laporan_setujui(
                user=_user(dunia.pd_a), laporan=_laporan(lap.pk), dari="diajukan"
            )
        return services.laporan_kembalikan(
            user=_user(dunia.pengawas),
            laporan=_laporan(lap.pk),
            catatan="Perbaiki",
            dari="diajukan",
        )

    hasil = serentak(gerak, 2)
    _hanya_satu_berhasil(hasil)
    ev = list(PeristiwaLaporan.objects.filter(laporan=lap))
    assert len(ev) == 1
    lap.refresh_from_db()
    assert lap.status == ev[0].ke and ev[0].dari == "diajukan"
    # one notice to the facilitator, for the move that happened
    assert Pesan.objects.filter(penerima_user=dunia.pld_a.user, saluran="in_app").count() == 1


def test_dua_pengawas_menyetujui_serentak_satu_peristiwa(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DIAJUKAN)
    orang = [dunia.pd_a, dunia.pengawas]
    hasil = serentak(
        lambda i: services.laporan_setujui(
            user=_user(orang[i]), laporan=_laporan(lap.pk), dari="diajukan"
        ),
        2,
    )
    _hanya_satu_berhasil(hasil)
    assert PeristiwaLaporan.objects.filter(laporan=lap, ke="disetujui").count() == 1


def test_ajukan_dua_kali_serentak_satu_pengajuan(dunia):
    kegiatan(dunia.pld_a, dunia.desa_a, bulan_ini(), judul="Asistensi")
    lap = services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    hasil = serentak(
        lambda i: services.laporan_ajukan(user=_user(dunia.pld_a), laporan=_laporan(lap.pk)), 2
    )
    assert not [h for h in hasil if isinstance(h, BaseException)], hasil  # the second: a no-op
    assert PeristiwaLaporan.objects.filter(laporan=lap).count() == 1
    assert Pesan.objects.filter(peristiwa="bulanan.diajukan", saluran="in_app").count() == 1


def _satu_dibuat_satu_sudah_tersimpan(hasil, model):
    lain = [h for h in hasil if isinstance(h, BaseException) and not isinstance(h, SudahTersimpan)]
    assert not lain, hasil
    dibuat = [h for h in hasil if isinstance(h, model)]
    ulang = [h for h in hasil if isinstance(h, SudahTersimpan)]
    assert len(dibuat) == 1 and len(ulang) == 1, hasil
    assert ulang[0].obj == dibuat[0]


def test_rencana_dengan_kunci_sama_serentak_satu_baris(dunia):
    # one round per tata cara: the twin lands before, during or after the other's checks
    for tata_cara in TataCara.values:
        kunci = uuid.uuid4()
        hasil = serentak(
            lambda i, tc=tata_cara, k=kunci: services.rencana_simpan(
                user=_user(dunia.pld_a),
                bulan=bulan_ini(),
                wilayah=dunia.desa_a,
                tata_cara=tc,
                target_kegiatan=2,
                kunci_sekali=k,
            ),
            2,
        )
        _satu_dibuat_satu_sudah_tersimpan(hasil, RencanaKerja)
    assert RencanaKerja.objects.count() == len(TataCara.values)


def test_susun_dengan_kunci_sama_serentak_satu_laporan(dunia):
    bulan = bulan_ini()
    for _ in range(3):
        kunci = uuid.uuid4()
        hasil = serentak(
            lambda i, b=bulan, k=kunci: services.laporan_susun(
                user=_user(dunia.pld_a), bulan=b, kunci_sekali=k
            ),
            2,
        )
        _satu_dibuat_satu_sudah_tersimpan(hasil, LaporanBulanan)
        bulan = bulan_lalu(bulan)
    assert LaporanBulanan.objects.count() == 3


def test_susun_dari_dua_tab_serentak_satu_laporan(dunia):
    """Two forms (two keys) at once: one report, both see it."""
    hasil = serentak(
        lambda i: services.laporan_susun(
            user=_user(dunia.pld_a), bulan=bulan_ini(), kunci_sekali=uuid.uuid4()
        ),
        2,
    )
    assert all(isinstance(h, LaporanBulanan) for h in hasil), hasil
    assert hasil[0].pk == hasil[1].pk and LaporanBulanan.objects.count() == 1


def test_buka_dengan_kunci_sama_serentak_satu_pembukaan(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DISETUJUI)
    kunci = uuid.uuid4()
    hasil = serentak(
        lambda i: services.bulan_buka(
            user=_user(dunia.pd_a),
            pendamping=dunia.pld_a,
            bulan=lap.bulan,
            alasan="Salah jam",
            kunci_sekali=kunci,
        ),
        2,
    )
    _satu_dibuat_satu_sudah_tersimpan(hasil, PembukaanBulan)
    assert PembukaanBulan.objects.count() == 1
    assert PeristiwaLaporan.objects.filter(laporan=lap).count() == 1
