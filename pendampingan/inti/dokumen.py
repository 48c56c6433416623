"""The one PDF helper: WeasyPrint with a fenced URL fetcher.

Whatever text ends up in a page (a title typed by a user, a name from the region list), the
renderer may read only data URIs and files under the storage roots — no network, no other local
file. Every PDF of the site (monthly report, dashboard, incident chronology) is made here, by a
background task of the download pipeline (``inti.unduhan``), never inside a request.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.template.loader import render_to_string


def _akar_berkas() -> list[Path]:
    akar = [Path(settings.MEDIA_ROOT).resolve(), Path(settings.BASE_DIR, "static").resolve()]
    privat = getattr(settings, "BERKAS_PRIVAT_ROOT", None)
    if privat:
        akar.append(Path(privat).resolve())
    return akar


def _pengambil_url():
    from weasyprint.urls import URLFetcher

    class PengambilTerpagar(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                jalur = Path(unquote(urlparse(url).path)).resolve()
                if not any(jalur.is_relative_to(a) for a in _akar_berkas()):
                    raise ValueError(f"Berkas di luar penyimpanan tidak diizinkan: {url[:80]}")
            return super().fetch(url, headers)

    return PengambilTerpagar(allowed_protocols={"file", "data"})


def pengambil_url(url: str):
    """Fetch ``url`` as the PDF renderer would (raises ``ValueError`` when it is not allowed)."""
    return _pengambil_url().fetch(url)


def pdf_dari_html(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(
        string=html, base_url=str(settings.MEDIA_ROOT), url_fetcher=_pengambil_url()
    ).write_pdf()


def pdf_dari_template(template: str, konteks: dict) -> bytes:
    """Render ``template`` with ``konteks`` and lay it out as PDF."""
    return pdf_dari_html(render_to_string(template, konteks))
