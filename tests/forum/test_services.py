import datetime
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from pendampingan.forum import services
from pendampingan.forum.models import (
    AktivitasForum,
    Anggota,
    Forum,
    JenisForum,
    Keputusan,
    Pertemuan,
    RiwayatStatusForum,
    Sarana,
    StatusForum,
    UnsurMasyarakat,
)
from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.models import KegiatanPeristiwa, StatusKegiatan, TataCara, TindakLanjut
from tests.forum.factories import anggota_di, forum_di, pertemuan_di, sarana_di, unsur

pytestmark = pytest.mark.django_db

HARI_INI = timezone.localdate()


def _forum_buat(d, **kw):
    data = {
        "user": d.pld_a.user,
        "nama": "Forum Mitra Desa Alpha",
        "jenis": JenisForum.FORUM_MITRA_DESA,
        "wilayah": d.desa_a,
        "tanggal_dibentuk": datetime.date(2026, 1, 5),
        "dasar_hukum": "SK Kepala Desa No. 5/2026",
    }
    data.update(kw)
    return services.forum_buat(**data)


def _pesan(e: ValidationError, kunci: str) -> str:
    return " ".join(e.value.message_dict[kunci])


# ------------------------------------------------------------------------------- seed
def test_unsur_masyarakat_diisi_migrasi():
    from django.db.migrations.recorder import MigrationRecorder

    assert MigrationRecorder.Migration.objects.filter(
        app="forum", name="0002_unsur_masyarakat_awal"
    ).exists()
    kode = set(UnsurMasyarakat.objects.values_list("kode", flat=True))
    assert {"tokoh-agama", "kelompok-perempuan", "kelompok-masyarakat-miskin", "lainnya"} <= kode
    assert len(kode) == 12


# ------------------------------------------------------------------------------ forum
def test_forum_buat_di_desa_sendiri(dunia):
    f = _forum_buat(dunia)
    assert f.status == StatusForum.AKTIF
    assert f.pendamping == dunia.pld_a
    assert f.history.count() == 1


def test_forum_buat_di_luar_wilayah_ditolak(dunia):
    with pytest.raises(PermissionDenied):
        _forum_buat(dunia, wilayah=dunia.desa_b)


def test_forum_mitra_desa_harus_di_desa(dunia):
    from tests.factories import pendamping_di

    pd = pendamping_di(dunia.kec_a.kode, "pd")
    with pytest.raises(ValidationError) as e:
        _forum_buat(dunia, user=pd.user, wilayah=dunia.kec_a)
    assert "dibentuk di tingkat desa" in _pesan(e, "wilayah")
    f = _forum_buat(dunia, user=pd.user, wilayah=dunia.kec_a, jenis=JenisForum.PUSAT_KEMASYARAKATAN)
    assert f.wilayah == dunia.kec_a


def test_forum_nama_ganda_dan_tanggal_depan_ditolak(dunia):
    _forum_buat(dunia)
    with pytest.raises(ValidationError) as e:
        _forum_buat(
            dunia,
            nama="forum  mitra desa alpha",
            tanggal_dibentuk=HARI_INI + datetime.timedelta(days=1),
        )
    assert "Sudah ada forum" in _pesan(e, "nama")
    assert "masa depan" in _pesan(e, "tanggal_dibentuk")


def test_status_forum_lewat_pindah_status_dan_menulis_peristiwa(dunia):
    f = _forum_buat(dunia)
    u = dunia.pld_a.user
    services.forum_ubah_status(
        user=u, forum=f, status=StatusForum.VAKUM, catatan="jarang rapat", dari=StatusForum.AKTIF
    )
    services.forum_ubah_status(user=u, forum=f, status=StatusForum.VAKUM)  # no-op
    assert RiwayatStatusForum.objects.filter(forum=f).count() == 1
    with pytest.raises(ValidationError) as e:
        services.forum_ubah_status(user=u, forum=f, status=StatusForum.BUBAR)
    assert "alasan" in _pesan(e, "catatan")
    services.forum_ubah_status(user=u, forum=f, status=StatusForum.BUBAR, catatan="dilebur")
    with pytest.raises(PindahDitolak) as e:
        services.forum_ubah_status(user=u, forum=f, status=StatusForum.AKTIF)
    assert e.value.code == "tidak_sah"
    assert "Status tidak dapat berpindah dari Bubar ke Aktif." in e.value.messages
    r = RiwayatStatusForum.objects.filter(forum=f).order_by("-waktu", "-pk").first()
    assert (r.dari, r.ke, r.oleh, r.catatan) == (StatusForum.VAKUM, StatusForum.BUBAR, u, "dilebur")
    assert not hasattr(services, "PERPINDAHAN_STATUS")
    assert Forum.alur.peristiwa == "forum.RiwayatStatusForum"


def test_status_yang_dilihat_sudah_diubah_orang_lain_ditolak(dunia):
    from pendampingan.models import Jabatan
    from tests.factories import pendamping_di

    lain = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a_lain")
    lain.user.first_name = "Rina"
    lain.user.save()
    f = _forum_buat(dunia)
    services.forum_ubah_status(user=lain.user, forum=f, status=StatusForum.VAKUM, dari="aktif")
    basi = Forum.objects.get(pk=f.pk)
    basi.status = StatusForum.AKTIF  # what the first user still has on screen
    with pytest.raises(PindahDitolak) as e:
        services.forum_ubah_status(
            user=dunia.pld_a.user, forum=basi, status=StatusForum.BUBAR, catatan="x", dari="aktif"
        )
    assert e.value.code == "sudah_berubah"
    assert "Status sudah diubah menjadi Vakum (tidak aktif) oleh Rina" in e.value.messages[0]
    # the same move made by somebody else first: told, not silently ignored
    with pytest.raises(PindahDitolak, match="oleh Rina"):
        services.forum_ubah_status(user=dunia.pld_a.user, forum=basi, status=StatusForum.VAKUM)
    assert RiwayatStatusForum.objects.filter(forum=f).count() == 1


def test_status_hanya_di_wilayah_catat(dunia):
    f = forum_di(dunia.desa_a)
    with pytest.raises(PermissionDenied):
        services.forum_ubah_status(user=dunia.pd_a.user, forum=f, status=StatusForum.VAKUM)
    assert not RiwayatStatusForum.objects.exists()


# ---------------------------------------------------------------------------- members
def test_anggota_dua_kali_ditolak_dengan_pesan(dunia):
    f = _forum_buat(dunia)
    u = dunia.pld_a.user
    kw = {"jenis_kelamin": "P", "unsur": unsur("kelompok-perempuan")}
    services.anggota_tambah(user=u, forum=f, nama="Siti Aminah", **kw)
    with pytest.raises(ValidationError) as e:
        services.anggota_tambah(user=u, forum=f, nama="  siti   AMINAH ", **kw)
    assert "sudah tercatat sebagai anggota forum ini" in _pesan(e, "nama")
    # the same person may sit in another forum
    f2 = _forum_buat(
        dunia, nama="Pusat Kemasyarakatan Alpha", jenis=JenisForum.PUSAT_KEMASYARAKATAN
    )
    services.anggota_tambah(user=u, forum=f2, nama="Siti Aminah", **kw)


def test_anggota_ganda_ditahan_basis_data(dunia):
    f = forum_di(dunia.desa_a)
    anggota_di(f, nama="Budi")
    with pytest.raises(IntegrityError), transaction.atomic():
        Anggota.objects.create(forum=f, nama="BUDI", jenis_kelamin="L", unsur=unsur("tokoh-agama"))


def test_anggota_di_forum_bubar_ditolak(dunia):
    f = forum_di(dunia.desa_a, status=StatusForum.BUBAR)
    with pytest.raises(ValidationError, match="bubar"):
        services.anggota_tambah(
            user=dunia.pld_a.user, forum=f, nama="X", jenis_kelamin="L", unsur=unsur("lainnya")
        )


def test_anggota_ubah_tanggal_keluar_sebelum_masuk(dunia):
    f = forum_di(dunia.desa_a)
    a = anggota_di(f, nama="Wati", tanggal_masuk=datetime.date(2025, 5, 1))
    with pytest.raises(ValidationError) as e:
        services.anggota_ubah(
            user=dunia.pld_a.user,
            anggota=a,
            nama="Wati",
            jenis_kelamin="P",
            unsur=a.unsur,
            tanggal_masuk=a.tanggal_masuk,
            tanggal_keluar=datetime.date(2025, 4, 1),
        )
    assert "sebelum tanggal masuk" in _pesan(e, "tanggal_keluar")


# ------------------------------------------------------------------------- facilities
def test_sarana_per_desa(dunia):
    u = dunia.pld_a.user
    s = services.sarana_buat(
        user=u, wilayah=dunia.desa_a, jenis="balai_desa", nama="Balai Desa Alpha", kondisi="baik"
    )
    assert s.wilayah == dunia.desa_a
    with pytest.raises(ValidationError) as e:
        services.sarana_buat(
            user=u, wilayah=dunia.desa_a, jenis="taman", nama="balai desa alpha", kondisi="baik"
        )
    assert "sudah tercatat" in _pesan(e, "nama")
    with pytest.raises(PermissionDenied):
        services.sarana_buat(
            user=u, wilayah=dunia.desa_b, jenis="taman", nama="Taman", kondisi="baik"
        )


# ---------------------------------------------------------------------------- meetings
def _catat(d, f, **kw):
    data = {
        "user": d.pld_a.user,
        "forum": f,
        "tanggal": HARI_INI,
        "jam_mulai": datetime.time(9),
        "jam_selesai": datetime.time(11),
        "judul": "Rapat forum",
    }
    data.update(kw)
    return services.pertemuan_catat(**data)


def test_pertemuan_catat_membuat_kegiatan_lewat_layanan_inti(dunia):
    f = forum_di(dunia.desa_a)
    s = sarana_di(dunia.desa_a)
    a1, a2 = anggota_di(f, nama="Siti", jk="P"), anggota_di(f, nama="Budi", jk="L")
    p = _catat(
        dunia,
        f,
        sarana=s,
        hadir=[a1, a2],
        tamu={"tamu_laki": 2, "tamu_perempuan": 3, "tamu_lansia": 1},
        notulen="Membahas jadwal kerja bakti",
    )
    k = p.kegiatan
    assert k.tata_cara == TataCara.PENGORGANISASIAN
    assert k.status == StatusKegiatan.DRAF
    assert (k.wilayah, k.pendamping) == (dunia.desa_a, dunia.pld_a)
    assert (k.peserta_laki, k.peserta_perempuan) == (3, 4)
    assert KegiatanPeristiwa.objects.filter(kegiatan=k).count() == 1
    assert set(p.hadir.all()) == {a1, a2}
    assert p.tamu_lansia == 1


def test_pertemuan_bukan_anggota_disarankan_tamu(dunia):
    f = forum_di(dunia.desa_a)
    lain = anggota_di(forum_di(dunia.desa_a), nama="Orang Lain")
    keluar = anggota_di(
        f, nama="Sudah Keluar", tanggal_keluar=HARI_INI - datetime.timedelta(days=3)
    )
    with pytest.raises(ValidationError) as e:
        _catat(dunia, f, hadir=[lain, keluar])
    pesan = _pesan(e, "hadir")
    assert "Orang Lain bukan anggota forum ini — catat sebagai tamu." in pesan
    assert "Sudah Keluar sudah keluar dari forum" in pesan
    assert not Pertemuan.objects.exists()
    from pendampingan.models import Kegiatan

    assert not Kegiatan.objects.exists()  # nothing half-saved


def test_pertemuan_di_sarana_desa_lain_ditolak(dunia):
    f = forum_di(dunia.desa_a)
    s = sarana_di(dunia.desa_a2, nama="Balai Desa Alpha Dua")
    with pytest.raises(ValidationError) as e:
        _catat(dunia, f, sarana=s)
    assert "Balai Desa Alpha Dua adalah sarana Desa Alpha Dua" in _pesan(e, "sarana")


def test_pertemuan_tamu_rentan_melebihi_tamu(dunia):
    f = forum_di(dunia.desa_a)
    with pytest.raises(ValidationError) as e:
        _catat(dunia, f, tamu={"tamu_laki": 1, "tamu_perempuan": 1, "tamu_disabilitas": 3})
    assert "melebihi" in _pesan(e, "tamu_disabilitas")


def test_pertemuan_tanggal_depan_ditolak_oleh_layanan_inti(dunia):
    f = forum_di(dunia.desa_a)
    with pytest.raises(ValidationError) as e:
        _catat(dunia, f, tanggal=HARI_INI + datetime.timedelta(days=2))
    assert "masa depan" in _pesan(e, "tanggal")


def test_pertemuan_kegiatan_terverifikasi_tidak_dapat_diubah(dunia):
    f = forum_di(dunia.desa_a)
    p = pertemuan_di(f, dunia.pld_a)
    p.kegiatan.status = StatusKegiatan.DIVERIFIKASI
    p.kegiatan.save()
    with pytest.raises(ValidationError, match="diverifikasi"):
        services.pertemuan_tautkan(
            user=dunia.pld_a.user, kegiatan=p.kegiatan, forum=f, notulen="ubah"
        )


def test_pertemuan_di_luar_wilayah_ditolak(dunia):
    f = forum_di(dunia.desa_b)
    with pytest.raises(PermissionDenied):
        _catat(dunia, f)


# --------------------------------------------------------------------------- decisions
def test_keputusan_menjadi_tindak_lanjut(dunia):
    f = forum_di(dunia.desa_a)
    p = pertemuan_di(f, dunia.pld_a)
    k = services.keputusan_buat(
        user=dunia.pld_a.user,
        pertemuan=p,
        isi="Kerja bakti membersihkan saluran irigasi",
        jadikan_tindak_lanjut=True,
        penanggung_jawab="Ketua kelompok tani",
        jatuh_tempo=HARI_INI + datetime.timedelta(days=10),
    )
    tl = k.tindak_lanjut
    assert tl.sumber == k
    assert tl.sumber_jenis == ContentType.objects.get_for_model(Keputusan)
    assert (tl.wilayah, tl.pendamping, tl.kegiatan) == (dunia.desa_a, dunia.pld_a, p.kegiatan)
    assert tl.penanggung_jawab == "Ketua kelompok tani"


def test_keputusan_jatuh_tempo_lampau_ditolak_tanpa_menyimpan(dunia):
    p = pertemuan_di(forum_di(dunia.desa_a), dunia.pld_a)
    with pytest.raises(ValidationError) as e:
        services.keputusan_buat(
            user=dunia.pld_a.user,
            pertemuan=p,
            isi="Perbaikan jalan",
            jadikan_tindak_lanjut=True,
            penanggung_jawab="Kaur pembangunan",
            jatuh_tempo=HARI_INI - datetime.timedelta(days=1),
        )
    assert "sudah lewat" in _pesan(e, "jatuh_tempo")
    assert not Keputusan.objects.exists() and not TindakLanjut.objects.exists()


def test_keputusan_tanpa_tindak_lanjut_lalu_dijadikan(dunia):
    p = pertemuan_di(forum_di(dunia.desa_a), dunia.pld_a)
    u = dunia.pld_a.user
    k = services.keputusan_buat(user=u, pertemuan=p, isi="Jadwal rapat bulanan tiap Senin")
    assert k.tindak_lanjut is None
    services.keputusan_jadikan_tindak_lanjut(
        user=u, keputusan=k, penanggung_jawab="Sekretaris", jatuh_tempo=HARI_INI
    )
    with pytest.raises(ValidationError, match="sudah menjadi tindak lanjut"):
        services.keputusan_jadikan_tindak_lanjut(
            user=u, keputusan=k, penanggung_jawab="Sekretaris", jatuh_tempo=HARI_INI
        )


# -------------------------------------------------------------------------- activities
def test_aktivitas_kemitraan_umkm_wajib_umkm_dan_kesepakatan(dunia):
    f = forum_di(dunia.desa_a)
    kw = {
        "user": dunia.pld_a.user,
        "forum": f,
        "tanggal": HARI_INI,
        "jam_mulai": datetime.time(13),
        "jam_selesai": datetime.time(15),
        "judul": "Temu UMKM",
        "jenis": "kemitraan_umkm",
    }
    with pytest.raises(ValidationError) as e:
        services.aktivitas_catat(**kw)
    assert set(e.value.message_dict) == {"umkm", "kesepakatan"}
    a = services.aktivitas_catat(
        **kw, umkm="Keripik Bu Sri\n  Batik Alpha ", kesepakatan="Pelatihan kemasan bersama"
    )
    assert a.umkm == "Keripik Bu Sri\nBatik Alpha"
    assert a.kegiatan.tata_cara == TataCara.PENGORGANISASIAN


def test_aktivitas_pengabdian_wajib_bidang(dunia):
    f = forum_di(dunia.desa_a)
    with pytest.raises(ValidationError) as e:
        services.aktivitas_catat(
            user=dunia.pld_a.user,
            forum=f,
            tanggal=HARI_INI,
            jam_mulai=datetime.time(8),
            jam_selesai=datetime.time(10),
            judul="Pengajian",
            jenis="pengabdian",
        )
    assert "bidang" in e.value.message_dict
    assert Forum.objects.count() == 1


# ----------------------------------------------------------------------- one-time keys
def test_forum_buat_kunci_sama_dua_kali_satu_forum(dunia):
    kunci = uuid.uuid4()
    f = _forum_buat(dunia, kunci_sekali=kunci)
    with pytest.raises(SudahTersimpan) as e:  # not "Sudah ada forum bernama ..."
        _forum_buat(dunia, kunci_sekali=kunci)
    assert e.value.obj == f
    assert Forum.objects.count() == 1
    _forum_buat(dunia, nama="Forum Kedua", kunci_sekali=uuid.uuid4())
    assert Forum.objects.count() == 2


def test_anggota_sarana_keputusan_kunci_sama_satu_catatan(dunia):
    u = dunia.pld_a.user
    f = forum_di(dunia.desa_a)
    kw = {"nama": "Siti", "jenis_kelamin": "P", "unsur": unsur("kelompok-perempuan")}
    k1, k2, k3 = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    a = services.anggota_tambah(user=u, forum=f, kunci_sekali=k1, **kw)
    with pytest.raises(SudahTersimpan) as e:
        services.anggota_tambah(user=u, forum=f, kunci_sekali=k1, **kw)
    assert e.value.obj == a and Anggota.objects.count() == 1
    sk = {"wilayah": dunia.desa_a, "jenis": "taman", "nama": "Taman Desa", "kondisi": "baik"}
    s = services.sarana_buat(user=u, kunci_sekali=k2, **sk)
    with pytest.raises(SudahTersimpan) as e:
        services.sarana_buat(user=u, kunci_sekali=k2, **sk)
    assert e.value.obj == s and Sarana.objects.count() == 1
    p = pertemuan_di(f, dunia.pld_a)
    kk = {
        "pertemuan": p,
        "isi": "Kerja bakti",
        "jadikan_tindak_lanjut": True,
        "penanggung_jawab": "Ketua",
        "jatuh_tempo": HARI_INI,
    }
    kep = services.keputusan_buat(user=u, kunci_sekali=k3, **kk)
    with pytest.raises(SudahTersimpan) as e:
        services.keputusan_buat(user=u, kunci_sekali=k3, **kk)
    assert e.value.obj == kep
    assert Keputusan.objects.count() == 1 and TindakLanjut.objects.count() == 1


def test_pertemuan_dan_aktivitas_kunci_sama_satu_kegiatan(dunia):
    from pendampingan.models import Kegiatan

    f = forum_di(dunia.desa_a)
    kunci = uuid.uuid4()
    p = _catat(dunia, f, kunci_sekali=kunci)
    assert p.kunci_sekali == kunci
    with pytest.raises(SudahTersimpan) as e:
        _catat(dunia, f, kunci_sekali=kunci)
    assert e.value.obj == p
    assert Pertemuan.objects.count() == 1 and Kegiatan.objects.count() == 1
    kw = {
        "user": dunia.pld_a.user,
        "forum": f,
        "tanggal": HARI_INI,
        "jam_mulai": datetime.time(13),
        "jam_selesai": datetime.time(14),
        "judul": "Pengajian",
        "jenis": "pengabdian",
        "bidang": "agama",
        "kunci_sekali": uuid.uuid4(),
    }
    a = services.aktivitas_catat(**kw)
    with pytest.raises(SudahTersimpan):
        services.aktivitas_catat(**kw)
    assert AktivitasForum.objects.get() == a and Kegiatan.objects.count() == 2


def test_pertemuan_ditolak_tidak_memakai_kunci(dunia):
    f = forum_di(dunia.desa_a)
    kunci = uuid.uuid4()
    with pytest.raises(ValidationError):
        _catat(dunia, f, tanggal=HARI_INI + datetime.timedelta(days=1), kunci_sekali=kunci)
    p = _catat(dunia, f, kunci_sekali=kunci)  # corrected and sent with the same key
    assert Pertemuan.objects.get() == p


def test_impor_dikirim_ulang_tidak_menambah_anggota_dua_kali(dunia):
    from pendampingan.forum import impor

    f = forum_di(dunia.desa_a)
    u = dunia.pld_a.user
    baris = impor.baca_teks("Siti; P; Kelompok perempuan\nBudi; L; Kelompok tani\nX; Q; Lainnya")
    kunci = uuid.uuid4()
    h1 = services.anggota_impor(user=u, forum=f, baris=baris, kunci_sekali=kunci)
    assert [a.nama for a in h1.dibuat] == ["Siti", "Budi"] and len(h1.galat) == 1
    h2 = services.anggota_impor(user=u, forum=f, baris=baris, kunci_sekali=kunci)
    assert h2.dibuat == [] and h2.sudah == h1.dibuat and len(h2.galat) == 1
    assert Anggota.objects.filter(forum=f).count() == 2
    # another submission of the same names: the unique name rule reports them line by line
    h3 = services.anggota_impor(user=u, forum=f, baris=baris, kunci_sekali=uuid.uuid4())
    assert h3.dibuat == [] and [n for n, _ in h3.galat] == [1, 2, 3]


def test_tindak_lanjut_hanya_oleh_akun_pendamping(dunia, django_user_model):
    admin = django_user_model.objects.create_superuser("admin_pusat", "a@x.id", "rahasia-123")
    p = pertemuan_di(forum_di(dunia.desa_a), dunia.pld_a)
    with pytest.raises(PermissionDenied, match="Hanya akun pendamping"):
        services.keputusan_buat(
            user=admin,
            pertemuan=p,
            isi="Rapat lagi",
            jadikan_tindak_lanjut=True,
            penanggung_jawab="Ketua",
            jatuh_tempo=HARI_INI,
        )
    assert not Keputusan.objects.exists()
