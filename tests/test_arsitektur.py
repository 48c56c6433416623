"""The house rules of docs/arsitektur.md, held in the suite: the dependency contracts
(import-linter) and no non-migration module past 400 lines."""

import pathlib
import shutil
import subprocess
import sys

AKAR = pathlib.Path(__file__).resolve().parent.parent
BATAS_BARIS = 400


def test_kontrak_dependensi_terpenuhi():
    lint = shutil.which("lint-imports") or str(
        pathlib.Path(sys.executable).with_name("lint-imports")
    )
    hasil = subprocess.run([lint], cwd=AKAR, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stdout[-3000:] + hasil.stderr[-2000:]
    assert "0 broken" in hasil.stdout


def test_tidak_ada_modul_lebih_dari_400_baris():
    terlalu_panjang = []
    for p in AKAR.rglob("*.py"):
        bagian = p.relative_to(AKAR).parts
        if bagian[0] in {".venv", "node_modules", "tests"} or "migrations" in bagian:
            continue
        n = len(p.read_text(encoding="utf-8").splitlines())
        if n > BATAS_BARIS:
            terlalu_panjang.append(f"{p.relative_to(AKAR)} ({n})")
    assert not terlalu_panjang, f"Pecah menjadi paket per subdomain: {terlalu_panjang}"
