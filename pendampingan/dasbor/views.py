"""The dashboard page, its drill-down lists, exports and downloads. Every view reads the region
through ``selectors.wilayah_dasbor`` (404 outside the user's scope) and rows through selectors
that start from ``visible_to(user)``."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from pendampingan import ekspor as ekspor_mod
from pendampingan import registry
from pendampingan.models import Pendamping, StatusKegiatan
from pendampingan.scope import cakupan_pengguna

from . import selectors, services
from .forms import (
    FilterDesaForm,
    FilterKegiatanForm,
    FilterPendampingForm,
    FilterTindakLanjutForm,
    PeriodeForm,
    filter_bersih,
)
from .models import StatusUnduhan, Unduhan
from .panel import url_daftar, url_dasbor
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
    """The region in the query string (default: the user's widest), or 404."""
    if "wilayah" in request.GET:
        return selectors.wilayah_dasbor(user=request.user, kode=request.GET["wilayah"].strip())
    w = selectors.wilayah_dasbor_default(user=request.user)
    if w is None:
        raise Http404
    return w


def _periode(form) -> Periode:
    default = selectors.periode_default()
    if not form.is_valid():
        return default
    dari, sampai = form.cleaned_data.get("dari"), form.cleaned_data.get("sampai")
    if dari and not sampai:
        sampai = min(dari.replace(year=dari.year + 1) - timezone.timedelta(days=1), default.sampai)
        sampai = max(sampai, dari)
    if sampai and not dari:
        dari = sampai.replace(day=1)
    return Periode(dari or default.dari, sampai or default.sampai)


def _konteks_dasbor(request):
    if cakupan_pengguna(request.user).kosong:
        raise Http404
    wilayah = _wilayah(request)
    form = PeriodeForm(request.GET or None)
    periode = _periode(form)
    panel = []
    aset_css, aset_js = [], []
    for p in sorted(registry.panel_dasbor.values(), key=lambda p: (p.urutan, p.kunci)):
        data = p.fungsi(wilayah, periode.as_tuple(), request.user)
        if data is None:
            continue
        for a in data.get("aset_css", []):
            aset_css.append(a) if a not in aset_css else None
        for a in data.get("aset_js", []):
            aset_js.append(a) if a not in aset_js else None
        panel.append({"kunci": p.kunci, "judul": p.judul, "template": p.template, "data": data})
    kini = selectors.periode_default()
    lalu_akhir = kini.dari - timezone.timedelta(days=1)
    return {
        "wilayah": wilayah,
        "periode": periode,
        "form": form,
        "jejak": selectors.wilayah_jejak(user=request.user, wilayah=wilayah),
        "akar": selectors.wilayah_dasbor_default(user=request.user),
        "anak": list(selectors.wilayah_pilihan_anak(wilayah=wilayah)),
        "panel": panel,
        "aset_css": aset_css,
        "aset_js": aset_js,
        "pilihan_periode": [
            (_("Bulan ini"), kini.dari, kini.sampai),
            (_("Bulan lalu"), lalu_akhir.replace(day=1), lalu_akhir),
            (_("Tahun ini"), kini.dari.replace(month=1), kini.dari.replace(month=12, day=31)),
        ],
        "url_ekspor": {
            f: reverse("dasbor:dasbor-ekspor", args=[f]) + "?" + request.GET.urlencode()
            for f in ("csv", "xlsx", "pdf")
        },
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


def _lembar(ctx):
    lembar = []
    for p in ctx["panel"]:
        for judul, kolom, baris in p["data"].get("ekspor", []):
            lembar.append((str(judul), [str(k) for k in kolom], list(baris)))
    return lembar


def _nama_berkas(ctx) -> str:
    w = ctx["wilayah"]
    return (
        f"dasbor-{w.kode or 'nasional'}-{ctx['periode'].dari:%Y%m%d}-{ctx['periode'].sampai:%Y%m%d}"
    )


@require_GET
def dasbor_ekspor(request, format):
    """The dashboard's tables as CSV (one file, a section per table), XLSX (a sheet per table)
    or PDF (the printable page)."""
    ctx = _konteks_dasbor(request)
    nama = _nama_berkas(ctx)
    if format == "xlsx":
        import io

        buf = io.BytesIO()
        ekspor_mod.tulis_xlsx_lembar(buf, _lembar(ctx))
        return ekspor_mod.respons_xlsx_bytes(nama, buf.getvalue())
    if format == "csv":

        def baris():
            for judul, kolom, isi in _lembar(ctx):
                yield (judul,)
                yield tuple(kolom)
                yield from isi
                yield ()

        return ekspor_mod.respons_csv(nama, [_("Dasbor"), str(ctx["wilayah"].nama)], baris())
    if format == "pdf":
        from weasyprint import HTML

        html = render_to_string(
            "dasbor/dasbor_pdf.html", {**ctx, "dicetak": timezone.now()}, request
        )
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        resp = HttpResponse(pdf, content_type="application/pdf")
        resp["Content-Disposition"] = f'attachment; filename="{nama}.pdf"'
        return resp
    raise Http404


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
    """The entries behind a dashboard figure (region, period, tata cara, status, facilitator)."""
    wilayah, form, f, ctx = _konteks_daftar(request, FilterKegiatanForm, "kegiatan")
    halaman = _halaman(
        request,
        selectors.kegiatan_daftar(user=request.user, wilayah=wilayah, filter=f),
        jumlah=selectors.kegiatan_jumlah_ringkasan(wilayah=wilayah, filter=f),
    )
    pendamping = None
    if f.get("pendamping"):
        pendamping = Pendamping.objects.visible_to(request.user).filter(pk=f["pendamping"]).first()
    return render(
        request,
        "dasbor/kegiatan_list.html",
        {**ctx, "halaman": halaman, "filter": f, "pendamping": pendamping},
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
    default = selectors.periode_default()
    periode = Periode(f.get("dari") or default.dari, f.get("sampai") or default.sampai)
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
    confirmation, then a background job that leaves a download."""
    e = ekspor_mod.ekspor_terdaftar.get(kunci)
    if e is None or format not in services.FORMAT_UNDUHAN:
        raise Http404
    f = request.GET.dict()
    f.pop("halaman", None)
    if request.method == "POST":
        try:
            services.unduhan_buat(pengguna=request.user, ekspor=kunci, format=format, parameter=f)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("dasbor:unduhan-list")
        messages.success(
            request,
            _("Berkas sedang dibuat. Anda akan melihatnya di halaman ini saat siap diunduh."),
        )
        return redirect("dasbor:unduhan-list")
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
            },
        )
    kolom, baris = e.fungsi(request.user, f)
    nama = f"{kunci}-{timezone.localdate():%Y%m%d}"
    if format == "csv":
        return ekspor_mod.respons_csv(nama, kolom, baris)
    return ekspor_mod.respons_xlsx(nama, kolom, baris, e.judul)


@require_GET
def unduhan_list(request):
    halaman = _halaman(request, Unduhan.objects.filter(pengguna=request.user).order_by("-dibuat"))
    return render(
        request,
        "dasbor/unduhan_list.html",
        {
            "halaman": halaman,
            "menunggu": any(
                u.status in (StatusUnduhan.ANTRE, StatusUnduhan.PROSES) for u in halaman
            ),
        },
    )


@require_GET
def unduhan_ambil(request, pk):
    """A ready download, to its owner only (404 for anyone else)."""
    u = get_object_or_404(Unduhan, pk=pk, pengguna=request.user, status=StatusUnduhan.SIAP)
    return FileResponse(
        u.berkas.open("rb"), as_attachment=True, filename=u.berkas.name.rsplit("/", 1)[-1]
    )
