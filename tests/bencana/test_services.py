"""The incident's services: append-only chronology, status moves (``pindah_status``), impact
snapshots, evidence through ``periksa_berkas`` on the private storage, the other logs, who may do
what (``akses``, 403 inside the scope), the one-time keys, and two users at once on PostgreSQL."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from bencana import laporan, selectors, services
from bencana.models import (
    Bantuan,
    Bukti,
    DesaTerdampak,
    KegiatanKejadian,
    Kejadian,
    KeputusanKegiatanDesa,
    Koordinasi,
    Kronologi,
    LaporanVersi,
    PenilaianDampak,
    PerubahanStatus,
    StatusKejadian,
    TokohTerlibat,
)
from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.models import TataCara, TindakLanjut
from pendampingan.notifikasi.models import Pesan
from tests.factories import KegiatanFactory
from tests.inti.bersamaan import hanya_postgresql, serentak

from .factories import dampak, foto_jpeg, foto_png, jenis, kejadian_di, pdf_kecil

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
    with pytest.raises(PermissionDenied, match="di luar wilayah tugas"):
        services.kronologi_tambah(
            kejadian=kejadian, waktu=timezone.now(), isi="x", oleh=dunia.pld_b
        )
    with pytest.raises(PermissionDenied, match="desa tugas Anda"):
        kejadian_di(dunia.desa_b, dunia.pld_a)
    # a supervisor sees the desa but reports through the facilitator on the ground
    with pytest.raises(PermissionDenied, match="desa tugas Anda"):
        kejadian_di(dunia.desa_a, dunia.pd_a)


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
    # the move rows are the platform's events: the actor is the account
    assert {p.oleh_id for p in PerubahanStatus.objects.filter(kejadian=kejadian)} == {
        dunia.pld_a.user_id
    }


def test_status_yang_dilihat_sudah_berubah_ditolak_dengan_nama_pengubah(kejadian, dunia):
    services.kejadian_ubah_status(
        kejadian=kejadian, ke="tanggap_darurat", oleh=dunia.pd_a, dari="dilaporkan"
    )
    # the PLD's page still showed "dilaporkan"; the move to "selesai" is allowed from both states
    with pytest.raises(PindahDitolak) as e:
        services.kejadian_ubah_status(
            kejadian=kejadian, ke="selesai", oleh=dunia.pld_a, dari="dilaporkan"
        )
    assert e.value.code == "sudah_berubah"
    assert (
        "Tanggap darurat" in e.value.messages[0] and dunia.pd_a.user.username in e.value.messages[0]
    )
    assert PerubahanStatus.objects.filter(kejadian=kejadian).count() == 1


def test_klik_ganda_status_tanpa_efek_bagi_pengubah_yang_sama(kejadian, dunia):
    for _ in range(2):
        services.kejadian_ubah_status(
            kejadian=kejadian, ke="tanggap_darurat", oleh=dunia.pld_a, dari="dilaporkan"
        )
    assert PerubahanStatus.objects.filter(kejadian=kejadian).count() == 1
    # somebody else doing the same move after it was made is told who made it
    with pytest.raises(PindahDitolak, match="sudah diubah"):
        services.kejadian_ubah_status(
            kejadian=kejadian, ke="tanggap_darurat", oleh=dunia.pd_a, dari="dilaporkan"
        )


def test_menutup_hanya_pelapor_atau_pengawas(kejadian, dunia):
    """PLD B sees the incident once their desa is added and may work on it, but closing (and
    reopening) is for the reporter or a supervisor of the incident's desa: 403 inside the scope."""
    services.desa_terdampak_tambah(kejadian=kejadian, desa=dunia.desa_b, oleh=dunia.pld_a)
    services.kejadian_ubah_status(kejadian=kejadian, ke="tanggap_darurat", oleh=dunia.pld_b)
    with pytest.raises(PermissionDenied, match="pelapor atau pengawas"):
        services.kejadian_ubah_status(kejadian=kejadian, ke="selesai", oleh=dunia.pld_b)
    services.kejadian_ubah_status(kejadian=kejadian, ke="selesai", oleh=dunia.pd_a)
    with pytest.raises(PermissionDenied):
        services.kejadian_ubah_status(
            kejadian=kejadian, ke="pemulihan", oleh=dunia.pld_b, catatan="Banjir susulan"
        )
    services.kejadian_ubah_status(
        kejadian=kejadian, ke="pemulihan", oleh=dunia.pengawas, catatan="Banjir susulan"
    )
    kejadian.refresh_from_db()
    assert kejadian.status == "pemulihan"


def test_dampak_kejadian_selesai_ditolak(kejadian, dunia):
    services.kejadian_ubah_status(kejadian=kejadian, ke="selesai", oleh=dunia.pld_a)
    with pytest.raises(PermissionDenied, match="sudah selesai"):
        dampak(kejadian, dunia.desa_a, dunia.pld_a, meninggal=1)
    assert not PenilaianDampak.objects.exists()


@hanya_postgresql
@pytest.mark.django_db(transaction=True)
def test_dua_pengguna_menutup_bersamaan(dunia):
    """The reporter and the supervisor close the same incident at the same moment: one move, one
    event; the other is told who closed it — never another kind of error."""
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    siapa = [dunia.pld_a, dunia.pd_a]
    hasil = serentak(
        lambda i: services.kejadian_ubah_status(
            kejadian=Kejadian.objects.get(pk=k.pk), ke="selesai", oleh=siapa[i], dari="dilaporkan"
        )
    )
    berhasil = [h for h in hasil if isinstance(h, Kejadian)]
    ditolak = [h for h in hasil if isinstance(h, PindahDitolak)]
    assert len(berhasil) == 1 and len(ditolak) == 1, hasil
    assert ditolak[0].code == "sudah_berubah" and "Selesai" in ditolak[0].messages[0]
    ev = PerubahanStatus.objects.get(kejadian=k)
    assert (ev.dari, ev.ke) == ("dilaporkan", "selesai")
    assert Kejadian.objects.get(pk=k.pk).status == "selesai"


# ------------------------------------------------------------------------------ impact
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
        (SimpleUploadedFile("foto.jpg", b"ini bukan gambar sama sekali"), "tidak diizinkan"),
        (
            SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200),
            "bukan foto yang dapat dibaca",
        ),
        (SimpleUploadedFile("kosong.png", b""), "kosong"),
    ],
)
def test_bukti_palsu_ditolak(kejadian, dunia, berkas, pesan):
    with pytest.raises(ValidationError, match=pesan) as e:
        services.bukti_tambah(kejadian=kejadian, berkas=berkas, oleh=dunia.pld_a)
    assert "berkas" in e.value.message_dict  # told on the form's field
    assert not Bukti.objects.exists()


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


# ----------------------------------------------------------------------- one-time keys
def _kunci_dua_kali(buat):
    """Call ``buat(kunci)`` twice with one key: the first creates, the second raises
    ``SudahTersimpan`` with the first record."""
    kunci = uuid.uuid4()
    pertama = buat(kunci)
    with pytest.raises(SudahTersimpan) as e:
        buat(kunci)
    assert e.value.obj.pk == pertama.pk and e.value.obj.kunci_sekali == kunci
    return pertama


def test_laporan_cepat_kunci_sama_satu_kejadian_satu_set_pesan(dunia):
    def lapor(kunci):
        return kejadian_di(dunia.desa_a, dunia.pld_a, foto=foto_png(), kunci_sekali=kunci)

    k = _kunci_dua_kali(lapor)
    assert Kejadian.objects.count() == 1 and LaporanVersi.objects.count() == 1
    assert Bukti.objects.count() == 1 and k.kode.endswith("-01")
    assert (
        Pesan.objects.filter(kunci__startswith=f"bencana:{k.pk}:v1:").count()
        == Pesan.objects.count()
    )
    assert Pesan.objects.count() > 0


@pytest.mark.parametrize(
    "model,buat",
    [
        (
            DesaTerdampak,
            lambda k, d, kunci: services.desa_terdampak_tambah(
                kejadian=k, desa=d.desa_a2, oleh=d.pld_a, kunci_sekali=kunci
            ),
        ),
        (
            Kronologi,
            lambda k, d, kunci: services.kronologi_tambah(
                kejadian=k, waktu=timezone.now(), isi="Air surut", oleh=d.pld_a, kunci_sekali=kunci
            ),
        ),
        (
            PenilaianDampak,
            lambda k, d, kunci: services.dampak_catat(
                kejadian=k,
                desa=d.desa_a,
                waktu=timezone.now(),
                angka={"mengungsi": 4},
                oleh=d.pld_a,
                kunci_sekali=kunci,
            ),
        ),
        (
            Bukti,
            lambda k, d, kunci: services.bukti_tambah(
                kejadian=k, berkas=foto_png(), oleh=d.pld_a, kunci_sekali=kunci
            ),
        ),
        (
            Koordinasi,
            lambda k, d, kunci: services.koordinasi_catat(
                kejadian=k,
                oleh=d.pld_a,
                waktu=timezone.now(),
                instansi="bpbd",
                kontak="Pak Joko",
                permintaan="Perahu",
                kunci_sekali=kunci,
            ),
        ),
        (
            TokohTerlibat,
            lambda k, d, kunci: services.tokoh_catat(
                kejadian=k, oleh=d.pld_a, nama="Kyai", unsur="agama", peran="x", kunci_sekali=kunci
            ),
        ),
        (
            KeputusanKegiatanDesa,
            lambda k, d, kunci: services.keputusan_catat(
                kejadian=k,
                oleh=d.pld_a,
                wilayah=d.desa_a,
                tanggal=timezone.localdate(),
                kegiatan="Rabat beton",
                keputusan="dihentikan",
                alasan="Tergenang",
                diputuskan_oleh="Kades",
                kunci_sekali=kunci,
            ),
        ),
        (
            Bantuan,
            lambda k, d, kunci: services.bantuan_catat(
                kejadian=k,
                oleh=d.pld_a,
                wilayah=d.desa_a,
                tanggal=timezone.localdate(),
                dari="Dinsos",
                wujud="Sembako",
                kunci_sekali=kunci,
            ),
        ),
        (
            LaporanVersi,
            lambda k, d, kunci: laporan.laporan_kirim(
                kejadian=k, oleh=d.pld_a, pemicu="Tanggap darurat", kunci_sekali=kunci
            ),
        ),
        (
            KegiatanKejadian,
            lambda k, d, kunci: services.kegiatan_tautkan(
                # a new entry each call: the repeat must not link it (the key wins)
                kegiatan=KegiatanFactory(
                    pendamping=d.pld_a, wilayah=d.desa_a, tata_cara=TataCara.BENCANA
                ),
                kejadian=k,
                user=d.pld_a.user,
                kunci_sekali=kunci,
            ),
        ),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else "",
)
def test_kunci_sama_satu_catatan(kejadian, dunia, model, buat):
    sebelum = model.objects.count()
    pesan = Pesan.objects.count()
    _kunci_dua_kali(lambda kunci: buat(kejadian, dunia, kunci))
    assert model.objects.count() == sebelum + 1
    if model is LaporanVersi:  # one new version: one set of messages, not two
        assert Pesan.objects.count() == 2 * pesan


@hanya_postgresql
@pytest.mark.django_db(transaction=True)
def test_laporan_cepat_bersamaan_dengan_kunci_sama(dunia):
    """A browser retry while the first request is still running: two requests with one key at
    the same moment make one incident, one code, one version and one set of outbox rows."""
    jenis("101")
    kunci = uuid.uuid4()
    hasil = serentak(
        lambda i: kejadian_di(
            dunia.desa_a, dunia.pld_a, kunci_sekali=kunci, ringkasan=f"Banjir {i}"
        )
    )
    dibuat = [h for h in hasil if isinstance(h, Kejadian)]
    ulang = [h for h in hasil if isinstance(h, SudahTersimpan)]
    assert len(dibuat) == 1 and len(ulang) == 1, hasil
    assert ulang[0].obj.pk == dibuat[0].pk
    k = Kejadian.objects.get()
    assert k.kode.endswith("-01") and LaporanVersi.objects.count() == 1
    assert Kronologi.objects.count() == 1
    kunci_pesan = list(Pesan.objects.values_list("kunci", flat=True))
    assert kunci_pesan and all(p.startswith(f"bencana:{k.pk}:v1:") for p in kunci_pesan)
    assert len(kunci_pesan) == len(set(kunci_pesan))


@hanya_postgresql
@pytest.mark.django_db(transaction=True)
def test_entri_kronologi_bersamaan_dengan_kunci_sama(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    kunci = uuid.uuid4()
    hasil = serentak(
        lambda i: services.kronologi_tambah(
            kejadian=k, waktu=timezone.now(), isi="Air surut", oleh=dunia.pld_a, kunci_sekali=kunci
        )
    )
    assert sorted(type(h).__name__ for h in hasil) == ["Kronologi", "SudahTersimpan"], hasil
    assert Kronologi.objects.filter(kunci_sekali=kunci).count() == 1
