"""EXPLAIN ANALYZE of the queries one entry submission runs, on the table the load left behind:
a sequential scan or a time that grows with the table shows here."""

from __future__ import annotations

import json

from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext


class _Batal(Exception):
    pass


def _simpul(plan: dict):
    yield plan
    for anak in plan.get("Plans", []):
        yield from _simpul(anak)


def _ringkas(plan: dict) -> str:
    bagian = []
    for s in _simpul(plan):
        jenis = s["Node Type"]
        if "Relation Name" in s:
            nama = s.get("Index Name") or s["Relation Name"]
            bagian.append(f"{jenis} {nama}")
        elif jenis not in ("Result", "ModifyTable", "Limit", "Aggregate", "Hash", "Materialize"):
            bagian.append(jenis)
    return ", ".join(dict.fromkeys(bagian)) or plan["Node Type"]


def jelaskan(*, klien_username: str, acuan: dict, hari: list) -> list[dict]:
    import random

    from django.contrib.auth import get_user_model

    from benchmarks._beban_isi import isian
    from pendampingan.models import Wilayah

    user = get_user_model().objects.get(username=klien_username)
    tempat = list(Wilayah.objects.writable_by(user).values_list("kode", flat=True)[:3])
    c = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    c.force_login(user)
    rng = random.Random(1)
    data = dict(isian(rng, nomor=0, tempat=tempat, acuan=acuan, hari=hari))
    data.update({"ajukan": "1", "tata_cara": "asistensi"})
    data.update(
        {
            "asistensi-jenis_sasaran": "perorangan",
            "asistensi-nama_sasaran": "Sekretaris Desa",
            "asistensi-bidang": str(acuan["bidang"][0]),
        }
    )
    c.get("/kegiatan/baru/")
    with CaptureQueriesContext(connection) as q:
        try:
            with transaction.atomic():
                r = c.post("/kegiatan/baru/", data)
                raise _Batal
        except _Batal:
            pass
    if r.status_code != 302 or "/ubah/" in r.get("Location", ""):
        raise SystemExit(f"EXPLAIN: pengiriman contoh gagal ({r.status_code})")
    hasil = []
    try:
        with transaction.atomic():
            for kueri in q.captured_queries:
                sql = kueri["sql"]
                if not sql.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE")):
                    continue
                try:
                    with transaction.atomic(), connection.cursor() as cur:
                        cur.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
                        (rencana,) = cur.fetchone()
                except DatabaseError as e:
                    hasil.append({"sql": sql, "ms": 0.0, "rencana": f"(galat: {e})"[:60]})
                    continue
                if isinstance(rencana, str):
                    rencana = json.loads(rencana)
                akar = rencana[0]
                hasil.append(
                    {
                        "sql": sql,
                        "ms": round(akar["Execution Time"], 3),
                        "rencana": _ringkas(akar["Plan"]),
                        "seq_scan": [
                            s["Relation Name"]
                            for s in _simpul(akar["Plan"])
                            if s["Node Type"] == "Seq Scan"
                        ],
                    }
                )
            raise _Batal
    except _Batal:
        pass
    return hasil
