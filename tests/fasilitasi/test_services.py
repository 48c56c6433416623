"""Services of cases: opening (template snapshot), moving forward and back, required documents,
status moves through the platform's ``pindah_status``, permission refusals (403), the one-time key,
history across a template change, the entry-form extension."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from fasilitasi import services
from fasilitasi.forms import EkstensiKegiatanForm
from fasilitasi.hooks import simpan_ekstensi, tautan_kegiatan
from fasilitasi.models import (
    DokumenFasilitasi,
    DokumenTahapTemplat,
    Fasilitasi,
    JenisPeristiwa,
    StatusFasilitasi,
    TahapTemplat,
)
from pendampingan import registry
from pendampingan.models import TataCara
from tests.factories import KegiatanFactory

from .factories import berkas_pdf, buka_kasus, lampirkan_wajib, majukan, templat

pytestmark = pytest.mark.django_db
TAHUN = datetime.date.today().year


def test_buka_menyalin_tahap_templat(dunia):
    kasus = buka_kasus(dunia)
    t = templat()
    assert kasus.tahap.count() == t.tahap.count() == 7
    assert kasus.tahap_kini.urutan == 1
    assert kasus.status == StatusFasilitasi.BERJALAN
    assert kasus.judul == f"APB Desa {TAHUN}"
    assert kasus.butir.kode == "1b"
    pertama = kasus.tahap.get(urutan=1)
    assert pertama.dokumen == [{"nama": "Rancangan Perdes APB Desa", "wajib": True}]
    assert kasus.peristiwa.get().jenis == JenisPeristiwa.DIBUKA


def test_jatuh_tempo_tanggal_tetap_dari_tahap_kedua(dunia):
    kasus = buka_kasus(dunia, tahun=TAHUN + 1, tanggal=datetime.date(TAHUN, 8, 3))
    kasus = majukan(kasus, dunia.pd_a.user)
    # APB Desa of next year is agreed with the BPD by 31 October of this year
    assert kasus.tahap_kini.urutan == 2
    assert kasus.jatuh_tempo == datetime.date(TAHUN, 10, 31)


def test_tahun_jauh_di_luar_periode_ditolak(dunia):
    with pytest.raises(ValidationError) as e:
        buka_kasus(dunia, tahun=TAHUN + 40)
    assert "jauh di luar periode APB Desa" in str(e.value)
    assert not Fasilitasi.objects.exists()


def test_rpjm_boleh_delapan_tahun_ke_belakang(dunia):
    kasus = buka_kasus(dunia, kode="rpjm-desa", tahun=TAHUN - 7)
    assert kasus.templat.masa_tahun == 8


def test_satu_kasus_per_desa_templat_tahun(dunia):
    buka_kasus(dunia)
    with pytest.raises(ValidationError) as e:
        buka_kasus(dunia)
    assert "sudah punya kasus" in str(e.value)


def test_desa_di_luar_cakupan_ditolak_403(dunia):
    with pytest.raises(PermissionDenied) as e:
        buka_kasus(dunia, desa=dunia.desa_b, oleh=dunia.pld_a, pj=dunia.pld_a)
    assert "tidak berwenang membuka kasus fasilitasi di desa Desa Beta" in str(e.value)
    assert not Fasilitasi.objects.exists()


def test_penanggung_jawab_harus_bertugas_di_desa(dunia):
    with pytest.raises(ValidationError) as e:
        buka_kasus(dunia, pj=dunia.pld_b)
    assert "tidak bertugas di desa ini" in str(e.value)


def test_maju_tanpa_dokumen_wajib_ditolak_tanpa_menulis_apa_pun(dunia):
    kasus = buka_kasus(dunia)
    with pytest.raises(ValidationError) as e:
        services.fasilitasi_maju(kasus=kasus, user=dunia.pld_a.user)
    assert (
        "Dokumen wajib tahap «Penyusunan rancangan Perdes APB Desa berdasarkan RKP Desa» belum"
        in str(e.value)
    )
    assert "Rancangan Perdes APB Desa" in str(e.value)
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 1
    assert kasus.peristiwa.count() == 1


def test_maju_mencatat_siapa_kapan_dokumen_dan_kegiatan(dunia):
    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    kegiatan = KegiatanFactory(
        pendamping=dunia.pld_a, wilayah=dunia.desa_a, tata_cara=TataCara.FASILITASI
    )
    kasus = services.fasilitasi_maju(
        kasus=kasus, user=dunia.pld_a.user, catatan="Rancangan dibahas", kegiatan=kegiatan
    )
    p = kasus.peristiwa.get(jenis=JenisPeristiwa.MAJU)
    assert p.oleh == dunia.pld_a.user
    assert p.kegiatan == kegiatan
    assert p.dari_tahap.urutan == 1 and p.ke_tahap.urutan == 2
    assert [d.nama for d in p.dokumen.all()] == ["Rancangan Perdes APB Desa"]
    assert p.tanggal == kegiatan.tanggal
    assert kasus.tahap.get(urutan=1).selesai == kegiatan.tanggal


def test_kegiatan_desa_lain_ditolak(dunia):
    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    kegiatan = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a2)
    with pytest.raises(ValidationError) as e:
        services.fasilitasi_maju(kasus=kasus, user=dunia.pld_a.user, kegiatan=kegiatan)
    assert "tidak dilakukan di desa kasus ini" in str(e.value)


def test_tahap_terakhir_menyelesaikan_dan_kasus_selesai_tidak_bisa_pindah(dunia):
    kasus = buka_kasus(dunia)
    kasus = majukan(kasus, dunia.pld_a.user, kali=7)
    assert kasus.status == StatusFasilitasi.SELESAI
    assert kasus.jatuh_tempo is None
    assert kasus.selesai_pada is not None
    jumlah = kasus.peristiwa.count()
    with pytest.raises(ValidationError) as e:
        services.fasilitasi_maju(kasus=kasus, user=dunia.pld_a.user)
    assert "sudah selesai" in str(e.value)
    with pytest.raises(ValidationError):
        services.fasilitasi_mundur(kasus=kasus, user=dunia.pld_a.user, alasan="coba")
    assert kasus.peristiwa.count() == jumlah


def test_mundur_perlu_alasan_dan_tercatat(dunia):
    kasus = majukan(buka_kasus(dunia), dunia.pld_a.user, kali=3)
    assert kasus.tahap_kini.urutan == 4
    with pytest.raises(ValidationError) as e:
        services.fasilitasi_mundur(kasus=kasus, user=dunia.pld_a.user, alasan="  ")
    assert "alasan" in str(e.value)
    kasus = services.fasilitasi_mundur(
        kasus=kasus, user=dunia.pld_a.user, alasan="Evaluasi Camat: belanja pegawai melebihi batas"
    )
    assert kasus.tahap_kini.urutan == 3
    p = kasus.peristiwa.get(jenis=JenisPeristiwa.MUNDUR)
    assert p.catatan.startswith("Evaluasi Camat")
    assert kasus.tahap.get(urutan=4).mulai is None


def test_mundur_dari_tahap_pertama_ditolak(dunia):
    kasus = buka_kasus(dunia)
    with pytest.raises(ValidationError) as e:
        services.fasilitasi_mundur(kasus=kasus, user=dunia.pld_a.user, alasan="x")
    assert "tahap pertama" in str(e.value)


def test_status_tunda_lanjut_batal(dunia):
    kasus = buka_kasus(dunia)
    u = dunia.pld_a.user
    with pytest.raises(ValidationError):
        services.fasilitasi_ubah_status(kasus=kasus, user=u, status="ditunda")  # no reason
    kasus = services.fasilitasi_ubah_status(
        kasus=kasus, user=u, status="ditunda", catatan="Kades cuti"
    )
    lampirkan = pytest.raises(ValidationError)
    with lampirkan as e:
        services.fasilitasi_maju(kasus=kasus, user=u)
    assert "ditunda" in str(e.value)
    kasus = services.fasilitasi_ubah_status(kasus=kasus, user=u, status="berjalan")
    assert services.fasilitasi_ubah_status(kasus=kasus, user=u, status="berjalan") == kasus
    with pytest.raises(ValidationError) as e:
        services.fasilitasi_ubah_status(kasus=kasus, user=u, status="selesai")
    assert "tahap terakhir" in str(e.value)
    kasus = services.fasilitasi_ubah_status(
        kasus=kasus, user=u, status="dibatalkan", catatan="Salah desa"
    )
    with pytest.raises(ValidationError):
        services.fasilitasi_ubah_status(kasus=kasus, user=u, status="berjalan")
    assert kasus.peristiwa.filter(jenis=JenisPeristiwa.STATUS).count() == 3
    # a cancelled case frees the slot for a new one
    buka_kasus(dunia)


def test_riwayat_tetap_saat_templat_diubah(dunia):
    kasus = buka_kasus(dunia)
    kasus = majukan(kasus, dunia.pld_a.user)
    t = templat()
    tahap2 = t.tahap.get(urutan=2)
    tahap2.nama = "Nama baru di admin"
    tahap2.tenggat_bulan = 11
    tahap2.save()
    DokumenTahapTemplat.objects.create(tahap=tahap2, nama="Dokumen baru", wajib=True)
    TahapTemplat.objects.create(templat=t, urutan=8, nama="Tahap tambahan")
    TahapTemplat.objects.filter(templat=t, urutan=7).delete()

    kasus.refresh_from_db()
    assert kasus.tahap_kini.nama == "Pembahasan dan kesepakatan bersama dengan BPD"
    assert kasus.tahap_kini.tenggat_bulan == 10
    assert "Dokumen baru" not in kasus.tahap_kini.dokumen_wajib
    assert kasus.tahap.count() == 7
    assert kasus.tahap.get(urutan=7).nama.startswith("Publikasi")
    p = kasus.peristiwa.get(jenis=JenisPeristiwa.MAJU)
    assert p.ke_tahap.nama == "Pembahasan dan kesepakatan bersama dengan BPD"
    # a new case takes the edited template
    baru = buka_kasus(dunia, desa=dunia.desa_a2, pj=dunia.pd_a)
    assert baru.tahap.get(urutan=2).nama == "Nama baru di admin"
    assert baru.tahap.count() == 7
    assert baru.tahap.order_by("urutan").last().nama == "Tahap tambahan"
    # the case keeps its own field history
    assert kasus.history.count() >= 3


def test_dokumen_diperiksa_isinya(dunia):
    kasus = buka_kasus(dunia)
    palsu = SimpleUploadedFile("rancangan.pdf", b"bukan pdf, hanya teks", "application/pdf")
    with pytest.raises(ValidationError) as e:
        services.dokumen_lampirkan(
            kasus=kasus, user=dunia.pld_a.user, nama="Rancangan Perdes APB Desa", berkas=palsu
        )
    assert "Jenis berkas tidak dikenali atau tidak diizinkan" in str(e.value)
    assert not DokumenFasilitasi.objects.exists()
    services.dokumen_lampirkan(
        kasus=kasus, user=dunia.pld_a.user, nama="Rancangan Perdes APB Desa", berkas=berkas_pdf()
    )
    with pytest.raises(ValidationError) as e:
        services.dokumen_lampirkan(
            kasus=kasus, user=dunia.pld_a.user, nama="Lain", berkas=berkas_pdf()
        )
    assert "sudah dilampirkan" in str(e.value)


def test_pengguna_di_luar_cakupan_tidak_bisa_memindah(dunia):
    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    for ubah in (
        lambda u: services.fasilitasi_maju(kasus=kasus, user=u),
        lambda u: services.fasilitasi_mundur(kasus=kasus, user=u, alasan="x"),
        lambda u: services.fasilitasi_ubah_status(
            kasus=kasus, user=u, status="ditunda", catatan="x"
        ),
        lambda u: services.dokumen_lampirkan(kasus=kasus, user=u, nama="x", berkas=berkas_pdf()),
    ):
        for orang in (dunia.pld_b, dunia.pengawas):  # another desa; a supervisor who only looks
            with pytest.raises(PermissionDenied) as e:
                ubah(orang.user)
            assert "tidak berwenang" in str(e.value)
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 1 and kasus.status == StatusFasilitasi.BERJALAN


def test_ekstensi_kegiatan_terdaftar_dan_memajukan_kasus(dunia):
    eks = registry.ekstensi_kegiatan["fasilitasi"]
    assert eks.tata_cara == frozenset({"fasilitasi"})
    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    kegiatan = KegiatanFactory(
        pendamping=dunia.pld_a, wilayah=dunia.desa_a, tata_cara=TataCara.FASILITASI
    )
    form = eks.form_class(
        {"fasilitasi-kasus": kasus.pk, "fasilitasi-maju": "on", "fasilitasi-catatan": "Musdes"},
        user=dunia.pld_a.user,
        kegiatan=kegiatan,
        prefix="fasilitasi",
    )
    assert form.is_valid(), form.errors
    eks.simpan(kegiatan, form, dunia.pld_a.user)
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 2
    links = tautan_kegiatan([kegiatan], dunia.pld_a.user)
    assert "maju ke" in links[kegiatan.pk][0].judul


def test_ekstensi_menolak_maju_tanpa_dokumen(dunia):
    kasus = buka_kasus(dunia)
    form = EkstensiKegiatanForm(
        {"kasus": kasus.pk, "maju": "on"}, user=dunia.pld_a.user, kegiatan=None
    )
    assert not form.is_valid()
    assert "Dokumen wajib" in str(form.errors["maju"])


def test_ekstensi_tanpa_maju_hanya_mencatat(dunia):
    kasus = buka_kasus(dunia)
    kegiatan = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    form = EkstensiKegiatanForm({"kasus": kasus.pk}, user=dunia.pld_a.user, kegiatan=kegiatan)
    assert form.is_valid()
    simpan_ekstensi(kegiatan, form, dunia.pld_a.user)
    simpan_ekstensi(kegiatan, form, dunia.pld_a.user)  # idempotent
    assert kasus.peristiwa.filter(jenis=JenisPeristiwa.CATATAN).count() == 1
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 1


def test_ekstensi_hanya_kasus_desa_kegiatan(dunia):
    buka_kasus(dunia)
    lain = buka_kasus(dunia, desa=dunia.desa_b, oleh=dunia.pld_b, pj=dunia.pld_b)
    kegiatan = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    form = EkstensiKegiatanForm({"kasus": lain.pk}, user=dunia.pld_a.user, kegiatan=kegiatan)
    assert not form.is_valid()


def _data_kegiatan(desa, **ubah):
    return {
        "wilayah": desa,
        "tanggal": datetime.date.today(),
        "jam_mulai": datetime.time(9),
        "jam_selesai": datetime.time(11),
        "tata_cara": "fasilitasi",
        "judul": "Fasilitasi Musdes APB Desa",
        "uraian": "",
        **ubah,
    }


def test_kegiatan_lewat_layanan_inti_memajukan_kasus(dunia):
    from pendampingan.kegiatan import services as kegiatan_services

    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    eks = registry.ekstensi_kegiatan["fasilitasi"]
    u = dunia.pld_a.user
    form = eks.form_class(
        {"fasilitasi-kasus": kasus.pk, "fasilitasi-maju": "on"},
        user=u,
        kegiatan=None,
        prefix="fasilitasi",
    )
    assert form.is_valid(), form.errors
    hasil = kegiatan_services.kegiatan_buat(
        user=u, data=_data_kegiatan(dunia.desa_a), ekstensi=[(eks, form)]
    )
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 2
    p = kasus.peristiwa.get(jenis=JenisPeristiwa.MAJU)
    assert p.kegiatan == hasil.kegiatan
    # editing the entry keeps the link and does not move the case again
    form = eks.form_class(
        {"fasilitasi-kasus": kasus.pk, "fasilitasi-maju": "on"},
        user=u,
        kegiatan=hasil.kegiatan,
        prefix="fasilitasi",
    )
    assert form.fields["kasus"].initial == kasus.pk
    lampirkan_wajib(kasus, u)
    assert form.is_valid(), form.errors
    kegiatan_services.kegiatan_ubah(
        kegiatan=hasil.kegiatan, user=u, data=_data_kegiatan(dunia.desa_a), ekstensi=[(eks, form)]
    )
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 2


def test_kegiatan_di_desa_lain_membatalkan_seluruh_simpan(dunia):
    from pendampingan.kegiatan import services as kegiatan_services
    from pendampingan.models import Kegiatan, Penugasan

    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    eks = registry.ekstensi_kegiatan["fasilitasi"]
    u = dunia.pld_a.user
    form = eks.form_class(
        {"fasilitasi-kasus": kasus.pk, "fasilitasi-maju": "on"}, user=u, prefix="fasilitasi"
    )
    assert form.is_valid()
    # the PLD also works in desa_a2, so the entry itself is valid there
    Penugasan.objects.create(
        pendamping=dunia.pld_a, wilayah=dunia.desa_a2, mulai=datetime.date(2020, 1, 1)
    )
    u.__dict__.pop("_cakupan_cache", None)
    jumlah = Kegiatan.objects.count()
    with pytest.raises(ValidationError) as e:
        with transaction.atomic():
            kegiatan_services.kegiatan_buat(
                user=u, data=_data_kegiatan(dunia.desa_a2), ekstensi=[(eks, form)]
            )
    assert "tidak dilakukan di desa kasus ini" in str(e.value)
    assert Kegiatan.objects.count() == jumlah
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 1


def test_bumdes_hanya_untuk_kasus_lingkup_empat(dunia):
    b = services.bumdes_simpan(
        user=dunia.pld_a.user, data={"wilayah": dunia.desa_a, "nama": "BUMDes A", "jenis": "bumdes"}
    )
    with pytest.raises(ValidationError) as e:
        services.fasilitasi_buka(
            user=dunia.pld_a.user,
            wilayah=dunia.desa_a,
            templat=templat("apb-desa"),
            tahun=TAHUN,
            penanggung_jawab=dunia.pld_a,
            bumdes=b,
        )
    assert "ruang lingkup 4" in str(e.value)
    kasus = services.fasilitasi_buka(
        user=dunia.pld_a.user,
        wilayah=dunia.desa_a,
        templat=templat("pendirian-bumdes"),
        tahun=TAHUN,
        penanggung_jawab=dunia.pld_a,
        bumdes=b,
    )
    assert kasus.bumdes == b and kasus.butir.kode == "4c"
