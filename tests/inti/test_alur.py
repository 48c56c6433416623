"""The one status move (``inti.alur.pindah_status``), exercised on the daily-log flow."""

import pytest
from django.db import connection

from pendampingan.inti.alur import PindahDitolak, pindah_status
from pendampingan.kegiatan import services
from pendampingan.models import Kegiatan, KegiatanPeristiwa, StatusKegiatan
from tests.inti.bersamaan import hanya_postgresql, serentak
from tests.kegiatan.factories import asistensi_lembaga, data_kegiatan, prinsip_lengkap

pytestmark = pytest.mark.django_db


def _diajukan(dunia) -> Kegiatan:
    k = services.kegiatan_buat(
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
    ).kegiatan
    return services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)


def test_pindah_menulis_peristiwa_dan_mengubah_baris(dunia):
    k = _diajukan(dunia)
    ev = pindah_status(k, ke=StatusKegiatan.DIVERIFIKASI, oleh=dunia.pd_a.user, catatan=" ok ")
    assert (ev.dari, ev.ke, ev.oleh, ev.catatan) == (
        "diajukan",
        "diverifikasi",
        dunia.pd_a.user,
        "ok",
    )
    assert Kegiatan.objects.get(pk=k.pk).status == "diverifikasi" and k.status == "diverifikasi"


def test_pindah_yang_tidak_ada_di_peta_ditolak_dengan_satu_bentuk(dunia):
    k = _diajukan(dunia)
    pindah_status(k, ke=StatusKegiatan.DIVERIFIKASI, oleh=dunia.pd_a.user)
    with pytest.raises(PindahDitolak) as e:
        pindah_status(k, ke=StatusKegiatan.DRAF, oleh=dunia.pld_a.user)
    assert e.value.code == "tidak_sah" and "Diverifikasi" in e.value.messages[0]


def test_pindah_ke_status_yang_sama_oleh_orang_yang_sama_tidak_berbuat_apa_apa(dunia):
    k = _diajukan(dunia)
    n = KegiatanPeristiwa.objects.count()
    assert pindah_status(k, ke=StatusKegiatan.DIAJUKAN, oleh=dunia.pld_a.user) is None
    assert KegiatanPeristiwa.objects.count() == n


def test_orang_kedua_diberi_tahu_siapa_yang_sudah_mengubah(dunia):
    k = _diajukan(dunia)
    basi = Kegiatan.objects.get(pk=k.pk)
    services.kegiatan_verifikasi(kegiatan=k, user=dunia.pd_a.user)
    with pytest.raises(PindahDitolak) as e:
        services.kegiatan_kembalikan(
            kegiatan=basi, user=dunia.pengawas.user, catatan="x", dari="diajukan"
        )
    assert e.value.code == "sudah_berubah"
    assert dunia.pd_a.user.get_username() in e.value.messages[0] or "oleh" in e.value.messages[0]
    with pytest.raises(PindahDitolak) as e:
        services.kegiatan_verifikasi(kegiatan=basi, user=dunia.pengawas.user)
    assert e.value.code == "sudah_berubah"


def test_tombol_dengan_status_basi_menampilkan_pesan_bukan_500(dunia):
    k = _diajukan(dunia)
    services.kegiatan_verifikasi(kegiatan=k, user=dunia.pd_a.user)
    resp = dunia.klien(dunia.pengawas).post(
        f"/kegiatan/{k.pk}/verifikasi/", {"dari": "diajukan"}, follow=True
    )
    assert resp.status_code == 200
    assert "Status sudah diubah" in resp.content.decode()


@hanya_postgresql
@pytest.mark.django_db(transaction=True)
def test_dua_pemeriksa_serentak_hanya_satu_pindah(dunia):
    assert connection.vendor == "postgresql"
    k = _diajukan(dunia)
    pemeriksa = [dunia.pd_a.user, dunia.pengawas.user]

    def periksa(i):
        kk = Kegiatan.objects.get(pk=k.pk)
        if i == 0:
            return services.kegiatan_verifikasi(kegiatan=kk, user=pemeriksa[i], dari="diajukan")
        return services.kegiatan_kembalikan(
            kegiatan=kk, user=pemeriksa[i], catatan="Perbaiki", dari="diajukan"
        )

    for _ in range(3):
        hasil = serentak(periksa, 2)
        berhasil = [h for h in hasil if isinstance(h, Kegiatan)]
        ditolak = [h for h in hasil if isinstance(h, PindahDitolak)]
        assert len(berhasil) == 1 and len(ditolak) == 1, hasil
        moves = KegiatanPeristiwa.objects.filter(kegiatan=k, dari="diajukan").count()
        assert moves == 1
        # put it back under review for the next round
        k.refresh_from_db()
        KegiatanPeristiwa.objects.filter(kegiatan=k).exclude(ke__in=["draf", "diajukan"]).delete()
        KegiatanPeristiwa.objects.filter(kegiatan=k, dari="diajukan").delete()
        Kegiatan.objects.filter(pk=k.pk).update(status="diajukan")


def test_klik_ganda_dengan_status_yang_dilihat_tidak_berbuat_apa_apa(dunia):
    k = _diajukan(dunia)
    services.kegiatan_verifikasi(kegiatan=k, user=dunia.pd_a.user, dari="diajukan")
    n = KegiatanPeristiwa.objects.count()
    services.kegiatan_verifikasi(kegiatan=k, user=dunia.pd_a.user, dari="diajukan")
    assert KegiatanPeristiwa.objects.count() == n
