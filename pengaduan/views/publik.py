"""The public pages (``@login_not_required``, rate-limited per address, no database write before
the checks pass): the form, the "sent" page with the code, the desa search, the status page and the
reporter's answer. Attachments are never served here: only the scoped internal view serves them."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from pendampingan.inti import batas as batas_alamat
from pendampingan.inti import masukan
from pendampingan.inti.sekali import SudahTersimpan, pesan_sudah_tersimpan

from .. import batas, selectors, services
from ..forms import PengaduanPublikForm, StatusCariForm, TanggapanPelaporForm
from ..models import StatusPengaduan
from .umum import terapkan_error

SESI_KODE = "pengaduan_kode_baru"


def lapor_lewat_batas(request) -> str:
    """Count one complaint sent from the client's address (the form's and the API's intake share
    the count); the message once the hourly limit is passed, else ""."""
    if batas_alamat.lewat_batas(
        request, "pengaduan-lapor", settings.PENGADUAN_BATAS_LAPOR_PER_JAM, 3600
    ):
        return _(
            "Terlalu banyak pengaduan dari alamat ini. Coba lagi dalam satu jam; isian Anda tetap ada."
        )
    return ""


def status_lewat_batas(request) -> str:
    """Count one lookup by tracking code from the client's address (the status page's and the
    API's share the count, against guessing codes); the message once past the limit, else ""."""
    if batas_alamat.lewat_batas(
        request, "pengaduan-status", settings.PENGADUAN_BATAS_STATUS_PER_MENIT, 60
    ):
        return _("Terlalu banyak pencarian; tunggu sebentar.")
    return ""


def cari_desa_lewat_batas(request) -> str:
    """Count one desa search from the client's address (the JSON search and the form's "Cari desa"
    button share the count); the message once past the per-minute limit, else ""."""
    if batas_alamat.lewat_batas(
        request, "pengaduan-cari-desa", settings.PENGADUAN_BATAS_CARI_PER_MENIT, 60
    ):
        return _("Terlalu banyak pencarian desa; tunggu sebentar, isian Anda tetap ada.")
    return ""


def formulir_lewat_batas(request) -> str:
    """Count one security question handed out through the API (``formulir``) from the client's
    address; the message once past the per-minute limit, else ""."""
    if batas_alamat.lewat_batas(
        request, "pengaduan-formulir", settings.PENGADUAN_BATAS_CARI_PER_MENIT, 60
    ):
        return _("Terlalu banyak permintaan formulir; tunggu sebentar.")
    return ""


def lampiran_ditolak(request, form) -> bool:
    """Put on ``form`` the attachments ``batas.BatasUnggahanHandler`` dropped as too big; True if
    there were any."""
    ditolak = getattr(request, "lampiran_ditolak", [])
    for nama in ditolak:
        form.add_error(
            "lampiran",
            _("%(nama)s terlalu besar (maksimal %(mb)d MB) dan tidak diterima.")
            % {"nama": nama, "mb": settings.UNGGAHAN_MAKS_MB},
        )
    return bool(ditolak)


def _form_publik_render(request, form, status=200):
    if form.is_bound:
        form.segarkan_tantangan()
    return render(
        request,
        "pengaduan/lapor_form.html",
        {"form": form, "maks_mb": settings.UNGGAHAN_MAKS_MB},
        status=status,
    )


@login_not_required
@csrf_exempt
def lapor(request):
    """The public complaint form. Upload limits are set before the body is read, so this view
    exempts itself from the CSRF middleware and checks the token itself (``_lapor``)."""
    if request.method == "POST":
        panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        if panjang > settings.PENGADUAN_PERMINTAAN_MAKS_MB * 1024 * 1024:
            return render(
                request,
                "pengaduan/lapor_terlalu_besar.html",
                {"maks_mb": settings.UNGGAHAN_MAKS_MB},
                status=413,
            )
        request.upload_handlers.insert(0, batas.BatasUnggahanHandler(request))
    return _lapor(request)


@csrf_protect
@never_cache
def _lapor(request):
    if request.method != "POST":
        return _form_publik_render(request, PengaduanPublikForm())
    if request.POST.get("aksi") == "cari-desa":
        pesan = cari_desa_lewat_batas(request)
        if pesan:  # what was typed comes back, without a search
            form = PengaduanPublikForm.cari_desa(request.POST, cari=False)
            form.pesan_batas = pesan
            return _form_publik_render(request, form, status=429)
        return _form_publik_render(request, PengaduanPublikForm.cari_desa(request.POST))
    form = PengaduanPublikForm(request.POST, request.FILES)
    pesan = lapor_lewat_batas(request)
    if pesan:
        form.is_valid()
        form.add_error(None, pesan)
        return _form_publik_render(request, form, status=429)
    valid = form.is_valid()
    if lampiran_ditolak(request, form):
        valid = False
    if valid:
        try:
            p = services.pengaduan_terima(**form.argumen_terima())
        except SudahTersimpan as e:  # a resend: the code of the first one, nothing stored again
            messages.info(request, pesan_sudah_tersimpan())
            request.session[SESI_KODE] = e.obj.kode
            return redirect("pengaduan:lapor-terkirim")
        except ValidationError as e:
            terapkan_error(form, e)
        else:
            request.session[SESI_KODE] = p.kode
            return redirect("pengaduan:lapor-terkirim")
    return _form_publik_render(request, form)


@login_not_required
@never_cache
def lapor_terkirim(request):
    kode = request.session.get(SESI_KODE)
    if not kode:
        return redirect("pengaduan:lapor")
    return render(
        request,
        "pengaduan/lapor_terkirim.html",
        {
            "kode": kode,
            "sla_verifikasi": services.sla("verifikasi"),
            "sla_rencana": services.sla("rencana"),
        },
    )


@login_not_required
@require_GET
def lapor_desa(request):
    """The public form's desa search (JSON): desa names and codes only, rate-limited."""
    pesan = cari_desa_lewat_batas(request)
    if pesan:
        return JsonResponse({"hasil": [], "pesan": pesan}, status=429)
    hasil = selectors.desa_publik_cari(q=masukan.teks_get(request.GET, "q"))
    return JsonResponse(
        {
            "hasil": [
                {
                    "kode": w.kode,
                    "label": f"{w.nama}, {w.induk.nama}, {w.induk.induk.nama} ({w.kode})",
                }
                for w in hasil
            ],
            "pesan": "" if hasil else _("Tidak ada desa yang cocok."),
        }
    )


@login_not_required
@never_cache
def status(request):
    """The public status page by tracking code."""
    form = StatusCariForm(request.GET or None)
    hasil, dicari = None, False
    kode_status = 200
    if form.is_bound and form.is_valid():
        dicari = True
        pesan = status_lewat_batas(request)
        if pesan:
            form.add_error(None, pesan)
            kode_status = 429
        else:
            hasil = selectors.status_publik(kode=form.cleaned_data["kode"])
            if hasil is None:
                kode_status = 404
    tanggapan_form = None
    if hasil is not None and hasil.status in (StatusPengaduan.SELESAI, StatusPengaduan.DIRUJUK):
        tanggapan_form = TanggapanPelaporForm(initial={"kode": hasil.kode})
    return render(
        request,
        "pengaduan/status.html",
        {"form": form, "hasil": hasil, "dicari": dicari, "tanggapan_form": tanggapan_form},
        status=kode_status,
    )


def _ke_status(kode: str):
    return redirect(reverse("pengaduan:status") + f"?kode={kode}")


@login_not_required
@require_POST
def status_tanggapan(request):
    """The reporter's answer to a settled or referred complaint (from the status page)."""
    form = TanggapanPelaporForm(request.POST)
    kode = request.POST.get("kode", "")
    if batas_alamat.lewat_batas(
        request, "pengaduan-tanggapan", settings.PENGADUAN_BATAS_LAPOR_PER_JAM, 3600
    ):
        form.is_valid()
        form.add_error(None, _("Terlalu banyak kiriman dari alamat ini. Coba lagi dalam satu jam."))
    elif form.is_valid():
        d = form.cleaned_data
        try:
            p = services.pengaduan_tanggapi(
                kode=d["kode"],
                isi=d["isi"],
                kunci_sekali=d["kunci_sekali"],
                tantangan=form.nonce_tantangan,
            )
        except SudahTersimpan as e:
            messages.info(request, pesan_sudah_tersimpan())
            return _ke_status(e.obj.pengaduan.kode)
        except ValidationError as e:
            terapkan_error(form, e)
        else:
            messages.success(request, _("Tanggapan Anda sudah kami terima. Terima kasih."))
            return _ke_status(p.kode)
    form.segarkan_tantangan()
    hasil = selectors.status_publik(kode=kode)
    return render(
        request,
        "pengaduan/status.html",
        {
            "form": StatusCariForm({"kode": kode}),
            "hasil": hasil,
            "dicari": True,
            "tanggapan_form": form,
        },
        status=400 if hasil else 404,
    )
