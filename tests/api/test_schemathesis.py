"""schemathesis against the live site: every operation in ``/api/v1/schema/`` — whatever the apps
have registered when this runs, so a new endpoint is covered without an edit here — with a PLD's
and a supervisor's device token, all methods (GET and the writes; schemathesis sends valid and
invalid data): 0 server errors, 0 answers that break the schema (status codes, content types,
bodies). The number of generated cases is printed and recorded in ``schemathesis.txt`` in the
test's temporary folder.

Knobs (environment): ``SCHEMATHESIS_CONTOH`` examples per operation (default 25),
``SCHEMATHESIS_WAKTU`` seconds per token (default 45), ``SCHEMATHESIS_SEED``."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from pendampingan import services
from pendampingan.api.services import token_buat

pytestmark = pytest.mark.django_db(transaction=True)

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
CEK = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
    ]
)


def _baris(dunia):
    """Some rows in each desa so that reads find data (apps' fixtures add more as they come)."""
    for desa, pld in ((dunia.desa_a, dunia.pld_a), (dunia.desa_b, dunia.pld_b)):
        services.tindak_lanjut_buat(
            wilayah=desa,
            pendamping=pld,
            judul=f"Tindak lanjut {desa.nama}",
            penanggung_jawab="Kades",
            jatuh_tempo=timezone.localdate() + datetime.timedelta(days=5),
        )
    # incidents (bencana/api.py): one per desa with an impact snapshot and a photo
    from bencana import services as bencana_services
    from tests.bencana.factories import dampak, foto_png, kejadian_di

    for desa, pld in ((dunia.desa_a, dunia.pld_a), (dunia.desa_b, dunia.pld_b)):
        k = kejadian_di(desa, pld, ringkasan=f"Banjir di {desa.nama}")
        dampak(k, desa, pld, mengungsi=12)
        bencana_services.bukti_tambah(kejadian=k, berkas=foto_png(), oleh=pld)

    # complaints (pengaduan/api.py): an open one and a rahasia one per desa
    from tests.pengaduan.factories import pengaduan_buat

    for desa in (dunia.desa_a, dunia.desa_b):
        pengaduan_buat(desa, judul=f"Aduan {desa.nama}")
        pengaduan_buat(desa, judul=f"Aduan rahasia {desa.nama}", rahasia=True)


def _jalankan(url, rahasia, laporan: Path) -> tuple[int, str]:
    contoh = os.environ.get("SCHEMATHESIS_CONTOH", "25")
    waktu = os.environ.get("SCHEMATHESIS_WAKTU", "45")
    perintah = [
        SCHEMATHESIS,
        "run",
        f"{url}/api/v1/schema/?format=json",
        "--url",
        url,
        "-H",
        f"Authorization: Token {rahasia}",
        "--checks",
        CEK,
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        contoh,
        "--max-time",
        waktu,
        "--workers",
        "1",  # the live server shares the test's database connection
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        "--no-color",
        "--warnings",
        "off",
        "--report",
        "junit",
        "--report-junit-path",
        str(laporan),
    ]
    if os.environ.get("SCHEMATHESIS_SEED"):
        perintah += ["--seed", os.environ["SCHEMATHESIS_SEED"]]
    # its cache (.schemathesis/) goes to the test's folder, not the checkout
    p = subprocess.run(
        perintah, capture_output=True, text=True, timeout=int(waktu) + 120, cwd=laporan.parent
    )
    return p.returncode, p.stdout + p.stderr


def _jumlah_kasus(keluaran: str) -> int:
    m = re.search(r"(\d+)\s+generated", keluaran)
    assert m, keluaran[-3000:]
    return int(m.group(1))


def test_schemathesis_tanpa_galat_server_dan_sesuai_skema(
    dunia, live_server, monkeypatch, tmp_path
):
    # the throttles stay on but high enough for a fuzz run from one address
    rates = {"user": "100000/hour", "anon": "100000/hour", "alamat": "100000/hour"}
    for kelas in (SimpleRateThrottle, UserRateThrottle, AnonRateThrottle):
        monkeypatch.setattr(kelas, "THROTTLE_RATES", rates)
    _baris(dunia)
    catatan = []
    for siapa, pendamping in (("pld", dunia.pld_a), ("pengawas", dunia.pengawas)):
        _, rahasia = token_buat(user=pendamping.user, nama=f"schemathesis {siapa}")
        kode, keluaran = _jalankan(live_server.url, rahasia, tmp_path / f"{siapa}.xml")
        n = _jumlah_kasus(keluaran)
        catatan.append(f"{siapa}: {n} kasus, kode keluar {kode}")
        print(f"schemathesis ({siapa}): {n} kasus")
        assert kode == 0, keluaran[-12000:]
        assert n > 0
    (tmp_path / "schemathesis.txt").write_text("\n".join(catatan) + "\n")
    print("\n".join(catatan))
