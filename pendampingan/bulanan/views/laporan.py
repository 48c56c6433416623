"""The report page and its flow: narrative, submit, approve or return, recommend, reopen, files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendampingan.inti.sekali import SudahTersimpan

from .. import akses, selectors, services
from ..dokumen import laporan_konteks
from ..forms import (
    AjukanForm,
    BukaForm,
    KembalikanForm,
    NarasiForm,
    RekomendasiForm,
    SetujuiForm,
    SusunForm,
)
from ..models import StatusLaporan
from ..periode import alasan_kunci_bulan, nama_bulan, tenggat
from ._bantu import galat_form_ke_pesan, pesan_galat, sudah_tersimpan


def laporan_detail(request, pk: int):
    lap = selectors.laporan_detail(user=request.user, pk=pk)
    pemilik = akses.boleh_susun(request.user, lap)
    pemeriksa = akses.boleh_periksa(request.user, lap)
    dari = {"dari": lap.status}
    ctx = laporan_konteks(laporan=lap)
    ctx.update(
        {
            "pemilik": pemilik,
            "pemeriksa": pemeriksa,
            "narasi_form": NarasiForm(narasi=ctx["narasi_tata_cara"] + ctx["narasi_desa"])
            if pemilik and lap.dapat_diubah
            else None,
            "susun_form": SusunForm(),
            "ajukan_form": AjukanForm(initial=dari),
            "setujui_form": SetujuiForm(initial=dari),
            "kembalikan_form": KembalikanForm(initial=dari),
            "rekomendasi_form": RekomendasiForm(
                initial={"rekomendasi": lap.rekomendasi, "alasan": lap.alasan_rekomendasi}
            ),
            "buka_form": BukaForm(),
            "boleh_buka": pemeriksa and akses.boleh_buka(request.user, lap),
            "riwayat": list(selectors.laporan_riwayat(laporan=lap)),
            "pembukaan": list(selectors.pembukaan_laporan(laporan=lap)),
            "riwayat_perubahan": list(
                lap.history.select_related("history_user__pendamping").order_by("-history_date")[
                    :20
                ]
            ),
            "kunci": alasan_kunci_bulan(pendamping_id=lap.pendamping_id, bulan=lap.bulan),
            "tenggat": tenggat(lap.bulan),
            "StatusLaporan": StatusLaporan,
        }
    )
    return render(request, "bulanan/laporan_detail.html", ctx)


def _laporan(request, pk):
    return selectors.laporan_detail(user=request.user, pk=pk)


def _ke_laporan(lap, anchor: str = ""):
    return redirect(reverse("bulanan:laporan-detail", kwargs={"pk": lap.pk}) + anchor)


@require_POST
def laporan_susun_ulang(request, pk: int):
    lap = _laporan(request, pk)
    if not akses.boleh_susun(request.user, lap):
        raise PermissionDenied(_("Hanya pendamping pemilik yang dapat menyusun laporannya."))
    form = SusunForm(request.POST)
    form.is_valid()
    ulang = form.cleaned_data.get("susun_ulang_narasi", False)
    try:
        services.laporan_susun(user=request.user, bulan=lap.bulan, susun_ulang_narasi=ulang)
    except ValidationError as e:
        pesan_galat(request, e)
    else:
        messages.success(
            request,
            _("Laporan disusun ulang; narasi disusun ulang dari kegiatan.")
            if ulang
            else _("Laporan disusun ulang; suntingan narasi Anda dipertahankan."),
        )
    return _ke_laporan(lap)


@require_POST
def laporan_narasi(request, pk: int):
    lap = _laporan(request, pk)
    form = NarasiForm(request.POST, narasi=lap.narasi.all())
    if form.is_valid():
        try:
            n = services.laporan_simpan_narasi(user=request.user, laporan=lap, teks=form.teks())
        except ValidationError as e:
            pesan_galat(request, e)
        else:
            messages.success(request, _("Narasi disimpan (%(n)d bagian berubah).") % {"n": n})
    else:
        messages.error(request, _("Narasi tidak tersimpan: periksa panjang teks."))
    return _ke_laporan(lap, "#narasi")


@require_POST
def laporan_ajukan(request, pk: int):
    lap = _laporan(request, pk)
    form = AjukanForm(request.POST)
    form.is_valid()
    try:
        services.laporan_ajukan(user=request.user, laporan=lap, dari=form.cleaned_data.get("dari"))
    except ValidationError as e:
        pesan_galat(request, e)
    else:
        messages.success(request, _("Laporan diajukan kepada pengawas Anda."))
    return _ke_laporan(lap)


@require_POST
def laporan_setujui(request, pk: int):
    lap = _laporan(request, pk)
    form = SetujuiForm(request.POST)
    form.is_valid()
    try:
        services.laporan_setujui(
            user=request.user,
            laporan=lap,
            catatan=form.cleaned_data.get("catatan", ""),
            dari=form.cleaned_data.get("dari"),
        )
    except ValidationError as e:
        pesan_galat(request, e)
    else:
        messages.success(request, _("Laporan disetujui. Kegiatan bulan itu kini terkunci."))
    return _ke_laporan(lap)


@require_POST
def laporan_kembalikan(request, pk: int):
    lap = _laporan(request, pk)
    form = KembalikanForm(request.POST)
    if not form.is_valid():
        galat_form_ke_pesan(request, form)
        return _ke_laporan(lap)
    try:
        services.laporan_kembalikan(
            user=request.user,
            laporan=lap,
            catatan=form.cleaned_data["catatan"],
            dari=form.cleaned_data.get("dari"),
        )
    except ValidationError as e:
        pesan_galat(request, e)
    else:
        messages.success(request, _("Laporan dikembalikan kepada pendamping dengan catatan."))
    return _ke_laporan(lap)


@require_POST
def laporan_rekomendasi(request, pk: int):
    lap = _laporan(request, pk)
    form = RekomendasiForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih rekomendasi bayar atau tahan."))
    else:
        try:
            services.laporan_rekomendasikan(user=request.user, laporan=lap, **form.cleaned_data)
        except ValidationError as e:
            pesan_galat(request, e)
        else:
            messages.success(request, _("Rekomendasi pembayaran disimpan."))
    kembali = request.POST.get("kembali", "")
    if kembali.startswith("/bulanan/rekap/"):
        return redirect(kembali)
    return _ke_laporan(lap)


@require_POST
def laporan_buka(request, pk: int):
    lap = _laporan(request, pk)
    form = BukaForm(request.POST)
    if not form.is_valid():
        galat_form_ke_pesan(request, form)
        return _ke_laporan(lap)
    try:
        services.bulan_buka(
            user=request.user, pendamping=lap.pendamping, bulan=lap.bulan, **form.cleaned_data
        )
    except SudahTersimpan:
        return sudah_tersimpan(request, lap.get_absolute_url())
    except ValidationError as e:
        pesan_galat(request, e)
    else:
        messages.success(
            request,
            _("Bulan %(b)s dibuka kembali untuk %(n)s sampai %(t)s.")
            % {
                "b": nama_bulan(lap.bulan),
                "n": lap.pendamping.nama,
                "t": form.cleaned_data["sampai"].strftime("%d-%m-%Y"),
            },
        )
    return _ke_laporan(lap)


@require_POST
def laporan_pdf(request, pk: int):
    """Ask for the report as PDF; it is built in the background (at once with inline tasks)."""
    lap = _laporan(request, pk)
    return redirect(services.laporan_pdf_minta(user=request.user, laporan=lap).get_absolute_url())


@require_POST
def laporan_xlsx(request, pk: int):
    """Ask for the report's entries as XLSX (built like the PDF)."""
    lap = _laporan(request, pk)
    return redirect(services.laporan_xlsx_minta(user=request.user, laporan=lap).get_absolute_url())
