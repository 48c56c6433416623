"""``/csp-laporan/`` — where browsers send Content-Security-Policy violations (``report-uri``).

Public (a violation can happen on the login page and the public complaint form), CSRF-exempt (a
browser sends the report without a token), POST only. The body is read only when it is at most
``CSP_LAPORAN_MAKS_BITA``; at most ``CSP_LAPORAN_PER_MENIT`` reports a minute are logged for the
whole site (a counter in the cache: a flood costs one cache increment per request and no log
line). Every answer is 204 (413 for an oversized body, 405 for another method): the browser does
not look at it. The policy itself is in ``config/settings/base.py`` (report-only there, enforced in
production)."""

from __future__ import annotations

import json
import logging
import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)

# the fields of a report worth a log line (report-uri's "csp-report" and report-to's "body")
_BIDANG = (
    "document-uri",
    "documentURL",
    "violated-directive",
    "effective-directive",
    "effectiveDirective",
    "blocked-uri",
    "blockedURL",
    "source-file",
    "sourceFile",
    "line-number",
    "lineNumber",
    "disposition",
    "script-sample",
    "sample",
)


def _dalam_jatah() -> bool:
    """Count this report in the current minute; False once the minute's share is used up."""
    kunci = f"csp:laporan:{int(time.time() // 60)}"
    if cache.add(kunci, 1, timeout=90):
        return True
    try:
        return cache.incr(kunci) <= settings.CSP_LAPORAN_PER_MENIT
    except ValueError:  # the key was not stored (cache unreachable): log, the size cap still holds
        return True


def _ringkas(isi: bytes) -> dict:
    """The interesting fields of one report (either format), each cut to 300 characters."""
    try:
        data = json.loads(isi.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {"tidak_terbaca": True}
    if isinstance(data, list):  # the Reporting API sends a list of reports
        data = data[0] if data and isinstance(data[0], dict) else {}
    if not isinstance(data, dict):
        return {"tidak_terbaca": True}
    laporan = data.get("csp-report") or data.get("body") or {}
    if not isinstance(laporan, dict):
        return {"tidak_terbaca": True}
    return {k: str(laporan[k])[:300] for k in _BIDANG if k in laporan}


@login_not_required
@csrf_exempt
@require_POST
def laporan_csp(request):
    """Log one violation report (bounded in size and in rate); always answer without content."""
    try:
        panjang = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        panjang = 0
    if panjang > settings.CSP_LAPORAN_MAKS_BITA:
        return HttpResponse(status=413)
    isi = request.read(settings.CSP_LAPORAN_MAKS_BITA + 1)
    if len(isi) > settings.CSP_LAPORAN_MAKS_BITA:
        return HttpResponse(status=413)
    if _dalam_jatah():
        log.warning("pelanggaran CSP %s", json.dumps(_ringkas(isi), ensure_ascii=False))
    return HttpResponse(status=204)
