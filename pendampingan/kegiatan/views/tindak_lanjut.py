"""Follow-ups: the facilitator's own and the area's, and closing one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti import masukan

from ... import services as inti_services
from ...models import (
    StatusTindakLanjut,
    TindakLanjut,
)
from ...scope import cakupan_pengguna
from .. import selectors
from ..akses import pendamping_pengguna
from ..forms import (
    TindakLanjutSelesaiForm,
    _pasang_galat,
)
from ._umum import _halaman


# ------------------------------------------------------------------------- follow-ups
def tindak_lanjut_list(request):
    c = cakupan_pengguna(request.user)
    lingkup = "wilayah" if request.GET.get("lingkup") == "wilayah" and c.pengawas else "saya"
    status = request.GET.get("status", "terbuka")
    if status not in {*StatusTindakLanjut.values, "terlambat", "semua"}:
        status = "terbuka"
    st = "" if status == "semua" else status
    if lingkup == "wilayah":
        qs = selectors.tindak_lanjut_wilayah(
            user=request.user, status=st, wilayah=masukan.teks_get(request.GET, "wilayah", maks=13)
        )
    else:
        qs = selectors.tindak_lanjut_saya(user=request.user, status=st)
    return render(
        request,
        "pendampingan/kegiatan/tindaklanjut_list.html",
        {
            "halaman": _halaman(request, qs),
            "lingkup": lingkup,
            "status": status,
            "pengawas": c.pengawas,
            "hari_ini": timezone.localdate(),
            "pilihan_status": [
                ("terbuka", _("Terbuka")),
                ("terlambat", _("Terlambat")),
                ("selesai", _("Selesai")),
                ("batal", _("Dibatalkan")),
                ("semua", _("Semua")),
            ],
        },
    )


def tindak_lanjut_selesai(request, pk):
    """The facilitator who follows it marks it done (or cancelled) with a note."""
    p = pendamping_pengguna(request.user)
    tl = get_object_or_404(
        TindakLanjut.objects.visible_to(request.user)
        .filter(pendamping_id=getattr(p, "pk", None))
        .select_related("wilayah", "kegiatan"),
        pk=pk,
    )
    form = TindakLanjutSelesaiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inti_services.tindak_lanjut_selesaikan(
                tindak_lanjut=tl,
                catatan=form.cleaned_data["catatan"],
                status=form.cleaned_data["status"],
            )
        except ValidationError as e:
            _pasang_galat(form, e)
        else:
            messages.success(request, _("Tindak lanjut ditutup."))
            return redirect("pendampingan:tindaklanjut-list")
    return render(
        request, "pendampingan/kegiatan/tindaklanjut_selesai.html", {"tl": tl, "form": form}
    )
