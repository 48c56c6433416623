"""The incident's records: append-only chronology, status moves, impact snapshots and totals,
evidence checked by content, and the other logs."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from bencana import selectors, services
from bencana.models import (
    Kronologi,
    PenilaianDampak,
    PerubahanStatus,
    StatusKejadian,
)
from pendampingan.models import TindakLanjut

from .factories import dampak, foto_jpeg, foto_png, kejadian_di, pdf_kecil

pytestmark = pytest.mark.django_db

JAM_LALU = datetime.timedelta(hours=1)


@pytest.fixture
def kejadian(dunia):
    return kejadian_di(dunia.desa_a, dunia.pld_a)


# ------------------------------------------------------------------------- chronology
def test_laporan_cepat_membuat_entri_kronologi_pertama(kejadian):
    entri = list(kejadian.kronologi.all())
    assert len(entri) == 1 and "Banjir setinggi 1 m" in entri[0].isi


def test_kronologi_tidak_dapat_diubah_atau_dihapus(kejadian, dunia):
    e = services.kronologi_tambah(
        kejadian=kejadian, waktu=timezone.now() - JAM_LALU, isi="Air naik", oleh=dunia.pld_a
    )
    e.isi = "Air surut"
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        e.save()
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        e.delete()
    with pytest.raises(ValidationError):
        Kronologi.objects.filter(pk=e.pk).update(isi="x")
    with pytest.raises(ValidationError):
        Kronologi.objects.filter(pk=e.pk).delete()
    assert Kronologi.objects.get(pk=e.pk).isi == "Air naik"


def test_basis_data_menolak_update_kronologi(kejadian):
    """Even raw SQL cannot edit an entry: a trigger refuses it."""
    e = kejadian.kronologi.first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE bencana_kronologi SET isi = %s WHERE id = %s", ["ubah", e.pk])
    assert Kronologi.objects.get(pk=e.pk).isi == e.isi


def test_koreksi_menunjuk_entri_yang_dikoreksi(kejadian, dunia):
    salah = services.kronologi_tambah(
        kejadian=kejadian, waktu=timezone.now() - JAM_LALU, isi="5 rumah hanyut", oleh=dunia.pld_a
    )
    benar = services.kronologi_tambah(
        kejadian=kejadian,
        waktu=timezone.now(),
        isi="3 rumah hanyut (koreksi)",
        oleh=dunia.pld_a,
        mengoreksi=salah,
    )
    assert benar.mengoreksi == salah
    daftar = {e.pk: e for e in selectors.kronologi(kejadian=kejadian)}
    assert daftar[salah.pk].koreksi_list == [daftar[benar.pk]]
    assert Kronologi.objects.get(pk=salah.pk).isi == "5 rumah hanyut"


def test_koreksi_entri_kejadian_lain_ditolak(kejadian, dunia):
    lain = kejadian_di(dunia.desa_a, dunia.pld_a, kode_jenis="102")
    with pytest.raises(ValidationError, match="bukan milik kejadian ini"):
        services.kronologi_tambah(
            kejadian=kejadian,
            waktu=timezone.now(),
            isi="x",
            oleh=dunia.pld_a,
            mengoreksi=lain.kronologi.first(),
        )


def test_waktu_masa_depan_ditolak(dunia, kejadian):
    with pytest.raises(ValidationError, match="masa depan"):
        kejadian_di(dunia.desa_a, dunia.pld_a, waktu=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="masa depan"):
        services.kronologi_tambah(
            kejadian=kejadian,
            waktu=timezone.now() + datetime.timedelta(hours=2),
            isi="x",
            oleh=dunia.pld_a,
        )


def test_pld_kabupaten_lain_tidak_dapat_mencatat(kejadian, dunia):
    with pytest.raises(ValidationError, match="di luar wilayah tugas"):
        services.kronologi_tambah(
            kejadian=kejadian, waktu=timezone.now(), isi="x", oleh=dunia.pld_b
        )
    with pytest.raises(ValidationError, match="desa tugas Anda"):
        kejadian_di(dunia.desa_b, dunia.pld_a)


def test_koordinat_di_luar_indonesia_ditolak(dunia):
    with pytest.raises(ValidationError, match="luar wilayah Indonesia"):
        kejadian_di(dunia.desa_a, dunia.pld_a, lintang=Decimal("48.85"), bujur=Decimal("2.35"))
    k = kejadian_di(dunia.desa_a, dunia.pld_a, lintang=Decimal("-7.7"), bujur=Decimal("109.0"))
    assert k.lintang == Decimal("-7.7")


# ------------------------------------------------------------------------------ status
def test_status_mengikuti_peta_perpindahan(kejadian, dunia):
    services.kejadian_ubah_status(
        kejadian=kejadian, ke=StatusKejadian.TANGGAP_DARURAT, oleh=dunia.pld_a, catatan="BPBD tiba"
    )
    with pytest.raises(ValidationError, match="tidak dapat berpindah"):
        services.kejadian_ubah_status(
            kejadian=kejadian, ke=StatusKejadian.DILAPORKAN, oleh=dunia.pld_a
        )
    services.kejadian_ubah_status(kejadian=kejadian, ke=StatusKejadian.PEMULIHAN, oleh=dunia.pld_a)
    services.kejadian_ubah_status(kejadian=kejadian, ke=StatusKejadian.PEMULIHAN, oleh=dunia.pld_a)
    services.kejadian_ubah_status(kejadian=kejadian, ke=StatusKejadian.SELESAI, oleh=dunia.pld_a)
    with pytest.raises(ValidationError, match="alasan membuka kembali"):
        services.kejadian_ubah_status(
            kejadian=kejadian, ke=StatusKejadian.PEMULIHAN, oleh=dunia.pld_a
        )
    langkah = list(PerubahanStatus.objects.filter(kejadian=kejadian).values_list("dari", "ke"))
    assert langkah == [
        ("dilaporkan", "tanggap_darurat"),
        ("tanggap_darurat", "pemulihan"),
        ("pemulihan", "selesai"),
    ]
    kejadian.refresh_from_db()
    assert kejadian.status == "selesai"
    assert kejadian.history.count() == 4  # created + three moves


# ------------------------------------------------------------------------------ impact
def test_total_dampak_dari_penilaian_terbaru_tiap_desa(kejadian, dunia, django_assert_num_queries):
    services.desa_terdampak_tambah(kejadian=kejadian, desa=dunia.desa_a2, oleh=dunia.pld_a)
    t0 = timezone.now() - datetime.timedelta(hours=5)
    dampak(
        kejadian,
        dunia.desa_a,
        dunia.pld_a,
        waktu=t0,
        meninggal=1,
        mengungsi=100,
        sawah_ha=Decimal("2.5"),
    )
    dampak(kejadian, dunia.desa_a, dunia.pld_a, waktu=t0 + JAM_LALU, meninggal=2, mengungsi=80)
    dampak(
        kejadian,
        dunia.desa_a2,
        dunia.pld_a,
        waktu=t0,
        hilang=3,
        mengungsi=40,
        sawah_ha=Decimal("1.25"),
    )
    # an older snapshot recorded later does not win: "latest" is by the time it describes
    dampak(kejadian, dunia.desa_a2, dunia.pld_a, waktu=t0 - JAM_LALU, hilang=9, mengungsi=400)
    with django_assert_num_queries(1):
        total = selectors.dampak_total(kejadian_ids=[kejadian.pk])[kejadian.pk]
    assert total["meninggal"] == 2
    assert total["hilang"] == 3
    assert total["mengungsi"] == 120
    assert total["sawah_ha"] == Decimal("1.25")
    assert total["n_desa"] == 2
    assert [s.wilayah_id for s in selectors.dampak_terkini_per_desa(kejadian=kejadian)] == [
        dunia.desa_a.kode,
        dunia.desa_a2.kode,
    ][:: 1 if dunia.desa_a.nama < dunia.desa_a2.nama else -1]


def test_dampak_angka_negatif_ditolak(kejadian, dunia):
    with pytest.raises(ValidationError) as e:
        dampak(kejadian, dunia.desa_a, dunia.pld_a, luka_ringan=-1)
    assert e.value.message_dict["luka_ringan"] == ["Angka dampak tidak boleh kurang dari nol."]


def test_meninggal_melebihi_penduduk_ditolak(kejadian, dunia):
    dunia.desa_a.jumlah_penduduk = 50
    dunia.desa_a.save(update_fields=["jumlah_penduduk"])
    with pytest.raises(ValidationError) as e:
        dampak(kejadian, dunia.desa_a, dunia.pld_a, meninggal=51)
    assert "melebihi jumlah penduduk" in e.value.message_dict["meninggal"][0]
    assert dampak(kejadian, dunia.desa_a, dunia.pld_a, meninggal=3).meninggal == 3


def test_dampak_hanya_untuk_desa_terdampak(kejadian, dunia):
    with pytest.raises(ValidationError, match="belum tercatat sebagai desa terdampak"):
        dampak(kejadian, dunia.desa_a2, dunia.pld_a, meninggal=1)


def test_penilaian_dampak_tidak_dapat_diubah(kejadian, dunia):
    s = dampak(kejadian, dunia.desa_a, dunia.pld_a, meninggal=1)
    s.meninggal = 0
    with pytest.raises(ValidationError, match="potret"):
        s.save()
    with pytest.raises(ValidationError):
        PenilaianDampak.objects.filter(pk=s.pk).update(meninggal=0)


# ---------------------------------------------------------------------------- evidence
def test_bukti_diperiksa_isinya_dan_sha256_disimpan(kejadian, dunia):
    import hashlib

    f = foto_png()
    isi = f.read()
    f.seek(0)
    b = services.bukti_tambah(kejadian=kejadian, berkas=f, oleh=dunia.pld_a, keterangan="Jalan")
    assert b.sha256 == hashlib.sha256(isi).hexdigest()
    assert b.jenis == "foto" and b.tipe_mime == "image/png" and b.ukuran == len(isi)
    d = services.bukti_tambah(kejadian=kejadian, berkas=pdf_kecil(), oleh=dunia.pld_a)
    assert d.jenis == "dokumen"


@pytest.mark.parametrize(
    "berkas,pesan",
    [
        (SimpleUploadedFile("foto.jpg", b"ini bukan gambar sama sekali"), "tidak diterima"),
        (
            SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200),
            "rusak atau bukan gambar",
        ),
        (SimpleUploadedFile("kosong.png", b""), "kosong"),
    ],
)
def test_bukti_palsu_ditolak(kejadian, dunia, berkas, pesan):
    with pytest.raises(ValidationError, match=pesan):
        services.bukti_tambah(kejadian=kejadian, berkas=berkas, oleh=dunia.pld_a)


def test_foto_laporan_cepat_harus_gambar(dunia):
    with pytest.raises(ValidationError, match="bukan foto"):
        kejadian_di(dunia.desa_a, dunia.pld_a, foto=pdf_kecil("foto.jpg"))
    k = kejadian_di(dunia.desa_a, dunia.pld_a, foto=foto_jpeg())
    assert k.bukti.get().tipe_mime == "image/jpeg"


def test_bukti_terlalu_besar_ditolak(kejadian, dunia, settings):
    settings.UNGGAHAN_MAKS_MB = 0
    with pytest.raises(ValidationError, match="terlalu besar"):
        services.bukti_tambah(kejadian=kejadian, berkas=foto_png(), oleh=dunia.pld_a)


# ---------------------------------------------------------------------- the response log
def test_catatan_tanggap(kejadian, dunia):
    hari_ini = timezone.localdate()
    services.koordinasi_catat(
        kejadian=kejadian,
        oleh=dunia.pld_a,
        waktu=timezone.now(),
        instansi="bpbd",
        nama_instansi="BPBD Cilacap",
        kontak="Pak Joko 0812",
        permintaan="Perahu karet",
        kesepakatan="2 perahu tiba pukul 14.00",
    )
    services.tokoh_catat(
        kejadian=kejadian, oleh=dunia.pld_a, nama="Kyai Ahmad", unsur="agama", peran="Imbauan"
    )
    services.keputusan_catat(
        kejadian=kejadian,
        oleh=dunia.pld_a,
        wilayah=dunia.desa_a,
        tanggal=hari_ini,
        kegiatan="Rabat beton RT 3",
        keputusan="dihentikan",
        alasan="Lokasi tergenang",
        diputuskan_oleh="Kepala Desa",
    )
    services.bantuan_catat(
        kejadian=kejadian,
        oleh=dunia.pld_a,
        wilayah=dunia.desa_a,
        tanggal=hari_ini,
        dari="Dinsos",
        wujud="200 paket sembako",
        untuk_jiwa=600,
    )
    tl = services.mitigasi_buat(
        kejadian=kejadian,
        oleh=dunia.pld_a,
        wilayah=dunia.desa_a,
        judul="Normalisasi saluran",
        mitra="Pemdes, BPBD, Karang Taruna",
        jatuh_tempo=hari_ini + datetime.timedelta(days=14),
    )
    assert tl.sumber == kejadian
    assert [t.pk for t in selectors.mitigasi(kejadian=kejadian)] == [tl.pk]
    assert TindakLanjut.objects.get(pk=tl.pk).penanggung_jawab.startswith("Pemdes")
    with pytest.raises(ValidationError, match="masa depan"):
        services.bantuan_catat(
            kejadian=kejadian,
            oleh=dunia.pld_a,
            wilayah=dunia.desa_a,
            tanggal=hari_ini + datetime.timedelta(days=2),
            dari="x",
            wujud="y",
        )


def test_desa_tambahan_membuka_kejadian_bagi_pendamping_desa_itu(kejadian, dunia):
    from bencana.models import Kejadian

    assert not Kejadian.objects.visible_to(dunia.pld_b.user).filter(pk=kejadian.pk).exists()
    services.desa_terdampak_tambah(kejadian=kejadian, desa=dunia.desa_b, oleh=dunia.pld_a)
    dunia.pld_b.user.__dict__.pop("_cakupan_cache", None)
    assert Kejadian.objects.visible_to(dunia.pld_b.user).filter(pk=kejadian.pk).exists()
    with pytest.raises(ValidationError, match="sudah tercatat"):
        services.desa_terdampak_tambah(kejadian=kejadian, desa=dunia.desa_b, oleh=dunia.pld_a)


def test_admin_tidak_dapat_mengubah_atau_menghapus_kronologi(kejadian, dunia, admin_client):
    from django.urls import reverse

    e = kejadian.kronologi.get()
    ubah = reverse("admin:bencana_kronologi_change", args=[e.pk])
    r = admin_client.get(ubah)
    assert r.status_code == 200 and 'name="_save"' not in r.content.decode()
    r = admin_client.post(ubah, {"isi": "diubah lewat admin"})
    assert r.status_code == 403
    r = admin_client.post(reverse("admin:bencana_kronologi_delete", args=[e.pk]), {"post": "yes"})
    assert r.status_code == 403
    assert Kronologi.objects.get(pk=e.pk).isi.startswith("Laporan cepat")
    assert admin_client.get(reverse("admin:bencana_jeniskejadian_changelist")).status_code == 200
