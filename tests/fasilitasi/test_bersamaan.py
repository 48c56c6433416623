"""Two people at the same moment (PostgreSQL, one thread and one transaction each): two "maju" on
a case move it one stage (issue 13 measured a 500 in 8 of 9 tries and once two stages), two status
moves make one event, the same form sent twice at once makes one record."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from fasilitasi import services
from fasilitasi.models import DokumenFasilitasi, Fasilitasi, JenisPeristiwa, StatusFasilitasi
from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.berkas import bersihkan_tertunda
from pendampingan.inti.sekali import SudahTersimpan
from tests.inti.bersamaan import hanya_postgresql, serentak

from .factories import berkas_pdf, buka_kasus, lampirkan_wajib, templat

pytestmark = [hanya_postgresql, pytest.mark.django_db(transaction=True)]
TAHUN = datetime.date.today().year
KUNCI = "6f1c3b3e-3d1e-4a55-9a0e-2f1f2d0c9a11"


@pytest.fixture
def referensi(transactional_db):
    importlib.import_module("fasilitasi.migrations.0002_data_referensi").seed(apps, None)


def _pengguna(pendamping):
    return get_user_model().objects.get(pk=pendamping.user_id)  # one object per thread


def _kasus(pk):
    return Fasilitasi.objects.get(pk=pk)


def _bukan_galat_lain(hasil, boleh=()):
    for h in hasil:
        if isinstance(h, BaseException):
            assert isinstance(h, (PindahDitolak, SudahTersimpan, *boleh)), repr(h)


@pytest.mark.parametrize("sama", [False, True], ids=["dua-orang", "klik-ganda"])
def test_dua_maju_serentak_satu_tahap(dunia, referensi, sama):
    kasus = buka_kasus(dunia)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    dari = kasus.tahap_kini_id
    orang = [dunia.pld_a, dunia.pld_a if sama else dunia.pd_a]

    hasil = serentak(
        lambda i: services.fasilitasi_maju(
            kasus=_kasus(kasus.pk), user=_pengguna(orang[i]), dari_tahap=dari
        )
    )

    _bukan_galat_lain(hasil)
    kasus.refresh_from_db()
    assert kasus.tahap_kini.urutan == 2
    assert kasus.peristiwa.filter(jenis=JenisPeristiwa.MAJU).count() == 1
    ditolak = [h for h in hasil if isinstance(h, PindahDitolak)]
    if sama:  # the same person's second click is a no-op
        assert not ditolak and all(isinstance(h, Fasilitasi) for h in hasil)
    else:
        assert len(ditolak) == 1 and ditolak[0].code == "sudah_berubah"
        pemindah = kasus.peristiwa.get(jenis=JenisPeristiwa.MAJU).oleh
        assert (pemindah.get_full_name() or pemindah.get_username()) in ditolak[0].messages[0]


def test_dua_maju_serentak_di_tahap_terakhir_selesai_sekali(dunia, referensi):
    kasus = buka_kasus(dunia)
    for _ in range(6):
        lampirkan_wajib(kasus, dunia.pld_a.user)
        kasus = services.fasilitasi_maju(kasus=kasus, user=dunia.pld_a.user)
    lampirkan_wajib(kasus, dunia.pld_a.user)
    dari = kasus.tahap_kini_id
    orang = [dunia.pld_a, dunia.pd_a]

    hasil = serentak(
        lambda i: services.fasilitasi_maju(
            kasus=_kasus(kasus.pk), user=_pengguna(orang[i]), dari_tahap=dari
        )
    )

    _bukan_galat_lain(hasil)
    assert sum(isinstance(h, PindahDitolak) for h in hasil) == 1
    kasus.refresh_from_db()
    assert kasus.status == StatusFasilitasi.SELESAI
    assert kasus.peristiwa.filter(ke=StatusFasilitasi.SELESAI).count() == 1


@pytest.mark.parametrize("ke", [("ditunda", "ditunda"), ("ditunda", "dibatalkan")])
def test_dua_pindah_status_serentak_satu_peristiwa(dunia, referensi, ke):
    kasus = buka_kasus(dunia)
    orang = [dunia.pld_a, dunia.pd_a]

    hasil = serentak(
        lambda i: services.fasilitasi_ubah_status(
            kasus=_kasus(kasus.pk),
            user=_pengguna(orang[i]),
            status=ke[i],
            catatan="alasan",
            dari="berjalan",
        )
    )

    _bukan_galat_lain(hasil)
    ditolak = [h for h in hasil if isinstance(h, PindahDitolak)]
    assert len(ditolak) == 1 and ditolak[0].code == "sudah_berubah"
    assert kasus.peristiwa.filter(jenis=JenisPeristiwa.STATUS).count() == 1
    kasus.refresh_from_db()
    assert kasus.status == kasus.peristiwa.get(jenis=JenisPeristiwa.STATUS).ke


@pytest.mark.parametrize("kunci_sama", [True, False], ids=["kunci-sama", "kunci-beda"])
def test_buka_kasus_serentak_satu_kasus(dunia, referensi, kunci_sama):
    kunci = [KUNCI, KUNCI if kunci_sama else "0a5a7c1e-8d2f-4b7e-9c3d-5e6f7a8b9c0d"]

    hasil = serentak(
        lambda i: services.fasilitasi_buka(
            user=_pengguna(dunia.pd_a),
            wilayah=dunia.desa_a,
            templat=templat(),
            tahun=TAHUN,
            penanggung_jawab=dunia.pld_a,
            kunci_sekali=kunci[i],
        )
    )

    # another key is another submission: it is told the desa has the case (a message, no 500)
    _bukan_galat_lain(hasil, boleh=() if kunci_sama else (ValidationError,))
    assert Fasilitasi.objects.count() == 1
    kasus = Fasilitasi.objects.get()
    assert kasus.tahap.count() == 7 and kasus.peristiwa.count() == 1
    kalah = next(h for h in hasil if not isinstance(h, Fasilitasi))
    if kunci_sama:
        assert isinstance(kalah, SudahTersimpan) and kalah.obj == kasus
    else:
        assert "sudah punya kasus" in str(kalah)


def test_unggah_dokumen_serentak_kunci_sama_satu_berkas(dunia, referensi, settings):
    kasus = buka_kasus(dunia)

    def unggah(i):
        try:
            return services.dokumen_lampirkan(
                kasus=_kasus(kasus.pk),
                user=_pengguna(dunia.pld_a),
                nama="Rancangan Perdes APB Desa",
                berkas=berkas_pdf(),
                kunci_sekali=KUNCI,
            )
        finally:
            bersihkan_tertunda()  # what the middleware does when the request ends

    hasil = serentak(unggah)

    _bukan_galat_lain(hasil)
    dok = DokumenFasilitasi.objects.get()
    assert sum(isinstance(h, SudahTersimpan) for h in hasil) == 1
    berkas = [p for p in settings.BERKAS_PRIVAT_ROOT.rglob("*") if p.is_file()]
    assert berkas == [settings.BERKAS_PRIVAT_ROOT / dok.berkas.name]
