"""The dashboard page, its drill-down lists and exports.

Every view reads the region through ``_wilayah`` (``selectors.wilayah_dari_filter``): a region
outside the user's scope (``akses.boleh_lihat_wilayah``) is a 404 on every URL, before anything
else is read or queued. Rows come from selectors that start from ``visible_to(user)``. Small
exports are answered at once; a large export and the PDF are queued on the core's download
pipeline (``services.ekspor_minta`` / ``pdf_minta``) and the user is sent to the download's page.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from pendampingan import ekspor as ekspor_mod
from pendampingan.inti.sekali import pesan_sudah_tersimpan
from pendampingan.models import Butir, Pendamping, StatusKegiatan
from pendampingan.scope import cakupan_pengguna

from . import matriks, selectors, services
from .forms import (
    FilterDesaForm,
    FilterKegiatanForm,
    FilterPendampingForm,
    FilterTindakLanjutForm,
    PeriodeForm,
    PermintaanBerkasForm,
    filter_bersih,
)
from .panel import url_daftar, url_dasbor
from .periode import periode_filter, periode_pilihan
from .selectors import Periode


class PaginatorJumlah(Paginator):
    """A paginator told the number of rows (from a summary) instead of counting them."""

    def __init__(self, *args, jumlah=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._jumlah = jumlah

    @cached_property
    def count(self):
        return self._jumlah if self._jumlah is not None else super().count


def _halaman(request, qs, ukuran=None, jumlah=None):
    return PaginatorJumlah(qs, ukuran or settings.HALAMAN_UKURAN, jumlah=jumlah).get_page(
        request.GET.get("halaman")
    )


def _wilayah(request):
    """The region in the query string (default: the user's widest), or 404 when it is outside
    the user's scope (or the user has none)."""
    w = selectors.wilayah_dari_filter(user=request.user, filter=request.GET)
    if w is None:
        raise Http404
    return w


def _periode(form) -> Periode:
    if not form.is_valid():
        return selectors.periode_default()
    return periode_pilihan(form.cleaned_data.get("dari"), form.cleaned_data.get("sampai"))


def _wilayah_periode(request):
    wilayah = _wilayah(request)
    form = PeriodeForm(request.GET or None)
    return wilayah, form, _periode(form)


def _konteks_dasbor(request):
    wilayah, form, periode = _wilayah_periode(request)
    kini = selectors.periode_default()
    lalu_akhir = kini.dari - timezone.timedelta(days=1)
    q = request.GET.urlencode()
    return {
        "wilayah": wilayah,
        "periode": periode,
        "form": form,
        "jejak": selectors.wilayah_jejak(user=request.user, wilayah=wilayah),
        "akar": selectors.wilayah_dasbor_default(user=request.user),
        "anak": list(selectors.wilayah_pilihan_anak(wilayah=wilayah)),
        **selectors.panel_dasbor(user=request.user, wilayah=wilayah, periode=periode),
        "pilihan_periode": [
            (_("Bulan ini"), kini.dari, kini.sampai),
            (_("Bulan lalu"), lalu_akhir.replace(day=1), lalu_akhir),
            (_("Tahun ini"), kini.dari.replace(month=1), kini.dari.replace(month=12, day=31)),
        ],
        "url_ekspor": {
            f: reverse("dasbor:dasbor-ekspor", args=[f]) + "?" + q for f in ("csv", "xlsx", "pdf")
        },
        "form_pdf": PermintaanBerkasForm(),
        "url_nasional": url_dasbor("", periode) if cakupan_pengguna(request.user).nasional else "",
    }


@require_GET
def dasbor(request):
    """The dashboard of a region and a period: every registered panel."""
    ctx = _konteks_dasbor(request)
    for w in ctx["anak"]:
        w.url_dasbor = url_dasbor(w.kode, ctx["periode"])
    for w in ctx["jejak"]:
        w.url_dasbor = url_dasbor(w.kode, ctx["periode"])
    return render(request, "dasbor/dasbor.html", ctx)


def _diantre(request, u, dibuat: bool):
    """After a file was queued: say so (or that it was queued before) and show its page."""
    if dibuat:
        messages.success(
            request,
            _("Permintaan diterima. Berkasnya dapat diunduh di halaman ini begitu siap."),
        )
    else:
        messages.info(request, pesan_sudah_tersimpan())
    return redirect(u.get_absolute_url())


def _minta_berkas(request, minta, templat: str):
    """A document built in the background: GET shows the confirmation page, POST queues it through
    ``minta`` (a service taking user, wilayah, periode and the one-time key) and redirects."""
    wilayah, _form, periode = _wilayah_periode(request)
    if request.method == "POST":
        form = PermintaanBerkasForm(request.POST)
        form.is_valid()
        u, dibuat = minta(
            user=request.user,
            wilayah=wilayah,
            periode=periode,
            kunci_sekali=form.cleaned_data.get("kunci_sekali"),
        )
        return _diantre(request, u, dibuat)
    return render(
        request, templat, {"wilayah": wilayah, "periode": periode, "form": PermintaanBerkasForm()}
    )


@require_http_methods(["GET", "POST"])
def dasbor_ekspor(request, format):
    """The dashboard's tables as CSV (one file, a section per table) or XLSX (a sheet per
    table), at once; the printable PDF is built in the background: GET asks, POST queues it and
    sends the user to the download."""
    if format == "pdf":
        return _minta_berkas(request, services.pdf_minta, "dasbor/pdf_konfirmasi.html")
    if format not in services.FORMAT_UNDUHAN:
        raise Http404
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    ctx = _konteks_dasbor(request)
    nama = selectors.nama_berkas_dasbor(ctx["wilayah"], ctx["periode"])
    lembar = selectors.lembar_ekspor(ctx["panel"])
    if format == "xlsx":
        buf = io.BytesIO()
        ekspor_mod.tulis_xlsx_lembar(buf, lembar)
        return ekspor_mod.respons_xlsx_bytes(nama, buf.getvalue())

    def baris():
        for judul, kolom, isi in lembar:
            yield (judul,)
            yield tuple(kolom)
            yield from isi
            yield ()

    return ekspor_mod.respons_csv(nama, [_("Dasbor"), str(ctx["wilayah"].nama)], baris())


# ------------------------------------------------------------------------ coverage matrix
def _konteks_matriks(request):
    wilayah, form, periode = _wilayah_periode(request)
    kini = selectors.periode_default()
    return {
        "wilayah": wilayah,
        "periode": periode,
        "form": form,
        "jejak": selectors.wilayah_jejak(user=request.user, wilayah=wilayah),
        "matriks": matriks.matriks(user=request.user, wilayah=wilayah, periode=periode),
        "url_dasbor": url_dasbor(wilayah.kode, periode),
        "pilihan_periode": [
            (_("Bulan ini"), kini.dari, kini.sampai),
            (_("Tahun ini"), kini.dari.replace(month=1), kini.dari.replace(month=12, day=31)),
        ],
        "url_ekspor": reverse("dasbor:matriks-ekspor") + "?" + request.GET.urlencode(),
        "form_berkas": PermintaanBerkasForm(),
    }


@require_GET
def matriks_butir(request):
    """The coverage matrix of a region and a period: butir × child region (a desa: its
    checklist of the year)."""
    ctx = _konteks_matriks(request)
    for w in ctx["jejak"]:
        w.url_matriks = matriks.url_matriks(w.kode, ctx["periode"])
    return render(request, "dasbor/matriks.html", ctx)


@require_http_methods(["GET", "POST"])
def matriks_ekspor(request):
    """The matrix as XLSX, built in the background: GET asks, POST queues it and sends the user
    to the download."""
    return _minta_berkas(request, services.matriks_minta, "dasbor/matriks_konfirmasi.html")


# ------------------------------------------------------------------------ drill-down lists
def _konteks_daftar(request, form_class, kunci_ekspor):
    wilayah = _wilayah(request)
    form = form_class(request.GET or None)
    f = filter_bersih(form_class, request.GET)
    q = request.GET.copy()
    q.pop("halaman", None)
    return (
        wilayah,
        form,
        f,
        {
            "wilayah": wilayah,
            "form": form,
            "jejak": selectors.wilayah_jejak(user=request.user, wilayah=wilayah),
            "url_csv": reverse("dasbor:ekspor", args=[kunci_ekspor, "csv"]) + "?" + q.urlencode(),
            "url_xlsx": reverse("dasbor:ekspor", args=[kunci_ekspor, "xlsx"]) + "?" + q.urlencode(),
            "url_dasbor": url_dasbor(wilayah.kode, selectors.periode_default()),
        },
    )


@require_GET
def kegiatan_list(request):
    """The entries behind a dashboard figure (region, period, tata cara, status, butir,
    facilitator)."""
    wilayah, form, f, ctx = _konteks_daftar(request, FilterKegiatanForm, "kegiatan")
    halaman = _halaman(
        request,
        selectors.kegiatan_daftar(user=request.user, wilayah=wilayah, filter=f),
        jumlah=selectors.kegiatan_jumlah_ringkasan(wilayah=wilayah, filter=f),
    )
    pendamping = None
    if f.get("pendamping"):
        pendamping = Pendamping.objects.visible_to(request.user).filter(pk=f["pendamping"]).first()
    butir = Butir.objects.filter(pk=f["butir"]).first() if f.get("butir") else None
    return render(
        request,
        "dasbor/kegiatan_list.html",
        {**ctx, "halaman": halaman, "filter": f, "pendamping": pendamping, "butir": butir},
    )


@require_GET
def tindaklanjut_list(request):
    wilayah, form, f, ctx = _konteks_daftar(request, FilterTindakLanjutForm, "tindak_lanjut")
    halaman = _halaman(
        request, selectors.tindak_lanjut_daftar(user=request.user, wilayah=wilayah, filter=f)
    )
    return render(
        request,
        "dasbor/tindaklanjut_list.html",
        {**ctx, "halaman": halaman, "hari_ini": timezone.localdate()},
    )


@require_GET
def desa_list(request):
    wilayah, form, f, ctx = _konteks_daftar(request, FilterDesaForm, "desa")
    halaman = _halaman(
        request,
        selectors.desa_daftar(
            user=request.user, wilayah=wilayah, kondisi=f.get("kondisi", ""), q=f.get("q", "")
        ),
        jumlah=selectors.desa_jumlah_ringkasan(
            wilayah=wilayah, kondisi=f.get("kondisi", ""), q=f.get("q", "")
        ),
    )
    periode = selectors.periode_default()
    for d in halaman:
        d.url_dasbor = url_dasbor(d.kode, periode)
    return render(request, "dasbor/desa_list.html", {**ctx, "halaman": halaman, "filter": f})


@require_GET
def pendamping_list(request):
    wilayah, form, f, ctx = _konteks_daftar(request, FilterPendampingForm, "pendamping")
    periode = periode_filter(f.get("dari"), f.get("sampai"))
    bulan = periode.bulan()
    dari = bulan[0]
    sampai = selectors.bulan_berikut(bulan[-1]) - timezone.timedelta(days=1)
    halaman = _halaman(
        request,
        selectors.pendamping_daftar(
            user=request.user, wilayah=wilayah, periode=periode, urut=f.get("urut", "nama")
        ),
    )
    for p in halaman:
        p.url = url_daftar(
            "dasbor:kegiatan-list", wilayah, dari=dari, sampai=sampai, pendamping=p.pk
        )
        p.url_diajukan = url_daftar(
            "dasbor:kegiatan-list",
            wilayah,
            dari=dari,
            sampai=sampai,
            pendamping=p.pk,
            status=StatusKegiatan.DIAJUKAN,
        )
    return render(
        request,
        "dasbor/pendamping_list.html",
        {**ctx, "halaman": halaman, "dari": dari, "sampai": sampai},
    )


# ------------------------------------------------------------------------------- exports
@require_http_methods(["GET", "POST"])
def ekspor(request, kunci, format):
    """Any registered list export with the list's filters: at once when small; otherwise a
    confirmation, whose POST queues the file on the download pipeline."""
    e = ekspor_mod.ekspor_terdaftar.get(kunci)
    if e is None or format not in services.FORMAT_UNDUHAN:
        raise Http404
    wilayah = _wilayah(request)
    f = request.GET.dict()
    f.pop("halaman", None)
    if request.method == "POST":
        form = PermintaanBerkasForm(request.POST)
        form.is_valid()
        u, dibuat = services.ekspor_minta(
            user=request.user,
            kunci=kunci,
            format=format,
            filter=f,
            wilayah=wilayah,
            kunci_sekali=form.cleaned_data.get("kunci_sekali"),
        )
        return _diantre(request, u, dibuat)
    n = e.hitung(request.user, f)
    if n > settings.DASBOR_EKSPOR_BATAS_LANGSUNG:
        return render(
            request,
            "dasbor/ekspor_konfirmasi.html",
            {
                "ekspor": e,
                "jumlah": n,
                "format": format,
                "batas": settings.DASBOR_EKSPOR_BATAS_LANGSUNG,
                "form": PermintaanBerkasForm(),
            },
        )
    kolom, baris = e.fungsi(request.user, f)
    nama = f"{kunci}-{timezone.localdate():%Y%m%d}"
    if format == "csv":
        return ekspor_mod.respons_csv(nama, kolom, baris)
    return ekspor_mod.respons_xlsx(nama, kolom, baris, e.judul)
