"""The village status import (supervisors and admins)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from pendampingan.inti.sekali import SudahTersimpan, pesan_sudah_tersimpan

from .. import services
from ..forms import StatusImporForm
from .umum import ke_form


@permission_required("fasilitasi.add_statusdesa", raise_exception=True)
def status_impor(request):
    """Upload a spreadsheet; the result (lines imported, lines refused with the reason) is shown
    on the same page. The same form sent twice imports once and shows the first result."""
    form = StatusImporForm(request.POST or None, request.FILES or None)
    hasil = None
    if request.method == "POST" and form.is_valid():
        try:
            hasil = services.status_desa_impor(
                user=request.user,
                indeks=form.cleaned_data["indeks"],
                berkas=form.cleaned_data["berkas"],
                nama_berkas=form.cleaned_data["berkas"].name,
                kunci_sekali=form.cleaned_data["kunci_sekali"],
            )
        except ValidationError as e:
            ke_form(form, e)
        except SudahTersimpan as e:
            hasil = e.obj
            messages.info(request, pesan_sudah_tersimpan())
        else:
            if hasil.ditolak:
                messages.warning(
                    request,
                    _("%(a)d baris diimpor, %(b)d baris ditolak (lihat rinciannya).")
                    % {"a": hasil.diimpor, "b": hasil.ditolak},
                )
            else:
                messages.success(request, _("%(a)d baris diimpor.") % {"a": hasil.diimpor})
    return render(request, "fasilitasi/status_impor.html", {"form": form, "hasil": hasil})
