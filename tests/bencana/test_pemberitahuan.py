"""The ministry report through the outbox: supervisors up the chain in-app and by email, the
ministry's email and signed webhook; one delivery per version, a new key for each new version."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail

from bencana import laporan, services
from pendampingan.notifikasi.models import Pesan, Saluran
from tests.notifikasi.factories import PenerimaEmailFactory, PenerimaWebhookFactory

from .factories import dampak, kejadian_di

pytestmark = pytest.mark.django_db


class PenerimaWebhook:
    """A local HTTP server that records every POST (body and headers)."""

    def __init__(self):
        self.diterima: list[tuple[dict, bytes]] = []
        induk = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", 0))
                induk.diterima.append((dict(self.headers), self.rfile.read(n)))
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/kemendesa/bencana"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def tutup(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def penerima_webhook():
    p = PenerimaWebhook()
    yield p
    p.tutup()


def test_laporan_awal_ke_pengawas_dan_kementerian(
    dunia, penerima_webhook, django_capture_on_commit_callbacks
):
    ep = PenerimaWebhookFactory(
        url=penerima_webhook.url, rahasia="rahasia-bnpb", peristiwa="bencana.*"
    )
    PenerimaEmailFactory(alamat_email="pusdalops@kemendesa.go.id", peristiwa="bencana.dilaporkan")
    PenerimaEmailFactory(alamat_email="pengaduan@kemendesa.go.id", peristiwa="pengaduan.*")
    with django_capture_on_commit_callbacks(execute=True):
        k = kejadian_di(dunia.desa_a, dunia.pld_a)
    pesan = list(Pesan.objects.all())
    in_app = {p.penerima_user_id for p in pesan if p.saluran == Saluran.IN_APP}
    assert in_app == {dunia.pd_a.user_id, dunia.pengawas.user_id}  # not the reporter, not B
    surel = sorted(m.to[0] for m in mail.outbox)
    assert surel == sorted(
        [dunia.pd_a.user.email, dunia.pengawas.user.email, "pusdalops@kemendesa.go.id"]
    )
    assert all(k.kode in m.subject for m in mail.outbox)
    # the webhook receiver got the signed report
    assert len(penerima_webhook.diterima) == 1
    header, badan = penerima_webhook.diterima[0]
    waktu = header["X-Pendampingan-Timestamp"].encode()
    harap = "v1=" + hmac.new(b"rahasia-bnpb", waktu + b"." + badan, hashlib.sha256).hexdigest()
    assert header["X-Pendampingan-Signature"] == harap
    isi = json.loads(badan)
    assert isi["peristiwa"] == "bencana.dilaporkan"
    assert isi["data"]["kode"] == k.kode and isi["data"]["versi"] == 1
    assert isi["data"]["desa"][0]["kode"] == dunia.desa_a.kode
    assert header["Idempotency-Key"] == f"bencana:{k.pk}:v1:webhook:{ep.pk}"
    assert Pesan.objects.get(saluran=Saluran.WEBHOOK).status == "terkirim"


def test_sekali_per_versi(dunia, penerima_webhook, django_capture_on_commit_callbacks):
    PenerimaWebhookFactory(url=penerima_webhook.url, rahasia="r", peristiwa="bencana.*")
    with django_capture_on_commit_callbacks(execute=True):
        k = kejadian_di(dunia.desa_a, dunia.pld_a)
    v1 = k.laporan.get()
    n = Pesan.objects.count()
    # the same version again (a retry, a double click): nothing new is written or sent
    with django_capture_on_commit_callbacks(execute=True):
        laporan._beritahu(kejadian=k, versi=v1)
    assert Pesan.objects.count() == n and len(penerima_webhook.diterima) == 1
    # a status change and a new snapshot, sent as version 2: sent once more, with a new key
    services.kejadian_ubah_status(kejadian=k, ke="tanggap_darurat", oleh=dunia.pld_a)
    dampak(k, dunia.desa_a, dunia.pld_a, meninggal=1, mengungsi=25)
    with django_capture_on_commit_callbacks(execute=True):
        v2 = laporan.laporan_kirim(kejadian=k, oleh=dunia.pld_a, pemicu="Tanggap darurat")
    assert v2.nomor == 2 and Pesan.objects.count() == 2 * n
    assert len(penerima_webhook.diterima) == 2
    isi = json.loads(penerima_webhook.diterima[1][1])
    assert isi["peristiwa"] == "bencana.laporan_versi"
    assert isi["data"]["versi"] == 2 and isi["data"]["status"] == "tanggap_darurat"
    assert isi["data"]["dampak_total"]["mengungsi"] == 25
    from bencana.selectors import pesan_kejadian

    per_versi = pesan_kejadian(kejadian=k)["pesan_versi"]
    assert sorted(per_versi) == [1, 2] and len(per_versi[2]) == n


def test_tidak_ada_pesan_bila_laporan_gagal(dunia, django_capture_on_commit_callbacks):
    import datetime

    from django.core.exceptions import PermissionDenied, ValidationError
    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        kejadian_di(dunia.desa_b, dunia.pld_a)  # not their desa: 403
    besok = timezone.now() + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        kejadian_di(dunia.desa_a, dunia.pld_a, waktu=besok)
    assert not Pesan.objects.exists() and not mail.outbox
