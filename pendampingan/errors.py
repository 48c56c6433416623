"""Error pages that cannot fail (400, 403, the CSRF refusal, 404, 500, and 503 "database
unavailable").

The rules, because an error page is shown exactly when something else is broken:

* **No database, no cache.** The pages are rendered from a plain context — no context processor
  runs (the site's navigation reads the user's scope from the database), ``request.user`` and the
  session are never touched, and the templates use no tag that queries. The stylesheet is a static
  file served by WhiteNoise like every other.
* **The handler itself cannot raise.** If rendering fails anyway (a broken template, a missing
  static manifest entry), a fixed plain-HTML page with the same status and the same marker is
  returned instead, so gunicorn's bare English "Internal Server Error" is never what a user sees.
* **A database outage is a 503, not a 500.** Django calls ``handler500`` while the exception is
  being handled, so the handler finds an ``OperationalError``/``InterfaceError`` (the connection
  refused, dropped by a PostgreSQL restart, ...) in ``sys.exc_info()`` wherever in the request it
  was raised — view, middleware or session — and answers 503 with ``Retry-After``.

Every page carries ``data-halaman-galat="<status>"`` (``PENANDA``) so tests and monitors can tell
the application's own error page from anything a proxy or gunicorn produced, and shows the request
id when the request-id middleware put one on the request (``request.id_permintaan``).
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import logging
import sys

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import get_template
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)

PENANDA = "data-halaman-galat"
# Seconds a client is told to wait before retrying while the database is unreachable.
COBA_LAGI_DETIK = 5

_TEMPLATE = {400: "400.html", 403: "403.html", 404: "404.html", 500: "500.html", 503: "503.html"}
# The last resort's titles: plain strings, so that not even the translation machinery is needed.
_JUDUL_CADANGAN = {
    400: "Permintaan tidak dapat diproses",
    403: "Akses ditolak",
    404: "Halaman tidak ditemukan",
    500: "Terjadi kesalahan",
    503: "Layanan sedang tidak tersedia",
}

# The last resort: no template engine, no translation catalogue, no static files.
_CADANGAN = (
    '<!doctype html><html lang="id" {penanda}="{status}" data-cadangan="1"><head>'
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>{judul} · Pendampingan Desa</title></head>"
    '<body style="font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:40rem;'
    'line-height:1.5;color:#1f2937">'
    "<main><h1>{judul}</h1>"
    "<p>Maaf, halaman ini belum dapat ditampilkan. Tunggu sebentar, lalu coba lagi.</p>"
    '<p><a href="/">Kembali ke beranda</a></p>{kode}</main></body></html>'
)


def id_permintaan(request) -> str:
    """The request id set by the request-id middleware, or "" (never raises)."""
    try:
        return str(getattr(request, "id_permintaan", "") or "")
    except Exception:  # a lazy attribute that fails to evaluate
        return ""


def _url_statis(path: str) -> str:
    """The stylesheet's URL, or "" when it cannot be resolved (the page then stays unstyled)."""
    from django.templatetags.static import static

    try:
        return static(path)
    except Exception:
        logger.warning("halaman galat: berkas statis %s tidak ditemukan", path)
        return ""


def _cadangan(request, status: int) -> HttpResponse:
    judul = _JUDUL_CADANGAN.get(status, _JUDUL_CADANGAN[500])
    kode = id_permintaan(request)
    isi = _CADANGAN.format(
        penanda=PENANDA,
        status=status,
        judul=html.escape(judul),
        kode=f"<p>Kode permintaan: <code>{html.escape(kode)}</code></p>" if kode else "",
    )
    return HttpResponse(isi, status=status, content_type="text/html; charset=utf-8")


# Under the API the same errors answer the API's one error shape (pendampingan/api/dasar.py):
# a client parsing JSON must never get this HTML (a control character in the path refused by
# MasukanMiddleware, a 500/503 before DRF's handler ran).
AWALAN_API = "/api/"
_KODE_API = {400: "tidak_sah", 403: "permission_denied", 404: "not_found", 503: "tidak_tersedia"}


def _galat_api(request, status: int, pesan) -> HttpResponse:
    isi = {
        "galat": {
            "kode": _KODE_API.get(status, "galat_server"),
            "pesan": str(pesan or _JUDUL_CADANGAN.get(status, _JUDUL_CADANGAN[500])),
            "rincian": {},
        }
    }
    return HttpResponse(json.dumps(isi), status=status, content_type="application/json")


def halaman_galat(request, status: int, *, template: str | None = None, **konteks) -> HttpResponse:
    """Render the error page for ``status`` without the database, the cache or the user; fall
    back to the fixed page if anything goes wrong. Never raises. Under ``/api/``: JSON."""
    try:
        if str(getattr(request, "path", "")).startswith(AWALAN_API):
            respons = _galat_api(request, status, konteks.get("pesan"))
            respons["Cache-Control"] = "no-store"
            if status == 503:
                respons["Retry-After"] = str(COBA_LAGI_DETIK)
            return respons
    except Exception:  # noqa: BLE001, S110 — the HTML page below is the last resort
        pass
    try:
        nama = template or _TEMPLATE.get(status, "500.html")
        isi = get_template(nama).render(
            {
                "status": status,
                "penanda": PENANDA,
                "id_permintaan": id_permintaan(request),
                "css": _url_statis("css/galat.css"),
                "path": _path_aman(request),
                "dari_formulir": getattr(request, "method", "") == "POST",
                **konteks,
            }
        )
        respons = HttpResponse(isi, status=status, content_type="text/html; charset=utf-8")
    except Exception:
        with contextlib.suppress(Exception):
            logger.exception("halaman galat %s gagal dirender; halaman cadangan dipakai", status)
        respons = _cadangan(request, status)
    # an error answer is about this moment: no proxy or browser may keep it
    respons["Cache-Control"] = "no-store"
    if status == 503:
        respons["Retry-After"] = str(COBA_LAGI_DETIK)
    return respons


def _path_aman(request) -> str:
    """The page to try again: this request's path (without its query string, which may be what
    failed) when it is a plain local path, the home page otherwise."""
    from django.utils.http import url_has_allowed_host_and_scheme

    with contextlib.suppress(Exception):
        path = request.path
        if path.startswith("/") and url_has_allowed_host_and_scheme(path, allowed_hosts=None):
            return path
    return "/"


def _tak_gagal(status: int):
    """The handler answers ``status`` with the last-resort page if its own body raises."""

    def bungkus(fungsi):
        @functools.wraps(fungsi)
        def handler(request, *args, **kwargs):
            try:
                return fungsi(request, *args, **kwargs)
            except Exception:
                with contextlib.suppress(Exception):
                    logger.exception("handler galat %s gagal", status)
                return _cadangan(request, status)

        return login_not_required(csrf_exempt(handler))

    return bungkus


def basis_data_putus(exc: BaseException | None) -> bool:
    """Is ``exc`` (or what caused it) the database being unreachable?"""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _pesan(exception, jenis) -> str:
    """The reason a service gave (``PermissionDenied("...")``/``BadRequest("...")``), if any."""
    if isinstance(exception, jenis) and getattr(exception, "args", None):
        return str(exception)
    return ""


@_tak_gagal(400)
def permintaan_buruk(request, exception=None):
    """400: malformed input (``BadRequest``, ``SuspiciousOperation``). Only a ``BadRequest``'s
    own message is shown; a ``SuspiciousOperation``'s text is for the log, not the user."""
    return halaman_galat(request, 400, pesan=_pesan(exception, BadRequest))


@_tak_gagal(403)
def terlarang(request, exception=None):
    """403: the record is visible but not the user's to change; the service's reason is shown."""
    return halaman_galat(request, 403, pesan=_pesan(exception, PermissionDenied))


@_tak_gagal(403)
def csrf_gagal(request, reason=""):
    """``CSRF_FAILURE_VIEW``: the form's token is missing or stale (a page left open too long,
    cookies blocked). The reason is Django's and English: logged, not shown."""
    logger.warning("CSRF ditolak: %s %s", reason, _path_aman(request))
    return halaman_galat(request, 403, template="403_csrf.html")


@_tak_gagal(404)
def tidak_ditemukan(request, exception=None):
    return halaman_galat(request, 404)


@_tak_gagal(500)
def galat_server(request):
    """500, or 503 when the exception being handled is the database being unreachable."""
    if basis_data_putus(sys.exc_info()[1]):
        return halaman_galat(request, 503)
    return halaman_galat(request, 500)


@_tak_gagal(503)
def basis_data_tidak_tersedia(request, exception=None):
    return halaman_galat(request, 503)
