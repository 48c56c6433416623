"""The bulk-loading tools of the national data generator: database setup and COPY."""

from __future__ import annotations

import csv
import datetime
import io
import os
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))


def _siapkan_db(url: str, reset: bool):
    import psycopg2

    nama = url.rsplit("/", 1)[1]
    if not nama.startswith(("pd_bench", "bench")):
        sys.exit("Nama database benchmark harus diawali pd_bench atau bench (bukan database uji).")
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama])
        ada = cur.fetchone()
        if ada and reset:
            cur.execute(f'DROP DATABASE "{nama}" WITH (FORCE)')
            ada = None
        if not ada:
            cur.execute(f'CREATE DATABASE "{nama}"')
    admin.close()


def _django(url: str):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()


class Penyalin:
    """COPY rows of a model, filling every column the caller does not give with the field's
    default (so new columns with defaults do not break the generator)."""

    def __init__(self, model, kolom: list[str]):
        from django.db import models as m
        from django.utils import timezone

        self.model = model
        self.tabel = model._meta.db_table
        kini = timezone.now()
        self.kolom = list(kolom)
        self.isi_tetap = []
        for f in model._meta.concrete_fields:
            if f.attname in self.kolom or f.primary_key and f.attname not in self.kolom:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                nilai = kini
            elif f.has_default():
                nilai = f.get_default()
            elif f.null:
                continue
            elif isinstance(f, m.CharField | m.TextField):
                nilai = ""
            else:
                raise SystemExit(
                    f"{self.tabel}.{f.attname}: wajib tanpa bawaan; tambahkan ke generator"
                )
            self.isi_tetap.append((f.column, nilai))
        self.kolom_db = [model._meta.get_field(k).column for k in self.kolom] + [
            c for c, _v in self.isi_tetap
        ]
        self.tambahan = [_csv_nilai(v) for _c, v in self.isi_tetap]

    def salin(self, baris, ukuran=200_000) -> int:
        from django.db import connection

        n = 0
        sql = f"COPY {self.tabel} ({', '.join(self.kolom_db)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
        buf = io.StringIO()
        w = csv.writer(buf)
        with connection.cursor() as cur:
            for b in baris:
                w.writerow([_csv_nilai(v) for v in b] + self.tambahan)
                n += 1
                if n % ukuran == 0:
                    buf.seek(0)
                    cur.cursor.copy_expert(sql, buf)
                    buf = io.StringIO()
                    w = csv.writer(buf)
            buf.seek(0)
            cur.cursor.copy_expert(sql, buf)
        return n

    def setval(self):
        _setval(self.model)


def _setval(model):
    from django.db import connection

    tabel = model._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {tabel}), 1))"
        )


def _csv_nilai(v):
    if v is None:
        return "\\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, datetime.datetime | datetime.date | datetime.time):
        return v.isoformat()
    return v


def _catat(pesan, mulai):
    print(f"[{time.monotonic() - mulai:7.1f}s] {pesan}", flush=True)


# ---------------------------------------------------------------------------- people
