"""What the load benchmark's facilitators write: entries spread over the tata cara as in the
national data (asistensi 40%, pengorganisasian 20%, pengarahan 20%, fasilitasi 20%), on the days
of the month not yet locked, with the prinsip checklist, the details each tata cara asks for and,
for most, the request to submit for verification (which sends the supervisors a message)."""

from __future__ import annotations

import datetime
import random

BOBOT_TATA_CARA = (
    ["asistensi"] * 40 + ["pengorganisasian"] * 20 + ["pengarahan"] * 20 + ["fasilitasi"] * 20
)
JUDUL = {
    "asistensi": "Asistensi penyusunan dokumen desa",
    "pengorganisasian": "Pertemuan forum warga",
    "pengarahan": "Pengarahan kepada pemerintah desa",
    "fasilitasi": "Fasilitasi musyawarah desa",
}
BUTIR_DICENTANG = {
    "pengorganisasian": ["C1", "C2", "C4"],
    "fasilitasi": ["E1a", "E1b", "E2a"],
}
URAIAN = (
    "Mendampingi perangkat desa membahas rancangan kegiatan, mencatat usulan warga dan "
    "menyepakati langkah berikutnya bersama kepala desa dan BPD."
)


def hari_terbuka(hari_ini: datetime.date) -> list[datetime.date]:
    """The days an entry may be logged for without a supervisor reopening the month: this month
    up to today (last month is locked after the deadline in its first days)."""
    return [hari_ini.replace(day=d) for d in range(1, hari_ini.day + 1)]


def isian(
    rng: random.Random, *, nomor: int, tempat: list[str], acuan: dict, hari: list
) -> list[tuple[str, str]]:
    """The POST fields of one entry (without the CSRF token and the one-time key)."""
    tc = rng.choice(BOBOT_TATA_CARA)
    tanggal = rng.choice(hari)
    jam = 7 + rng.randrange(9)
    lama = 1 + rng.randrange(3)
    data = [
        ("tanggal", tanggal.isoformat()),
        ("jam_mulai", f"{jam:02d}:{rng.choice(('00', '15', '30'))}"),
        ("jam_selesai", f"{min(jam + lama, 23):02d}:45"),
        ("wilayah", rng.choice(tempat)),
        ("tata_cara", tc),
        ("judul", f"{JUDUL[tc]} #{nomor}"),
        ("uraian", URAIAN),
        ("masalah", "Data penduduk belum mutakhir." if rng.random() < 0.5 else ""),
        ("solusi", ""),
        ("hasil", "Disepakati jadwal musyawarah dusun."),
        ("peserta_laki", str(rng.randrange(15))),
        ("peserta_perempuan", str(rng.randrange(15))),
    ]
    if rng.random() < 0.6:  # GPS from the phone
        data += [
            ("lintang", f"{-7 - rng.random():.6f}"),
            ("bujur", f"{110 + rng.random():.6f}"),
            ("akurasi", str(5 + rng.randrange(40))),
        ]
    if tc in ("asistensi", "pengarahan") and rng.random() < 0.7:
        data += [("sdgs", str(s)) for s in rng.sample(acuan["sdgs"], 2)]
    buruk = rng.random() < 0.05
    for i, kode in enumerate(acuan["prinsip"]):
        tidak = buruk and i == 1
        data.append((f"p-prinsip_{kode}", "tidak_dijunjung" if tidak else "dijunjung"))
        data.append(
            (f"p-prinsip_{kode}_catatan", "Belum melibatkan kelompok rentan" if tidak else "")
        )
    if tc == "asistensi":
        data += [
            ("asistensi-jenis_sasaran", "perorangan"),
            ("asistensi-nama_sasaran", "Sekretaris Desa"),
            ("asistensi-bidang", str(rng.choice(acuan["bidang"]))),
        ]
    if tc == "pengarahan":
        data += [
            ("pengarahan-bidang", str(rng.choice(acuan["bidang"]))),
            ("pengarahan-penerima", "Kepala Desa dan perangkat"),
        ]
        if rng.random() < 0.25:  # a commitment opens a follow-up
            data += [
                ("pengarahan-komitmen", "Memutakhirkan data penduduk"),
                ("pengarahan-komitmen_pelaksana", "Kasi Pemerintahan"),
                (
                    "pengarahan-komitmen_jatuh_tempo",
                    (tanggal + datetime.timedelta(days=14)).isoformat(),
                ),
            ]
    # the butir served: pengarahan and asistensi are suggested by the form (D, the stage's butir);
    # for the others the facilitator ticks one, as submitting needs at least one
    if tc in BUTIR_DICENTANG:
        data.append(("butir", rng.choice(BUTIR_DICENTANG[tc])))
    if rng.random() < 0.7:
        data.append(("ajukan", "1"))
    return data
