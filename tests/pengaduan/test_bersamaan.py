"""Two requests at the same moment, on PostgreSQL (real row locks, one connection per thread):
two people moving the same complaint → one move, the other told; the same form sent twice at once →
one record and one set of notifications."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.notifikasi.models import Pesan
from pengaduan import services
from pengaduan.models import Musyawarah, Pengaduan, PeristiwaPengaduan, StatusPengaduan
from tests.inti.bersamaan import hanya_postgresql, serentak

from .factories import kategori, pengaduan_buat

pytestmark = [hanya_postgresql, pytest.mark.django_db(transaction=True)]
S = StatusPengaduan


def _hanya_satu_berhasil(hasil, ditolak=(PindahDitolak,)):
    """Exactly one call returned; each other one raised one of ``ditolak`` (never another error)."""
    berhasil = [h for h in hasil if not isinstance(h, BaseException)]
    gagal = [h for h in hasil if isinstance(h, BaseException)]
    assert len(berhasil) == 1, hasil
    assert all(isinstance(g, ditolak) for g in gagal), gagal
    return berhasil[0], gagal


def test_dua_pengawas_memverifikasi_bersamaan(dunia):
    p = pengaduan_buat(dunia.desa_a, pelapor_email="warga@contoh.id")
    keputusan = [
        (dunia.pd_a.user, {"keputusan": S.DIVERIFIKASI}),
        (dunia.pengawas.user, {"keputusan": S.DITOLAK, "alasan": "Bukan urusan desa"}),
    ]

    def verifikasi(i):
        user, kw = keputusan[i]
        return services.pengaduan_verifikasi(
            pengaduan=Pengaduan.objects.get(pk=p.pk), user=user, dari=S.DITERIMA, **kw
        )

    _ok, gagal = _hanya_satu_berhasil(serentak(verifikasi, 2))
    assert gagal[0].code == "sudah_berubah" and "oleh" in gagal[0].messages[0]
    p.refresh_from_db()
    assert p.status in (S.DIVERIFIKASI, S.DITOLAK)
    assert PeristiwaPengaduan.objects.filter(pengaduan=p, jenis="status").count() == 1
    assert Pesan.objects.filter(peristiwa="pengaduan.balasan").count() <= 1


def test_dua_penangan_merujuk_dan_menutup_bersamaan(dunia):
    p = pengaduan_buat(dunia.desa_a)
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)

    def rujuk(i):
        user = (dunia.pld_a, dunia.pd_a)[i].user
        return services.pengaduan_rujuk(
            pengaduan=Pengaduan.objects.get(pk=p.pk),
            user=user,
            instansi=f"Dinas {i}",
            dari=S.DITANGANI,
        )

    _hanya_satu_berhasil(serentak(rujuk, 2))
    p.refresh_from_db()
    assert p.status == S.DIRUJUK
    assert PeristiwaPengaduan.objects.filter(pengaduan=p, ke=S.DIRUJUK).count() == 1

    def tutup(i):
        user = (dunia.pd_a, dunia.pengawas)[i].user
        return services.pengaduan_tutup(
            pengaduan=Pengaduan.objects.get(pk=p.pk), user=user, dari=S.DIRUJUK
        )

    _hanya_satu_berhasil(serentak(tutup, 2))
    assert PeristiwaPengaduan.objects.filter(pengaduan=p, ke=S.DITUTUP).count() == 1


def test_formulir_publik_terkirim_dua_kali_bersamaan(dunia):
    kunci = uuid.uuid4()
    kat = kategori()

    def terima(_i):
        return services.pengaduan_terima(
            jenis="pengaduan",
            kategori=kat,
            wilayah=dunia.desa_a,
            judul="Jembatan putus",
            isi="Jembatan dusun putus sejak banjir.",
            pelapor_email="warga@contoh.id",
            kunci_sekali=kunci,
        )

    p, gagal = _hanya_satu_berhasil(serentak(terima, 2), ditolak=(SudahTersimpan,))
    assert gagal[0].obj.pk == p.pk
    assert Pengaduan.objects.count() == 1
    assert (
        Pesan.objects.filter(peristiwa="pengaduan.diterima", alamat="warga@contoh.id").count() == 1
    )


def test_musyawarah_terkirim_dua_kali_bersamaan(dunia):
    p = pengaduan_buat(dunia.desa_a)
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)
    kunci = uuid.uuid4()

    def catat(_i):
        return services.pengaduan_musyawarah_catat(
            pengaduan=Pengaduan.objects.get(pk=p.pk),
            user=dunia.pld_a.user,
            tanggal=timezone.localdate(),
            tempat="Balai desa",
            pihak_hadir="Warga",
            kesepakatan="Sepakat",
            mufakat=True,
            kunci_sekali=kunci,
        )

    _hanya_satu_berhasil(serentak(catat, 2), ditolak=(SudahTersimpan,))
    assert Musyawarah.objects.count() == 1
    assert PeristiwaPengaduan.objects.filter(pengaduan=p, ke=S.SELESAI).count() == 1


def test_dua_musyawarah_berbeda_bersamaan_satu_yang_menyelesaikan(dunia):
    """Two different musyawarah (two keys) with an agreement at once: the first settles the
    complaint, the second is told it is no longer being handled (never a 500)."""
    p = pengaduan_buat(dunia.desa_a)
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)

    def catat(i):
        return services.pengaduan_musyawarah_catat(
            pengaduan=Pengaduan.objects.get(pk=p.pk),
            user=(dunia.pld_a, dunia.pd_a)[i].user,
            tanggal=timezone.localdate(),
            tempat=f"Balai {i}",
            pihak_hadir="Warga",
            kesepakatan="Sepakat",
            mufakat=True,
            kunci_sekali=uuid.uuid4(),
        )

    _hanya_satu_berhasil(serentak(catat, 2), ditolak=(ValidationError,))
    assert Musyawarah.objects.count() == 1
