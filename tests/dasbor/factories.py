"""Hand-built worlds for the dashboard tests."""

import datetime

from pendampingan.dasbor import services
from pendampingan.models import (
    NilaiPrinsip,
    PenilaianPrinsip,
    Prinsip,
    StatusKegiatan,
    TataCara,
    TujuanSdgs,
)
from tests.factories import KegiatanFactory, TindakLanjutFactory, pendamping_di, wilayah_rantai

PRINSIP_UJI = "keadilan"


def kegiatan(pendamping, desa, tanggal, tata_cara=TataCara.ASISTENSI, jam=(9, 11), **kw):
    return KegiatanFactory(
        pendamping=pendamping,
        wilayah=desa,
        tanggal=tanggal,
        tata_cara=tata_cara,
        jam_mulai=datetime.time(jam[0], 0),
        jam_selesai=datetime.time(jam[1], 0),
        **kw,
    )


def checklist(k, tidak: set[str] = frozenset()):
    """Every active principle on entry ``k``: upheld, except the codes in ``tidak``."""
    for p in Prinsip.objects.filter(aktif=True):
        PenilaianPrinsip.objects.create(
            kegiatan=k,
            prinsip=p,
            nilai=NilaiPrinsip.TIDAK_DIJUNJUNG if p.kode in tidak else NilaiPrinsip.DIJUNJUNG,
            catatan="Belum melibatkan kelompok rentan." if p.kode in tidak else "",
        )


def isi_dunia(dunia, hari_ini: datetime.date, kali: int = 1):
    """Entries and follow-ups in the ``dunia`` world. With ``kali=k`` every desa gets k times the
    rows (and k-1 extra desa with their own PLD in kecamatan A), for the query-count tests."""
    for i in range(kali):
        k = kegiatan(
            dunia.pld_a,
            dunia.desa_a,
            hari_ini - datetime.timedelta(days=1),
            peserta_laki=5,
            peserta_perempuan=7,
        )
        k.sdgs.set(TujuanSdgs.objects.filter(nomor__in=[1, 5]))
        checklist(k, tidak={PRINSIP_UJI})
        kegiatan(
            dunia.pld_a,
            dunia.desa_a,
            hari_ini - datetime.timedelta(days=2),
            TataCara.PENGARAHAN,
            jam=(13, 14),
            status=StatusKegiatan.DIAJUKAN,
        )
        k = kegiatan(
            dunia.pld_b, dunia.desa_b, hari_ini - datetime.timedelta(days=45), TataCara.FASILITASI
        )
        k.sdgs.set(TujuanSdgs.objects.filter(nomor=5))
        checklist(k)
        TindakLanjutFactory(
            pendamping=dunia.pld_a,
            wilayah=dunia.desa_a,
            jatuh_tempo=hari_ini - datetime.timedelta(days=3),
        )
        TindakLanjutFactory(
            pendamping=dunia.pld_a,
            wilayah=dunia.desa_a,
            jatuh_tempo=hari_ini + datetime.timedelta(days=3),
        )
        TindakLanjutFactory(
            pendamping=dunia.pld_b,
            wilayah=dunia.desa_b,
            jatuh_tempo=hari_ini - datetime.timedelta(days=1),
        )
        if i:
            desa = wilayah_rantai(f"33.01.01.2{100 + i:03d}", f"Desa Tambahan {i}")
            pld = pendamping_di(desa.kode, username=f"pld_tambahan_{i}")
            kegiatan(pld, desa, hari_ini - datetime.timedelta(days=3), TataCara.PENGORGANISASIAN)
    services.ringkasan_bangun_ulang()
