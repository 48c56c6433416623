"""The pipeline board and its one-click list of villages that have not reached a stage."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import urlencode

from pendampingan.inti import masukan
from pendampingan.models import Wilayah
from pendampingan.selectors import wilayah_breadcrumb

from .. import selectors
from ..forms import PapanForm
from ..models import TemplatAlur
from .umum import LIHAT, halaman


def _templat_bawaan():
    return TemplatAlur.objects.filter(aktif=True, kode="apb-desa").first() or (
        TemplatAlur.objects.filter(aktif=True).first()
    )


def _papan_filter(request):
    form = PapanForm(request.GET or None)
    templat = _templat_bawaan()
    tahun = timezone.localdate().year
    wilayah = None
    if form.is_bound and form.is_valid():
        templat, tahun = form.cleaned_data["templat"], form.cleaned_data["tahun"]
        kode = form.cleaned_data["wilayah"]
        if kode:
            wilayah = get_object_or_404(Wilayah.objects.visible_to(request.user), kode=kode)
    elif not form.is_bound:
        form = PapanForm(initial={"templat": templat, "tahun": tahun})
    return form, templat, tahun, wilayah


@permission_required(LIHAT, raise_exception=True)
def papan(request):
    """The pipeline board: villages at each stage of a template and year, by region."""
    form, templat, tahun, wilayah = _papan_filter(request)
    if templat is None:
        return render(request, "fasilitasi/papan.html", {"form": form, "kosong": True})
    tahap, tonggak = selectors.papan_templat(templat=templat)
    baris = selectors.papan_baris(
        user=request.user,
        wilayah=wilayah,
        templat=templat,
        tahun=tahun,
        tonggak_urutan=tonggak.urutan if tonggak else None,
    )
    total = selectors.papan_total(baris, wilayah)
    for b in [*baris, total]:
        b.isi_kolom(tahap)
    dasar = {"templat": templat.pk, "tahun": tahun}
    return render(
        request,
        "fasilitasi/papan.html",
        {
            "form": form,
            "templat": templat,
            "tahun": tahun,
            "wilayah": wilayah,
            "breadcrumb": wilayah_breadcrumb(wilayah=wilayah) if wilayah else [],
            "tahap_list": tahap,
            "tonggak": tonggak,
            "baris": baris,
            "total": total,
            "q_dasar": urlencode(dasar),
        },
    )


@permission_required(LIHAT, raise_exception=True)
def papan_belum(request):
    """Villages in the region that have not reached a stage (by default the milestone stage —
    e.g. "not yet enacted their APB Desa 2027"), including those with no case at all."""
    form, templat, tahun, wilayah = _papan_filter(request)
    if templat is None:
        return render(request, "fasilitasi/papan_belum.html", {"form": form, "kosong": True})
    tahap, tonggak = selectors.papan_templat(templat=templat)
    urutan = masukan.angka_get(request.GET, "tahap", minimum=1) or (
        tonggak.urutan if tonggak else 1
    )
    target = next((t for t in tahap if t.urutan == urutan), tonggak)
    hal = halaman(
        request,
        selectors.desa_belum_mencapai(
            user=request.user, wilayah=wilayah, templat=templat, tahun=tahun, urutan=urutan
        ),
        50,
    )
    kasus = selectors.kasus_desa(
        user=request.user, desa_kode=[d.kode for d in hal], templat=templat, tahun=tahun
    )
    return render(
        request,
        "fasilitasi/papan_belum.html",
        {
            "form": form,
            "templat": templat,
            "tahun": tahun,
            "wilayah": wilayah,
            "target": target,
            "halaman": hal,
            "baris": [(d, kasus.get(d.kode)) for d in hal],
        },
    )
