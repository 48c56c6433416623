"""Services of the monthly report: plans, generation that keeps edits, the flow through
``pindah_status``, permissions (403 inside the scope), one-time keys, bad input."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pendampingan import registry
from pendampingan.bulanan import services
from pendampingan.bulanan.models import (
    LANGKAH_SAH,
    LaporanBulanan,
    PembukaanBulan,
    PeristiwaLaporan,
    RencanaKerja,
    StatusLaporan,
)
from pendampingan.bulanan.periode import bulan_lalu
from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.models import Jabatan, Penugasan, TataCara
from pendampingan.notifikasi.models import Pesan
from tests.bulanan.factories import bulan_ini, kegiatan, laporan, rencana
from tests.factories import pendamping_di

pytestmark = pytest.mark.django_db


def _hari(n):
    return bulan_ini() + datetime.timedelta(days=n)


# ----------------------------------------------------------------------------------- plans
def test_rencana_untuk_desa_di_luar_penugasan_ditolak(dunia):
    with pytest.raises(ValidationError) as e:
        services.rencana_simpan(
            user=dunia.pld_a.user,
            bulan=bulan_ini(),
            wilayah=dunia.desa_b,
            tata_cara=TataCara.ASISTENSI,
            target_kegiatan=2,
        )
    assert "bukan desa tugas Anda" in e.value.message_dict["wilayah"][0]
    assert not RencanaKerja.objects.exists()


def test_rencana_ganda_dan_target_nol_ditolak(dunia):
    kw = {
        "user": dunia.pld_a.user,
        "bulan": bulan_ini(),
        "wilayah": dunia.desa_a,
        "tata_cara": TataCara.ASISTENSI,
    }
    services.rencana_simpan(target_kegiatan=2, **kw)
    with pytest.raises(ValidationError) as e:
        services.rencana_simpan(target_kegiatan=3, **kw)
    assert "sudah ada" in str(e.value)
    with pytest.raises(ValidationError) as e:
        services.rencana_simpan(target_kegiatan=0, **{**kw, "tata_cara": TataCara.FASILITASI})
    assert "paling sedikit 1" in str(e.value)


def test_salin_rencana_bulan_lalu(dunia):
    p = dunia.pld_a
    lalu = bulan_lalu(bulan_ini())
    rencana(p, dunia.desa_a, lalu, TataCara.ASISTENSI, target=3, sasaran="RKP")
    rencana(p, dunia.desa_a, lalu, TataCara.FASILITASI, target=1)
    rencana(p, dunia.desa_a2, lalu, TataCara.ASISTENSI, target=1)  # no longer assigned
    rencana(p, dunia.desa_a, bulan_ini(), TataCara.FASILITASI, target=5)  # already there
    n, lewat = services.rencana_salin_bulan_lalu(user=p.user, bulan=bulan_ini())
    assert (n, lewat) == (1, 2)
    rows = {(r.wilayah_id, r.tata_cara): r for r in RencanaKerja.objects.filter(bulan=bulan_ini())}
    assert rows[(dunia.desa_a.kode, "asistensi")].target_kegiatan == 3
    assert rows[(dunia.desa_a.kode, "asistensi")].sasaran == "RKP"
    assert rows[(dunia.desa_a.kode, "fasilitasi")].target_kegiatan == 5
    assert len(rows) == 2
    with pytest.raises(ValidationError, match="Tidak ada rencana kerja"):
        services.rencana_salin_bulan_lalu(user=dunia.pld_b.user, bulan=bulan_ini())


# ------------------------------------------------------------------------------- the report
def test_susun_ulang_menjaga_suntingan_kecuali_diminta(dunia):
    p = dunia.pld_a
    kegiatan(p, dunia.desa_a, _hari(0), judul="Asistensi pertama")
    lap = services.laporan_susun(user=p.user, bulan=bulan_ini())
    assert lap.wilayah_id == dunia.desa_a.kode and lap.jumlah_kegiatan == 1
    narasi = {n.kunci: n for n in lap.narasi.all()}
    assert set(narasi) == {"asistensi", dunia.desa_a.kode}
    n_tc = narasi["asistensi"]
    services.laporan_simpan_narasi(user=p.user, laporan=lap, teks={n_tc.pk: "Tulisan saya."})
    kegiatan(p, dunia.desa_a, _hari(1), judul="Asistensi kedua")
    lap = services.laporan_susun(user=p.user, bulan=bulan_ini())
    n_tc.refresh_from_db()
    assert lap.jumlah_kegiatan == 2
    assert n_tc.teks == "Tulisan saya." and n_tc.disunting
    assert "Asistensi kedua" in n_tc.draf
    # the section nobody edited follows the entries
    assert "Asistensi kedua" in lap.narasi.get(kunci=dunia.desa_a.kode).teks
    services.laporan_susun(user=p.user, bulan=bulan_ini(), susun_ulang_narasi=True)
    n_tc.refresh_from_db()
    assert not n_tc.disunting and "Asistensi kedua" in n_tc.teks


def test_mengajukan_bulan_kosong_ditolak(dunia):
    lap = services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini())
    with pytest.raises(ValidationError) as e:
        services.laporan_ajukan(user=dunia.pld_a.user, laporan=lap)
    assert "belum ada satu pun kegiatan" in e.value.messages[0]
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DRAF


def test_alur_ajukan_kembalikan_ajukan_setujui(dunia, django_capture_on_commit_callbacks):
    p = dunia.pld_a
    kegiatan(p, dunia.desa_a, _hari(0), judul="Asistensi")
    lap = services.laporan_susun(user=p.user, bulan=bulan_ini())
    lap = services.laporan_ajukan(user=p.user, laporan=lap)
    assert lap.status == StatusLaporan.DIAJUKAN and lap.diajukan_pada
    # the PD above (nearest supervisor) is told, not the koordinator provinsi
    pesan = Pesan.objects.filter(peristiwa="bulanan.diajukan", saluran="in_app")
    assert {m.penerima_user_id for m in pesan} == {dunia.pd_a.user_id}
    with pytest.raises(ValidationError) as e:
        services.laporan_kembalikan(user=dunia.pd_a.user, laporan=lap, catatan="  ")
    assert "Tuliskan catatan" in str(e.value)
    lap = services.laporan_kembalikan(user=dunia.pd_a.user, laporan=lap, catatan="Lengkapi narasi")
    assert lap.status == StatusLaporan.DIKEMBALIKAN and lap.catatan_pengawas == "Lengkapi narasi"
    assert Pesan.objects.filter(peristiwa="bulanan.dikembalikan", penerima_user=p.user).exists()
    lap = services.laporan_ajukan(user=p.user, laporan=lap)
    lap = services.laporan_setujui(user=dunia.pd_a.user, laporan=lap)
    assert lap.status == StatusLaporan.DISETUJUI and lap.disetujui_oleh == dunia.pd_a.user
    assert list(
        PeristiwaLaporan.objects.filter(laporan=lap).values_list("dari", "ke", "oleh__username")
    ) == [
        ("draf", "diajukan", "pld_a"),
        ("diajukan", "dikembalikan", "pd_a"),
        ("dikembalikan", "diajukan", "pld_a"),
        ("diajukan", "disetujui", "pd_a"),
    ]
    # approving again is a no-op; a move that is not allowed is refused
    services.laporan_setujui(user=dunia.pd_a.user, laporan=lap)
    assert PeristiwaLaporan.objects.filter(laporan=lap).count() == 4
    assert lap.history.count() >= 4
    with pytest.raises(ValidationError, match="tidak dapat disusun ulang"):
        services.laporan_susun(user=p.user, bulan=bulan_ini())


def test_menyetujui_laporan_sendiri_ditolak(dunia):
    # a PD who works in the field too and supervises the same kecamatan
    pd = pendamping_di(dunia.kec_a.kode, Jabatan.PD, jenis="supervisi", username="pd_ganda")
    Penugasan.objects.create(
        pendamping=pd, wilayah=dunia.kec_a, jenis="lapangan", mulai=datetime.date(2020, 1, 1)
    )
    kegiatan(pd, dunia.desa_a, _hari(0), judul="Supervisi PLD")
    lap = services.laporan_ajukan(
        user=pd.user, laporan=services.laporan_susun(user=pd.user, bulan=bulan_ini())
    )
    assert lap.wilayah_id == dunia.kec_a.kode
    with pytest.raises(PermissionDenied, match="laporan Anda sendiri"):
        services.laporan_setujui(user=pd.user, laporan=lap)
    # another PD of the same kecamatan may not either: a PD's report goes to the kabupaten
    with pytest.raises(PermissionDenied, match="di atas jabatan"):
        services.laporan_setujui(user=dunia.pd_a.user, laporan=lap)
    assert services.laporan_setujui(user=dunia.pengawas.user, laporan=lap).status == "disetujui"


def test_pengawas_di_luar_wilayah_dan_pld_tidak_dapat_menyetujui(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DIAJUKAN)
    pd_b = pendamping_di(dunia.desa_b.induk.kode, Jabatan.PD, jenis="supervisi")
    with pytest.raises(PermissionDenied, match="bukan di wilayah yang Anda awasi"):
        services.laporan_setujui(user=pd_b.user, laporan=lap)
    with pytest.raises(PermissionDenied):
        services.laporan_setujui(user=dunia.pld_b.user, laporan=lap)
    with pytest.raises(PermissionDenied):
        services.laporan_rekomendasikan(user=pd_b.user, laporan=lap, rekomendasi="bayar")
    assert not PeristiwaLaporan.objects.exists()


def test_rekomendasi_tahan_perlu_alasan_bayar_perlu_disetujui(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DIAJUKAN)
    with pytest.raises(ValidationError, match="yang disetujui"):
        services.laporan_rekomendasikan(user=dunia.pd_a.user, laporan=lap, rekomendasi="bayar")
    with pytest.raises(ValidationError, match="alasan"):
        services.laporan_rekomendasikan(user=dunia.pd_a.user, laporan=lap, rekomendasi="tahan")
    services.laporan_rekomendasikan(
        user=dunia.pd_a.user, laporan=lap, rekomendasi="tahan", alasan="Jam tidak wajar"
    )
    lap.refresh_from_db()
    assert (lap.rekomendasi, lap.alasan_rekomendasi) == ("tahan", "Jam tidak wajar")
    assert lap.direkomendasi_oleh == dunia.pd_a.user


def test_bukan_pemilik_tidak_dapat_mengajukan_atau_menyunting(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a)
    with pytest.raises(PermissionDenied):
        services.laporan_ajukan(user=dunia.pd_a.user, laporan=lap)
    with pytest.raises(PermissionDenied):
        services.laporan_simpan_narasi(user=dunia.pd_a.user, laporan=lap, teks={})
    r = rencana(dunia.pld_a, dunia.desa_a, bulan_ini())
    with pytest.raises(PermissionDenied):
        services.rencana_hapus(user=dunia.pd_a.user, rencana=r)
    with pytest.raises(PermissionDenied):
        services.rencana_simpan(
            user=dunia.pd_a.user,
            bulan=bulan_ini(),
            rencana=r,
            wilayah=dunia.desa_a,
            tata_cara=TataCara.FASILITASI,
            target_kegiatan=9,
        )
    r.refresh_from_db()
    assert r.target_kegiatan == 1


def test_laporan_bulan_depan_ditolak(dunia):
    depan = (bulan_ini() + datetime.timedelta(days=40)).replace(day=1)
    with pytest.raises(ValidationError, match="bulan berjalan atau sebelumnya"):
        services.laporan_susun(user=dunia.pld_a.user, bulan=depan)


def test_kunci_terdaftar_di_registry():
    assert "bulanan" in registry.kunci_kegiatan


def test_buka_bulan_mengembalikan_laporan_dan_tercatat(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DISETUJUI)
    with pytest.raises(ValidationError, match="alasan"):
        services.bulan_buka(
            user=dunia.pd_a.user, pendamping=dunia.pld_a, bulan=lap.bulan, alasan=""
        )
    with pytest.raises(PermissionDenied):
        services.bulan_buka(
            user=dunia.pld_b.user, pendamping=dunia.pld_a, bulan=lap.bulan, alasan="x"
        )
    b = services.bulan_buka(
        user=dunia.pd_a.user, pendamping=dunia.pld_a, bulan=lap.bulan, alasan="Salah jam"
    )
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DIKEMBALIKAN and lap.disetujui_oleh is None
    assert b.oleh == dunia.pd_a.user and PembukaanBulan.objects.count() == 1
    assert lap.peristiwa.last().catatan.endswith("Salah jam")
    assert LaporanBulanan.objects.count() == 1


def test_narasi_dari_peramban_crlf_tidak_dianggap_disunting(dunia):
    p = dunia.pld_a
    kegiatan(p, dunia.desa_a, _hari(0), judul="Asistensi")
    lap = services.laporan_susun(user=p.user, bulan=bulan_ini())
    n = lap.narasi.get(kunci="asistensi")
    berubah = services.laporan_simpan_narasi(
        user=p.user, laporan=lap, teks={n.pk: n.teks.replace("\n", "\r\n")}
    )
    n.refresh_from_db()
    assert berubah == 0 and not n.disunting


# ------------------------------------------------------------------- the flow's one mover
def test_langkah_di_luar_peta_dan_status_basi_ditolak(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a)  # draf
    with pytest.raises(PindahDitolak) as e:
        services.laporan_setujui(user=dunia.pd_a.user, laporan=lap)
    assert e.value.code == "tidak_sah" and "tidak dapat berpindah" in e.value.messages[0]
    lap.status = StatusLaporan.DIAJUKAN
    lap.save()
    services.laporan_setujui(user=dunia.pd_a.user, laporan=lap, dari="diajukan")
    # the korprov saw "diajukan" on their page and returns it: told who approved it meanwhile
    lama = LaporanBulanan.objects.get(pk=lap.pk)
    lama.status = StatusLaporan.DIAJUKAN
    with pytest.raises(PindahDitolak) as e:
        services.laporan_kembalikan(
            user=dunia.pengawas.user, laporan=lama, catatan="Perbaiki", dari="diajukan"
        )
    assert e.value.code == "sudah_berubah"
    u = dunia.pd_a.user
    assert "Disetujui" in e.value.messages[0]
    assert (u.get_full_name() or u.get_username()) in e.value.messages[0]
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DISETUJUI and lap.disetujui_oleh == dunia.pd_a.user
    assert list(PeristiwaLaporan.objects.values_list("dari", "ke", "oleh__username")) == [
        ("diajukan", "disetujui", "pd_a")
    ]


def test_peristiwa_lama_dan_baru_di_model_dasar(dunia):
    """The event model is on the shared base: its actor is ``oleh``, its time defaults to now."""
    from pendampingan.inti.alur import PeristiwaStatusDasar

    assert issubclass(PeristiwaLaporan, PeristiwaStatusDasar)
    assert LaporanBulanan.alur.model_peristiwa() is PeristiwaLaporan
    assert LaporanBulanan.alur.peta is LANGKAH_SAH


def test_ajukan_dua_kali_satu_peristiwa_satu_pemberitahuan(dunia):
    p = dunia.pld_a
    kegiatan(p, dunia.desa_a, _hari(0), judul="Asistensi")
    lap = services.laporan_susun(user=p.user, bulan=bulan_ini())
    services.laporan_ajukan(user=p.user, laporan=lap, dari="draf")
    # a double click: the second sends the same page's "draf"; the same user's repeat is a no-op
    services.laporan_ajukan(user=p.user, laporan=lap, dari="draf")
    # a repeat without the status seen is a no-op
    services.laporan_ajukan(user=p.user, laporan=lap)
    assert PeristiwaLaporan.objects.filter(laporan=lap).count() == 1
    assert Pesan.objects.filter(peristiwa="bulanan.diajukan", saluran="in_app").count() == 1


# ------------------------------------------------------------------------ one-time keys
def test_rencana_dikirim_dua_kali_satu_baris(dunia):
    kunci = uuid.uuid4()
    kw = {
        "user": dunia.pld_a.user,
        "bulan": bulan_ini(),
        "wilayah": dunia.desa_a,
        "tata_cara": TataCara.ASISTENSI,
        "target_kegiatan": 2,
        "kunci_sekali": kunci,
    }
    r = services.rencana_simpan(**kw)
    assert r.kunci_sekali == kunci
    with pytest.raises(SudahTersimpan) as e:
        services.rencana_simpan(**kw)
    assert e.value.obj == r
    assert RencanaKerja.objects.count() == 1


def test_susun_dikirim_dua_kali_satu_laporan(dunia):
    kunci = uuid.uuid4()
    lap = services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini(), kunci_sekali=kunci)
    with pytest.raises(SudahTersimpan) as e:
        services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini(), kunci_sekali=kunci)
    assert e.value.obj == lap
    # another form (a new key) refreshes the same report: one per facilitator and month
    assert services.laporan_susun(user=dunia.pld_a.user, bulan=bulan_ini()) == lap
    assert LaporanBulanan.objects.count() == 1


def test_buka_dikirim_dua_kali_satu_pembukaan_satu_peristiwa(dunia):
    lap = laporan(dunia.pld_a, dunia.desa_a, status=StatusLaporan.DISETUJUI)
    kunci = uuid.uuid4()
    kw = {
        "user": dunia.pd_a.user,
        "pendamping": dunia.pld_a,
        "bulan": lap.bulan,
        "alasan": "Salah jam",
        "kunci_sekali": kunci,
    }
    b = services.bulan_buka(**kw)
    with pytest.raises(SudahTersimpan) as e:
        services.bulan_buka(**kw)
    assert e.value.obj == b
    assert PembukaanBulan.objects.count() == 1
    assert PeristiwaLaporan.objects.filter(laporan=lap).count() == 1
