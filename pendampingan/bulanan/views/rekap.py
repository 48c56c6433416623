"""The supervisor's recap of an area and month, its XLSX, and the area's reports as one ZIP."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendampingan.models import Wilayah
from pendampingan.scope import cakupan_pengguna

from .. import selectors, services
from ..forms import RekapForm, RekomendasiForm, ZipForm
from ..periode import awal_bulan, bulan_lalu, nama_bulan
from ._bantu import galat_form_ke_pesan, halaman


def _hanya_pengawas(request) -> None:
    if not cakupan_pengguna(request.user).pengawas:
        raise PermissionDenied(_("Rekap bulanan hanya untuk pengawas."))


def _rekap_pilihan(request):
    """(wilayah, bulan, form) for the recap pages, from the query string; 404 outside scope."""
    _hanya_pengawas(request)
    boleh = selectors.wilayah_rekap_boleh(user=request.user)
    form = RekapForm(request.GET or None, wilayah_qs=boleh)
    wilayah, bulan = None, None
    if request.GET and form.is_valid():
        wilayah, bulan = form.cleaned_data.get("wilayah"), form.cleaned_data.get("bulan")
    elif request.GET.get("wilayah"):
        raise Http404(_("Wilayah tidak ditemukan."))
    wilayah = wilayah or selectors.wilayah_rekap(user=request.user).first()
    bulan = bulan or bulan_lalu(awal_bulan(timezone.localdate()))
    if wilayah is None:
        raise Http404(_("Tidak ada wilayah yang Anda awasi."))
    if not form.is_bound:
        form = RekapForm(initial={"wilayah": wilayah, "bulan": bulan}, wilayah_qs=boleh)
    return wilayah, bulan, form


@permission_required("bulanan.lihat_rekap", raise_exception=True)
def rekap(request):
    wilayah, bulan, form = _rekap_pilihan(request)
    r = selectors.rekap_bulanan(user=request.user, wilayah=wilayah, bulan=bulan)
    query = f"wilayah={wilayah.kode}&bulan={bulan:%Y-%m}"
    return render(
        request,
        "bulanan/rekap.html",
        {
            "rekap": r,
            "form": form,
            "nama_bulan": nama_bulan(bulan),
            "halaman": halaman(request, r.baris, 50),
            "query": query,
            "naik": selectors.wilayah_rekap_boleh(user=request.user)
            .filter(kode=wilayah.induk_id)
            .first()
            if wilayah.induk_id
            else None,
            "rekomendasi_form": RekomendasiForm(),
            # each file button carries its own one-time key (only that field is rendered)
            "form_berkas": ZipForm(wilayah_qs=Wilayah.objects.none()),
            "form_zip": ZipForm(wilayah_qs=Wilayah.objects.none()),
            "kembali": f"{request.path}?{query}",
        },
    )


def _minta_berkas(request, minta):
    _hanya_pengawas(request)
    form = ZipForm(request.POST, wilayah_qs=selectors.wilayah_rekap_boleh(user=request.user))
    if not form.is_valid():
        if "wilayah" in form.errors and request.POST.get("wilayah"):
            raise Http404(_("Wilayah tidak ditemukan."))
        galat_form_ke_pesan(request, form)
        return redirect("bulanan:rekap")
    u = minta(user=request.user, **form.cleaned_data)
    messages.success(
        request,
        _("%(j)s sedang dibuat; berkas siap diunduh begitu selesai.") % {"j": u.judul},
    )
    return redirect(u.get_absolute_url())


@require_POST
@permission_required("bulanan.lihat_rekap", raise_exception=True)
def rekap_xlsx(request):
    """Ask for the recap as XLSX (built in the background, on the downloads page)."""
    return _minta_berkas(request, services.rekap_xlsx_minta)


@require_POST
@permission_required("bulanan.lihat_rekap", raise_exception=True)
def rekap_zip(request):
    """Ask for every report of an area and month as one ZIP (built in the background)."""
    return _minta_berkas(request, services.rekap_zip_minta)
