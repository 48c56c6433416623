import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pendampingan import registry
from pendampingan.kegiatan import services
from pendampingan.models import (
    BidangPendampingan,
    Butir,
    Jabatan,
    KegiatanPeristiwa,
    NilaiPrinsip,
    Prinsip,
    PrioritasDanaDesa,
    StatusKegiatan,
    StatusTindakLanjut,
    TindakLanjut,
    TujuanSdgs,
)
from tests.factories import pendamping_di

from .factories import (
    asistensi_lembaga,
    data_kegiatan,
    pdf_bytes,
    prinsip_lengkap,
    unggah_jpeg,
    unggah_palsu,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


def _buat(dunia, **kw):
    data = kw.pop("data", None) or data_kegiatan(dunia.desa_a)
    kw.setdefault("prinsip", prinsip_lengkap())
    kw.setdefault("asistensi", asistensi_lembaga())
    return services.kegiatan_buat(user=dunia.pld_a.user, data=data, **kw).kegiatan


def test_data_acuan_terisi():
    assert TujuanSdgs.objects.count() == 18
    assert set(Prinsip.objects.values_list("kode", flat=True)) == {
        "kemanusiaan",
        "keadilan",
        "kebhinekaan",
        "keseimbangan-alam",
        "kepentingan-nasional",
    }
    assert set(Prinsip.objects.values_list("regulasi", flat=True)) == {"Kepmendes PDTT 40/2021"}
    assert set(PrioritasDanaDesa.objects.values_list("tahun", flat=True)) == set(range(2021, 2027))


def test_buat_draf_dengan_prinsip_sdgs_dan_peristiwa(dunia):
    k = _buat(dunia, sdgs=TujuanSdgs.objects.filter(nomor__in=[1, 5]))
    assert k.status == StatusKegiatan.DRAF
    assert k.pendamping == dunia.pld_a
    assert k.penilaian_prinsip.count() == 5
    assert sorted(k.sdgs.values_list("nomor", flat=True)) == [1, 5]
    assert k.asistensi.lembaga.kode == "bpd"
    ev = KegiatanPeristiwa.objects.get(kegiatan=k)
    assert (ev.dari, ev.ke, ev.oleh) == ("", "draf", dunia.pld_a.user)


@pytest.mark.parametrize(
    "ubah,field",
    [
        ({"tanggal": "besok"}, "tanggal"),
        ({"jam_selesai": datetime.time(8, 0)}, "jam_selesai"),
        ({"peserta_laki": -1}, "peserta_laki"),
        ({"judul": "  "}, "judul"),
        ({"lintang": -7}, "lintang"),
    ],
)
def test_isian_salah_ditolak_di_fieldnya(dunia, ubah, field):
    if ubah.get("tanggal") == "besok":
        ubah["tanggal"] = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as e:
        _buat(dunia, data=data_kegiatan(dunia.desa_a, **ubah))
    assert field in e.value.message_dict


def test_wilayah_di_luar_cakupan_ditolak(dunia):
    with pytest.raises(ValidationError) as e:
        _buat(dunia, data=data_kegiatan(dunia.desa_b))
    assert "di luar wilayah" in e.value.message_dict["wilayah"][0]


def test_pd_boleh_mencatat_di_kantor_kecamatan(dunia):
    pd = pendamping_di(dunia.kec_a.kode, Jabatan.PD)
    hasil = services.kegiatan_buat(
        user=pd.user,
        data=data_kegiatan(dunia.kec_a, tata_cara="fasilitasi"),
        prinsip=prinsip_lengkap(),
    )
    assert hasil.kegiatan.wilayah == dunia.kec_a


def test_prinsip_tidak_dijunjung_wajib_catatan(dunia):
    with pytest.raises(ValidationError) as e:
        _buat(dunia, prinsip=prinsip_lengkap(NilaiPrinsip.TIDAK_DIJUNJUNG))
    assert "prinsip_kemanusiaan_catatan" in e.value.message_dict


def test_ajukan_butuh_prinsip_lengkap_lalu_verifikasi(dunia):
    k = _buat(dunia, prinsip={})
    with pytest.raises(ValidationError, match="prinsip"):
        services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    services.kegiatan_ubah(
        kegiatan=k,
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
    )
    k = services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    assert k.status == StatusKegiatan.DIAJUKAN and k.diajukan_pada
    k = services.kegiatan_verifikasi(kegiatan=k, user=dunia.pd_a.user)
    assert k.status == StatusKegiatan.DIVERIFIKASI and k.diverifikasi_oleh == dunia.pd_a
    assert list(k.peristiwa.values_list("dari", "ke")) == [
        ("", "draf"),
        ("draf", "diajukan"),
        ("diajukan", "diverifikasi"),
    ]
    with pytest.raises(ValidationError, match="sudah diverifikasi"):
        services.kegiatan_ubah(
            kegiatan=k,
            user=dunia.pld_a.user,
            data=data_kegiatan(dunia.desa_a),
            asistensi=asistensi_lembaga(),
        )


def test_kembalikan_dengan_catatan_lalu_ubah_dan_ajukan_lagi(dunia):
    k = _buat(dunia)
    services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    with pytest.raises(ValidationError):
        services.kegiatan_kembalikan(kegiatan=k, user=dunia.pd_a.user, catatan=" ")
    k = services.kegiatan_kembalikan(kegiatan=k, user=dunia.pd_a.user, catatan="Foto kurang")
    assert k.status == StatusKegiatan.DIKEMBALIKAN and k.catatan_pemeriksa == "Foto kurang"
    services.kegiatan_ubah(
        kegiatan=k,
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a, judul="Diperbaiki"),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
    )
    k = services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    assert k.status == StatusKegiatan.DIAJUKAN and k.judul == "Diperbaiki"
    assert k.history.count() >= 3


def test_tidak_boleh_memverifikasi_milik_sendiri_atau_di_luar_wilayah(dunia):
    k = _buat(dunia)
    services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    for user in (dunia.pld_a.user, dunia.pld_b.user):
        with pytest.raises(PermissionDenied):
            services.kegiatan_verifikasi(kegiatan=k, user=user)
    # a PD of another kecamatan cannot either
    pd_lain = pendamping_di("33.02.01", Jabatan.PD, jenis="supervisi")
    with pytest.raises(PermissionDenied):
        services.kegiatan_verifikasi(kegiatan=k, user=pd_lain.user)
    # the koordinator provinsi above may
    assert (
        services.kegiatan_verifikasi(kegiatan=k, user=dunia.pengawas.user).status == "diverifikasi"
    )


def test_pengawas_tidak_memverifikasi_rekan_sejajar(dunia):
    pd_lap = pendamping_di(dunia.kec_a.kode, Jabatan.PD)
    k = services.kegiatan_buat(
        user=pd_lap.user,
        data=data_kegiatan(dunia.kec_a, tata_cara="fasilitasi"),
        prinsip=prinsip_lengkap(),
        butir=Butir.objects.filter(kode="E1b"),
    ).kegiatan
    services.kegiatan_ajukan(kegiatan=k, user=pd_lap.user)
    with pytest.raises(PermissionDenied):
        services.kegiatan_verifikasi(kegiatan=k, user=dunia.pd_a.user)


def test_tarik_kembali_ke_draf(dunia):
    k = _buat(dunia)
    services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    k = services.kegiatan_tarik(kegiatan=k, user=dunia.pld_a.user)
    assert k.status == StatusKegiatan.DRAF


def test_verifikasi_banyak(dunia):
    ks = [_buat(dunia) for _ in range(3)]
    for k in ks:
        services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    hasil = services.kegiatan_verifikasi_banyak(kegiatan_list=ks, user=dunia.pd_a.user)
    assert {k.status for k in hasil} == {"diverifikasi"}


def test_kunci_registry_menolak_ubah(dunia):
    k = _buat(dunia)
    registry.daftar_kunci_kegiatan("uji", lambda keg: "Bulan sudah dikunci.")
    try:
        with pytest.raises(ValidationError, match="Bulan sudah dikunci"):
            services.kegiatan_ubah(
                kegiatan=k,
                user=dunia.pld_a.user,
                data=data_kegiatan(dunia.desa_a),
                asistensi=asistensi_lembaga(),
            )
        with pytest.raises(ValidationError, match="Bulan sudah dikunci"):
            services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    finally:
        registry.kunci_kegiatan.pop("uji")


def test_pengarahan_komitmen_menjadi_tindak_lanjut(dunia):
    hari = timezone.localdate()
    pengarahan = {
        "bidang": BidangPendampingan.objects.get(kode="perencanaan"),
        "prioritas": PrioritasDanaDesa.objects.filter(tahun=hari.year).first(),
        "penerima": "Kepala Desa dan Sekdes",
        "komitmen": "Menyusun draf APB Desa",
        "komitmen_pelaksana": "Sekretaris Desa",
        "komitmen_jatuh_tempo": hari + datetime.timedelta(days=14),
    }
    k = _buat(
        dunia, data=data_kegiatan(dunia.desa_a, tata_cara="pengarahan"), pengarahan=pengarahan
    )
    tl = TindakLanjut.objects.get(kegiatan=k)
    assert (tl.judul, tl.penanggung_jawab, tl.pendamping) == (
        "Menyusun draf APB Desa",
        "Sekretaris Desa",
        dunia.pld_a,
    )
    assert k.pengarahan.tindak_lanjut == tl
    # the commitment edited: the same follow-up follows; removed: cancelled
    services.kegiatan_ubah(
        kegiatan=k,
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a, tata_cara="pengarahan"),
        pengarahan={**pengarahan, "komitmen": "Menyusun APB Desa perubahan"},
    )
    tl.refresh_from_db()
    assert tl.judul == "Menyusun APB Desa perubahan"
    services.kegiatan_ubah(
        kegiatan=k,
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a, tata_cara="pengarahan"),
        pengarahan={**pengarahan, "komitmen": ""},
    )
    tl.refresh_from_db()
    assert tl.status == StatusTindakLanjut.BATAL
    assert TindakLanjut.objects.count() == 1


def test_pengarahan_prioritas_tahun_lain_ditolak(dunia):
    pengarahan = {
        "bidang": BidangPendampingan.objects.get(kode="perencanaan"),
        "prioritas": PrioritasDanaDesa.objects.get(tahun=2021, nama="Adaptasi kebiasaan baru"),
        "penerima": "Kepala Desa",
    }
    with pytest.raises(ValidationError) as e:
        _buat(
            dunia, data=data_kegiatan(dunia.desa_a, tata_cara="pengarahan"), pengarahan=pengarahan
        )
    assert "prioritas" in e.value.message_dict


def test_asistensi_wajib_sasaran(dunia):
    with pytest.raises(ValidationError) as e:
        _buat(dunia, asistensi={"jenis_sasaran": "perorangan", "nama_sasaran": "", "bidang": None})
    assert {"nama_sasaran", "bidang"} <= set(e.value.message_dict)


def test_foto_diterima_dan_palsu_ditolak_tanpa_membatalkan_kegiatan(dunia):
    waktu = timezone.now().replace(microsecond=0)
    hasil = services.kegiatan_buat(
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
        foto=[unggah_jpeg(waktu=waktu, lintang=-7.7, bujur=109.0), unggah_palsu("palsu.jpg")],
        dokumen=[
            SimpleUploadedFile("notulen.pdf", pdf_bytes()),
            SimpleUploadedFile("hadir.xlsx", xlsx_bytes()),
            SimpleUploadedFile("skrip.pdf", b"#!/bin/sh\necho hai\n"),
        ],
    )
    k = hasil.kegiatan
    assert k.pk and k.foto.count() == 1 and k.dokumen.count() == 2
    foto = k.foto.get()
    assert len(foto.sha256) == 64 and foto.thumbnail.name and foto.ukuran > 0
    assert foto.exif_waktu == waktu
    assert float(foto.exif_lintang) == pytest.approx(-7.7, abs=1e-4)
    assert sorted(k.dokumen.values_list("jenis", flat=True)) == ["pdf", "xlsx"]
    ditolak = dict(hasil.ditolak)
    assert "bukan foto" in ditolak["palsu.jpg"]
    assert "tidak dikenali" in ditolak["skrip.pdf"]


def test_foto_terlalu_besar_ditolak(dunia, settings):
    settings.UNGGAHAN_MAKS_MB = 0
    k = _buat(dunia)
    with pytest.raises(ValidationError, match="terlalu besar"):
        services.foto_tambah(kegiatan=k, berkas=unggah_jpeg(), user=dunia.pld_a.user)


def test_foto_hanya_oleh_pemilik(dunia):
    k = _buat(dunia)
    with pytest.raises(PermissionDenied):
        services.foto_tambah(kegiatan=k, berkas=unggah_jpeg(), user=dunia.pd_a.user)


def test_pesan_ke_pemeriksa_dan_pemilik_lewat_outbox(dunia, django_capture_on_commit_callbacks):
    from pendampingan.notifikasi.models import Pesan

    k = _buat(dunia)
    with django_capture_on_commit_callbacks(execute=True):
        services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    ke_pemeriksa = Pesan.objects.filter(peristiwa="kegiatan.diajukan")
    assert {p.penerima_user for p in ke_pemeriksa} == {dunia.pd_a.user, dunia.pengawas.user}
    assert not ke_pemeriksa.exclude(saluran="in_app").exists()  # no email for each submission
    with django_capture_on_commit_callbacks(execute=True):
        services.kegiatan_kembalikan(kegiatan=k, user=dunia.pd_a.user, catatan="Foto buram")
    kembali = Pesan.objects.filter(peristiwa="kegiatan.dikembalikan")
    assert {p.penerima_user for p in kembali} == {dunia.pld_a.user}
    assert "Foto buram" in kembali.first().isi
    assert set(kembali.values_list("saluran", flat=True)) == {"in_app", "email"}
