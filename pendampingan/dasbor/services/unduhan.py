"""The dashboard's files built in the background, on the core's one pipeline (``inti.unduhan``).

Two builders (registered in ``hooks``):

* ``dasbor.ekspor`` — a registered list export (``pendampingan.ekspor``) too large to answer at
  once. ``parameter = {"ekspor": kunci, "format": "csv"|"xlsx", "filter": {...}}`` (the list's
  query string, ``wilayah`` included).
* ``dasbor.matriks`` — the coverage matrix of a region and a period as XLSX (at desa level the
  desa's checklist of the year). ``parameter = {"wilayah": kode, "dari": iso, "sampai": iso}``.
* ``dasbor.pdf`` — the printable dashboard of a region and a period, laid out by
  ``inti.dokumen.pdf_dari_template``. ``parameter = {"wilayah": kode, "dari": iso, "sampai": iso}``.

A view asks with ``ekspor_minta`` / ``pdf_minta`` / ``matriks_minta``: they check the scope with ``pastikan`` and write
the row (its task runs after commit); nothing is built in the request. A request carries the
form's one-time key: a double click returns the first download (``dibuat`` False). The builders
run as the download's owner with their scope at run time — an assignment that ended in between
makes the file fail, never leak.
"""

from __future__ import annotations

import datetime
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.ekspor import TIPE, ekspor_terdaftar, tulis_csv, tulis_xlsx, tulis_xlsx_lembar
from pendampingan.inti.dokumen import pdf_dari_template
from pendampingan.inti.unduhan import HasilBerkas, unduhan_minta_sekali
from pendampingan.models import Unduhan, Wilayah

from .. import akses, matriks, selectors
from ..periode import Periode

JENIS_EKSPOR = "dasbor.ekspor"
JENIS_PDF = "dasbor.pdf"
JENIS_MATRIKS = "dasbor.matriks"
FORMAT_UNDUHAN = ("csv", "xlsx")
# Query-string keys that are not filters of the list.
BUKAN_FILTER = {"halaman", "format", "kunci_sekali", "csrfmiddlewaretoken"}


@transaction.atomic
def ekspor_minta(
    *,
    user,
    kunci: str,
    format: str,
    filter: dict,
    wilayah: Wilayah | None = None,
    kunci_sekali=None,
) -> tuple[Unduhan, bool]:
    """Queue list export ``kunci`` as ``format`` with the list's ``filter`` for ``user``.
    ``wilayah``: the region ``filter`` names, when the caller has read it already."""
    e = ekspor_terdaftar.get(kunci)
    if e is None:
        raise ValidationError(_("Jenis ekspor tidak dikenal."))
    if format not in FORMAT_UNDUHAN:
        raise ValidationError(_("Format ekspor harus CSV atau XLSX."))
    filter = {k: str(v) for k, v in filter.items() if k not in BUKAN_FILTER}
    w = wilayah or selectors.wilayah_dari_filter(user=user, filter=filter)
    akses.pastikan_minta_unduhan(user, w.kode if w is not None else None)
    judul = _("%(ekspor)s %(wilayah)s (%(waktu)s)") % {
        "ekspor": e.judul,
        "wilayah": w.nama,
        "waktu": f"{timezone.localtime():%d-%m-%Y %H.%M}",
    }
    return unduhan_minta_sekali(
        user=user,
        jenis=JENIS_EKSPOR,
        judul=judul,
        parameter={"ekspor": kunci, "format": format, "filter": filter},
        kunci_sekali=kunci_sekali,
    )


@transaction.atomic
def pdf_minta(*, user, wilayah: Wilayah, periode: Periode, kunci_sekali=None):
    """Queue the PDF of the dashboard of ``wilayah`` over ``periode`` for ``user``."""
    akses.pastikan_minta_unduhan(user, wilayah.kode)
    judul = _("Dasbor %(wilayah)s %(dari)s–%(sampai)s (PDF)") % {
        "wilayah": wilayah.nama,
        "dari": f"{periode.dari:%d-%m-%Y}",
        "sampai": f"{periode.sampai:%d-%m-%Y}",
    }
    return unduhan_minta_sekali(
        user=user,
        jenis=JENIS_PDF,
        judul=judul,
        parameter={
            "wilayah": wilayah.kode,
            "dari": periode.dari.isoformat(),
            "sampai": periode.sampai.isoformat(),
        },
        kunci_sekali=kunci_sekali,
    )


@transaction.atomic
def matriks_minta(*, user, wilayah: Wilayah, periode: Periode, kunci_sekali=None):
    """Queue the coverage matrix of ``wilayah`` over ``periode`` as XLSX for ``user``."""
    akses.pastikan_minta_unduhan(user, wilayah.kode)
    judul = _("Matriks butir %(wilayah)s %(dari)s–%(sampai)s (XLSX)") % {
        "wilayah": wilayah.nama,
        "dari": f"{periode.dari:%d-%m-%Y}",
        "sampai": f"{periode.sampai:%d-%m-%Y}",
    }
    return unduhan_minta_sekali(
        user=user,
        jenis=JENIS_MATRIKS,
        judul=judul,
        parameter={
            "wilayah": wilayah.kode,
            "dari": periode.dari.isoformat(),
            "sampai": periode.sampai.isoformat(),
        },
        kunci_sekali=kunci_sekali,
    )


# --------------------------------------------------------------------------------- builders
def _wilayah_periode(unduhan: Unduhan) -> tuple[Wilayah, Periode]:
    """The region and period a download names, checked against its owner's scope now."""
    p = unduhan.parameter
    akses.pastikan_lihat_wilayah(unduhan.pengguna, p.get("wilayah", ""))
    wilayah = selectors.wilayah_dasbor(user=unduhan.pengguna, kode=p.get("wilayah", ""))
    if wilayah is None:
        raise ValueError(f"wilayah {p.get('wilayah')!r} tidak ada")
    periode = Periode(
        datetime.date.fromisoformat(p["dari"]), datetime.date.fromisoformat(p["sampai"])
    )
    return wilayah, periode


def buat_matriks(unduhan: Unduhan) -> HasilBerkas:
    """The ``dasbor.matriks`` builder: the matrix as its owner sees it now, one XLSX sheet."""
    wilayah, periode = _wilayah_periode(unduhan)
    data = matriks.matriks(user=unduhan.pengguna, wilayah=wilayah, periode=periode)
    buf = io.BytesIO()
    n = tulis_xlsx_lembar(buf, matriks.lembar(data))
    return HasilBerkas(
        nama=f"matriks-butir-{wilayah.kode or 'nasional'}-{periode.dari:%Y%m%d}-"
        f"{periode.sampai:%Y%m%d}.xlsx",
        isi=buf.getvalue(),
        mime=TIPE["xlsx"],
        jumlah=n,
        pesan=_("%(n)s butir.") % {"n": n},
    )


def buat_ekspor(unduhan: Unduhan) -> HasilBerkas:
    """The ``dasbor.ekspor`` builder: the list's rows as its owner sees them now."""
    p = unduhan.parameter
    user = unduhan.pengguna
    e = ekspor_terdaftar.get(p.get("ekspor", ""))
    format = p.get("format")
    if e is None or format not in FORMAT_UNDUHAN:
        raise ValueError(f"ekspor tidak dikenal: {p.get('ekspor')!r}.{format}")
    filter = dict(p.get("filter") or {})
    w = selectors.wilayah_dari_filter(user=user, filter=filter)
    akses.pastikan_minta_unduhan(user, w.kode if w is not None else None)
    kolom, baris = e.fungsi(user, filter)
    buf = io.BytesIO()
    if format == "csv":
        n = tulis_csv(buf, kolom, baris)
    else:
        n = tulis_xlsx(buf, kolom, baris, str(e.judul))
    return HasilBerkas(
        nama=f"{e.kunci}-{w.kode or 'nasional'}-{timezone.localdate():%Y%m%d}.{format}",
        isi=buf.getvalue(),
        mime=TIPE[format],
        jumlah=n,
        pesan=_("%(n)s baris.") % {"n": f"{n:,}".replace(",", ".")},
    )


def buat_pdf(unduhan: Unduhan) -> HasilBerkas:
    """The ``dasbor.pdf`` builder: every panel of the dashboard as its owner sees it now."""
    user = unduhan.pengguna
    wilayah, periode = _wilayah_periode(unduhan)
    data = selectors.panel_dasbor(user=user, wilayah=wilayah, periode=periode)
    isi = pdf_dari_template(
        "dasbor/dasbor_pdf.html",
        {
            "wilayah": wilayah,
            "periode": periode,
            "panel": data["panel"],
            "user": user,
            "untuk_pdf": True,
            "dicetak": timezone.now(),
        },
    )
    return HasilBerkas(
        nama=f"{selectors.nama_berkas_dasbor(wilayah, periode)}.pdf",
        isi=isi,
        mime="application/pdf",
    )
