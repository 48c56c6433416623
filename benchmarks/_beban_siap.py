"""The load benchmark's own world: a database of its own, migrated, the region list (or a slice),
and facilitators with assignments spread as in the field — a PLD for three desa of a kecamatan,
a PD per kecamatan, a TAPM per kabupaten, a koordinator per provinsi."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
SANDI = "beban-desa-2026"


def buat_database(url_server: str, nama: str) -> None:
    import psycopg2

    if not nama.startswith("beban_"):
        sys.exit("Nama database beban harus diawali beban_ (bukan database uji).")
    admin = psycopg2.connect(f"{url_server}/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{nama}"')
    admin.close()


def hapus_database(url_server: str, nama: str) -> None:
    import psycopg2

    admin = psycopg2.connect(f"{url_server}/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
    admin.close()


def manage(*argumen: str) -> None:
    subprocess.run(
        [sys.executable, str(AKAR / "manage.py"), *argumen, "-v", "0"],
        cwd=AKAR,
        env=os.environ.copy(),
        check=True,
    )


def folder_wilayah(awalan: str, tmp: Path) -> Path:
    """The package's CSV folder, or a copy holding only the regions under ``awalan``."""
    sumber = AKAR / "node_modules" / "idn-area-data" / "data"
    if awalan in ("", "semua"):
        return sumber
    tujuan = tmp / "wilayah" / "data"
    tujuan.mkdir(parents=True)
    for nama in ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv"):
        with (sumber / nama).open(encoding="utf-8", newline="") as masuk:
            with (tujuan / nama).open("w", encoding="utf-8", newline="") as keluar:
                r, w = csv.reader(masuk), csv.writer(keluar)
                w.writerow(next(r))
                for baris in r:
                    kode = baris[0]
                    if kode.startswith(awalan) or awalan.startswith(kode + "."):
                        w.writerow(baris)
    return tujuan


def buat_pendamping(jumlah_pld: int) -> list[dict]:
    """Facilitators for the first ``jumlah_pld`` PLD posts of the imported regions, their
    supervisors above them, and the reference rows an entry's details pick from. Returns the
    accounts that log entries: PLDs (at their desa) and PDs (at their kecamatan)."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from pendampingan import roles
    from pendampingan.models import Pendamping, Penugasan, Tingkat, Wilayah

    User = get_user_model()
    desa = Wilayah.objects.filter(tingkat=Tingkat.DESA).order_by("kode")
    per_kec: dict[str, list[str]] = {}
    for kode in desa.values_list("kode", flat=True).iterator():
        per_kec.setdefault(kode[:8], []).append(kode)
    orang = []  # (username, jabatan, [(kode, jenis)], tempat catat)
    kec_dipakai: list[str] = []
    for kec, daftar in per_kec.items():
        if sum(1 for o in orang if o[1] == "pld") >= jumlah_pld:
            break
        kec_dipakai.append(kec)
        for j in range(0, len(daftar), 3):
            n = sum(1 for o in orang if o[1] == "pld") + 1
            if n > jumlah_pld:
                break
            kel = daftar[j : j + 3]
            orang.append((f"pld{n:05d}", "pld", [(d, "lapangan") for d in kel], kel))
    for n, kec in enumerate(kec_dipakai, 1):
        orang.append((f"pd{n:05d}", "pd", [(kec, "lapangan"), (kec, "supervisi")], [kec]))
    kab = sorted({k[:5] for k in kec_dipakai})
    for n, k in enumerate(kab, 1):
        orang.append((f"tapm{n:04d}", "tapm_kabupaten", [(k, "supervisi")], []))
    for n, k in enumerate(sorted({k[:2] for k in kab}), 1):
        orang.append((f"korprov{n:02d}", "koordinator_provinsi", [(k, "supervisi")], []))
    sandi = make_password(SANDI)
    users = User.objects.bulk_create(
        [User(username=o[0], password=sandi, email=f"{o[0]}@beban.desa.id") for o in orang]
    )
    pendamping = Pendamping.objects.bulk_create(
        [
            Pendamping(user=u, nama=o[0].upper(), jabatan=o[1], nomor_kontrak=f"BEBAN-{i}")
            for i, (u, o) in enumerate(zip(users, orang, strict=True), 1)
        ]
    )
    mulai = datetime.date.today() - datetime.timedelta(days=400)
    Penugasan.objects.bulk_create(
        [
            Penugasan(pendamping=p, wilayah_id=kode, jenis=jenis, mulai=mulai)
            for p, o in zip(pendamping, orang, strict=True)
            for kode, jenis in o[2]
        ]
    )
    grup = {n: Group.objects.get(name=n) for n in (roles.GRUP_PENDAMPING, roles.GRUP_PENGAWAS)}
    lewat = User.groups.through
    lewat.objects.bulk_create(
        [
            lewat(user_id=u.pk, group_id=grup[roles.grup_untuk_jabatan(o[1])].pk)
            for u, o in zip(users, orang, strict=True)
        ]
    )
    return [
        {"username": o[0], "jabatan": o[1], "tempat": o[3]} for o in orang if o[1] in ("pld", "pd")
    ]


def acuan() -> dict:
    """The reference rows the entry form's choices point at."""
    from pendampingan.models import BidangPendampingan, Prinsip, TujuanSdgs

    return {
        "prinsip": list(Prinsip.objects.filter(aktif=True).values_list("kode", flat=True)),
        "bidang": list(BidangPendampingan.objects.filter(aktif=True).values_list("pk", flat=True)),
        "sdgs": list(TujuanSdgs.objects.filter(aktif=True).values_list("pk", flat=True)),
    }
