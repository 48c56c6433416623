"""Delivery through the real parts: a Redis broker, Celery worker (and beat) processes started
here, an SMTP sink (aiosmtpd) and a local webhook receiver. Nothing is mocked.

Without Redis these tests are skipped with the reason; under CI=true they fail instead."""

import email
import hashlib
import hmac
import time

import pytest
from django.db import transaction

from pendampingan.notifikasi import services
from pendampingan.notifikasi.models import HasilPercobaan, Pesan, Saluran, StatusPesan
from tests.conftest import Dunia
from tests.notifikasi.factories import PenerimaWebhookFactory
from tests.notifikasi.layanan import tunggu

# transactional (the worker must see committed rows); serialized_rollback brings back the
# reference data a previous transactional test's flush removed
pytestmark = [
    pytest.mark.services,
    pytest.mark.timeout(180),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RAHASIA = "rahasia-uji-webhook"


def _peristiwa(dunia, kunci, **kw):
    """Commit one event (its own transaction, as a request would)."""
    with transaction.atomic():
        return services.notifikasi_kirim(
            peristiwa="bencana.dilaporkan",
            objek=dunia.desa_a,
            wilayah_kode=dunia.desa_a.kode,
            subjek=f"Banjir di {dunia.desa_a.nama} ({kunci})",
            isi="Banjir setinggi 1 m; 3 rumah rusak.",
            payload={"kunci": kunci, "rumah_rusak": 3},
            kunci=kunci,
            **kw,
        )


def _status(pks):
    return dict(Pesan.objects.filter(pk__in=pks).values_list("pk", "status"))


def _tunggu_status(pks, status, nyata, batas=60):
    try:
        tunggu(lambda: set(_status(pks).values()) == {status}, batas=batas, pesan=status)
    except AssertionError:
        raise AssertionError(f"status {_status(pks)}\n{nyata.log()}")


def test_pesan_terkirim_sekali_ke_email_dan_webhook(nyata, redis_mesin, webhook, smtp):
    t = nyata.mulai(redis_mesin)
    t.pekerja(concurrency=2)
    dunia = Dunia()
    PenerimaWebhookFactory(url=webhook.url, rahasia=RAHASIA)
    pesan = _peristiwa(dunia, "sekali", pengguna=[dunia.pd_a.user], kementerian=True)
    kirim = [p for p in pesan if p.saluran != Saluran.IN_APP]
    assert sorted(p.saluran for p in kirim) == [Saluran.EMAIL, Saluran.WEBHOOK]
    # the same rows handed to the two worker processes five times more: the claim lets one send
    for _ in range(5):
        services.antrekan([p.pk for p in kirim])
    _tunggu_status([p.pk for p in kirim], StatusPesan.TERKIRIM, nyata)
    time.sleep(2)  # room for a duplicate to arrive, if the claim let one through

    wh = next(p for p in kirim if p.saluran == Saluran.WEBHOOK)
    assert webhook.kunci_diterima() == [wh.kunci]
    req = webhook.diterima[0]
    waktu = req.header["X-Pendampingan-Timestamp"]
    assert abs(int(waktu) - time.time()) < 60
    harap = hmac.new(RAHASIA.encode(), waktu.encode() + b"." + req.badan, hashlib.sha256)
    assert req.header["X-Pendampingan-Signature"] == f"v1={harap.hexdigest()}"
    assert req.json()["data"] == {"kunci": "sekali", "rumah_rusak": 3}

    assert len(smtp.surat) == 1
    penerima, mentah = smtp.surat[0]
    assert penerima == [dunia.pd_a.user.email]
    m = email.message_from_bytes(mentah)
    jenis = sorted(part.get_content_type() for part in m.walk() if not part.is_multipart())
    assert jenis == ["text/html", "text/plain"]
    assert m["X-Idempotency-Key"] == next(p for p in kirim if p.saluran == Saluran.EMAIL).kunci
    for p in kirim:
        p.refresh_from_db()
        assert p.percobaan == 1 and p.terkirim_pada is not None


def test_503_dua_kali_lalu_200_terkirim_pada_percobaan_ketiga(nyata, redis_mesin, webhook):
    t = nyata.mulai(redis_mesin)
    t.pekerja()
    webhook.jawaban = [503, 503, 200]
    dunia = Dunia()
    PenerimaWebhookFactory(url=webhook.url, rahasia=RAHASIA)
    (wh,) = _peristiwa(dunia, "tiga-kali", kementerian=True)
    _tunggu_status([wh.pk], StatusPesan.TERKIRIM, nyata)
    time.sleep(1)
    assert webhook.kunci_diterima() == [wh.kunci] * 3
    assert len({r.badan for r in webhook.diterima}) == 1  # the same snapshot every time
    wh.refresh_from_db()
    assert wh.percobaan == 3
    hasil = list(wh.percobaan_list.order_by("nomor").values_list("hasil", "kode_http"))
    assert hasil == [
        (HasilPercobaan.SEMENTARA, 503),
        (HasilPercobaan.SEMENTARA, 503),
        (HasilPercobaan.BERHASIL, 200),
    ]
    # exponential backoff between the attempts (0.3 s, then 0.6 s)
    jeda = [b.waktu - a.waktu for a, b in zip(webhook.diterima, webhook.diterima[1:])]
    assert jeda[0] >= 0.25 and jeda[1] >= 0.55, jeda


def test_400_tidak_diulang_dan_pengawas_diberi_tahu(nyata, redis_mesin, webhook):
    t = nyata.mulai(redis_mesin)
    t.pekerja()
    webhook.jawaban = [400]
    dunia = Dunia()
    PenerimaWebhookFactory(url=webhook.url, rahasia=RAHASIA)
    (wh,) = _peristiwa(dunia, "ditolak", kementerian=True)
    _tunggu_status([wh.pk], StatusPesan.GAGAL, nyata)
    time.sleep(2)  # a retry would have come by now (backoff 0.3 s)
    assert len(webhook.diterima) == 1
    wh.refresh_from_db()
    assert wh.percobaan == 1 and "HTTP 400" in wh.galat_terakhir
    # the supervisors above the desa were told in-app that it failed for good
    tahu = Pesan.objects.filter(peristiwa="notifikasi.gagal", saluran=Saluran.IN_APP)
    assert sorted(tahu.values_list("penerima_user_id", flat=True)) == sorted(
        [dunia.pd_a.user.pk, dunia.pengawas.user.pk]
    )


def test_redis_mati_saat_commit_diserahkan_dalam_15_detik_setelah_hidup(
    nyata, redis_sendiri, webhook, settings
):
    """Redis (the broker) stopped while ten events commit: the requests do not hang, the rows
    wait in the outbox, and once Redis is back every one is delivered — none twice — within 15 s,
    with the production defaults for the sweep (every 5 s) and its grace (5 s)."""
    t = nyata.mulai(redis_sendiri.url, pemulihan_bawaan=True)
    assert (settings.NOTIFIKASI_SAPU_DETIK, settings.NOTIFIKASI_ANTRE_TENGGANG_DETIK) == (5, 5)
    t.pekerja(concurrency=2)
    t.beat()
    dunia = Dunia()
    PenerimaWebhookFactory(url=webhook.url, rahasia=RAHASIA)
    sebelum = _peristiwa(dunia, "sebelum-mati", kementerian=True)
    _tunggu_status([p.pk for p in sebelum], StatusPesan.TERKIRIM, nyata)

    redis_sendiri.hentikan()
    mulai = time.monotonic()
    semasa = [p for i in range(10) for p in _peristiwa(dunia, f"saat-mati-{i}", kementerian=True)]
    assert time.monotonic() - mulai < 30  # the requests did not hang on the dead broker
    assert set(_status([p.pk for p in semasa]).values()) == {StatusPesan.ANTRE}

    redis_sendiri.mulai()
    hidup = time.monotonic()
    _tunggu_status([p.pk for p in semasa], StatusPesan.TERKIRIM, nyata, batas=30)
    terakhir = max(r.waktu for r in webhook.diterima) - hidup
    print(f"\nsemua terkirim {terakhir:.1f} s setelah Redis hidup lagi (sapu 5 s, tenggang 5 s)")
    assert terakhir <= 15, terakhir
    time.sleep(2)
    kunci = webhook.kunci_diterima()
    assert sorted(kunci) == sorted(p.kunci for p in [*sebelum, *semasa])  # every one, none twice


# The worker SIGKILLed mid-send: tests/keandalan/test_pekerja_dibunuh.py (production lease).
