"""Health endpoints for the load balancer and the container runtime.

* ``/sehat/`` (liveness): the process answers. Touches neither the database nor Redis — a node is
  not restarted because PostgreSQL is down.
* ``/siap/`` (readiness): the database answers, Redis answers (each configured URL), every
  migration is applied, and the outbox is being drained: the count of waiting messages
  (``antre``, ``gagal_sementara``) and the age of the oldest *due* one (``antre`` since it
  entered the queue, ``gagal_sementara`` since its retry time passed). Every check is run and
  reported; only the ones in ``SIAP_WAJIB`` (by default the database and the migrations) turn
  the answer into 503. A failed Redis or a stalled outbox answers 200 with ``"status":
  "terdegradasi"`` and the check named in ``gagal``: the pages still work without them (Redis
  degrades, the outbox waits), and a load balancer that took every node out because the worker
  stalled would turn late emails into a site that is down. Never a 500: a check that raises is a
  failed check.

Both are answered by ``KesehatanMiddleware`` (placed before ``SecurityMiddleware``) for GET and
HEAD, so no other layer can redirect them to HTTPS, refuse the probe's Host header (a load
balancer probes by IP), rate-limit them or touch a session. The URL patterns (``config/urls.py``)
name the same views for ``reverse`` and the scope walk.

Cheap by construction: fixed queries on indexed columns (``pesan_status_jatuh_tempo``: status,
retry time; ``pesan_antre_sapu``: queued rows by age), counts capped at ``BATAS_HITUNG`` rows, a
statement timeout and Redis socket timeouts of ``SIAP_BATAS_WAKTU_DETIK``; the migration check
reads the migration files only until it has passed once in this process.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection, transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)

# counts stop here (a larger backlog is "more than this"): the query stays bounded
BATAS_HITUNG = 10_000
_migrasi_lengkap = False
_klien_redis: dict[str, object] = {}


# ---------------------------------------------------------------- the checks


def _ms(mulai: float) -> float:
    return round((time.perf_counter() - mulai) * 1000, 1)


def _gagal(nama: str, e: Exception) -> dict:
    """A failed check: the error's type only (its text may name hosts or users; it goes to the
    log, not to the anonymous caller)."""
    log.warning("pemeriksaan %s gagal: %s: %s", nama, type(e).__name__, e)
    return {"ok": False, "galat": type(e).__name__}


def _periksa_migrasi() -> dict:
    global _migrasi_lengkap
    if _migrasi_lengkap:
        return {"ok": True, "belum": 0}
    from django.db.migrations.executor import MigrationExecutor

    eksekutor = MigrationExecutor(connection)
    rencana = eksekutor.migration_plan(eksekutor.loader.graph.leaf_nodes())
    belum = len(rencana)
    _migrasi_lengkap = belum == 0
    return {"ok": belum == 0, "belum": belum}


def _periksa_antrean() -> dict:
    from django.db.models import Min

    from pendampingan.notifikasi.models import Pesan, StatusPesan

    sekarang = timezone.now()
    q = Pesan.objects.order_by()
    jumlah = q.filter(status__in=[StatusPesan.ANTRE, StatusPesan.GAGAL_SEMENTARA])[
        : BATAS_HITUNG + 1
    ].count()
    # waiting since it entered the queue (the sweep's measure too); bounded like the count
    antre = q.filter(status=StatusPesan.ANTRE)[:BATAS_HITUNG].aggregate(t=Min("diubah"))["t"]
    jatuh_tempo = (
        q.filter(status=StatusPesan.GAGAL_SEMENTARA, coba_lagi_pada__lte=sekarang)
        .order_by("coba_lagi_pada")
        .values_list("coba_lagi_pada", flat=True)
        .first()
    )
    tertua = min((t for t in (antre, jatuh_tempo) if t is not None), default=None)
    umur = max(0.0, (sekarang - tertua).total_seconds()) if tertua else 0.0
    batas_umur = settings.SIAP_ANTREAN_UMUR_MAKS_DETIK
    batas_jumlah = settings.SIAP_ANTREAN_MAKS
    ok = not (batas_umur and umur > batas_umur) and not (batas_jumlah and jumlah > batas_jumlah)
    return {
        "ok": ok,
        "jumlah": jumlah,
        "jumlah_lebih": jumlah > BATAS_HITUNG,
        "umur_tertua_detik": round(umur, 1),
        "batas_umur_detik": batas_umur,
        "batas_jumlah": batas_jumlah,
    }


def _periksa_basis_data(hasil: dict) -> None:
    """The database, the migrations and the outbox, in one short transaction with a statement
    timeout (PostgreSQL: ``SET LOCAL``, gone with the transaction)."""
    mulai = time.perf_counter()
    try:
        with transaction.atomic():
            with connection.cursor() as c:
                if connection.vendor == "postgresql":
                    ms = int(settings.SIAP_BATAS_WAKTU_DETIK * 1000)
                    c.execute(f"SET LOCAL statement_timeout = {ms}")
                c.execute("SELECT 1")
                c.fetchone()
            hasil["basis_data"] = {"ok": True, "ms": _ms(mulai)}
            for nama, fungsi in (("migrasi", _periksa_migrasi), ("antrean", _periksa_antrean)):
                try:
                    with transaction.atomic():  # a savepoint: one failure leaves the next usable
                        hasil[nama] = fungsi()
                except Exception as e:  # noqa: BLE001 — a failed check, never a 500
                    hasil[nama] = _gagal(nama, e)
    except Exception as e:  # noqa: BLE001
        hasil["basis_data"] = _gagal("basis_data", e)
        hasil.setdefault("migrasi", {"ok": False, "dilewati": "basis data tidak terjangkau"})
        hasil.setdefault("antrean", {"ok": False, "dilewati": "basis data tidak terjangkau"})


def _url_redis() -> dict[str, str]:
    """The Redis URLs this deployment uses: the cache/broker ``REDIS_URL`` and a broker of its
    own if it is another Redis."""
    urls = {}
    if settings.REDIS_URL:
        urls["redis"] = settings.REDIS_URL
    broker = settings.CELERY_BROKER_URL or ""
    if broker.startswith(("redis://", "rediss://")) and broker != settings.REDIS_URL:
        urls["broker"] = broker
    return urls


def _periksa_redis(url: str) -> dict:
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    mulai = time.perf_counter()
    klien = _klien_redis.get(url)
    if klien is None:
        batas = settings.SIAP_BATAS_WAKTU_DETIK
        klien = redis.Redis.from_url(
            url,
            socket_connect_timeout=batas,
            socket_timeout=batas,
            retry=Retry(NoBackoff(), 0),
            health_check_interval=0,
        )
        _klien_redis[url] = klien
    try:
        klien.ping()
    except Exception as e:  # noqa: BLE001
        return _gagal("redis", e)
    return {"ok": True, "ms": _ms(mulai)}


def periksa_kesiapan() -> dict:
    """Every readiness check: ``{nama: {"ok": bool, ...}}``."""
    hasil: dict[str, dict] = {}
    _periksa_basis_data(hasil)
    urls = _url_redis()
    if not urls:
        hasil["redis"] = {"ok": True, "dilewati": "tidak dikonfigurasi"}
    for nama, url in urls.items():
        hasil[nama] = _periksa_redis(url)
    return hasil


# ---------------------------------------------------------------- the views


def _jawab(badan: dict, status: int) -> JsonResponse:
    resp = JsonResponse(badan, status=status, json_dumps_params={"ensure_ascii": False})
    resp["Cache-Control"] = "no-store"
    # the request's own log line (pendampingan.inti.log) says it; no second one from Django
    resp._has_been_logged = True
    return resp


@login_not_required
@never_cache
@require_safe
@transaction.non_atomic_requests
def sehat(request):
    """Liveness: the process answers (no database, no Redis)."""
    return _jawab({"status": "ok"}, 200)


@login_not_required
@never_cache
@require_safe
@transaction.non_atomic_requests
def siap(request):
    """Readiness: 503 when a check of ``SIAP_WAJIB`` failed; 200 otherwise, "terdegradasi" when
    another check failed. ``gagal`` names every failed check, ``wajib`` the ones that count."""
    mulai = time.perf_counter()
    try:
        pemeriksaan = periksa_kesiapan()
    except Exception as e:  # noqa: BLE001 — never a 500
        pemeriksaan = {"internal": _gagal("internal", e)}
    gagal = sorted(n for n, h in pemeriksaan.items() if not h.get("ok"))
    wajib = {*settings.SIAP_WAJIB, "internal"}
    tidak_siap = [n for n in gagal if n in wajib]
    badan = {
        "status": "gagal" if tidak_siap else ("terdegradasi" if gagal else "ok"),
        "gagal": gagal,
        "wajib": sorted(wajib),
        "pemeriksaan": pemeriksaan,
        "ms": _ms(mulai),
    }
    return _jawab(badan, 503 if tidak_siap else 200)


JALUR = {"/sehat/": sehat, "/siap/": siap}


class KesehatanMiddleware:
    """Answers the health paths before any other layer (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = JALUR.get(request.path_info)
        if view is not None:
            return view(request)
        return self.get_response(request)
