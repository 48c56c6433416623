"""The load benchmark (``benchmarks/beban.py``) runs end to end at a tiny size, so it cannot rot:
its own database on the machine's PostgreSQL, gunicorn with the production settings, Redis,
logged-in clients posting the entry form with CSRF and one-time keys, resends with the same key,
and the exact row check. Its figures are not judged here (CI's machine is shared), only that
every submission is answered with its entry, once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2
import pytest

from tests.notifikasi import layanan
from tests.notifikasi.conftest import _tanpa_redis

AKAR = Path(__file__).resolve().parents[2]
PG = os.environ.get("BEBAN_PG", "postgres://postgres@127.0.0.1:5432")


def _database_beban() -> set[str]:
    with psycopg2.connect(f"{PG}/postgres") as c, c.cursor() as cur:
        cur.execute("SELECT datname FROM pg_database WHERE datname LIKE 'beban\\_%'")
        return {r[0] for r in cur.fetchall()}


@pytest.mark.timeout(300)
def test_beban_kecil_tepat(tmp_path):
    url = urlsplit(layanan.REDIS_URL_UJI)
    if not layanan.redis_hidup(url.hostname or "127.0.0.1", url.port or 6379):
        _tanpa_redis(f"Redis tidak berjalan di {url.hostname}:{url.port}")
    sebelum = _database_beban()
    keluaran = tmp_path / "beban.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    r = subprocess.run(
        [
            sys.executable,
            str(AKAR / "benchmarks" / "beban.py"),
            *("--n", "40", "--c", "4", "--workers", "1", "--akun", "4"),
            *("--wilayah", "33.01", "--ulang", "0.25"),
            *("--pg", PG, "--redis", layanan.REDIS_URL_UJI, "--json", str(keluaran)),
        ],
        cwd=AKAR,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    hasil = json.loads(keluaran.read_text())
    entri, ringan = hasil["fase"]
    p = hasil["periksa"]
    assert entri["sukses"] == 40 and entri["galat"] == {}, entri
    assert ringan["sukses"] == 40 and ringan["galat"] == {}, ringan
    assert p["tepat"] and p["baris_kegiatan"] == 40, p
    assert p["baris_ganda"] == 0 and p["hilang_atau_beda"] == 0, p
    # seed 14 draws 11 entries to resend, five of them as a double tap (two at once)
    assert p["ulang_jawaban_sama"] >= 11 and p["ulang_jawaban_lain"] == 0, p
    assert p["peristiwa"] == p["peristiwa_harapan"] and p["diajukan"] > 0, p
    assert p["pesan_in_app"] > 0 and p["pesan_antre"] == 0, p
    assert entri["p50_ms"] > 0 and ringan["p99_ms"] is not None
    assert _database_beban() <= sebelum, "database beban tidak dihapus"
