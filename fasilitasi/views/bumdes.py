"""The BUM Desa register: list, register and edit, the page with its units, managers and yearly
figures (each added through a small form on the page)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendampingan.inti import masukan
from pendampingan.inti.akses import pastikan

from .. import akses, selectors, services
from ..forms import BumDesaForm, LaporanTahunanForm, PengurusForm, UnitUsahaForm
from ..models import StatusBadanHukum
from .umum import galat_form, halaman, ke_form, pesan_galat


@permission_required("fasilitasi.view_bumdesa", raise_exception=True)
def bumdes_list(request):
    q = masukan.teks_get(request.GET, "q")
    status = masukan.teks_get(request.GET, "status", maks=30)
    qs = selectors.bumdes_list(user=request.user, q=q, status_badan_hukum=status)
    return render(
        request,
        "fasilitasi/bumdes_list.html",
        {
            "halaman": halaman(request, qs),
            "q": q,
            "status": status,
            "StatusBadanHukum": StatusBadanHukum,
        },
    )


def _bumdes_untuk_ubah(request, pk):
    """The BUM Desa (404 outside the scope) and the user allowed to change it (403)."""
    bumdes = selectors.bumdes_detail(user=request.user, pk=pk)
    pastikan(
        akses.boleh_ubah_bumdes(request.user, bumdes),
        _("Anda tidak berwenang mengubah BUM Desa ini."),
    )
    return bumdes


@permission_required("fasilitasi.add_bumdesa", raise_exception=True)
def bumdes_buat(request):
    return _bumdes_form(request, None)


def bumdes_ubah(request, pk):
    return _bumdes_form(request, _bumdes_untuk_ubah(request, pk))


def _bumdes_form(request, bumdes):
    form = BumDesaForm(request.POST or None, user=request.user, instance=bumdes)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = {k: v for k, v in d.items() if k not in ("anggota", "kunci_sekali")}
        try:
            bumdes = services.bumdes_simpan(
                user=request.user,
                data=data,
                desa_anggota=d["anggota"],
                bumdes=bumdes,
                kunci_sekali=d["kunci_sekali"],
            )
        except ValidationError as e:
            ke_form(form, e)
        else:
            messages.success(request, _("BUM Desa %(n)s disimpan.") % {"n": bumdes.nama})
            return redirect(bumdes)
    return render(request, "fasilitasi/bumdes_form.html", {"form": form, "bumdes": bumdes})


@permission_required("fasilitasi.view_bumdesa", raise_exception=True)
def bumdes_detail(request, pk):
    bumdes = selectors.bumdes_detail(user=request.user, pk=pk)
    kasus, kegiatan = selectors.bumdes_kasus_kegiatan(user=request.user, bumdes=bumdes)
    boleh = akses.boleh_ubah_bumdes(request.user, bumdes)
    return render(
        request,
        "fasilitasi/bumdes_detail.html",
        {
            "bumdes": bumdes,
            "tren": selectors.bumdes_laporan_tren(bumdes=bumdes),
            "kasus_list": kasus,
            "kegiatan_list": kegiatan,
            "riwayat": list(bumdes.history.select_related("history_user")[:30]),
            "boleh_ubah": boleh,
            "form_unit": UnitUsahaForm(prefix="unit") if boleh else None,
            "form_pengurus": PengurusForm(prefix="pengurus") if boleh else None,
            "form_laporan": LaporanTahunanForm(
                prefix="laporan", initial={"tahun": timezone.localdate().year - 1}
            )
            if boleh
            else None,
        },
    )


def _simpan_sub(request, pk, form_class, prefix, fungsi, pesan):
    """A unit, a manager or a year's figures, posted from the BUM Desa page. A repeat of the
    form's key raises ``SudahTersimpan`` in the service (shown by the platform middleware)."""
    bumdes = _bumdes_untuk_ubah(request, pk)
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            fungsi(user=request.user, bumdes=bumdes, **form.cleaned_data)
        except ValidationError as e:
            pesan_galat(request, e)
        else:
            messages.success(request, pesan)
    else:
        galat_form(request, form)
    return redirect(reverse("fasilitasi:bumdes-detail", args=[pk]) + f"#{prefix}")


@require_POST
def bumdes_unit(request, pk):
    return _simpan_sub(
        request, pk, UnitUsahaForm, "unit", services.unit_usaha_simpan, _("Unit usaha disimpan.")
    )


@require_POST
def bumdes_pengurus(request, pk):
    return _simpan_sub(
        request, pk, PengurusForm, "pengurus", services.pengurus_simpan, _("Pengurus disimpan.")
    )


@require_POST
def bumdes_laporan(request, pk):
    return _simpan_sub(
        request,
        pk,
        LaporanTahunanForm,
        "laporan",
        services.laporan_tahunan_simpan,
        _("Laporan tahunan disimpan."),
    )
