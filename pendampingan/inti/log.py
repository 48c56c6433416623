"""Logs: one line per request and per Celery task, every line carrying the request id.

* ``IdPermintaanMiddleware`` (first in ``MIDDLEWARE``) takes the load balancer's ``X-Request-ID``
  when it is sane (8–128 characters of ``A-Z a-z 0-9 . _ : = + -``), else makes one; sets
  ``request.id_permintaan``, returns it in the response's ``X-Request-ID`` and keeps it in a
  context variable for the request's duration. When the response is ready it writes one line to
  the ``pendampingan.permintaan`` logger: method, path, status, duration, user id, the client's
  address (``inti.alamat``: the trusted proxies' answer, never a forged X-Forwarded-For), request id.
* The path is logged without its query string (values there are search words, names, tracking
  codes: personal); only the parameter *names* are kept (``kueri``). URL parts that are secrets
  (the password-reset ``uidb64``/``token``) are replaced by their names.
* Celery: ``before_task_publish`` puts the current request id in the message headers; the worker
  restores it for the task's duration (``task_prerun``) and writes one line per task to the
  ``pendampingan.tugas`` logger (name, id, state, duration, request id) at ``task_postrun``.
* ``FilterIdPermintaan`` adds ``id_permintaan`` to every log record (the formatters of
  ``config/settings/base.py`` ``LOGGING`` print it): JSON lines (``FormatJson``,
  python-json-logger) or readable text, by ``LOG_FORMAT``.

Nothing here reads settings at import: ``config/settings`` refers to the formatter and the
filter by dotted path, and ``config/celery_app.py`` calls ``hubungkan_celery``.
"""

from __future__ import annotations

import contextvars
import logging
import re
import threading
import time
import uuid

from pythonjsonlogger.json import JsonFormatter

from .alamat import alamat_klien

id_permintaan_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "id_permintaan", default=None
)

HEADER = "X-Request-ID"
HEADER_TUGAS = "id_permintaan"
_ID_SEHAT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:=+\-]{7,127}$")
# URL parameters whose values are secrets (never written to a log)
PARAMETER_RAHASIA = frozenset({"uidb64", "token"})
# the load balancer's health probes come every few seconds: a 200 there is a DEBUG line
JALUR_PROBE = frozenset({"/sehat/", "/siap/"})
JALUR_MAKS = 300

log_permintaan = logging.getLogger("pendampingan.permintaan")
log_tugas = logging.getLogger("pendampingan.tugas")


def id_permintaan() -> str | None:
    """The id of the request (or of the request that enqueued the running task), if any."""
    return id_permintaan_var.get()


def id_dari_header(nilai: str | None) -> str:
    """The load balancer's id when it is sane, else a new one (32 hex digits)."""
    if nilai and _ID_SEHAT.match(nilai):
        return nilai
    return uuid.uuid4().hex


# ---------------------------------------------------------------- formatting


class FilterIdPermintaan(logging.Filter):
    """Adds ``record.id_permintaan`` (``-`` outside a request or task) to every record."""

    def filter(self, record):
        if not getattr(record, "id_permintaan", None):
            record.id_permintaan = id_permintaan_var.get() or "-"
        return True


class FormatJson(JsonFormatter):
    """One JSON object a line: time, level, logger, message, request id, the record's extras."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("timestamp", "waktu")
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        super().__init__("%(levelname)s %(name)s %(message)s %(id_permintaan)s", *args, **kwargs)

    def process_log_record(self, log_data):
        # django.request passes the request itself: its repr holds the query string (personal)
        req = log_data.pop("request", None)
        if req is not None:
            log_data["jalur"] = getattr(req, "path", "")[:JALUR_MAKS]
        return super().process_log_record(log_data)


class FormatTeks(logging.Formatter):
    """A readable line for development: time, level, logger, [request id], message."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            "%(asctime)s %(levelname)s %(name)s [%(id_permintaan)s] %(message)s", *args, **kwargs
        )


# ---------------------------------------------------------------- requests


def _jalur(request) -> str:
    """The path to log: secret URL parts replaced by their names; cut at ``JALUR_MAKS``."""
    jalur = request.path
    cocok = getattr(request, "resolver_match", None)
    if cocok is not None:
        for nama, nilai in cocok.kwargs.items():
            if nama in PARAMETER_RAHASIA and str(nilai):
                jalur = jalur.replace(f"/{nilai}", f"/<{nama}>")
    return jalur[:JALUR_MAKS]


def _id_pengguna(request):
    """The user's id if the request has already loaded the user (never a query of its own)."""
    from django.utils.functional import empty

    user = getattr(request, "user", None)
    if user is None:
        return None
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is empty:
        return None
    return wrapped.pk if getattr(wrapped, "is_authenticated", False) else None


class IdPermintaanMiddleware:
    """The request id, and the one log line per request (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = id_dari_header(request.META.get("HTTP_X_REQUEST_ID"))
        request.id_permintaan = rid
        token = id_permintaan_var.set(rid)
        mulai = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response[HEADER] = rid
            return response
        finally:
            self._catat(request, status, (time.perf_counter() - mulai) * 1000)
            id_permintaan_var.reset(token)

    @staticmethod
    def _catat(request, status: int, durasi_ms: float) -> None:
        jalur = _jalur(request)
        if request.path in JALUR_PROBE:  # a 503 there is a state (Redis down), not a bug
            level = logging.DEBUG if status < 400 else logging.WARNING
        elif status >= 500:
            level = logging.ERROR
        else:
            level = logging.INFO
        if not log_permintaan.isEnabledFor(level):
            return
        log_permintaan.log(
            level,
            "%s %s %s %.1fms",
            request.method,
            jalur,
            status,
            durasi_ms,
            extra={
                "metode": request.method,
                "jalur": jalur,
                "kueri": sorted(request.GET.keys())[:20],
                "status": status,
                "durasi_ms": round(durasi_ms, 1),
                "user_id": _id_pengguna(request),
                "alamat": alamat_klien(request),
            },
        )


# ---------------------------------------------------------------- Celery tasks

_berjalan: dict[str, tuple[float, contextvars.Token]] = {}
_kunci = threading.Lock()


def _saat_terbit(headers=None, **kwargs):
    rid = id_permintaan_var.get()
    if rid and headers is not None and HEADER_TUGAS not in headers:
        headers[HEADER_TUGAS] = rid


def _dari_pesan(task) -> str | None:
    req = task.request
    nilai = getattr(req, HEADER_TUGAS, None) or (getattr(req, "headers", None) or {}).get(
        HEADER_TUGAS
    )
    return nilai if isinstance(nilai, str) and _ID_SEHAT.match(nilai) else None


def _saat_mulai(task_id=None, task=None, **kwargs):
    # inline (eager) tasks run inside the request: its id stays
    rid = (_dari_pesan(task) if task is not None else None) or id_permintaan_var.get()
    token = id_permintaan_var.set(rid)
    with _kunci:
        _berjalan[task_id] = (time.perf_counter(), token)


def _saat_selesai(task_id=None, task=None, state=None, **kwargs):
    with _kunci:
        mulai, token = _berjalan.pop(task_id, (None, None))
    durasi_ms = round((time.perf_counter() - mulai) * 1000, 1) if mulai is not None else None
    nama = getattr(task, "name", "?")
    level = logging.ERROR if state == "FAILURE" else logging.INFO
    log_tugas.log(
        level,
        "tugas %s %s %sms",
        nama,
        state,
        durasi_ms,
        extra={"tugas": nama, "id_tugas": task_id, "state": state, "durasi_ms": durasi_ms},
    )
    if token is not None:
        try:
            id_permintaan_var.reset(token)
        except ValueError:  # set in another context (cannot happen in one thread; be safe)
            id_permintaan_var.set(None)


def hubungkan_celery() -> None:
    """Connect the publish/run signals (``config/celery_app.py`` calls this once)."""
    from celery.signals import before_task_publish, task_postrun, task_prerun

    before_task_publish.connect(_saat_terbit, weak=False, dispatch_uid="log-terbit")
    task_prerun.connect(_saat_mulai, weak=False, dispatch_uid="log-mulai")
    task_postrun.connect(_saat_selesai, weak=False, dispatch_uid="log-selesai")


# ---------------------------------------------------------------- settings


def konfigurasi(format: str, level: str = "INFO") -> dict:
    """The ``LOGGING`` dict for ``format`` ``json`` or ``teks`` (``config/settings``)."""
    if format not in ("json", "teks"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"LOG_FORMAT harus 'json' atau 'teks', bukan {format!r}.")
    kelas = "FormatJson" if format == "json" else "FormatTeks"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"id_permintaan": {"()": "pendampingan.inti.log.FilterIdPermintaan"}},
        "formatters": {"utama": {"()": f"pendampingan.inti.log.{kelas}"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "utama",
                "filters": ["id_permintaan"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # one line per request is ours; Django's own adds a second for 4xx (5xx keep theirs:
            # the traceback)
            "django.request": {"level": "ERROR"},
            "django.server": {"level": "WARNING"},
            # one line per task is ours ("Task … succeeded"); failures keep Celery's traceback
            "celery.app.trace": {"level": "WARNING"},
        },
    }
