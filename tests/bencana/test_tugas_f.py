"""Duties F1, F3 and F4 of Kepmendes 40/2021: where people were moved (append-only, with
corrections), the BNPB severity of damage per facility type, and reports made to the ministry by
phone, in person or in writing outside the app — in the services, the incident page, the
chronology report and the API detail."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from bencana import laporan, services
from bencana.models import LaporanVersi, Pengungsian, SaluranLaporan
from pendampingan.notifikasi.models import Pesan
from tests.notifikasi.factories import PenerimaEmailFactory

from .factories import dampak, kejadian_di

pytestmark = pytest.mark.django_db

JAM_LALU = datetime.timedelta(hours=1)


@pytest.fixture
def kejadian(dunia):
    return kejadian_di(dunia.desa_a, dunia.pld_a)


def _pindah(k, oleh, **kw):
    data = {
        "kejadian": k,
        "desa": k.wilayah,
        "lokasi": "Balai Desa Alpha",
        "jumlah_jiwa": 120,
        "waktu": timezone.now() - JAM_LALU,
        "dipindahkan_oleh": "BPBD bersama Pemdes",
        "oleh": oleh,
    }
    data.update(kw)
    return services.pengungsian_catat(**data)


def _lisan(k, oleh, **kw):
    data = {
        "kejadian": k,
        "oleh": oleh,
        "saluran": SaluranLaporan.LISAN_TELEPON,
        "penerima_nama": "Budi Santoso",
        "penerima_unit": "Pusdalops BPSDM",
        "waktu": timezone.now() - JAM_LALU,
        "pemicu": "Banjir 1 m, 120 jiwa mengungsi ke balai desa",
    }
    data.update(kw)
    return laporan.laporan_luar_catat(**data)


# --------------------------------------------------------------------------- F1 evacuation
def test_pengungsian_dicatat_dan_koreksi_menggantikan(kejadian, dunia):
    a = _pindah(kejadian, dunia.pld_a)
    _pindah(kejadian, dunia.pld_a, lokasi="SD Negeri 2", jumlah_jiwa=30)
    assert Pengungsian.objects.filter(kejadian=kejadian).berlaku().count() == 2
    koreksi = _pindah(kejadian, dunia.pld_a, jumlah_jiwa=95, mengoreksi=a)
    from bencana import selectors

    d = selectors.pengungsian(kejadian=kejadian)
    assert d["pengungsian_jiwa"] == 125
    assert d["pengungsian_lokasi"] == [("Balai Desa Alpha", 95), ("SD Negeri 2", 30)]
    lama = next(p for p in d["pengungsian"] if p.pk == a.pk)
    assert lama.koreksi_list == [koreksi]


def test_pengungsian_append_only_juga_di_basis_data(kejadian, dunia):
    p = _pindah(kejadian, dunia.pld_a)
    p.jumlah_jiwa = 1
    with pytest.raises(ValidationError):
        p.save()
    with pytest.raises(ValidationError):
        Pengungsian.objects.filter(pk=p.pk).update(jumlah_jiwa=1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE bencana_pengungsian SET jumlah_jiwa = 1 WHERE id = %s", [p.pk])


@pytest.mark.parametrize(
    "ubah,kolom",
    [
        ({"jumlah_jiwa": 0}, "jumlah_jiwa"),
        ({"lokasi": "  "}, "lokasi"),
        ({"dipindahkan_oleh": ""}, "dipindahkan_oleh"),
        ({"waktu": timezone.now() + datetime.timedelta(days=2)}, "waktu"),
    ],
)
def test_pengungsian_isian_salah_ditolak_per_kolom(kejadian, dunia, ubah, kolom):
    with pytest.raises(ValidationError) as e:
        _pindah(kejadian, dunia.pld_a, **ubah)
    assert kolom in e.value.message_dict
    assert not Pengungsian.objects.exists()


def test_pengungsian_melebihi_penduduk_dan_desa_lain_ditolak(kejadian, dunia):
    dunia.desa_a.jumlah_penduduk = 100
    dunia.desa_a.save(update_fields=["jumlah_penduduk"])
    with pytest.raises(ValidationError) as e:
        _pindah(kejadian, dunia.pld_a, jumlah_jiwa=101)
    assert "melebihi jumlah penduduk" in str(e.value)
    with pytest.raises(ValidationError) as e:
        _pindah(kejadian, dunia.pld_a, desa=dunia.desa_a2)
    assert "belum tercatat sebagai desa terdampak" in str(e.value)


def test_pengungsian_di_luar_wilayah_403(kejadian, dunia):
    with pytest.raises(PermissionDenied):
        _pindah(kejadian, dunia.pld_b)


def test_pengungsian_nol_hanya_sebagai_koreksi(kejadian, dunia):
    a = _pindah(kejadian, dunia.pld_a)
    _pindah(kejadian, dunia.pld_a, jumlah_jiwa=0, mengoreksi=a, keterangan="tidak jadi")
    from bencana import selectors

    assert selectors.pengungsian(kejadian=kejadian)["pengungsian_jiwa"] == 0


# --------------------------------------------------------------------------- F3 severity
def test_dampak_fasilitas_per_tingkat_bnpb(kejadian, dunia):
    s = dampak(
        kejadian,
        dunia.desa_a,
        dunia.pld_a,
        fasilitas_pendidikan_rusak_berat=1,
        fasilitas_pendidikan_rusak_ringan=2,
        kantor_rusak_sedang=1,
        fasilitas_umum_rusak_berat=3,
    )
    assert (s.fasilitas_pendidikan, s.kantor, s.fasilitas_umum, s.fasilitas_kesehatan) == (
        3,
        1,
        3,
        0,
    )
    from bencana import selectors

    total = selectors.dampak_total(kejadian_ids=[kejadian.pk])[kejadian.pk]
    assert total["fasilitas_pendidikan_rusak_ringan"] == 2 and total["fasilitas_pendidikan"] == 3


def test_dampak_jumlah_bertentangan_ditolak_jumlah_lama_tetap(kejadian, dunia):
    with pytest.raises(ValidationError) as e:
        dampak(kejadian, dunia.desa_a, dunia.pld_a, kantor=5, kantor_rusak_berat=1)
    assert "kantor" in e.value.message_dict
    # a total without severities (an older client): kept, severity unknown
    s = dampak(kejadian, dunia.desa_a, dunia.pld_a, kantor=2)
    assert s.kantor == 2 and s.kantor_rusak_berat == s.kantor_rusak_sedang == 0


def test_form_dampak_meminta_tingkat_bukan_jumlah(kejadian, dunia):
    from bencana.forms import DampakForm

    f = DampakForm(kejadian=kejadian)
    assert "fasilitas_kesehatan_rusak_sedang" in f.fields
    assert f.fields["fasilitas_kesehatan"].widget.is_hidden  # only an older API client sends it
    assert not f.fields["fasilitas_kesehatan_rusak_sedang"].widget.is_hidden


# --------------------------------------------------------------------------- F4 oral reports
def test_laporan_lisan_menjadi_versi_tanpa_pesan(kejadian, dunia):
    PenerimaEmailFactory(peristiwa="bencana.*")
    sebelum = Pesan.objects.count()
    v = _lisan(kejadian, dunia.pld_a)
    assert v.nomor == 2 and v.saluran == "lisan_telepon" and v.di_luar_aplikasi
    assert v.penerima_nama == "Budi Santoso" and v.waktu_sampai == v.waktu_lapor
    assert v.isi["saluran"]["penerima_unit"] == "Pusdalops BPSDM"
    assert Pesan.objects.count() == sebelum  # the ministry has heard it: nothing is sent
    # the next version sent by the app is numbered after it and goes out
    v3 = laporan.versi_kirim(kejadian=kejadian, oleh=dunia.pld_a, pemicu="Status baru")
    assert v3.nomor == 3 and v3.saluran == SaluranLaporan.SISTEM
    assert Pesan.objects.count() > sebelum


@pytest.mark.parametrize(
    "ubah,kolom",
    [
        ({"penerima_nama": " "}, "penerima_nama"),
        ({"saluran": SaluranLaporan.SISTEM}, "saluran"),
        ({"saluran": "burung_merpati"}, "saluran"),
        ({"pemicu": ""}, "pemicu"),
        ({"waktu": timezone.now() + datetime.timedelta(days=1)}, "waktu"),
    ],
)
def test_laporan_lisan_isian_salah(kejadian, dunia, ubah, kolom):
    with pytest.raises(ValidationError) as e:
        _lisan(kejadian, dunia.pld_a, **ubah)
    assert kolom in e.value.message_dict
    assert LaporanVersi.objects.filter(kejadian=kejadian).count() == 1


def test_laporan_lisan_di_luar_wilayah_403(kejadian, dunia):
    with pytest.raises(PermissionDenied):
        _lisan(kejadian, dunia.pld_b)


def test_basis_data_menolak_laporan_luar_tanpa_penerima(kejadian, dunia):
    with pytest.raises(Exception), transaction.atomic():
        LaporanVersi.objects.create(
            kejadian=kejadian,
            nomor=9,
            pemicu="x",
            isi={},
            dikirim_oleh=dunia.pld_a,
            saluran=SaluranLaporan.LISAN_LANGSUNG,
        )


# --------------------------------------------------------------------------- pages
def test_form_pengungsian_dan_laporan_lisan_di_halaman(kejadian, dunia):
    klien = dunia.klien(dunia.pld_a)
    url = reverse("bencana:pengungsian-tambah", args=[kejadian.pk])
    assert klien.get(url).status_code == 200
    waktu = timezone.localtime(timezone.now() - JAM_LALU).strftime("%Y-%m-%dT%H:%M")
    r = klien.post(
        url,
        {
            "desa": dunia.desa_a.kode,
            "waktu": waktu,
            "lokasi": "Masjid Al-Ikhlas",
            "jumlah_jiwa": "45",
            "dipindahkan_oleh": "PLD dan Karang Taruna",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    p = Pengungsian.objects.get()
    # a bad number: the Indonesian message, what was typed kept
    r = klien.post(
        url,
        {
            "desa": dunia.desa_a.kode,
            "waktu": waktu,
            "lokasi": "Gudang",
            "jumlah_jiwa": "-3",
            "dipindahkan_oleh": "BPBD",
        },
    )
    assert r.status_code == 200 and "Gudang" in r.content.decode()
    r = klien.post(
        reverse("bencana:laporan-catat-luar", args=[kejadian.pk]),
        {
            "saluran": "lisan_langsung",
            "waktu": waktu,
            "penerima_nama": "Sri Wahyuni",
            "penerima_unit": "Direktorat PDT",
            "pemicu": "Disampaikan saat rapat koordinasi",
        },
    )
    assert r.status_code == 302
    teks = klien.get(kejadian.get_absolute_url()).content.decode()
    for harap in [
        "Masjid Al-Ikhlas",
        "45 jiwa",
        "PLD dan Karang Taruna",
        f"?mengoreksi={p.pk}",
        "Lisan secara langsung",
        "Sri Wahyuni",
        "Direktorat PDT",
    ]:
        assert harap in teks, harap


def test_laporan_cetak_memuat_pengungsian_tingkat_dan_saluran(kejadian, dunia):
    _pindah(kejadian, dunia.pld_a, lokasi="Gedung Serbaguna", jumlah_jiwa=77)
    dampak(kejadian, dunia.desa_a, dunia.pld_a, fasilitas_peribadatan_rusak_sedang=2)
    _lisan(kejadian, dunia.pld_a, penerima_nama="Andi Piket")
    teks = (
        dunia.klien(dunia.pengawas)
        .get(reverse("bencana:laporan-cetak", args=[kejadian.pk]))
        .content.decode()
    )
    for harap in ["Gedung Serbaguna", "77", "Fasilitas peribadatan rusak sedang", "Andi Piket"]:
        assert harap in teks, harap
    v = laporan.versi_kirim(kejadian=kejadian, oleh=dunia.pld_a, pemicu="Rekap")
    assert v.isi["pengungsian"]["jiwa"] == 77
    assert v.isi["pengungsian"]["rincian"][0]["lokasi"] == "Gedung Serbaguna"
    assert v.isi["dampak_total"]["fasilitas_peribadatan_rusak_sedang"] == 2
