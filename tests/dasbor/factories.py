"""Hand-built worlds for the dashboard tests."""

import datetime

from pendampingan.dasbor import services
from pendampingan.models import StatusKegiatan, TataCara
from tests.factories import KegiatanFactory, TindakLanjutFactory, pendamping_di, wilayah_rantai


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


def isi_dunia(dunia, hari_ini: datetime.date, kali: int = 1):
    """Entries and follow-ups in the ``dunia`` world. With ``kali=k`` every desa gets k times the
    rows (and k-1 extra desa with their own PLD in kecamatan A), for the query-count tests."""
    for i in range(kali):
        kegiatan(dunia.pld_a, dunia.desa_a, hari_ini - datetime.timedelta(days=1))
        kegiatan(
            dunia.pld_a,
            dunia.desa_a,
            hari_ini - datetime.timedelta(days=2),
            TataCara.PENGARAHAN,
            jam=(13, 14),
            status=StatusKegiatan.DIAJUKAN,
        )
        kegiatan(
            dunia.pld_b, dunia.desa_b, hari_ini - datetime.timedelta(days=45), TataCara.FASILITASI
        )
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
