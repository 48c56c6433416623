"""Drafting the report against hand-counted fixtures: hours, counts, plan against realisation."""

import datetime

import pytest

from pendampingan.bulanan.ringkasan import (
    draf_narasi,
    gabung_rentang,
    ringkasan_hitung,
    wilayah_laporan,
)
from pendampingan.models import Penugasan, StatusKegiatan, TataCara, TindakLanjut, TujuanSdgs
from tests.bulanan.factories import kegiatan, rencana

pytestmark = pytest.mark.django_db

OKT = datetime.date(2026, 10, 1)


@pytest.fixture
def bulan_okt(dunia):
    """PLD A in desa A and A2 in October 2026; entries hand-counted below."""
    p = dunia.pld_a
    Penugasan.objects.create(
        pendamping=p, wilayah=dunia.desa_a2, jenis="lapangan", mulai=datetime.date(2020, 1, 1)
    )
    d1, d2, d3 = datetime.date(2026, 10, 1), datetime.date(2026, 10, 2), datetime.date(2026, 10, 31)
    # day 1: 08:00–10:00 and 09:00–11:00 overlap → 08:00–11:00 = 180 min; 13:00–14:30 = 90 min
    kegiatan(
        p,
        dunia.desa_a,
        d1,
        "08:00",
        "10:00",
        judul="Asistensi RKP Desa",
        status=StatusKegiatan.DIVERIFIKASI,
        masalah="Data belum lengkap",
        solusi="Pendataan ulang",
        peserta_laki=4,
        peserta_perempuan=6,
    )
    kegiatan(
        p,
        dunia.desa_a,
        d1,
        "09:00",
        "11:00",
        judul="Asistensi BPD",
        status=StatusKegiatan.DIAJUKAN,
        peserta_laki=2,
        peserta_perempuan=1,
    )
    kegiatan(
        p,
        dunia.desa_a2,
        d1,
        "13:00",
        "14:30",
        judul="Pengarahan Dana Desa",
        tata_cara=TataCara.PENGARAHAN,
        status=StatusKegiatan.DIVERIFIKASI,
    )
    # day 2: 120 min
    kegiatan(
        p,
        dunia.desa_a,
        d2,
        "10:00",
        "12:00",
        judul="Musdes perencanaan",
        tata_cara=TataCara.PENGARAHAN,
        status=StatusKegiatan.DRAF,
    )
    # day 31 (last day of the month): 45 min
    k5 = kegiatan(
        p,
        dunia.desa_a,
        d3,
        "15:00",
        "15:45",
        judul="Asistensi posyandu",
        status=StatusKegiatan.DIKEMBALIKAN,
    )
    k5.sdgs.add(TujuanSdgs.objects.get(nomor=3))
    # not counted: another month, another facilitator
    kegiatan(p, dunia.desa_a, datetime.date(2026, 11, 1), "08:00", "16:00", judul="November")
    kegiatan(p, dunia.desa_a, datetime.date(2026, 9, 30), "08:00", "16:00", judul="September")
    kegiatan(dunia.pld_b, dunia.desa_b, d1, "08:00", "16:00", judul="Milik PLD B")
    rencana(p, dunia.desa_a, OKT, TataCara.ASISTENSI, target=4, sasaran="RKP Desa")
    rencana(p, dunia.desa_a2, OKT, TataCara.FASILITASI, target=2)
    return p


def test_lembar_jam_dan_jumlah_dihitung_tangan(bulan_okt):
    r = ringkasan_hitung(pendamping=bulan_okt, bulan=OKT)
    assert r["jumlah_kegiatan"] == 5
    assert r["hari_kerja"] == 3
    assert [(h["tanggal"], h["menit"], h["kegiatan"]) for h in r["hari"]] == [
        ("2026-10-01", 270, 3),
        ("2026-10-02", 120, 1),
        ("2026-10-31", 45, 1),
    ]
    assert r["menit_kerja"] == 435  # 7 jam 15 menit
    assert r["hari"][0]["mulai"] == "08:00" and r["hari"][0]["selesai"] == "14:30"
    assert r["terverifikasi"] == 2
    assert {k: v["jumlah"] for k, v in r["per_status"].items()} == {
        "draf": 1,
        "diajukan": 1,
        "diverifikasi": 2,
        "dikembalikan": 1,
    }
    assert [(t["kode"], t["jumlah"]) for t in r["per_tata_cara"]] == [
        ("asistensi", 3),
        ("pengarahan", 2),
    ]
    assert [(d["kode"], d["jumlah"]) for d in r["per_desa"]] == [
        ("33.01.01.2001", 4),
        ("33.01.01.2002", 1),
    ]
    assert r["peserta"] == {"laki": 6, "perempuan": 7}
    assert r["masalah"] == [
        {
            "tanggal": "2026-10-01",
            "judul": "Asistensi RKP Desa",
            "desa": "Desa Alpha",
            "masalah": "Data belum lengkap",
            "solusi": "Pendataan ulang",
        }
    ]
    assert [(s["nomor"], s["jumlah"]) for s in r["sdgs"]] == [(3, 1)]


def test_rencana_dan_realisasi(bulan_okt):
    r = ringkasan_hitung(pendamping=bulan_okt, bulan=OKT)
    baris = {(b["desa_kode"], b["tata_cara"]): b for b in r["rencana"]}
    a = baris[("33.01.01.2001", "asistensi")]
    assert (a["target"], a["realisasi"], a["persen"], a["direncanakan"]) == (4, 3, 75, True)
    f = baris[("33.01.01.2002", "fasilitasi")]
    assert (f["target"], f["realisasi"], f["persen"]) == (2, 0, 0)
    # realised without a plan
    assert baris[("33.01.01.2001", "pengarahan")]["direncanakan"] is False
    assert baris[("33.01.01.2001", "pengarahan")]["realisasi"] == 1
    assert baris[("33.01.01.2002", "pengarahan")]["realisasi"] == 1
    assert len(r["rencana"]) == 4


def test_tindak_lanjut_dibuka_dan_ditutup_bulan_itu(bulan_okt, dunia):
    from django.utils import timezone

    dalam = timezone.make_aware(datetime.datetime(2026, 10, 5, 10))
    luar = timezone.make_aware(datetime.datetime(2026, 9, 5, 10))
    base = {
        "wilayah": dunia.desa_a,
        "pendamping": bulan_okt,
        "penanggung_jawab": "Kades",
        "jatuh_tempo": datetime.date(2026, 11, 1),
    }
    t1 = TindakLanjut.objects.create(judul="Dibuka Oktober", **base)
    t2 = TindakLanjut.objects.create(
        judul="Dibuka September ditutup Oktober",
        status="selesai",
        selesai_pada=dalam,
        catatan_selesai="Beres",
        **base,
    )
    t3 = TindakLanjut.objects.create(judul="Lama", **base)
    TindakLanjut.objects.filter(pk=t1.pk).update(dibuat=dalam)
    TindakLanjut.objects.filter(pk__in=[t2.pk, t3.pk]).update(dibuat=luar)
    r = ringkasan_hitung(pendamping=bulan_okt, bulan=OKT)
    assert [t["judul"] for t in r["tindak_lanjut"]["dibuka"]] == ["Dibuka Oktober"]
    assert [t["judul"] for t in r["tindak_lanjut"]["ditutup"]] == [
        "Dibuka September ditutup Oktober"
    ]


def test_draf_narasi_per_tata_cara_dan_desa(bulan_okt):
    r = ringkasan_hitung(pendamping=bulan_okt, bulan=OKT)
    drafts = draf_narasi(bulan=OKT, kegiatan=r["_kegiatan"])
    kunci = [(j, k) for j, k, _judul, _t in drafts]
    assert kunci == [
        ("tata_cara", "asistensi"),
        ("tata_cara", "pengarahan"),
        ("desa", "33.01.01.2001"),
        ("desa", "33.01.01.2002"),
    ]
    teks = dict(((j, k), t) for j, k, _judul, t in drafts)
    assert teks[("tata_cara", "asistensi")].startswith(
        "Selama Oktober 2026 dilaksanakan 3 kegiatan asistensi di Desa Desa Alpha."
    )
    assert "Asistensi RKP Desa" in teks[("tata_cara", "asistensi")]
    assert "Pengarahan Dana Desa" in teks[("desa", "33.01.01.2002")]


def test_gabung_rentang_dan_wilayah_laporan():
    assert gabung_rentang([(60, 120), (90, 150), (200, 210), (210, 220), (5, 5)]) == [
        (60, 150),
        (200, 220),
    ]
    assert wilayah_laporan(kode_list=["33.01.01.2001"]) == "33.01.01.2001"
    assert wilayah_laporan(kode_list=["33.01.01.2001", "33.01.01.2002"]) == "33.01.01"
    assert wilayah_laporan(kode_list=["33.01.01.2001", "33.01.02.2001"]) == "33.01"
    assert wilayah_laporan(kode_list=["33.01.01", "33.01.01.2001"]) == "33.01.01"
    assert wilayah_laporan(kode_list=[]) is None
