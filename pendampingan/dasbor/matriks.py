"""The coverage matrix as the page, the dashboard panel, the XLSX and the API show it: the
selector's figures (``selectors.matriks_butir`` / ``selectors.daftar_periksa``) with the link of
every cell to its entries and the matrix's table for an export.

Every cell links to the dashboard's entry list filtered by the cell's region, its butir, the
matrix's period (whole months; a desa's checklist: its year) and ``status=terhitung`` (submitted
or verified — what the cell counts), so the list shows exactly the rows behind the number.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from . import selectors
from .forms import STATUS_TERHITUNG as STATUS_SEL
from .panel import url_daftar
from .selectors import Periode


def _url_sel(kode: str, butir_id: int, dari, sampai) -> str:
    return url_daftar(
        "dasbor:kegiatan-list",
        selectors.Wilayah(kode=kode),
        dari=dari,
        sampai=sampai,
        butir=butir_id,
        status=STATUS_SEL,
    )


def url_matriks(kode: str, periode: Periode) -> str:
    return url_daftar(
        "dasbor:matriks",
        selectors.Wilayah(kode=kode),
        dari=periode.dari,
        sampai=periode.sampai,
    )


def matriks(*, user, wilayah, periode: Periode) -> dict:
    """The matrix (or at desa level the checklist) with every link the page needs."""
    if selectors.adalah_desa(wilayah):
        data = selectors.daftar_periksa(user=user, desa=wilayah, periode=periode)
        for g in data["grup"]:
            for r in g["baris"]:
                r["url"] = _url_sel(wilayah.kode, r["butir"].pk, data["dari"], data["sampai"])
        data["desa"] = True
        return data
    data = selectors.matriks_butir(user=user, wilayah=wilayah, periode=periode)
    dari, sampai = data["dari"], data["sampai"]
    tahun = selectors.Periode(*selectors.tahun_penuh(data["tahun"]))
    for k in data["kolom"]:
        k["url_matriks"] = url_matriks(k["kode"], periode)
    for g in data["grup"]:
        for r in g["baris"]:
            pk = r["butir"].pk
            r["url"] = _url_sel(wilayah.kode, pk, dari, sampai)
            r["url_tahun"] = _url_sel(wilayah.kode, pk, tahun.dari, tahun.sampai)
            for s in r["sel"]:
                s["url"] = _url_sel(s["kode"], pk, dari, sampai)
    data["desa"] = False
    return data


def lembar(data: dict) -> list[tuple[str, list[str], list]]:
    """The matrix (or checklist) as (title, columns, rows) for an XLSX sheet / CSV section."""
    if data["desa"]:
        kolom = [_("Kode"), _("Butir"), _("Tata cara"), _("Kegiatan tahun ini"), _("Terakhir")]
        baris = [
            (r["butir"].kode, r["butir"].label, g["label"], r["n"], r["terakhir"])
            for g in data["grup"]
            for r in g["baris"]
        ]
        return [(_("Butir desa %(tahun)s") % {"tahun": data["tahun"]}, kolom, baris)]
    kolom = [
        _("Kode"),
        _("Butir"),
        _("Tata cara"),
        _("Jumlah"),
        _("Jumlah tahun ini"),
        *[k["nama"] for k in data["kolom"]],
    ]
    baris = [
        (
            r["butir"].kode,
            r["butir"].label,
            g["label"],
            r["jumlah"],
            r["jumlah_tahun"],
            *[s["n"] if s["n_tahun"] else _("belum") for s in r["sel"]],
        )
        for g in data["grup"]
        for r in g["baris"]
    ]
    return [(_("Matriks butir"), kolom, baris)]


def panel_butir(wilayah, periode, user) -> dict:
    """The dashboard panel: how many butir were served, how many never this year, and the way
    to the matrix; its export sheet is the whole matrix."""
    periode = periode if isinstance(periode, Periode) else Periode(*periode)
    data = matriks(user=user, wilayah=wilayah, periode=periode)
    return {
        **{k: data[k] for k in ("tahun", "jumlah_butir", "dilayani", "belum_tahun", "desa")},
        "sel_belum": data.get("sel_belum", 0),
        "jumlah_kolom": len(data.get("kolom", [])),
        "dari": data["dari"],
        "sampai": data["sampai"],
        "per_tata_cara": [
            {
                "label": g["label"],
                "jumlah": len(g["baris"]),
                "dilayani": sum(1 for r in g["baris"] if r.get("jumlah", r.get("n"))),
                "belum_tahun": sum(1 for r in g["baris"] if not r.get("jumlah_tahun", r.get("n"))),
            }
            for g in data["grup"]
        ],
        "url_matriks": url_matriks(wilayah.kode, periode),
        "ekspor": lembar(data),
    }
