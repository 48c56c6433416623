"""Existing choices point at their butir, and the records that tag entries by themselves: a forum
meeting or activity (C1–C7), a facilitation case (its E item), a complaint (E5), an incident (F9)."""

import datetime

import pytest
from django.utils import timezone

from fasilitasi import services as fasilitasi_services
from fasilitasi.models import ButirFasilitasi, RuangLingkup
from pendampingan.forum import services as forum_services
from pendampingan.forum.models import (
    BUTIR_JENIS_AKTIVITAS,
    BUTIR_JENIS_FORUM,
    BUTIR_SARANA,
    JenisAktivitas,
    JenisForum,
    UnsurMasyarakat,
)
from pendampingan.kegiatan import services
from pendampingan.kegiatan.butir import butir_ditawarkan
from pendampingan.models import BidangPendampingan, Butir, KegiatanButir, Prinsip, TataCara
from pengaduan import services as pengaduan_services
from tests.bencana.factories import kejadian_di
from tests.factories import KegiatanFactory
from tests.fasilitasi.factories import buka_kasus
from tests.forum.factories import anggota_di, forum_di, sarana_di
from tests.pengaduan.factories import pengaduan_buat

from .factories import data_kegiatan

pytestmark = pytest.mark.django_db


def _tanda(k) -> dict[str, str]:
    return dict(KegiatanButir.objects.filter(kegiatan=k).values_list("butir__kode", "sumber"))


# ------------------------------------------------------------ choices point at their butir
def test_setiap_pilihan_menunjuk_butir_tata_caranya():
    kini = {b.kode: b for b in butir_ditawarkan()}
    for bidang in BidangPendampingan.objects.all():
        assert bidang.butir.tata_cara == "asistensi", bidang
        assert bidang.butir.kode[:2] == ("BT" if bidang.jenis == "tahap" else "BP"), bidang
    for unsur in UnsurMasyarakat.objects.all():
        assert unsur.butir.kode == "C3", unsur
    for peta, pilihan in ((BUTIR_JENIS_FORUM, JenisForum), (BUTIR_JENIS_AKTIVITAS, JenisAktivitas)):
        assert set(peta) == set(pilihan.values)
        assert {kini[k].tata_cara for k in peta.values()} == {"pengorganisasian"}
    assert kini[BUTIR_SARANA].tata_cara == "pengorganisasian"
    for rl in RuangLingkup.objects.select_related("butir_regulasi"):
        b = rl.butir_regulasi
        assert (b.kode, b.jenis, b.tata_cara) == (f"E{rl.nomor}", "kelompok", "fasilitasi")
        assert rl.nama == b.bunyi  # the regulation's heading, not a paraphrase
    for bf in ButirFasilitasi.objects.select_related("butir_regulasi", "ruang_lingkup"):
        assert bf.butir_regulasi.induk.kode == f"E{bf.ruang_lingkup.nomor}", bf
    for p in Prinsip.objects.select_related("butir"):
        assert p.butir.tata_cara == "prinsip" and p.uraian == p.butir.bunyi
    assert RuangLingkup.objects.get(nomor=4).nama.endswith("BUM Desa/BUM Desa Bersama")


# --------------------------------------------------------------------------------- forum
def test_pertemuan_forum_menandai_langkahnya_sarananya_dan_unsurnya(dunia):
    u = dunia.pld_a.user
    f = forum_di(dunia.desa_a, dunia.pld_a, jenis=JenisForum.PUSAT_KEMASYARAKATAN)
    tokoh = anggota_di(f, kode_unsur="tokoh-agama")
    p = forum_services.pertemuan_catat(
        user=u,
        forum=f,
        tanggal=timezone.localdate(),
        jam_mulai=datetime.time(9),
        jam_selesai=datetime.time(11),
        judul="Rapat pembentukan pusat kemasyarakatan",
        sarana=sarana_di(dunia.desa_a),
        hadir=[tokoh],
    )
    assert _tanda(p.kegiatan) == {"C1": "otomatis", "C2": "otomatis", "C3": "otomatis"}
    # the meeting moves to a facility-less forum mitra desa meeting with nobody present
    f2 = forum_di(dunia.desa_a, dunia.pld_a, jenis=JenisForum.FORUM_MITRA_DESA)
    forum_services.pertemuan_tautkan(user=u, kegiatan=p.kegiatan, forum=f2)
    assert _tanda(p.kegiatan) == {"C4": "otomatis"}


def test_aktivitas_forum_menandai_jenisnya(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    a = forum_services.aktivitas_catat(
        user=dunia.pld_a.user,
        forum=f,
        tanggal=timezone.localdate(),
        jam_mulai=datetime.time(13),
        jam_selesai=datetime.time(15),
        judul="Temu UMKM dan BUM Desa",
        jenis=JenisAktivitas.KEMITRAAN_UMKM,
        umkm="Keripik Bu Sri",
        kesepakatan="Titip jual di kios BUM Desa",
    )
    assert _tanda(a.kegiatan) == {"C6": "otomatis"}


# ---------------------------------------------------------------------------- fasilitasi
def test_kasus_fasilitasi_menandai_butirnya(dunia):
    kasus = buka_kasus(dunia)  # APB Desa: E1b
    k = services.kegiatan_buat(
        user=dunia.pld_a.user, data=data_kegiatan(dunia.desa_a, tata_cara="fasilitasi")
    ).kegiatan
    assert _tanda(k) == {}
    fasilitasi_services.fasilitasi_catat_kegiatan(kasus=kasus, user=dunia.pld_a.user, kegiatan=k)
    fasilitasi_services.fasilitasi_catat_kegiatan(kasus=kasus, user=dunia.pld_a.user, kegiatan=k)
    assert _tanda(k) == {kasus.butir.butir_regulasi.kode: "otomatis"} == {"E1b": "otomatis"}


# ----------------------------------------------------------------------------- pengaduan
def test_pengaduan_menandai_e5_dan_hilang_saat_dilepas(dunia):
    from pengaduan.models import StatusPengaduan

    p = pengaduan_buat(dunia.desa_a)
    sup = dunia.pd_a.user
    pengaduan_services.pengaduan_verifikasi(
        pengaduan=p, user=sup, keputusan=StatusPengaduan.DIVERIFIKASI
    )
    pengaduan_services.pengaduan_tugaskan(pengaduan=p, user=sup, penangan=dunia.pld_a)
    p.refresh_from_db()
    k = services.kegiatan_buat(
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a, tata_cara="fasilitasi"),
        butir=Butir.objects.filter(kode="E1a"),
    ).kegiatan
    u = dunia.pld_a.user
    pengaduan_services.pengaduan_kegiatan_tautkan(kegiatan=k, pengaduan=p, user=u)
    pengaduan_services.pengaduan_kegiatan_tautkan(kegiatan=k, pengaduan=p, user=u)
    assert _tanda(k) == {"E1a": "dipilih", "E5": "otomatis"}
    pengaduan_services.pengaduan_kegiatan_tautkan(kegiatan=k, pengaduan=None, user=u)
    assert _tanda(k) == {"E1a": "dipilih"}


# ------------------------------------------------------------------------------- bencana
def test_kejadian_menandai_f9(dunia):
    from bencana import services as bencana_services

    kejadian = kejadian_di(dunia.desa_a, dunia.pld_a)
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, tata_cara=TataCara.BENCANA)
    bencana_services.kegiatan_tautkan(kegiatan=k, kejadian=kejadian, user=dunia.pld_a.user)
    bencana_services.kegiatan_tautkan(kegiatan=k, kejadian=kejadian, user=dunia.pld_a.user)
    assert _tanda(k) == {"F9": "otomatis"}
