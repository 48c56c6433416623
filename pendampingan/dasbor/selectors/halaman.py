"""The dashboard as a whole: every registered panel's data for a region and a period, shared by
the page, its CSV/XLSX export and the PDF built in the background."""

from __future__ import annotations

from pendampingan import registry
from pendampingan.models import Wilayah

from ..periode import Periode


def panel_dasbor(*, user, wilayah: Wilayah, periode: Periode) -> dict:
    """``{"panel": [...], "aset_css": [...], "aset_js": [...]}``: each registered panel that has
    something to show (``fungsi`` returned a dict), in ``urutan`` order, with the static assets
    the page must load once."""
    panel, aset_css, aset_js = [], [], []
    for p in sorted(registry.panel_dasbor.values(), key=lambda p: (p.urutan, p.kunci)):
        data = p.fungsi(wilayah, periode.as_tuple(), user)
        if data is None:
            continue
        aset_css += [a for a in data.get("aset_css", []) if a not in aset_css]
        aset_js += [a for a in data.get("aset_js", []) if a not in aset_js]
        panel.append({"kunci": p.kunci, "judul": p.judul, "template": p.template, "data": data})
    return {"panel": panel, "aset_css": aset_css, "aset_js": aset_js}


def lembar_ekspor(panel: list[dict]) -> list[tuple[str, list[str], list]]:
    """The panels' tables as (title, columns, rows) for the dashboard's XLSX (a sheet each) and
    CSV (a section each)."""
    lembar = []
    for p in panel:
        for judul, kolom, baris in p["data"].get("ekspor", []):
            lembar.append((str(judul), [str(k) for k in kolom], list(baris)))
    return lembar


def nama_berkas_dasbor(wilayah: Wilayah, periode: Periode) -> str:
    """``dasbor-<kode|nasional>-<dari>-<sampai>`` (without the extension)."""
    return f"dasbor-{wilayah.kode or 'nasional'}-{periode.dari:%Y%m%d}-{periode.sampai:%Y%m%d}"
