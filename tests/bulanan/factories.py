"""Factories of the monthly report: entries at given hours, reports in a given state."""

import datetime

from django.utils import timezone

from pendampingan.bulanan.models import LaporanBulanan, RencanaKerja, StatusLaporan
from pendampingan.models import TataCara
from tests.factories import KegiatanFactory


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
