"""The facilitator's pages: home, the month with its plan, drafting the report."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.scope import cakupan_pengguna

from .. import selectors, services
from ..akses import boleh_ubah_rencana
from ..forms import RencanaForm, SusunForm
from ..models import RencanaKerja
from ..periode import alasan_kunci_bulan, awal_bulan, bulan_berikut, bulan_lalu, nama_bulan, tenggat
from ._bantu import galat_ke_form, halaman, pesan_galat, sudah_tersimpan


def _pendamping(request):
    p = getattr(request.user, "pendamping", None) if hasattr(request.user, "pendamping") else None
    if p is None:
        raise PermissionDenied(_("Akun Anda belum terhubung dengan data pendamping."))
    return p


def beranda(request):
    """The facilitator's months (this one, last one, every report) and, for supervisors, the
    reports waiting for review."""
    c = cakupan_pengguna(request.user)
    ini = awal_bulan(timezone.localdate())
    bulan_kartu = []
    if hasattr(request.user, "pendamping") and c.wilayah_lapangan:
        laporan = {
            lap.bulan: lap
            for lap in selectors.laporan_saya(user=request.user).filter(
                bulan__in=[ini, bulan_lalu(ini)]
            )
        }
        for b in (bulan_lalu(ini), ini):
            bulan_kartu.append(
                {
                    "bulan": b,
                    "nama": nama_bulan(b),
                    "laporan": laporan.get(b),
                    "tenggat": tenggat(b),
                    "kunci": alasan_kunci_bulan(pendamping_id=request.user.pendamping.pk, bulan=b),
                }
            )
    return render(
        request,
        "bulanan/beranda.html",
        {
            "bulan_kartu": bulan_kartu,
            "halaman": halaman(request, selectors.laporan_saya(user=request.user), 12),
            "perlu_diperiksa": list(selectors.laporan_perlu_diperiksa(user=request.user)[:10])
            if c.pengawas
            else [],
            "pengawas": c.pengawas,
        },
    )


def periksa(request):
    """Submitted reports waiting for the user's review."""
    qs = selectors.laporan_perlu_diperiksa(user=request.user)
    return render(request, "bulanan/periksa.html", {"halaman": halaman(request, qs)})


def bulan(request, bulan: datetime.date):
    """The facilitator's month: the plan (add, copy from last month) and the report."""
    p = _pendamping(request)
    form = RencanaForm(desa_qs=selectors.desa_tugas_bulan(pendamping=p, bulan=bulan))
    return _render_bulan(request, p, bulan, form)


def _render_bulan(request, p, bulan, form, status=200):
    rencana = list(selectors.rencana_bulan(user=request.user, pendamping=p, bulan=bulan))
    laporan = selectors.laporan_saya(user=request.user).filter(bulan=bulan).first()
    return render(
        request,
        "bulanan/bulan.html",
        {
            "bulan": bulan,
            "nama_bulan": nama_bulan(bulan),
            "bulan_lalu": bulan_lalu(bulan),
            "bulan_berikut": bulan_berikut(bulan),
            "rencana": rencana,
            "total_target": sum(r.target_kegiatan for r in rencana),
            "laporan": laporan,
            "form": form,
            "susun_form": SusunForm(),
            "kunci": alasan_kunci_bulan(pendamping_id=p.pk, bulan=bulan),
            "tenggat": tenggat(bulan),
            "masa_depan": bulan > awal_bulan(timezone.localdate()),
        },
        status=status,
    )


@require_POST
def rencana_tambah(request, bulan: datetime.date):
    p = _pendamping(request)
    form = RencanaForm(request.POST, desa_qs=selectors.desa_tugas_bulan(pendamping=p, bulan=bulan))
    if form.is_valid():
        try:
            services.rencana_simpan(user=request.user, bulan=bulan, **form.cleaned_data)
        except SudahTersimpan as e:
            return sudah_tersimpan(request, e.obj.get_absolute_url())
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Rencana kerja ditambahkan."))
            return redirect("bulanan:bulan", bulan=bulan)
    return _render_bulan(request, p, bulan, form, status=400)


@require_POST
def rencana_salin(request, bulan: datetime.date):
    try:
        n, lewat = services.rencana_salin_bulan_lalu(user=request.user, bulan=bulan)
    except ValidationError as e:
        pesan_galat(request, e)
    else:
        msg = _("%(n)d baris rencana disalin dari %(b)s.") % {
            "n": n,
            "b": nama_bulan(bulan_lalu(bulan)),
        }
        if lewat:
            msg += " " + _(
                "%(n)d baris dilewati (sudah ada atau desanya tidak lagi dalam penugasan)."
            ) % {"n": lewat}
        messages.success(request, msg)
    return redirect("bulanan:bulan", bulan=bulan)


def _rencana_milik(request, pk):
    """A plan row the user can see (else 404); only its owner may change it (else 403)."""
    r = get_object_or_404(
        RencanaKerja.objects.visible_to(request.user).select_related("wilayah", "pendamping"),
        pk=pk,
    )
    if not boleh_ubah_rencana(request.user, r):
        raise PermissionDenied(_("Hanya pendamping pemilik yang dapat mengubah rencana kerjanya."))
    return r


@require_http_methods(["GET", "POST"])
def rencana_ubah(request, pk: int):
    r = _rencana_milik(request, pk)
    desa_qs = selectors.desa_tugas_bulan(pendamping=r.pendamping, bulan=r.bulan)
    awal = {
        "wilayah": r.wilayah,
        "tata_cara": r.tata_cara,
        "target_kegiatan": r.target_kegiatan,
        "sasaran": r.sasaran,
    }
    form = RencanaForm(request.POST or None, initial=awal, desa_qs=desa_qs)
    if request.method == "POST" and form.is_valid():
        try:
            services.rencana_simpan(
                user=request.user, bulan=r.bulan, rencana=r, **form.cleaned_data
            )
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Rencana kerja diperbarui."))
            return redirect("bulanan:bulan", bulan=r.bulan)
    return render(
        request,
        "bulanan/rencana_form.html",
        {"form": form, "rencana": r, "nama_bulan": nama_bulan(r.bulan)},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def rencana_hapus(request, pk: int):
    r = _rencana_milik(request, pk)
    if request.method == "POST":
        try:
            services.rencana_hapus(user=request.user, rencana=r)
        except ValidationError as e:
            pesan_galat(request, e)
        else:
            messages.success(request, _("Rencana kerja dihapus."))
        return redirect("bulanan:bulan", bulan=r.bulan)
    return render(
        request, "bulanan/rencana_hapus.html", {"rencana": r, "nama_bulan": nama_bulan(r.bulan)}
    )


@require_POST
def laporan_susun(request, bulan: datetime.date):
    """Draft the month's report (the first time, it is created)."""
    form = SusunForm(request.POST)
    form.is_valid()
    try:
        lap = services.laporan_susun(
            user=request.user,
            bulan=bulan,
            susun_ulang_narasi=form.cleaned_data.get("susun_ulang_narasi", False),
            kunci_sekali=form.cleaned_data.get("kunci_sekali"),
        )
    except SudahTersimpan as e:
        return sudah_tersimpan(request, e.obj.get_absolute_url())
    except ValidationError as e:
        pesan_galat(request, e)
        return redirect("bulanan:bulan", bulan=bulan)
    messages.success(request, _("Laporan disusun dari kegiatan bulan ini."))
    return redirect("bulanan:laporan-detail", pk=lap.pk)
