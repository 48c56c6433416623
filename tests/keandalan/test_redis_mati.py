"""Rehearsal: Redis — the cache and the Celery broker at once — stopped while people use the site.

A redis-server of the test's own is the cache of this process (the Django test client serves the
requests, settings pointed at it) and the broker of a real Celery worker and beat. Users browse
(dashboard, lists, the bell), log in, submit daily-log entries, report disasters (the ministry is
told through the outbox: email and webhook) and file public complaints, before, during and after an
outage. Redis saves its data before it stops, so what it held comes back with it — stale bell counts
included, as after a restart with persistence or a network cut.

Asserted: no response ≥ 500 (every page 200, every write its redirect), every write saved exactly
once, the bell right on the first page after the outage, and every message delivered exactly once
within 15 s of Redis' return (the sweep re-hands what stayed queued)."""

from __future__ import annotations

import collections
import email
import re
import time

import pytest
import redis
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bencana.models import Kejadian
from pendampingan.models import BidangPendampingan, Kegiatan, LembagaDesa, Prinsip
from pendampingan.notifikasi.models import Pesan, Saluran, StatusPesan
from pengaduan.models import Pengaduan
from tests.bencana.factories import jenis
from tests.conftest import Dunia
from tests.inti.redis_mati import cache_di
from tests.notifikasi.factories import PenerimaEmailFactory, PenerimaWebhookFactory
from tests.notifikasi.layanan import tunggu
from tests.pengaduan.factories import URL_LAPOR, isian_publik

pytestmark = [
    pytest.mark.services,
    pytest.mark.timeout(240),  # the real processes; the database setup counts too
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PULIH_DETIK = 15  # every message delivered within this long after Redis is back


@pytest.fixture
def _celery_pulih():
    """Set up before ``nyata``, torn down after it: Celery's inline mode and broker as they were."""
    from config.celery_app import app

    awal = (app.conf.task_always_eager, app.conf.broker_url)
    yield
    app.conf.task_always_eager, app.conf.broker_url = awal


def _isian_kegiatan(dunia, judul: str) -> dict:
    """The daily-log form filled as a PLD sends it (assistance to the BPD), submitted for review."""
    return {
        "tanggal": timezone.localdate().isoformat(),
        "jam_mulai": "09:00",
        "jam_selesai": "11:30",
        "wilayah": dunia.desa_a.kode,
        "tata_cara": "asistensi",
        "judul": judul,
        "uraian": "Membahas rancangan Perdes.",
        "peserta_laki": "3",
        "peserta_perempuan": "2",
        "asistensi-jenis_sasaran": "lembaga",
        "asistensi-lembaga": str(LembagaDesa.objects.get(kode="bpd").pk),
        "asistensi-bidang": str(BidangPendampingan.objects.get(kode="perencanaan").pk),
        **{f"p-prinsip_{p.kode}": "dijunjung" for p in Prinsip.objects.all()},
        "ajukan": "1",
    }


def _lonceng(resp) -> int:
    m = re.search(r"data-lonceng-jumlah>(\d+)<", resp.content.decode())
    return int(m.group(1)) if m else 0


def _belum_dibaca(user) -> int:
    return Pesan.objects.untuk_pengguna(user).belum_dibaca().count()


class Lalu:
    """Every request made, with its answer, and what each write was meant to save."""

    def __init__(self, dunia):
        self.dunia = dunia
        self.jawaban: list[tuple[str, str, int]] = []
        self.kegiatan: list[str] = []
        self.kejadian: list[str] = []
        self.pengaduan: list[str] = []
        self.pld = dunia.klien(dunia.pld_a)
        self.pd = dunia.klien(dunia.pd_a)
        self.pengawas = dunia.klien(dunia.pengawas)

    def _catat(self, metode, url, resp, harap):
        self.jawaban.append((metode, url, resp.status_code))
        assert resp.status_code < 500, f"{metode} {url} → {resp.status_code}"
        assert resp.status_code == harap, f"{metode} {url} → {resp.status_code}, bukan {harap}"
        return resp

    def lihat(self, klien, url):
        return self._catat("GET", url, klien.get(url), 200)

    def kirim(self, klien, url, data, harap=302):
        return self._catat("POST", url, klien.post(url, data), harap)

    def putaran(self, i: str):
        """One round of what the users do."""
        d = self.dunia
        for url in (
            reverse("pendampingan:beranda"),
            reverse("pendampingan:kegiatan-list"),
            reverse("bencana:kejadian-list"),
            reverse("notifikasi:pesan-list"),
        ):
            self.lihat(self.pld, url)
        for url in (
            reverse("pendampingan:beranda"),
            reverse("pendampingan:kegiatan-antrean"),
            reverse("pengaduan:daftar"),
        ):
            self.lihat(self.pd, url)
        self.lihat(self.pengawas, reverse("dasbor:dasbor"))
        self.lihat(self.pengawas, reverse("dasbor:kegiatan-list"))

        # a log in of its own, and the page after it
        baru = Client()
        self.kirim(
            baru, reverse("login"), {"username": "pld_b", "password": "rahasia-uji-123"}, 302
        )
        self.lihat(baru, reverse("pendampingan:beranda"))

        judul = f"Asistensi BPD {i}"
        self.kirim(
            self.pld,
            reverse("pendampingan:kegiatan-buat"),
            _isian_kegiatan(d, judul),
        )
        self.kegiatan.append(judul)

        ringkasan = f"Banjir bandang {i}"
        self.kirim(
            self.pld,
            reverse("bencana:kejadian-lapor"),
            {
                "jenis": jenis("101").pk,
                "waktu": time.strftime("%Y-%m-%dT%H:%M"),
                "desa": d.desa_a.kode,
                "ringkasan": ringkasan,
                "lintang": "-7.712345",
                "bujur": "109.012345",
            },
        )
        self.kejadian.append(ringkasan)

        warga = Client()
        judul_aduan = f"BLT tidak sampai {i}"
        self.kirim(warga, URL_LAPOR, isian_publik(warga, d, judul=judul_aduan))
        self.pengaduan.append(judul_aduan)


def test_redis_mati_tanpa_500_tanpa_hilang(
    _celery_pulih, nyata, redis_sendiri, webhook, smtp, settings
):
    settings.PENGADUAN_WAKTU_ISI_MIN_DETIK = 0
    settings.PENGADUAN_BATAS_LAPOR_PER_JAM = 100
    settings.CACHES = {
        "default": cache_di(redis_sendiri.url.rsplit("/", 1)[0] + "/1", PEMUTUS_DETIK=1)
    }
    t = nyata.mulai(redis_sendiri.url)  # the same server is the broker (database 0)
    t.pekerja(concurrency=2)
    t.beat()
    dunia = Dunia()
    PenerimaWebhookFactory(url=webhook.url, rahasia="rahasia-bnpb", peristiwa="bencana.*")
    PenerimaEmailFactory(alamat_email="pusdalops@kemendesa.go.id", peristiwa="bencana.*")
    lalu = Lalu(dunia)

    def kirim_semua():
        return Pesan.objects.exclude(saluran=Saluran.IN_APP)

    def tunggu_terkirim(batas):
        try:
            tunggu(
                lambda: not kirim_semua().exclude(status=StatusPesan.TERKIRIM).exists(),
                batas=batas,
                pesan="semua pesan terkirim",
            )
        except AssertionError:
            sisa = kirim_semua().exclude(status=StatusPesan.TERKIRIM)
            raise AssertionError(
                f"{list(sisa.values_list('kunci', 'status', 'galat_terakhir'))}\n{nyata.log()}"
            )

    # ---- before: everything through Redis; the bells counted and cached
    lalu.putaran("sebelum")
    tunggu_terkirim(60)
    bel_pd = _lonceng(lalu.lihat(lalu.pd, reverse("pendampingan:beranda")))
    assert bel_pd == _belum_dibaca(dunia.pd_a.user) > 0
    redis.Redis.from_url(redis_sendiri.url).save()  # what it holds comes back after the outage

    # ---- during: Redis stopped
    redis_sendiri.hentikan()
    mulai = time.monotonic()
    n_sebelum = len(lalu.jawaban)
    for i in range(3):
        lalu.putaran(f"mati-{i}")
    selama = time.monotonic() - mulai
    n_selama = len(lalu.jawaban) - n_sebelum
    assert kirim_semua().filter(status=StatusPesan.ANTRE).exists()  # waiting in the outbox
    assert _belum_dibaca(dunia.pd_a.user) > bel_pd  # the cached bell in Redis is stale now

    # ---- after: Redis back with its old data; the bell is right on the first page
    redis_sendiri.mulai()
    kembali = time.monotonic()
    time.sleep(1.1)  # the cache's breaker period
    assert _lonceng(lalu.lihat(lalu.pd, reverse("pendampingan:beranda"))) == _belum_dibaca(
        dunia.pd_a.user
    )
    tunggu_terkirim(PULIH_DETIK - (time.monotonic() - kembali))
    pulih = time.monotonic() - kembali
    lalu.putaran("sesudah")
    tunggu_terkirim(30)
    time.sleep(1)  # room for a duplicate to arrive

    # no server error anywhere (each request was also checked as it was answered)
    assert not [j for j in lalu.jawaban if j[2] >= 500]
    # every write saved exactly once
    for model, medan, daftar in (
        (Kegiatan, "judul", lalu.kegiatan),
        (Kejadian, "ringkasan", lalu.kejadian),
        (Pengaduan, "judul", lalu.pengaduan),
    ):
        jumlah = collections.Counter(model.objects.values_list(medan, flat=True))
        assert {k: jumlah[k] for k in daftar} == dict.fromkeys(daftar, 1), model.__name__
        assert model.objects.count() == len(daftar), model.__name__
    # every message delivered exactly once: the webhook by its Idempotency-Key, email by its header
    semua = list(kirim_semua())
    wh = sorted(p.kunci for p in semua if p.saluran == Saluran.WEBHOOK)
    assert len(wh) == len(lalu.kejadian) and sorted(webhook.kunci_diterima()) == wh
    surat = collections.Counter(
        email.message_from_bytes(mentah)["X-Idempotency-Key"] for _p, mentah in smtp.surat
    )
    em = [p.kunci for p in semua if p.saluran == Saluran.EMAIL]
    assert em and surat == collections.Counter(em)
    print(
        f"\n{n_selama} permintaan selama Redis mati ({selama:.1f} s), 0 galat server; "
        f"{len(semua)} pesan terkirim, terakhir {pulih:.1f} s setelah Redis kembali."
    )
