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
from ..models import IndeksStatus
from .umum import ke_form


@permission_required("fasilitasi.add_statusdesa", raise_exception=True)
def status_impor(request):
    """Upload a spreadsheet; the result is shown on the same page: the lines imported, or — when
    any line is refused — every refused line with its reason and nothing imported. The same form
    sent twice imports once and shows the first result."""
    form = StatusImporForm(request.POST or None, request.FILES or None)
    hasil = ditolak = None
    if request.method == "POST" and form.is_valid():
        try:
            hasil = services.status_desa_impor(
                user=request.user,
                indeks=form.cleaned_data["indeks"],
                berkas=form.cleaned_data["berkas"],
                nama_berkas=form.cleaned_data["berkas"].name,
                kunci_sekali=form.cleaned_data["kunci_sekali"],
            )
        except services.ImporDitolak as e:  # refused lines: nothing imported, each one listed
            ditolak = e
            messages.error(request, e.messages[0])
        except ValidationError as e:
            ke_form(form, e)
        except SudahTersimpan as e:
            hasil = e.obj
            messages.info(request, pesan_sudah_tersimpan())
        else:
            messages.success(request, _("%(a)d baris diimpor.") % {"a": hasil.diimpor})
    return render(
        request,
        "fasilitasi/status_impor.html",
        {
            "form": form,
            "hasil": hasil,
            "ditolak": ditolak,
            "indeks_list": IndeksStatus.objects.prefetch_related("dimensi").order_by("nama"),
        },
    )
