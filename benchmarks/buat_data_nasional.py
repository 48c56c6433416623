"""Generate a realistic national data set into PostgreSQL for the dashboard benchmark.

    .venv/bin/python benchmarks/buat_data_nasional.py --reset --skala 100000
    .venv/bin/python benchmarks/buat_data_nasional.py --skala 8000000      # reuses regions/people

* the national region list (83,762 desa/kelurahan) through ``impor_wilayah``;
* ~35,700 facilitators with active assignments: a PLD for every three desa (about 3% of desa left
  vacant), a PD per kecamatan, a TAPM per kabupaten, a koordinator per provinsi, two national;
* one year of daily-log entries (``--skala`` of them; ~8 million is the national reality): working
  days, one entry per facilitator-day at most, tata cara, hours, participants, status by age
  (old ones mostly verified), SDGs goals on asistensi/pengarahan, the prinsip checklist on a share
  of the entries (``--prinsip-rasio``), and follow-ups (~1 per 20 entries, 40% still open);
* then the dashboard's summary tables are rebuilt and timed.

Rows go in with COPY (psycopg2 ``copy_expert``), never through the ORM. Use a database of its
own (default ``pd_bench``), never a test database.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from benchmarks._penyalin import Penyalin, _catat, _django, _setval, _siapkan_db  # noqa: E402

DB_DEFAULT = "postgres://postgres@127.0.0.1:5432/pd_bench"


def _argumen():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL", DB_DEFAULT))
    p.add_argument(
        "--skala", type=int, default=100_000, help="jumlah kegiatan (8000000 = nasional)"
    )
    p.add_argument("--hari", type=int, default=365, help="rentang hari ke belakang dari hari ini")
    p.add_argument("--reset", action="store_true", help="hapus dan buat ulang database")
    p.add_argument(
        "--prinsip-rasio",
        type=float,
        default=None,
        help="bagian kegiatan yang diberi checklist prinsip (bawaan: 1.0 sampai 1 juta, 0.1 di atasnya)",
    )
    p.add_argument("--seed", type=int, default=2026)
    return p.parse_args()


def buat_pendamping(mulai, rng):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from pendampingan.models import Pendamping, Penugasan, Tingkat, Wilayah

    User = get_user_model()
    if Pendamping.objects.filter(nomor_kontrak__startswith="BENCH-").exists():
        _catat("pendamping benchmark sudah ada; dipakai ulang", mulai)
        return
    desa = list(
        Wilayah.objects.filter(tingkat=Tingkat.DESA).order_by("kode").values_list("kode", flat=True)
    )
    kec = list(
        Wilayah.objects.filter(tingkat=Tingkat.KECAMATAN)
        .order_by("kode")
        .values_list("kode", flat=True)
    )
    kab = list(
        Wilayah.objects.filter(tingkat=Tingkat.KABUPATEN)
        .order_by("kode")
        .values_list("kode", flat=True)
    )
    prov = list(
        Wilayah.objects.filter(tingkat=Tingkat.PROVINSI)
        .order_by("kode")
        .values_list("kode", flat=True)
    )
    sandi = make_password("bench-desa-2026")
    orang = []  # (username, nama, jabatan, [(kode, jenis)])
    # PLD: three consecutive desa of one kecamatan each; ~3% of desa left vacant
    per_kec: dict[str, list[str]] = {}
    for d in desa:
        per_kec.setdefault(d[:8], []).append(d)
    i = 0
    for _k, daftar in per_kec.items():
        for j in range(0, len(daftar), 3):
            kelompok = [d for d in daftar[j : j + 3] if rng.random() > 0.03]
            if kelompok:
                i += 1
                orang.append(
                    (f"pld{i:05d}", f"PLD {i}", "pld", [(d, "lapangan") for d in kelompok])
                )
    for n, k in enumerate(kec, 1):
        orang.append((f"pd{n:05d}", f"PD {n}", "pd", [(k, "lapangan"), (k, "supervisi")]))
    for n, k in enumerate(kab, 1):
        orang.append((f"tapm{n:04d}", f"TAPM {n}", "tapm_kabupaten", [(k, "supervisi")]))
    for n, k in enumerate(prov, 1):
        orang.append(
            (f"korprov{n:02d}", f"Korprov {n}", "koordinator_provinsi", [(k, "supervisi")])
        )
    orang.append(
        ("nasional1", "Koordinator Nasional", "koordinator_nasional", [(prov[0], "supervisi")])
    )
    orang.append(("tapusat1", "TA Pusat", "ta_pusat", [(prov[0], "supervisi")]))
    with connection.cursor() as cur:
        cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {User._meta.db_table}")
        uid0 = cur.fetchone()[0]
        cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {Pendamping._meta.db_table}")
        pid0 = cur.fetchone()[0]
    pu = Penyalin(User, ["id", "username", "password", "is_active", "email"])
    pu.salin((uid0 + n, o[0], sandi, True, f"{o[0]}@bench.desa.id") for n, o in enumerate(orang, 1))
    pu.setval()
    pp = Penyalin(Pendamping, ["id", "user_id", "nama", "jabatan", "nomor_kontrak", "aktif"])
    pp.salin((pid0 + n, uid0 + n, o[1], o[2], f"BENCH-{n}", True) for n, o in enumerate(orang, 1))
    pp.setval()
    # each account in its role's group, as the site's own account creation does (the permissions
    # to write entries, verify, ... come from the group)
    from django.contrib.auth.models import Group

    from pendampingan import roles

    grup = {g.name: g.pk for g in Group.objects.all()}
    pg = Penyalin(User.groups.through, ["user_id", "group_id"])
    pg.salin((uid0 + n, grup[roles.grup_untuk_jabatan(o[2])]) for n, o in enumerate(orang, 1))
    mulai_tugas = datetime.date.today() - datetime.timedelta(days=800)
    pt = Penyalin(Penugasan, ["pendamping_id", "wilayah_id", "jenis", "mulai"])
    pt.salin(
        (pid0 + n, kode, jenis, mulai_tugas) for n, o in enumerate(orang, 1) for kode, jenis in o[3]
    )
    pt.setval()
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    _catat(f"{len(orang)} pendamping dan penugasan dibuat", mulai)


# --------------------------------------------------------------------------- entries
JUDUL = {
    "asistensi": "Asistensi penyusunan dokumen desa",
    "pengorganisasian": "Pertemuan forum warga",
    "pengarahan": "Pengarahan kepada pemerintah desa",
    "fasilitasi": "Fasilitasi musyawarah desa",
    "bencana": "Kaji cepat dampak kejadian",
}
BOBOT_TATA_CARA = (
    ["asistensi"] * 40
    + ["pengorganisasian"] * 20
    + ["pengarahan"] * 20
    + ["fasilitasi"] * 18
    + ["bencana"] * 2
)


def buat_kegiatan(mulai, rng, skala: int, hari: int, prinsip_rasio: float):
    from django.db import connection
    from django.utils import timezone

    from pendampingan.kegiatan.butir import butir_ditawarkan
    from pendampingan.models import (
        Kegiatan,
        KegiatanButir,
        Pendamping,
        PenilaianPrinsip,
        Penugasan,
        Prinsip,
        TindakLanjut,
        TujuanSdgs,
    )

    with connection.cursor() as cur:
        for model in (
            KegiatanButir,
            PenilaianPrinsip,
            Kegiatan.sdgs.through,
            TindakLanjut,
            Kegiatan,
        ):
            cur.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
    _catat("kegiatan lama dikosongkan", mulai)
    tempat: dict[int, list[str]] = {}
    jabatan_ids = set(
        Pendamping.objects.filter(jabatan__in=["pld", "pd"]).values_list("pk", flat=True)
    )
    for pid, kode in Penugasan.objects.filter(jenis="lapangan").values_list(
        "pendamping_id", "wilayah_id"
    ):
        if pid in jabatan_ids:
            tempat.setdefault(pid, []).append(kode)
    pendamping = sorted(tempat)
    jabatan = dict(Pendamping.objects.filter(pk__in=pendamping).values_list("pk", "jabatan"))
    hari_ini = timezone.localdate()
    hari_kerja = [
        hari_ini - datetime.timedelta(days=d)
        for d in range(hari)
        if (hari_ini - datetime.timedelta(days=d)).weekday() < 5
    ]
    # probability that a facilitator logs an entry on a working day (PD log less often)
    bobot = {p: (1.0 if jabatan[p] == "pld" else 0.5) for p in pendamping}
    total_bobot = sum(bobot.values()) * len(hari_kerja)
    faktor = skala / total_bobot
    ulang = max(1, int(faktor + 0.999))  # entries a facilitator may log a day at most
    peluang = faktor / ulang
    sdgs = list(TujuanSdgs.objects.values_list("pk", flat=True))
    prinsip = list(Prinsip.objects.filter(aktif=True).values_list("pk", flat=True))
    # the butir of each tata cara, in the regulation's order; an entry gets one or two of its
    # tata cara's, skewed to the first ones so some butir are rare and some never served
    butir_tc: dict[str, list[int]] = {}
    for bid, tc in butir_ditawarkan().values_list("pk", "tata_cara"):
        butir_tc.setdefault(tc, []).append(bid)
    kini = timezone.now()
    rnd = rng.random
    pilih = rng.choice

    kid = [0]
    sdg_baris: list = []
    prinsip_baris: list = []
    tl_baris: list = []
    butir_baris: list = []

    def baris():
        for p in pendamping:
            lokasi = tempat[p]
            b = bobot[p] * peluang
            for t in hari_kerja:
                for _u in range(ulang):
                    if rnd() >= b:
                        continue
                    kid[0] += 1
                    tc = pilih(BOBOT_TATA_CARA)
                    jam = 8 + int(rnd() * 6)
                    lama = 1 + int(rnd() * 3)
                    umur = (hari_ini - t).days
                    x = rnd()
                    if umur > 14:
                        status = (
                            "diverifikasi" if x < 0.88 else ("diajukan" if x < 0.96 else "draf")
                        )
                    else:
                        status = "diajukan" if x < 0.6 else ("draf" if x < 0.85 else "diverifikasi")
                    if tc in ("asistensi", "pengarahan") and rnd() < 0.7:
                        sdg_baris.append((kid[0], pilih(sdgs)))
                    calon = butir_tc.get(tc)
                    if calon:
                        pertama = calon[int(len(calon) * rnd() ** 2)]
                        butir_baris.append((kid[0], pertama, "dipilih"))
                        kedua = calon[int(len(calon) * rnd() ** 2)]
                        if kedua != pertama and rnd() < 0.4:
                            butir_baris.append((kid[0], kedua, "dipilih"))
                    if prinsip and rnd() < prinsip_rasio:
                        buruk = rnd() < 0.05
                        for i, pr in enumerate(prinsip):
                            tidak = buruk and i == 1
                            prinsip_baris.append(
                                (
                                    kid[0],
                                    pr,
                                    "tidak_dijunjung" if tidak else "dijunjung",
                                    "Belum melibatkan kelompok rentan" if tidak else "",
                                )
                            )
                    wil = pilih(lokasi)
                    if rnd() < 0.05:
                        jatuh = t + datetime.timedelta(days=14 + int(rnd() * 30))
                        terbuka = rnd() < 0.4
                        tl_baris.append(
                            (
                                wil,
                                p,
                                kid[0],
                                f"Tindak lanjut {kid[0]}",
                                "Kepala Desa",
                                jatuh,
                                "terbuka" if terbuka else "selesai",
                            )
                        )
                    yield (
                        kid[0],
                        p,
                        wil,
                        t,
                        datetime.time(jam, 0),
                        datetime.time(jam + lama, 0),
                        tc,
                        JUDUL[tc],
                        int(rnd() * 12),
                        int(rnd() * 12),
                        status,
                        kini if status != "draf" else None,
                        kini,
                    )

    pk = Penyalin(
        Kegiatan,
        [
            "id",
            "pendamping_id",
            "wilayah_id",
            "tanggal",
            "jam_mulai",
            "jam_selesai",
            "tata_cara",
            "judul",
            "peserta_laki",
            "peserta_perempuan",
            "status",
            "diajukan_pada",
            "dibuat",
        ],
    )
    # entries in batches, then their satellites, so memory stays bounded
    n = 0
    it = baris()
    while True:
        potong = []
        for b in it:
            potong.append(b)
            if len(potong) >= 500_000:
                break
        if not potong:
            break
        n += pk.salin(potong)
        Penyalin(Kegiatan.sdgs.through, ["kegiatan_id", "tujuansdgs_id"]).salin(sdg_baris)
        Penyalin(PenilaianPrinsip, ["kegiatan_id", "prinsip_id", "nilai", "catatan"]).salin(
            prinsip_baris
        )
        Penyalin(
            TindakLanjut,
            [
                "wilayah_id",
                "pendamping_id",
                "kegiatan_id",
                "judul",
                "penanggung_jawab",
                "jatuh_tempo",
                "status",
            ],
        ).salin(tl_baris)
        Penyalin(KegiatanButir, ["kegiatan_id", "butir_id", "sumber"]).salin(butir_baris)
        butir_baris.clear()
        sdg_baris.clear()
        prinsip_baris.clear()
        tl_baris.clear()
        _catat(f"{n:,} kegiatan", mulai)
    for model in (Kegiatan, TindakLanjut, PenilaianPrinsip, Kegiatan.sdgs.through, KegiatanButir):
        _setval(model)
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    _catat(f"selesai: {n:,} kegiatan", mulai)
    return n


def main():
    a = _argumen()
    mulai = time.monotonic()
    rng = random.Random(a.seed)
    _siapkan_db(a.db, a.reset)
    _django(a.db)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    _catat("migrasi selesai", mulai)
    call_command("impor_wilayah", "--sekali")
    _catat("wilayah siap", mulai)
    buat_pendamping(mulai, rng)
    rasio = (
        a.prinsip_rasio if a.prinsip_rasio is not None else (1.0 if a.skala <= 1_000_000 else 0.1)
    )
    buat_kegiatan(mulai, rng, a.skala, a.hari, rasio)
    from pendampingan.dasbor.services import ringkasan_bangun_ulang

    t = time.monotonic()
    ringkasan_bangun_ulang()
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    _catat(f"ringkasan dasbor dibangun ulang dalam {time.monotonic() - t:.1f}s", mulai)


if __name__ == "__main__":
    main()
