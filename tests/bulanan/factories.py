"""Factories of the monthly report: entries at given hours, reports in a given state."""

import datetime

from django.utils import timezone

from pendampingan.bulanan.models import LaporanBulanan, RencanaKerja, StatusLaporan
from pendampingan.models import Jabatan, StatusKegiatan, TataCara
from tests.factories import KegiatanFactory, pendamping_di, wilayah_rantai

OKT = datetime.date(2026, 10, 1)


def bulan_ini() -> datetime.date:
    return timezone.localdate().replace(day=1)


def kegiatan(pendamping, desa, tanggal, mulai="09:00", selesai="11:00", **kw):
    """An entry of ``pendamping`` in ``desa`` on ``tanggal`` from ``mulai`` to ``selesai``."""
    return KegiatanFactory(
        pendamping=pendamping,
        wilayah=desa,
        tanggal=tanggal,
        jam_mulai=datetime.time.fromisoformat(mulai),
        jam_selesai=datetime.time.fromisoformat(selesai),
        tata_cara=kw.pop("tata_cara", TataCara.ASISTENSI),
        **kw,
    )


def rencana(pendamping, desa, bulan, tata_cara=TataCara.ASISTENSI, target=1, sasaran=""):
    return RencanaKerja.objects.create(
        pendamping=pendamping,
        wilayah=desa,
        bulan=bulan,
        tata_cara=tata_cara,
        target_kegiatan=target,
        sasaran=sasaran,
    )


def laporan(pendamping, desa, bulan=None, status=StatusLaporan.DRAF, **kw):
    """A report row in ``status`` without going through the flow (for scope and recap tests)."""
    return LaporanBulanan.objects.create(
        pendamping=pendamping,
        wilayah=desa,
        bulan=bulan or bulan_ini(),
        status=status,
        **kw,
    )


def isi_rekap_oktober(dunia):
    """PLD A: 3 entries on 2 days (2 verified), approved and recommended for pay.
    PLD A2 (second kecamatan of kabupaten A): 1 returned entry, no report.
    PLD B (other kabupaten): not in kabupaten A's recap."""
    a, b = dunia.pld_a, dunia.pld_b
    kegiatan(a, dunia.desa_a, OKT, status=StatusKegiatan.DIVERIFIKASI)
    kegiatan(a, dunia.desa_a, OKT, "13:00", "14:00", status=StatusKegiatan.DIVERIFIKASI)
    kegiatan(a, dunia.desa_a, OKT + datetime.timedelta(days=1), status=StatusKegiatan.DIAJUKAN)
    rencana(a, dunia.desa_a, OKT)
    laporan(a, dunia.desa_a, OKT, status=StatusLaporan.DISETUJUI, rekomendasi="bayar")
    desa_c = wilayah_rantai("33.01.02.2001", "Desa Gamma")
    pld_c = pendamping_di(desa_c.kode, Jabatan.PLD, username="pld_c")
    kegiatan(pld_c, desa_c, OKT, status=StatusKegiatan.DIKEMBALIKAN)
    kegiatan(b, dunia.desa_b, OKT)
    return pld_c
