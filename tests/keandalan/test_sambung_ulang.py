"""After a Redis outage longer than kombu's reconnect pauses grow in (2, 4, 6 … 30 s), the worker
is back at work within seconds of Redis' return, not after its next pause
(``config/celery_konsumen.py``). A real redis-server of the test's own, a real worker, and a
message committed once Redis is back, counted at a real webhook receiver. With kombu's pauses
the worker, down for 32 s, would next try at ~42 s: ~10 s after Redis' return."""

import time

import pytest

from tests.conftest import Dunia
from tests.notifikasi.factories import PenerimaWebhookFactory
from tests.notifikasi.layanan import tunggu
from tests.notifikasi.test_pengiriman_nyata import RAHASIA, _peristiwa

pytestmark = [
    pytest.mark.services,
    pytest.mark.timeout(240),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PADAM_DETIK = 32


def test_pekerja_kembali_bekerja_segera_setelah_redis_hidup(nyata, redis_sendiri, webhook):
    t = nyata.mulai(redis_sendiri.url, pemulihan_bawaan=True)
    t.pekerja(concurrency=1)  # no beat: only the worker's own reconnect brings the message
    dunia = Dunia()
    PenerimaWebhookFactory(url=webhook.url, rahasia=RAHASIA)
    _peristiwa(dunia, "sebelum", kementerian=True)
    tunggu(lambda: len(webhook.diterima) == 1, batas=30, pesan="terkirim sebelum padam")

    redis_sendiri.hentikan()
    time.sleep(PADAM_DETIK)
    redis_sendiri.mulai()
    hidup = time.monotonic()
    _peristiwa(dunia, "sesudah", kementerian=True)  # handed to the broker at commit
    tunggu(lambda: len(webhook.diterima) == 2, batas=30, pesan="terkirim sesudah hidup")
    jeda = webhook.diterima[-1].waktu - hidup
    print(f"\npekerja mengirim {jeda:.1f} s setelah Redis hidup lagi (padam {PADAM_DETIK} s)")
    assert jeda <= 5, f"{jeda:.1f} s\n{nyata.log()}"
