"""Services: intake, the workflow and its allowed moves, musyawarah with follow-ups, SLA."""

import datetime
import re
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.models import Jabatan, TindakLanjut
from pengaduan import services
from pengaduan.models import (
    JenisTenggat,
    Musyawarah,
    Pengaduan,
    PengingatSLA,
    Saluran,
    StatusPengaduan,
    kode_pelacakan_normal,
)
from pengaduan.selectors import status_publik
from tests.factories import pendamping_di

from .factories import diterima_pada, kategori, kategori_isi, pengaduan_buat

pytestmark = pytest.mark.django_db
S = StatusPengaduan


def test_kode_pelacakan_mudah_dibaca_dan_unik(dunia):
    kode = {pengaduan_buat(dunia.desa_a).kode for _ in range(20)}
    assert len(kode) == 20
    for k in kode:
        assert re.fullmatch(r"PD-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}", k), k
        assert not set(k[3:]) & set("01OIL")
    k = next(iter(kode))
    assert kode_pelacakan_normal(k.lower().replace("-", " ")) == k
    assert kode_pelacakan_normal("PD-0000-0000") == ""


def test_terima_mengisi_tenggat_dan_peristiwa(dunia):
    # Wednesday 12 Aug 2026: +3 working days skips the weekend and 17 Aug → Tuesday 18 Aug
    p = pengaduan_buat(dunia.desa_a, diterima_pada=diterima_pada(datetime.date(2026, 8, 12)))
    assert p.status == S.DITERIMA
    assert p.tenggat_verifikasi == datetime.date(2026, 8, 18)
    assert (p.tenggat, p.tenggat_jenis) == (datetime.date(2026, 8, 18), JenisTenggat.VERIFIKASI)
    assert p.anonim is True
    ev = list(p.peristiwa.all())
    assert [e.jenis for e in ev] == ["diterima"] and ev[0].publik


@pytest.mark.parametrize(
    ("ubah", "field"),
    [
        ({"isi": "   "}, "isi"),
        ({"judul": ""}, "judul"),
        ({"saluran": Saluran.WHATSAPP}, "saluran"),  # only a facilitator records other channels
    ],
)
def test_terima_menolak_isian_buruk(dunia, ubah, field):
    with pytest.raises(ValidationError) as e:
        pengaduan_buat(dunia.desa_a, **ubah)
    assert field in e.value.message_dict
    assert not Pengaduan.objects.exists()


def test_terima_menolak_bukan_desa(dunia):
    with pytest.raises(ValidationError) as e:
        pengaduan_buat(dunia.kec_a)
    assert "desa" in e.value.message_dict


def _sampai_ditangani(dunia, p, penangan=None):
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=penangan or dunia.pld_a)
    p.refresh_from_db()
    return p


def test_alur_penuh_musyawarah_mufakat(dunia):
    p = pengaduan_buat(dunia.desa_a)
    with pytest.raises(PermissionDenied):  # a PLD cannot verify
        services.pengaduan_verifikasi(pengaduan=p, user=dunia.pld_a.user, keputusan=S.DIVERIFIKASI)
    p = _sampai_ditangani(dunia, p)
    assert p.status == S.DITANGANI and p.penangan == dunia.pld_a
    assert p.tenggat_jenis == JenisTenggat.RENCANA
    besok = timezone.localdate() + datetime.timedelta(days=7)
    m = services.pengaduan_musyawarah_catat(
        pengaduan=p,
        user=dunia.pld_a.user,
        tanggal=timezone.localdate(),
        tempat="Balai desa",
        pihak_hadir="Kepala desa, BPD, pelapor",
        kesepakatan="Jalan diperbaiki dengan swakelola.",
        mufakat=True,
        tindak_lanjut=[
            {"judul": "Perbaikan jalan", "penanggung_jawab": "TPK", "jatuh_tempo": besok}
        ],
    )
    p.refresh_from_db()
    assert p.status == S.SELESAI
    assert p.rencana_pada and p.selesai_pada
    assert p.tenggat_jenis == JenisTenggat.TUTUP and p.tenggat_tutup > timezone.localdate()
    tl = TindakLanjut.objects.get()
    assert tl.sumber == m and tl.wilayah == dunia.desa_a and tl.pendamping == dunia.pld_a
    assert tl.sumber_jenis == ContentType.objects.get_for_model(Musyawarah)
    assert status_publik(kode=p.kode).status == S.SELESAI
    gerak = list(p.peristiwa.filter(jenis="status").values_list("dari", "ke"))
    assert gerak == [
        ("diterima", "diverifikasi"),
        ("diverifikasi", "ditangani"),
        ("ditangani", "selesai"),
    ]
    assert p.history.count() >= 4


def test_musyawarah_mufakat_wajib_kesepakatan(dunia):
    p = _sampai_ditangani(dunia, pengaduan_buat(dunia.desa_a))
    with pytest.raises(ValidationError) as e:
        services.pengaduan_musyawarah_catat(
            pengaduan=p,
            user=dunia.pld_a.user,
            tanggal=timezone.localdate(),
            tempat="Balai",
            pihak_hadir="Warga",
            mufakat=True,
        )
    assert "kesepakatan" in e.value.message_dict
    assert not Musyawarah.objects.exists()


def test_gerak_yang_tidak_sah_ditolak(dunia):
    p = pengaduan_buat(dunia.desa_a)
    with pytest.raises(ValidationError):
        services.pengaduan_tutup(pengaduan=p, user=dunia.pd_a.user)
    with pytest.raises(ValidationError):  # a musyawarah needs a handler first
        services.pengaduan_musyawarah_catat(
            pengaduan=p,
            user=dunia.pd_a.user,
            tanggal=timezone.localdate(),
            tempat="x",
            pihak_hadir="y",
        )
    p.refresh_from_db()
    assert p.status == S.DITERIMA


def test_tolak_wajib_alasan_dan_tampil_publik(dunia):
    p = pengaduan_buat(dunia.desa_a)
    with pytest.raises(ValidationError) as e:
        services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DITOLAK)
    assert "alasan" in e.value.message_dict
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pd_a.user, keputusan=S.BUKAN_WEWENANG, alasan="Urusan dinas PU."
    )
    s = status_publik(kode=p.kode)
    assert s.status == S.BUKAN_WEWENANG
    assert any("Urusan dinas PU." in b["catatan"] for b in s.balasan)
    assert s.tenggat is None


def test_rujuk_dan_tutup_otomatis(dunia):
    p = _sampai_ditangani(dunia, pengaduan_buat(dunia.desa_a))
    with pytest.raises(ValidationError):
        services.pengaduan_rujuk(pengaduan=p, user=dunia.pld_a.user, instansi=" ")
    services.pengaduan_rujuk(pengaduan=p, user=dunia.pld_a.user, instansi="Dinas Sosial")
    p.refresh_from_db()
    assert p.status == S.DIRUJUK and p.instansi_rujukan == "Dinas Sosial"
    hasil = services.pengaduan_sla_periksa(hari_ini=p.tenggat_tutup)
    assert hasil["ditutup"] == 0
    hasil = services.pengaduan_sla_periksa(hari_ini=p.tenggat_tutup + datetime.timedelta(days=1))
    assert hasil["ditutup"] == 1
    p.refresh_from_db()
    assert p.status == S.DITUTUP and p.ditutup_pada


def test_pengingat_sla_sekali_per_tenggat(dunia):
    p = pengaduan_buat(dunia.desa_a, diterima_pada=diterima_pada(datetime.date(2026, 8, 12)))
    assert p.tenggat == datetime.date(2026, 8, 18)
    # Friday 14 Aug: the next working day is Tuesday 18 (17 Aug is a holiday) → reminder before
    assert services.pengaduan_sla_periksa(hari_ini=datetime.date(2026, 8, 14))["sebelum"] == 1
    assert services.pengaduan_sla_periksa(hari_ini=datetime.date(2026, 8, 14))["sebelum"] == 0
    assert services.pengaduan_sla_periksa(hari_ini=datetime.date(2026, 8, 13))["sebelum"] == 0
    lewat = services.pengaduan_sla_periksa(hari_ini=datetime.date(2026, 8, 19))
    assert lewat["lewat"] == 1
    assert services.pengaduan_sla_periksa(hari_ini=datetime.date(2026, 8, 20))["lewat"] == 0
    assert set(PengingatSLA.objects.values_list("tahap", flat=True)) == {"sebelum", "lewat"}


def test_terlambat_di_queryset(dunia):
    p = pengaduan_buat(dunia.desa_a, diterima_pada=diterima_pada(datetime.date(2026, 8, 12)))
    assert Pengaduan.objects.terlambat(datetime.date(2026, 8, 19)).filter(pk=p.pk).exists()
    assert not Pengaduan.objects.terlambat(datetime.date(2026, 8, 18)).exists()


# ------------------------------------------------------------ complaints about a facilitator
def test_pengaduan_tentang_pendamping_hanya_untuk_pengawas(dunia):
    rekan = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a_rekan")
    p = pengaduan_buat(dunia.desa_a, kategori_kode="pendampingan")
    assert p.tentang_pendamping
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI, teradu=dunia.pld_a
    )
    for pendamping in (dunia.pld_a, rekan, dunia.pld_b):
        assert not Pengaduan.objects.visible_to(pendamping.user).filter(pk=p.pk).exists()
    for pendamping in (dunia.pd_a, dunia.pengawas):
        assert Pengaduan.objects.visible_to(pendamping.user).filter(pk=p.pk).exists()
    pilihan = services.penangan_pilihan(p)
    assert dunia.pld_a not in pilihan and rekan not in pilihan and dunia.pd_a in pilihan
    with pytest.raises(ValidationError):
        services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)
    from pengaduan import pemberitahuan

    assert dunia.pld_a not in pemberitahuan.pengawas_rantai(p)


def test_teradu_pengawas_tidak_melihat(dunia):
    """A supervisor complained about does not see the complaint; the one above them does."""
    p = pengaduan_buat(dunia.desa_a, kategori_kode="pendampingan")
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pengawas.user, keputusan=S.DIVERIFIKASI, teradu=dunia.pd_a
    )
    assert not Pengaduan.objects.visible_to(dunia.pd_a.user).filter(pk=p.pk).exists()
    assert Pengaduan.objects.visible_to(dunia.pengawas.user).filter(pk=p.pk).exists()
    from pengaduan import pemberitahuan

    p.refresh_from_db()
    assert pemberitahuan.pengawas_terdekat(p) == [dunia.pengawas]


def test_penerima_pengaduan_baru_pengawas_terdekat(dunia):
    from pengaduan import pemberitahuan

    p = pengaduan_buat(dunia.desa_a)
    assert pemberitahuan.pengawas_terdekat(p) == [dunia.pd_a]
    assert set(pemberitahuan.pengawas_rantai(p)) == {dunia.pd_a, dunia.pengawas}


def test_kategori_awal_dari_migrasi():
    from pengaduan.models import Kategori

    Kategori.objects.all().delete()
    kategori_isi()
    kategori_isi()  # idempotent
    assert set(Kategori.objects.values_list("kode", flat=True)) == {
        "dana-desa",
        "pelayanan-desa",
        "pembangunan",
        "bumdes",
        "bansos-blt",
        "pendampingan",
        "konflik",
        "lainnya",
    }
    assert kategori("pendampingan").tentang_pendamping


# ------------------------------------------------------------ the platform layer (issue 13)
def test_gerak_lewat_pindah_status_dan_dari_yang_basi(dunia):
    """Two supervisors on the same page: the second one's ``dari`` is stale → PindahDitolak naming
    who moved it, one move only."""
    p = pengaduan_buat(dunia.desa_a)
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI, dari=S.DITERIMA
    )
    with pytest.raises(PindahDitolak) as e:
        services.pengaduan_verifikasi(
            pengaduan=p,
            user=dunia.pengawas.user,
            keputusan=S.DITOLAK,
            alasan="Bukan urusan desa",
            dari=S.DITERIMA,
        )
    assert e.value.code == "sudah_berubah"
    pesan = e.value.messages[0]
    siapa = dunia.pd_a.user.get_full_name() or dunia.pd_a.user.get_username()
    assert "Diverifikasi" in pesan and siapa in pesan
    p.refresh_from_db()
    assert p.status == S.DIVERIFIKASI and p.alasan == ""
    assert p.peristiwa.filter(jenis="status").count() == 1
    # a move the map does not allow: the same one shape
    with pytest.raises(PindahDitolak) as e:
        services.pengaduan_tutup(pengaduan=p, user=dunia.pd_a.user)
    assert e.value.code == "tidak_sah"


def test_tugaskan_bersamaan_dari_basi(dunia):
    p = pengaduan_buat(dunia.desa_a)
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(
        pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a, dari=S.DIVERIFIKASI
    )
    with pytest.raises(PindahDitolak):
        services.pengaduan_tugaskan(
            pengaduan=p, user=dunia.pengawas.user, penangan=dunia.pd_a, dari=S.DIVERIFIKASI
        )
    p.refresh_from_db()
    assert p.penangan == dunia.pld_a
    assert p.peristiwa.filter(jenis="penugasan").count() == 1
    # reassigning from the current page (dari = ditangani) is no move, just a new handler
    services.pengaduan_tugaskan(
        pengaduan=p, user=dunia.pengawas.user, penangan=dunia.pd_a, dari=S.DITANGANI
    )
    p.refresh_from_db()
    assert p.penangan == dunia.pd_a and p.peristiwa.filter(jenis="status").count() == 2


def test_izin_lewat_pastikan(dunia):
    """Visible but not theirs to do: PermissionDenied (the 403 page), not a form error."""
    rekan = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a_rekan")
    p = _sampai_ditangani(dunia, pengaduan_buat(dunia.desa_a))
    for fn, kw in [
        (services.pengaduan_tugaskan, {"penangan": rekan}),
        (services.pengaduan_buka_kembali, {"alasan": "x"}),
        (services.pengaduan_tutup, {}),
        (services.pengaduan_balas, {"isi": "x", "publik": True}),
        (services.pengaduan_rujuk, {"instansi": "Dinas"}),
        (
            services.pengaduan_musyawarah_catat,
            {"tanggal": timezone.localdate(), "tempat": "x", "pihak_hadir": "y"},
        ),
    ]:
        with pytest.raises(PermissionDenied):
            fn(pengaduan=p, user=rekan.user, **kw)
    assert not Musyawarah.objects.exists()


def test_kunci_sekali_satu_pengaduan_satu_kode_satu_pemberitahuan(dunia):
    from pendampingan.notifikasi.models import Pesan

    kunci = uuid.uuid4()
    p = pengaduan_buat(dunia.desa_a, pelapor_email="warga@contoh.id", kunci_sekali=kunci)
    n = Pesan.objects.count()
    assert n > 0
    with pytest.raises(SudahTersimpan) as e:
        pengaduan_buat(dunia.desa_a, pelapor_email="warga@contoh.id", kunci_sekali=kunci)
    assert e.value.obj == p
    assert Pengaduan.objects.count() == 1 and Pesan.objects.count() == n
    assert pengaduan_buat(dunia.desa_a).kode != p.kode  # without a key: a new one each time


def test_kunci_sekali_musyawarah_balasan_tanggapan(dunia):
    from pendampingan.notifikasi.models import Pesan

    p = _sampai_ditangani(dunia, pengaduan_buat(dunia.desa_a, pelapor_email="warga@contoh.id"))
    kunci = uuid.uuid4()
    kw = {
        "pengaduan": p,
        "user": dunia.pld_a.user,
        "tanggal": timezone.localdate(),
        "tempat": "Balai",
        "pihak_hadir": "Warga",
        "tindak_lanjut": [
            {
                "judul": "Tambal",
                "penanggung_jawab": "TPK",
                "jatuh_tempo": timezone.localdate() + datetime.timedelta(days=3),
            }
        ],
        "kunci_sekali": kunci,
    }
    m = services.pengaduan_musyawarah_catat(**kw)
    with pytest.raises(SudahTersimpan) as e:
        services.pengaduan_musyawarah_catat(**kw)
    assert e.value.obj == m and Musyawarah.objects.count() == 1
    assert TindakLanjut.objects.count() == 1
    kunci = uuid.uuid4()
    ev = services.pengaduan_balas(
        pengaduan=p, user=dunia.pld_a.user, isi="Kami datang", publik=True, kunci_sekali=kunci
    )
    n = Pesan.objects.count()
    with pytest.raises(SudahTersimpan) as e:
        services.pengaduan_balas(
            pengaduan=p, user=dunia.pld_a.user, isi="Kami datang", publik=True, kunci_sekali=kunci
        )
    assert e.value.obj == ev and Pesan.objects.count() == n
    assert p.peristiwa.filter(jenis="balasan").count() == 1
    services.pengaduan_rujuk(pengaduan=p, user=dunia.pld_a.user, instansi="Dinas Sosial")
    kunci = uuid.uuid4()
    services.pengaduan_tanggapi(kode=p.kode, isi="Belum beres", kunci_sekali=kunci)
    n = Pesan.objects.count()
    with pytest.raises(SudahTersimpan):
        services.pengaduan_tanggapi(kode=p.kode, isi="Belum beres", kunci_sekali=kunci)
    assert p.peristiwa.filter(jenis="tanggapan").count() == 1 and Pesan.objects.count() == n
