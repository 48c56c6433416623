"""The lists and the entry page: my log, the area log, the verification queue, one entry."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from ...models import (
    StatusKegiatan,
)
from ...scope import cakupan_pengguna
from .. import selectors, services
from ..akses import boleh_verifikasi, pendamping_pengguna, wilayah_catat_kegiatan
from ..forms import (
    KembalikanForm,
    SaringForm,
)
from ..tanda import tanda_kegiatan
from ._umum import _halaman


# ------------------------------------------------------------------------------ lists
def _saring(request, pilihan_wilayah=()):
    form = SaringForm(request.GET or None, pilihan_wilayah=pilihan_wilayah)
    saring = selectors.SaringKegiatan()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        saring = selectors.SaringKegiatan(
            wilayah=d.get("wilayah") or "",
            tata_cara=d.get("tata_cara") or "",
            status=d.get("status") or "",
            dari=d.get("dari"),
            sampai=d.get("sampai"),
            q=(d.get("q") or "").strip(),
        )
    return form, saring


def kegiatan_list(request):
    """My log (``?lingkup=wilayah``: every entry in a supervisor's area)."""
    c = cakupan_pengguna(request.user)
    lingkup = "wilayah" if request.GET.get("lingkup") == "wilayah" and c.pengawas else "saya"
    pilihan = (
        [
            (w.kode, w.label_lengkap)
            for w in wilayah_catat_kegiatan(user=request.user).order_by("nama")[:50]
        ]
        if lingkup == "saya"
        else ()
    )
    form, saring = _saring(request, pilihan)
    if lingkup == "wilayah":
        qs = selectors.kegiatan_wilayah(user=request.user, saring=saring)
    else:
        qs = selectors.kegiatan_saya(user=request.user, saring=saring)
    halaman = _halaman(request, qs)
    tanda = tanda_kegiatan(halaman.object_list) if lingkup == "wilayah" else {}
    return render(
        request,
        "pendampingan/kegiatan/kegiatan_list.html",
        {
            "halaman": halaman,
            "baris": [(k, tanda.get(k.pk, [])) for k in halaman],
            "form_saring": form,
            "lingkup": lingkup,
            "pengawas": c.pengawas,
            "tampil_pendamping": lingkup == "wilayah",
        },
    )


def kegiatan_antrean(request):
    """The supervisor's verification queue, with the flags."""
    form, saring = _saring(request)
    halaman = _halaman(request, selectors.antrean_verifikasi(user=request.user, saring=saring))
    tanda = tanda_kegiatan(halaman.object_list)
    return render(
        request,
        "pendampingan/kegiatan/kegiatan_antrean.html",
        {
            "halaman": halaman,
            "baris": [(k, tanda.get(k.pk, [])) for k in halaman],
            "form_saring": form,
        },
    )


# ----------------------------------------------------------------------------- detail
def kegiatan_detail(request, pk):
    kegiatan = get_object_or_404(selectors.kegiatan_detail_qs(user=request.user), pk=pk)
    p = pendamping_pengguna(request.user)
    milik = p is not None and kegiatan.pendamping_id == p.pk
    tautan = selectors.tautan_kegiatan(kegiatan_list=[kegiatan], user=request.user)
    return render(
        request,
        "pendampingan/kegiatan/kegiatan_detail.html",
        {
            "k": kegiatan,
            "milik": milik,
            "boleh_ubah": milik and services.alasan_terkunci(kegiatan) is None,
            "alasan_terkunci": services.alasan_terkunci(kegiatan) if milik else None,
            "boleh_periksa": kegiatan.status == StatusKegiatan.DIAJUKAN
            and boleh_verifikasi(user=request.user, kegiatan=kegiatan),
            "kekurangan": services.kegiatan_kekurangan(kegiatan)
            if milik and kegiatan.status in (StatusKegiatan.DRAF, StatusKegiatan.DIKEMBALIKAN)
            else [],
            "tanda": tanda_kegiatan([kegiatan])[kegiatan.pk],
            "tautan": tautan.get(kegiatan.pk, []),
            "riwayat": selectors.riwayat_kegiatan(kegiatan=kegiatan),
            "form_kembalikan": KembalikanForm(),
            "pesan_list": _pesan(kegiatan)
            if milik or cakupan_pengguna(request.user).pengawas
            else [],
        },
    )


def _pesan(kegiatan):
    from ...notifikasi.selectors import pesan_untuk_objek

    return list(pesan_untuk_objek(kegiatan))
