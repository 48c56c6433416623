"""The incident: the quick report, its page, its status moves."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pendampingan.inti.sekali import SudahTersimpan, pesan_sudah_tersimpan

from .. import akses, forms, laporan, selectors, services
from ..models import KOLOM_DAMPAK, STATUS_BOLEH, JenisBukti, StatusKejadian
from ._umum import (
    CATAT,
    KIRIM,
    LAPOR,
    LIHAT,
    galat_ke_form,
    halaman_form,
    kejadian_atau_404,
    pendamping,
    url_bagian,
)

PESAN_JS = {
    "mengirim": gettext_lazy("Mengirim laporan…"),
    "foto": gettext_lazy("Laporan terkirim. Mengunggah foto…"),
    "fotoGagal": gettext_lazy(
        "Laporan terkirim, tetapi foto gagal diunggah. Unggah lagi dari halaman kejadian."
    ),
    "gagal": gettext_lazy("Laporan belum terkirim. Periksa isian lalu kirim lagi."),
    "jaringan": gettext_lazy("Jaringan terputus. Laporan belum terkirim; coba lagi."),
    "gps": gettext_lazy("Lokasi diambil (akurasi ± %s m). Boleh diubah."),
    "gpsGagal": gettext_lazy("Lokasi tidak dapat diambil; isi manual atau kosongkan."),
}


def _jawaban_cepat(k, pesan: str, status: int) -> JsonResponse:
    """The script's answer: where the incident is and where (and with which key) its photo goes."""
    kunci = services.foto_kunci(k.kunci_sekali)
    return JsonResponse(
        {
            "kode": k.kode,
            "url": k.get_absolute_url(),
            "foto_url": reverse("bencana:bukti-tambah", args=[k.pk]),
            "foto_kunci": str(kunci) if kunci else "",
            "pesan": pesan,
        },
        status=status,
    )


@permission_required(LAPOR, raise_exception=True)
def kejadian_lapor(request):
    """The quick report. With JavaScript the page posts the text fields first (one small POST)
    and sends the photo in a second request; without it, one multipart POST carries both. The form's
    one-time key makes a double click or a resend show the first incident."""
    pelapor = pendamping(request)
    cepat = request.headers.get("X-Lapor-Cepat") == "1"
    if request.method == "POST":
        form = forms.LaporCepatForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            d = form.cleaned_data
            try:
                k = services.kejadian_laporkan(
                    pelapor=pelapor,
                    jenis=d["jenis"],
                    waktu=d["waktu"],
                    desa=d["desa"],
                    ringkasan=d["ringkasan"],
                    lintang=d["lintang"],
                    bujur=d["bujur"],
                    foto=d["foto"],
                    kunci_sekali=d["kunci_sekali"],
                )
            except SudahTersimpan as e:
                if cepat:
                    return _jawaban_cepat(e.obj, pesan_sudah_tersimpan(), 200)
                messages.info(request, pesan_sudah_tersimpan())
                return redirect(e.obj.get_absolute_url())
            except ValidationError as e:
                galat_ke_form(form, e)
            else:
                pesan = _("Kejadian %(kode)s dilaporkan; pengawas dan kementerian diberi tahu.") % {
                    "kode": k.kode
                }
                if cepat:
                    return _jawaban_cepat(k, pesan, 201)
                messages.success(request, pesan)
                return redirect(k.get_absolute_url())
        if cepat:
            return JsonResponse({"galat": form.errors.get_json_data()}, status=400)
    else:
        form = forms.LaporCepatForm(user=request.user)
    return render(request, "bencana/kejadian_lapor.html", {"form": form, "pesan_js": PESAN_JS})


BAGIAN = [
    ("status", gettext_lazy("Status")),
    ("laporan", gettext_lazy("Laporan")),
    ("desa", gettext_lazy("Desa")),
    ("dampak", gettext_lazy("Dampak")),
    ("pengungsian", gettext_lazy("Pengungsian")),
    ("kronologi", gettext_lazy("Kronologi")),
    ("bukti", gettext_lazy("Bukti")),
    ("koordinasi", gettext_lazy("Koordinasi")),
    ("tokoh", gettext_lazy("Tokoh")),
    ("keputusan", gettext_lazy("Kegiatan desa")),
    ("mitigasi", gettext_lazy("Mitigasi")),
    ("bantuan", gettext_lazy("Bantuan")),
    ("kerja", gettext_lazy("Kerja tanggap")),
    ("riwayat", gettext_lazy("Riwayat")),
]


@permission_required(LIHAT, raise_exception=True)
def kejadian_detail(request, pk):
    k = kejadian_atau_404(request, pk)
    user = request.user
    versi = selectors.laporan_versi(kejadian=k)
    bukti = selectors.bukti_kejadian(kejadian=k)
    boleh_ubah = user.has_perm(CATAT) and akses.boleh_ubah(user, k)
    status_form = None
    if boleh_ubah and STATUS_BOLEH.get(k.status):
        status_form = forms.StatusForm(kejadian=k, user=user)
        if not status_form.fields["ke"].choices:
            status_form = None
    konteks = {
        "k": k,
        "desa": selectors.desa_terdampak(kejadian=k),
        "perubahan": selectors.perubahan_status(kejadian=k),
        "kronologi": selectors.kronologi(kejadian=k),
        **selectors.pengungsian(kejadian=k),
        "kolom": KOLOM_DAMPAK,
        "total": selectors.dampak_total(kejadian_ids=[k.pk]).get(k.pk),
        "terkini": selectors.dampak_terkini_per_desa(kejadian=k),
        "riwayat_dampak": selectors.dampak_riwayat(kejadian=k),
        "bukti": bukti,
        "koordinasi": list(k.koordinasi.select_related("oleh").order_by("waktu", "pk")),
        "tokoh": list(k.tokoh.order_by("pk")),
        "keputusan": list(k.keputusan.select_related("wilayah").order_by("tanggal", "pk")),
        "bantuan": list(k.bantuan.select_related("wilayah").order_by("tanggal", "pk")),
        "mitigasi": selectors.mitigasi(kejadian=k),
        "versi": versi,
        "perubahan_baru": laporan.perubahan_sejak_versi(
            kejadian=k, versi_terakhir=versi[-1] if versi else None
        ),
        "kerja": selectors.kerja_tanggap(kejadian=k, user=user),
        "riwayat": list(k.history.select_related("history_user").order_by("-history_date")[:20]),
        "status_form": status_form,
        "boleh_catat": boleh_ubah,
        "boleh_dampak": boleh_ubah and akses.boleh_catat_dampak(user, k),
        "boleh_kirim": user.has_perm(KIRIM) and boleh_ubah,
        "tanpa_foto": not any(b.jenis == JenisBukti.FOTO for b in bukti),
        "bagian_nav": BAGIAN,
        **selectors.pesan_kejadian(kejadian=k),
    }
    return render(request, "bencana/kejadian_detail.html", konteks)


@permission_required(CATAT, raise_exception=True)
def kejadian_status(request, pk):
    """A status move. The hidden ``dari`` is the status the page showed; a second person moving the
    same incident at the same moment is told who moved it first (``PindahDitolak``)."""
    k = kejadian_atau_404(request, pk)
    oleh = pendamping(request)
    form = forms.StatusForm(request.POST or None, kejadian=k, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.kejadian_ubah_status(
                kejadian=k,
                ke=form.cleaned_data["ke"],
                oleh=oleh,
                catatan=form.cleaned_data["catatan"],
                dari=form.cleaned_data["dari"] or None,
            )
        except ValidationError as e:  # PindahDitolak included
            galat_ke_form(form, e)
        else:
            messages.success(
                request,
                _("Status menjadi %(s)s. Kirim sebagai versi baru laporan kementerian bila perlu.")
                % {"s": StatusKejadian(form.cleaned_data["ke"]).label},
            )
            return redirect(url_bagian(k, "laporan"))
    return halaman_form(request, k, form, _("Ubah status"), "status")
