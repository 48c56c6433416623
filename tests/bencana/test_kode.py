"""The incident code: kabupaten + type + local date + sequence, correct under concurrent reports."""

import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from django.db import close_old_connections, connection

from bencana import services
from bencana.models import Kejadian, UrutanKejadian
from pendampingan.models import Jabatan
from tests.factories import pendamping_di, wilayah_rantai

from .factories import jenis, kejadian_di

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def test_format_kode_dan_urutan(dunia):
    waktu = datetime.datetime(2026, 11, 20, 8, 0, tzinfo=WIB)
    a = kejadian_di(dunia.desa_a, dunia.pld_a, waktu=waktu)
    b = kejadian_di(dunia.desa_a, dunia.pld_a, waktu=waktu)
    longsor = kejadian_di(dunia.desa_a, dunia.pld_a, waktu=waktu, kode_jenis="102")
    kab_b = kejadian_di(dunia.desa_b, dunia.pld_b, waktu=waktu)
    besok = kejadian_di(dunia.desa_a, dunia.pld_a, waktu=waktu + datetime.timedelta(days=1))
    assert a.kode == "3301-101-20261120-01"
    assert b.kode == "3301-101-20261120-02"
    assert longsor.kode == "3301-102-20261120-01"
    assert kab_b.kode == "3302-101-20261120-01"
    assert besok.kode == "3301-101-20261121-01"


def test_tanggal_kode_menurut_zona_wilayah(db):
    """01:30 WIT on 21 November is still 20 November in UTC and WIB: the code uses the local date."""
    desa_papua = wilayah_rantai("91.01.01.2001", "Desa Timur")
    pld = pendamping_di(desa_papua.kode, Jabatan.PLD)
    waktu = datetime.datetime(2026, 11, 21, 1, 30, tzinfo=ZoneInfo("Asia/Jayapura"))
    k = kejadian_di(desa_papua, pld, waktu=waktu, ringkasan="Tanah longsor", kode_jenis="102")
    assert k.kode == "9101-102-20261121-01"


def test_kode_non_bnpb(dunia):
    k = kejadian_di(dunia.desa_a, dunia.pld_a, kode_jenis="202", ringkasan="Keracunan hajatan")
    assert k.kode.startswith("3301-202-")
    assert k.jenis.kategori == "klb"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Butuh PostgreSQL: SQLite di memori tidak berbagi basis data antar-thread; di SQLite "
    "penulis diserialkan oleh kunci tulis tunggal basis data (lihat docs/bencana.md).",
)
@pytest.mark.django_db(transaction=True)
def test_urutan_benar_saat_laporan_bersamaan(dunia):
    """Eight facilitators report at once in one kabupaten on one day: eight distinct codes,
    01..08, and the counter row ends at 8."""
    pelapor = [dunia.pld_a] + [
        pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username=f"pld_serentak_{i}")
        for i in range(7)
    ]
    waktu = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=WIB)
    banjir = jenis("101")
    mulai = threading.Barrier(len(pelapor))
    kode, galat = [], []

    def lapor(p):
        try:
            mulai.wait(timeout=10)
            k = services.kejadian_laporkan(
                pelapor=p, jenis=banjir, waktu=waktu, desa=dunia.desa_a, ringkasan="Banjir"
            )
            kode.append(k.kode)
        except Exception as e:  # collected and asserted below
            galat.append(e)
        finally:
            close_old_connections()

    utas = [threading.Thread(target=lapor, args=(p,)) for p in pelapor]
    for t in utas:
        t.start()
    for t in utas:
        t.join(30)
    assert not galat, galat
    assert sorted(kode) == [f"3301-101-20261130-{i:02d}" for i in range(1, 9)]
    assert UrutanKejadian.objects.get(kunci="3301-101-20261130").terakhir == 8
    assert Kejadian.objects.count() == 8


def test_kode_tidak_dapat_diulang(dunia):
    """The unique constraint is the last guard behind the counter."""
    from django.db import IntegrityError, transaction

    k = kejadian_di(dunia.desa_a, dunia.pld_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Kejadian.objects.create(
            kode=k.kode,
            jenis=k.jenis,
            waktu=k.waktu,
            wilayah=k.wilayah,
            ringkasan="duplikat",
            pelapor=dunia.pld_a,
        )
