"""The production settings in a real gunicorn (config/gunicorn.conf.py): JSON log lines with the
request id, the health probes past ALLOWED_HOSTS and the HTTPS redirect, and an exception in a
view reported to Sentry — the DSN points at a local HTTP receiver that collects the envelopes
sentry-sdk posts, and the event must carry the request id and nothing personal."""

from __future__ import annotations

import gzip
import http.client
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest

from pendampingan.inti.pemantauan import pasang_sentry
from tests.notifikasi import layanan

pytestmark = [pytest.mark.services, pytest.mark.timeout(90, func_only=True)]

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "pendampingan.example.id"


class PenerimaSentry:
    """Collects the envelopes posted to ``/api/<project>/envelope/``."""

    def __init__(self):
        self.amplop: list[bytes] = []
        penerima = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                badan = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                kode = self.headers.get("Content-Encoding", "")
                if kode == "gzip":
                    badan = gzip.decompress(badan)
                elif kode == "deflate":
                    badan = zlib.decompress(badan)
                elif kode == "br":
                    import brotli

                    badan = brotli.decompress(badan)
                penerima.amplop.append(badan)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *a):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def peristiwa(self) -> list[dict]:
        """The error events among the envelopes' items."""
        hasil = []
        for a in self.amplop:
            baris = a.split(b"\n")
            for i, x in enumerate(baris[1:], 1):
                if x.startswith(b"{") and b'"type":"event"' in x.replace(b" ", b""):
                    hasil.append(json.loads(baris[i + 1]))
        return hasil

    def tutup(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sentry():
    p = PenerimaSentry()
    yield p
    p.tutup()


def _minta(port, jalur, host=HOST, **header):
    k = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        k.request("GET", jalur, headers={"Host": host, **header})
        r = k.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        k.close()


# transactional: no open transaction in this process (on SQLite it would lock the copy that
# gunicorn gets, see layanan.database_berkas)
@pytest.mark.django_db(transaction=True)
def test_gunicorn_produksi_log_json_probe_dan_sentry(tmp_path, sentry):
    port = layanan.port_bebas()
    with layanan.database_berkas(tmp_path) as db_url:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": "tests.operasi.pengaturan_produksi",
            "DJANGO_SECRET_KEY": "uji-produksi-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DATABASE_URL": db_url,
            "SENTRY_DSN": f"http://kuncipublik@127.0.0.1:{sentry.port}/1",
            "SENTRY_RELEASE": "uji-1",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "2",
            "PYTHONUNBUFFERED": "1",
        }
        log_berkas = tmp_path / "gunicorn.log"
        with log_berkas.open("wb") as f:
            p = subprocess.Popen(
                [GUNICORN, "-c", "config/gunicorn.conf.py"],
                cwd=layanan.ROOT,
                env=env,
                stdout=f,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:

            def hidup():
                try:
                    return _minta(port, "/sehat/", host="10.0.0.9")[0] == 200  # probed by IP
                except OSError:
                    assert p.poll() is None, log_berkas.read_text()
                    return False

            layanan.tunggu(hidup, batas=40, pesan="gunicorn siap")
            # plain HTTP: the probes answer, every other page is redirected to HTTPS
            status, _h, badan = _minta(port, "/siap/", host="10.0.0.9")
            assert status == 200, badan
            status, h, _b = _minta(port, "/akun/login/")
            assert status == 301 and h["Location"].startswith("https://")
            rid = "uji-sentry-0123456789"
            status, h, badan = _minta(
                port,
                "/uji-galat/?nama=Siti+Pelapor",
                **{"X-Forwarded-Proto": "https", "X-Request-ID": rid, "Cookie": "a=rahasiakue"},
            )
            assert status == 500 and h["X-Request-ID"] == rid
            layanan.tunggu(sentry.peristiwa, batas=20, pesan="peristiwa sampai di Sentry")
        finally:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=30)

    (e,) = sentry.peristiwa()
    assert e["exception"]["values"][-1]["type"] == "RuntimeError"
    assert e["tags"]["id_permintaan"] == rid
    assert e["environment"] == "produksi" and e["release"] == "uji-1"
    mentah = b"\n".join(sentry.amplop)
    assert b"Siti" not in mentah and b"rahasiakue" not in mentah
    assert "ip_address" not in json.dumps(e.get("user", {}))

    teks = log_berkas.read_text()
    json_baris = [json.loads(x) for x in teks.splitlines() if x.startswith("{")]
    permintaan = [b for b in json_baris if b["logger"] == "pendampingan.permintaan"]
    galat = [b for b in permintaan if b["jalur"] == "/uji-galat/"]
    assert len(galat) == 1, teks[-3000:]
    assert galat[0]["status"] == 500 and galat[0]["id_permintaan"] == rid
    assert galat[0]["level"] == "ERROR" and galat[0]["kueri"] == ["nama"]
    assert "Siti" not in teks
    # the traceback line of django.request carries the same id
    assert any(b["logger"] == "django.request" and b["id_permintaan"] == rid for b in json_baris)
    # probes that passed are DEBUG lines: not written at INFO
    assert not [b for b in permintaan if b["jalur"] in ("/sehat/", "/siap/")]


def test_tanpa_dsn_sentry_tidak_dipasang():
    import sentry_sdk

    assert pasang_sentry(dsn="", lingkungan="uji", rilis=None) is False
    assert not sentry_sdk.get_client().is_active()
