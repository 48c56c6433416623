"""Enrolment, codes, recovery codes, throttling and reset (pendampingan/masuk/services.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pendampingan.masuk import services
from pendampingan.masuk.akses import punya_perangkat, wajib_dua_langkah

from .conftest import kode_kunci, kode_untuk, perangkat_untuk

pytestmark = pytest.mark.django_db


def test_wajib_per_peran(orang, settings):
    assert not wajib_dua_langkah(orang.pld)
    assert not wajib_dua_langkah(orang.pd)
    assert wajib_dua_langkah(orang.korkab)
    assert wajib_dua_langkah(orang.korprov)
    assert wajib_dua_langkah(orang.admin)
    settings.OTP_WAJIB = False
    assert not wajib_dua_langkah(orang.korkab)


def test_daftar_dengan_kode_yang_cocok_membuat_kode_pemulihan(orang):
    kunci = services.kunci_baru()
    perangkat, kode = services.perangkat_konfirmasi(
        user=orang.korkab, kunci=kunci, kode=kode_kunci(kunci)
    )
    assert perangkat.confirmed and perangkat.key == kunci
    assert punya_perangkat(orang.korkab)
    assert len(kode) == 10 and len(set(kode)) == 10
    assert sorted(
        StaticToken.objects.filter(device__user=orang.korkab).values_list("token", flat=True)
    ) == sorted(kode)


def test_daftar_dengan_kode_salah_ditolak_tanpa_menyimpan(orang):
    kunci = services.kunci_baru()
    salah = f"{(int(kode_kunci(kunci)) + 1) % 10**6:06d}"
    with pytest.raises(ValidationError, match="tidak cocok"):
        services.perangkat_konfirmasi(user=orang.pld, kunci=kunci, kode=salah)
    with pytest.raises(ValidationError):
        services.perangkat_konfirmasi(user=orang.pld, kunci=kunci, kode="abcdef")
    assert not TOTPDevice.objects.filter(user=orang.pld).exists()


def test_daftar_ulang_mengganti_aplikasi_lama(orang):
    lama = perangkat_untuk(orang.korkab)
    kunci = services.kunci_baru()
    baru, _ = services.perangkat_konfirmasi(user=orang.korkab, kunci=kunci, kode=kode_kunci(kunci))
    assert list(TOTPDevice.objects.filter(user=orang.korkab)) == [baru]
    assert not TOTPDevice.objects.filter(pk=lama.pk).exists()


def test_kode_yang_dipakai_mendaftar_tidak_bisa_dipakai_masuk(orang):
    kunci = services.kunci_baru()
    kode = kode_kunci(kunci)
    services.perangkat_konfirmasi(user=orang.korkab, kunci=kunci, kode=kode)
    with pytest.raises(ValidationError):
        services.kode_periksa(user=orang.korkab, kode=kode)


def test_kode_aplikasi_diterima(orang):
    p = perangkat_untuk(orang.korkab)
    assert services.kode_periksa(user=orang.korkab, kode=kode_untuk(p)) == p


def test_kode_pemulihan_sekali_pakai_dan_boleh_diketik_longgar(orang):
    perangkat_untuk(orang.korkab)
    kode = services.kode_pemulihan_buat(user=orang.korkab)
    diketik = f" {kode[0][:4].upper()}-{kode[0][4:]} "
    d = services.kode_periksa(user=orang.korkab, kode=diketik)
    assert isinstance(d, StaticDevice)
    assert d.token_set.count() == 9
    d.throttle_reset()  # the next try is not made to wait
    with pytest.raises(ValidationError):
        services.kode_periksa(user=orang.korkab, kode=kode[0])


def test_kode_pemulihan_baru_membatalkan_yang_lama(orang):
    perangkat_untuk(orang.korkab)
    lama = services.kode_pemulihan_buat(user=orang.korkab)
    services.kode_pemulihan_buat(user=orang.korkab)
    with pytest.raises(ValidationError):
        services.kode_periksa(user=orang.korkab, kode=lama[0])
    assert StaticDevice.objects.filter(user=orang.korkab).count() == 1


def test_kode_salah_dibatasi_dan_hitungannya_tersimpan(orang):
    p = perangkat_untuk(orang.korkab)
    benar = kode_untuk(p)
    salah = f"{(int(benar) + 1) % 10**6:06d}"
    with pytest.raises(ValidationError, match="Kode salah"):
        services.kode_periksa(user=orang.korkab, kode=salah)
    p.refresh_from_db()
    assert p.throttling_failure_count == 1
    # straight after a failure even the right code waits (1 s, then 2, 4 …)
    with pytest.raises(ValidationError, match="Tunggu"):
        services.kode_periksa(user=orang.korkab, kode=benar)


def test_kode_kosong_atau_tanpa_perangkat(orang):
    with pytest.raises(ValidationError):
        services.kode_periksa(user=orang.pld, kode="  ")
    with pytest.raises(ValidationError, match="Belum ada"):
        services.kode_periksa(user=orang.pld, kode="123456")
    with pytest.raises(ValidationError, match="tidak berlaku"):
        services.kode_periksa(user=orang.pld, kode="abcdefgh")


def test_admin_mereset_perangkat(orang):
    perangkat_untuk(orang.korkab)
    services.kode_pemulihan_buat(user=orang.korkab)
    assert services.perangkat_hapus(user=orang.korkab, oleh=orang.admin) == 2
    assert not punya_perangkat(orang.korkab)
    assert not StaticToken.objects.filter(device__user=orang.korkab).exists()


def test_bukan_admin_tidak_bisa_mereset_orang_lain(orang):
    perangkat_untuk(orang.pld)
    with pytest.raises(PermissionDenied):
        services.perangkat_hapus(user=orang.pld, oleh=orang.korkab)
    assert punya_perangkat(orang.pld)


def test_nonaktifkan_sendiri_hanya_bila_tidak_wajib(orang):
    perangkat_untuk(orang.pld)
    perangkat_untuk(orang.korkab)
    assert services.perangkat_hapus(user=orang.pld, oleh=orang.pld) == 1
    with pytest.raises(PermissionDenied, match="wajib"):
        services.perangkat_hapus(user=orang.korkab, oleh=orang.korkab)
    assert punya_perangkat(orang.korkab)


def test_rahasia_teks_base32_berkelompok():
    teks = services.rahasia_teks("00" * 20)
    assert teks == "AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA"
