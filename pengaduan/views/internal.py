"""The facilitators' pages around the complaints: the list, a facilitator's intake, the
supervisor's board."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti import masukan
from pendampingan.inti.sekali import SudahTersimpan, pesan_sudah_tersimpan
from pendampingan.models import Wilayah

from .. import selectors, services
from ..forms import PengaduanInternalForm
from ..models import STATUS_TERBUKA, Kategori, StatusPengaduan
from .umum import terapkan_error, tujuan_setelah


def _halaman(request, qs):
    return Paginator(qs, settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


@permission_required("pengaduan.view_pengaduan", raise_exception=True)
def daftar(request):
    f = {
        "status": masukan.teks_get(request.GET, "status", maks=20),
        "kategori": masukan.teks_get(request.GET, "kategori", maks=50),
        "desa": masukan.teks_get(request.GET, "desa", maks=13),
        "terlambat": request.GET.get("terlambat") == "1",
        "q": masukan.teks_get(request.GET, "q"),
        "penangan_saya": request.GET.get("saya") == "1",
    }
    if f["status"] not in ("", "terbuka", *StatusPengaduan.values):
        f["status"] = ""
    halaman = _halaman(request, selectors.pengaduan_daftar(user=request.user, **f))
    desa = (
        Wilayah.objects.visible_to(request.user).filter(kode=f["desa"]).first()
        if f["desa"]
        else None
    )
    return render(
        request,
        "pengaduan/pengaduan_list.html",
        {
            "halaman": halaman,
            "f": f,
            "desa_filter": desa,
            "status_pilihan": StatusPengaduan.choices,
            "kategori_pilihan": Kategori.objects.filter(aktif=True),
        },
    )


def _waktu_diterima(tanggal: datetime.date) -> datetime.datetime | None:
    """Now for today's intake; noon of the day for one received earlier."""
    if tanggal == timezone.localdate():
        return None
    return timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time(12, 0)))


@permission_required("pengaduan.add_pengaduan", raise_exception=True)
def baru(request):
    """A facilitator records a complaint received in person, by WhatsApp, SMS, letter or phone."""
    form = PengaduanInternalForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            p = services.pengaduan_terima(
                jenis=d["jenis"],
                kategori=d["kategori"],
                wilayah=d["desa"],
                judul=d["judul"],
                isi=d["isi"],
                saluran=d["saluran"],
                pelapor_nama=d["pelapor_nama"],
                pelapor_telepon=d["pelapor_telepon"],
                pelapor_email=d["pelapor_email"],
                anonim=d["anonim"],
                rahasia=d["rahasia"],
                teradu_peran=d["teradu_peran"],
                lampiran=d["lampiran"],
                dicatat_oleh=services.pengaduan_dicatat_oleh(request.user),
                diterima_pada=_waktu_diterima(d["diterima_tanggal"]),
                kunci_sekali=d["kunci_sekali"],
            )
        except SudahTersimpan as e:
            messages.info(request, pesan_sudah_tersimpan())
            return redirect(tujuan_setelah(request, e.obj))
        except ValidationError as e:
            terapkan_error(form, e)
        else:
            messages.success(
                request,
                _("Pengaduan tercatat dengan kode %(k)s. Sampaikan kode ini kepada pelapor.")
                % {"k": p.kode},
            )
            return redirect(tujuan_setelah(request, p))
    return render(request, "pengaduan/pengaduan_form.html", {"form": form})


@permission_required("pengaduan.view_pengaduan", raise_exception=True)
def papan(request):
    """The supervisor's board: open complaints by age, by category, overdue per handler."""
    return render(
        request,
        "pengaduan/papan.html",
        {
            "papan": selectors.papan_pengawas(user=request.user),
            "url_daftar": reverse("pengaduan:daftar"),
            "STATUS_TERBUKA": STATUS_TERBUKA,
        },
    )
