"""The receiver example of docs/notifikasi.md, read from the page and run as a real HTTP server on
127.0.0.1, against real deliveries of the outbox (``pesan_kirim``) and replays of what it got."""

import http.client
import io
import re
import threading
import time
from pathlib import Path

import pytest

from pendampingan.notifikasi import pengiriman, services
from pendampingan.notifikasi.models import PenerimaKementerian, Pesan, Saluran, StatusPesan
from tests.notifikasi.factories import PenerimaWebhookFactory

pytestmark = pytest.mark.django_db

DOKUMEN = Path(__file__).resolve().parents[2] / "docs" / "notifikasi.md"
RAHASIA = "rahasia-penerima-contoh"


def _kode_contoh() -> str:
    teks = DOKUMEN.read_text()
    cocok = re.search(r"<!-- contoh-penerima -->\s*```python\n(.*?)\n```", teks, re.DOTALL)
    assert cocok, "contoh penerima tidak ditemukan di docs/notifikasi.md"
    return cocok.group(1)


class Contoh:
    """The example's server, its clock moved by ``geser`` seconds, recording what it received."""

    def __init__(self, tmp_path):
        ns = {"__name__": "contoh_penerima"}
        exec(compile(_kode_contoh(), str(DOKUMEN), "exec"), ns)  # noqa: S102 (our own docs)
        self.ns = ns
        self.geser = 0.0
        self.diterima: list[tuple[dict, bytes]] = []
        contoh = self

        class Perekam(ns["Handler"]):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", 0))
                badan = self.rfile.read(n)
                contoh.diterima.append((dict(self.headers.items()), badan))
                self.rfile = io.BytesIO(badan)  # the example reads the body itself
                super().do_POST()

            def log_message(self, *args):
                pass

        self.server = ns["make_server"](
            ("127.0.0.1", 0),
            secret=RAHASIA.encode(),
            db_path=str(tmp_path / "webhook.sqlite3"),
            clock=lambda: time.time() + self.geser,
        )
        self.server.RequestHandlerClass = Perekam
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/webhook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def tersimpan(self) -> list[str]:
        return [k for (k,) in self.server.store.db.execute("SELECT key FROM message ORDER BY key")]

    def kirim_ulang(self, header: dict, badan: bytes) -> tuple[int, str]:
        """Replay a request as an attacker who captured it would."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        c.request("POST", "/webhook", body=badan, headers=header)
        r = c.getresponse()
        hasil = r.status, r.read().decode()
        c.close()
        return hasil

    def tutup(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def contoh(tmp_path):
    c = Contoh(tmp_path)
    yield c
    c.tutup()


def _kirim(dunia, url, *, rahasia, kunci):
    PenerimaKementerian.objects.update(aktif=False)  # one endpoint at a time
    PenerimaWebhookFactory(url=url, rahasia=rahasia, peristiwa="bencana.*")
    (p,) = [
        p
        for p in services.notifikasi_kirim(
            peristiwa="bencana.dilaporkan",
            objek=dunia.desa_a,
            wilayah_kode=dunia.desa_a.kode,
            subjek="Banjir",
            isi="Banjir setinggi 1 m.",
            payload={"korban": 0},
            kunci=kunci,
            kementerian=True,
        )
        if p.saluran == Saluran.WEBHOOK
    ]
    pengiriman.pesan_kirim(pesan_id=p.pk)
    p.refresh_from_db()
    return p


def test_contoh_menerima_yang_segar_menolak_ulangan_dan_tanda_tangan_salah(dunia, contoh):
    # a fresh, real delivery: stored, and the outbox row is delivered
    p = _kirim(dunia, contoh.url, rahasia=RAHASIA, kunci="bencana:contoh:1")
    assert p.status == StatusPesan.TERKIRIM, p.galat_terakhir
    assert contoh.tersimpan() == [p.kunci]
    header, badan = contoh.diterima[0]

    # the same request again within the window: the key drops it (2xx, stored once)
    assert contoh.kirim_ulang(header, badan) == (200, '{"result": "repeat dropped"}')
    assert contoh.tersimpan() == [p.kunci]

    # replayed after 5 minutes: refused by its timestamp
    contoh.geser = 301
    kode, teks = contoh.kirim_ulang(header, badan)
    assert kode == 401 and "5-minute window" in teks
    # ... and with the timestamp moved to "now", the signature no longer matches
    baru = {**header, "X-Pendampingan-Timestamp": str(int(time.time() + 301))}
    kode, teks = contoh.kirim_ulang(baru, badan)
    assert kode == 401 and "bad signature" in teks
    # a changed body under a fresh timestamp's signature: refused
    contoh.geser = 0
    kode, teks = contoh.kirim_ulang(header, badan.replace(b'"korban":0', b'"korban":9'))
    assert kode == 401 and "bad signature" in teks

    # a real delivery signed with another secret: refused, and the outbox marks it failed
    q = _kirim(dunia, contoh.url + "?lain", rahasia="rahasia-lain", kunci="bencana:contoh:2")
    assert q.status == StatusPesan.GAGAL and "HTTP 401" in q.galat_terakhir
    assert contoh.tersimpan() == [p.kunci]
    assert Pesan.objects.filter(peristiwa="notifikasi.gagal").exists()


def test_contoh_menerima_pengiriman_ulang_dengan_waktu_baru(
    dunia, contoh, django_capture_on_commit_callbacks
):
    """An administrator's re-send later on carries a fresh timestamp: it passes the time check
    and is dropped by its key."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("admin-contoh", "a@contoh.id", "x")
    p = _kirim(dunia, contoh.url, rahasia=RAHASIA, kunci="bencana:contoh:3")
    pertama = contoh.diterima[0][0]["X-Pendampingan-Timestamp"]
    contoh.geser = 2  # the receiver's clock a little ahead: still inside the window
    time.sleep(1.1)
    Pesan.objects.filter(pk=p.pk).update(status=StatusPesan.GAGAL)  # as if it had failed
    with django_capture_on_commit_callbacks(execute=True):
        services.pesan_kirim_ulang(pesan_ids=[p.pk], oleh=admin)  # "Kirim ulang sekarang"
    p.refresh_from_db()
    assert p.status == StatusPesan.TERKIRIM and len(contoh.diterima) == 2
    kedua = contoh.diterima[1][0]["X-Pendampingan-Timestamp"]
    assert int(kedua) > int(pertama)
    assert contoh.diterima[0][1] == contoh.diterima[1][1]  # the same bytes
    assert contoh.tersimpan() == [p.kunci]
