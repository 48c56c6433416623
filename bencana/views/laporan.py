"""Reports of an incident: a new version of the ministry report, and the chronology report — as a
page for the browser's print, or as a PDF built in the background by the platform's download
pipeline (``inti.unduhan``; builder ``bencana.kronologi`` in ``bencana.dokumen``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.inti.unduhan import unduhan_minta

from .. import forms, laporan, selectors
from ..dokumen import JENIS_UNDUHAN
from ._umum import (
    KIRIM,
    LIHAT,
    galat_ke_form,
    halaman_form,
    kejadian_atau_404,
    pendamping,
    sudah_tersimpan,
    url_bagian,
)


@permission_required(KIRIM, raise_exception=True)
def laporan_kirim(request, pk):
    k = kejadian_atau_404(request, pk)
    oleh = pendamping(request)
    versi = k.laporan.order_by("-nomor").first()
    alasan = laporan.perubahan_sejak_versi(kejadian=k, versi_terakhir=versi)
    form = forms.LaporanVersiForm(request.POST or None, initial={"pemicu": "; ".join(alasan)[:250]})
    if request.method == "POST" and form.is_valid():
        try:
            v = laporan.laporan_kirim(
                kejadian=k,
                oleh=oleh,
                pemicu=form.cleaned_data["pemicu"],
                kunci_sekali=form.cleaned_data["kunci_sekali"],
            )
        except SudahTersimpan as e:
            return sudah_tersimpan(request, e)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(
                request, _("Laporan versi %(n)d dikirim ke kementerian.") % {"n": v.nomor}
            )
            return redirect(url_bagian(k, "laporan"))
    return halaman_form(
        request,
        k,
        form,
        _("Kirim versi baru laporan kementerian"),
        "laporan",
        catatan=_("Versi berikutnya: %(n)d.") % {"n": (versi.nomor if versi else 0) + 1},
    )


@permission_required(KIRIM, raise_exception=True)
def laporan_catat_luar(request, pk):
    """F4: record a report made to the ministry by phone, in person or in writing outside the
    app (it becomes the next version; nothing is sent)."""
    k = kejadian_atau_404(request, pk)
    oleh = pendamping(request)
    versi = k.laporan.order_by("-nomor").first()
    form = forms.LaporanLuarForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            v = laporan.laporan_luar_catat(
                kejadian=k,
                oleh=oleh,
                saluran=form.cleaned_data["saluran"],
                penerima_nama=form.cleaned_data["penerima_nama"],
                penerima_unit=form.cleaned_data["penerima_unit"],
                waktu=form.cleaned_data["waktu"],
                pemicu=form.cleaned_data["pemicu"],
                kunci_sekali=form.cleaned_data["kunci_sekali"],
            )
        except SudahTersimpan as e:
            return sudah_tersimpan(request, e)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(
                request,
                _("Laporan %(c)s dicatat sebagai versi %(n)d.")
                % {"c": v.get_saluran_display().lower(), "n": v.nomor},
            )
            return redirect(url_bagian(k, "laporan"))
    return halaman_form(
        request,
        k,
        form,
        _("Catat laporan lisan atau tertulis ke kementerian"),
        "laporan",
        catatan=_(
            "Untuk laporan yang sudah disampaikan lewat telepon, langsung, atau surat di luar "
            "aplikasi; tidak ada pesan yang dikirim. Versi berikutnya: %(n)d."
        )
        % {"n": (versi.nomor if versi else 0) + 1},
    )


@permission_required(LIHAT, raise_exception=True)
def laporan_cetak(request, pk):
    """The chronology report as a page for the browser's print."""
    k = kejadian_atau_404(request, pk)
    konteks = selectors.laporan_konteks(kejadian=k, user=request.user)
    return render(request, "bencana/laporan_cetak.html", {**konteks, "pdf": False})


@require_POST
@permission_required(LIHAT, raise_exception=True)
def laporan_pdf(request, pk):
    """Queue the chronology report as PDF and show the download page (the file is built by the
    background pipeline, as the user, never inside this request)."""
    k = kejadian_atau_404(request, pk)
    u = unduhan_minta(
        user=request.user,
        jenis=JENIS_UNDUHAN,
        judul=_("Laporan kronologi %(kode)s") % {"kode": k.kode},
        parameter={"kejadian_id": k.pk},
    )
    return redirect(u.get_absolute_url())
