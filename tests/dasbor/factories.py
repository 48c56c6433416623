"""Hand-built worlds for the dashboard tests."""

import datetime

from pendampingan.dasbor import services
from pendampingan.dasbor.selectors import Periode
from pendampingan.models import (
    Butir,
    Jabatan,
    KegiatanButir,
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
        k2 = kegiatan(
            dunia.pld_a,
            dunia.desa_a,
            hari_ini - datetime.timedelta(days=2),
            TataCara.PENGARAHAN,
            jam=(13, 14),
            status=StatusKegiatan.DIAJUKAN,
        )
        tandai(k2, "D", "BT2")
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
            tandai(
                kegiatan(
                    pld,
                    desa,
                    hari_ini - datetime.timedelta(days=3),
                    TataCara.PENGORGANISASIAN,
                    status=StatusKegiatan.DIVERIFIKASI,
                ),
                "C1",
                "C3",
            )
    services.ringkasan_bangun_ulang()


# ------------------------------------------------------------------ the coverage matrix's world
MARET = Periode(datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
Q_MARET = {"dari": "2025-03-01", "sampai": "2025-03-31"}
D, V, DRAF, KEMBALI = (
    StatusKegiatan.DIAJUKAN,
    StatusKegiatan.DIVERIFIKASI,
    StatusKegiatan.DRAF,
    StatusKegiatan.DIKEMBALIKAN,
)


def tandai(k, *kode):
    for c in kode:
        KegiatanButir.objects.create(kegiatan=k, butir=Butir.objects.get(kode=c))
    return k


def entri(pendamping, wilayah, tanggal, status, *kode, **kw):
    k = KegiatanFactory(
        pendamping=pendamping, wilayah=wilayah, tanggal=tanggal, status=status, **kw
    )
    return tandai(k, *kode)


class Dunia2025:
    """Kabupaten A: kecamatan A (desa A, A2) and kecamatan G (desa Gamma); kabupaten B."""

    def __init__(self, d):
        self.d = d
        self.desa_g = wilayah_rantai("33.01.02.2001", "Desa Gamma")
        self.kec_g = self.desa_g.induk
        self.pld_g = pendamping_di(self.desa_g.kode, username="pld_g")
        self.pld_a2 = pendamping_di(d.desa_a2.kode, username="pld_a2")
        self.korkab = pendamping_di(
            d.kab_a.kode, Jabatan.KOORDINATOR_KABUPATEN, jenis="supervisi", username="korkab"
        )
        t = datetime.date
        self.k1 = entri(d.pld_a, d.desa_a, t(2025, 3, 10), V, "BT1", "D")
        self.k2 = entri(d.pld_a, d.desa_a, t(2025, 3, 20), D, "BT1")
        self.k3 = entri(d.pld_a, d.desa_a, t(2025, 3, 21), DRAF, "C1")  # a draft: not counted
        self.k4 = entri(d.pld_a, d.desa_a, t(2025, 3, 22), KEMBALI, "C2")  # returned: not counted
        self.k5 = entri(self.pld_a2, d.desa_a2, t(2025, 7, 15), V, "C1")  # the year, not March
        self.k6 = entri(self.pld_g, self.desa_g, t(2025, 3, 5), D, "BT1")
        self.k7 = entri(d.pld_b, d.desa_b, t(2025, 3, 5), V, "BT1", "E1a")  # kabupaten B
        self.k8 = entri(self.korkab, d.kab_a, t(2025, 3, 6), V, "F1")  # at the kabupaten office
        services.ringkasan_bangun_ulang()
