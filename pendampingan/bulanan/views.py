"""Views of the monthly report: authorise, validate a form, call one service, respond."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pendampingan.scope import cakupan_pengguna

from . import dokumen, selectors, services
from .forms import (
    BukaForm,
    KembalikanForm,
    NarasiForm,
    RekapForm,
    RekomendasiForm,
    RencanaForm,
    SetujuiForm,
    SusunForm,
    UnduhanForm,
)
from .models import RencanaKerja, StatusLaporan, StatusUnduhan
from .periode import alasan_kunci_bulan, awal_bulan, bulan_lalu, nama_bulan, tenggat

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _pesan_galat(request, e: ValidationError) -> None:
    for m in e.messages:
        messages.error(request, m)


def _galat_ke_form(form, e: ValidationError) -> None:
    if hasattr(e, "error_dict"):
        for f, msgs in e.message_dict.items():
            form.add_error(f if f in form.fields else None, msgs)
    else:
        form.add_error(None, e.messages)


def _pendamping(request):
    p = getattr(request.user, "pendamping", None) if hasattr(request.user, "pendamping") else None
    if p is None:
        raise PermissionDenied(_("Akun Anda belum terhubung dengan data pendamping."))
    return p


def _halaman(request, qs, ukuran=None):
    return Paginator(qs, ukuran or settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


# ------------------------------------------------------------------------------ home
def beranda(request):
    """The facilitator's months (this one, last one, every report) and, for supervisors, the
    reports waiting for review."""
    c = cakupan_pengguna(request.user)
    punya_pendamping = hasattr(request.user, "pendamping")
    ini = awal_bulan(timezone.localdate())
    bulan_kartu = []
    if punya_pendamping and c.wilayah_lapangan:
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
            "halaman": _halaman(request, selectors.laporan_saya(user=request.user), 12),
            "perlu_diperiksa": list(selectors.laporan_perlu_diperiksa(user=request.user)[:10])
            if c.pengawas
            else [],
            "pengawas": c.pengawas,
        },
    )


def periksa(request):
    """Submitted reports waiting for the user's review."""
    qs = selectors.laporan_perlu_diperiksa(user=request.user)
    return render(request, "bulanan/periksa.html", {"halaman": _halaman(request, qs)})


# ------------------------------------------------------------------------- the month
def bulan(request, bulan: datetime.date):
    """The facilitator's month: the plan (add, copy from last month) and the report."""
    p = _pendamping(request)
    desa_qs = services.desa_tugas_bulan(pendamping=p, bulan=bulan)
    form = RencanaForm(desa_qs=desa_qs)
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
            "bulan_berikut": (bulan.replace(day=28) + datetime.timedelta(days=4)).replace(day=1),
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
    form = RencanaForm(request.POST, desa_qs=services.desa_tugas_bulan(pendamping=p, bulan=bulan))
    if form.is_valid():
        try:
            services.rencana_simpan(user=request.user, bulan=bulan, **form.cleaned_data)
        except ValidationError as e:
            _galat_ke_form(form, e)
        else:
            messages.success(request, _("Rencana kerja ditambahkan."))
            return redirect("bulanan:bulan", bulan=bulan)
    return _render_bulan(request, p, bulan, form, status=400)


@require_POST
def rencana_salin(request, bulan: datetime.date):
    try:
        n, lewat = services.rencana_salin_bulan_lalu(user=request.user, bulan=bulan)
    except ValidationError as e:
        _pesan_galat(request, e)
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
    if r.pendamping.user_id != request.user.pk:
        raise PermissionDenied(_("Hanya pendamping pemilik yang dapat mengubah rencana kerjanya."))
    return r


@require_http_methods(["GET", "POST"])
def rencana_ubah(request, pk: int):
    r = _rencana_milik(request, pk)
    desa_qs = services.desa_tugas_bulan(pendamping=r.pendamping, bulan=r.bulan)
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
            _galat_ke_form(form, e)
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
            _pesan_galat(request, e)
        else:
            messages.success(request, _("Rencana kerja dihapus."))
        return redirect("bulanan:bulan", bulan=r.bulan)
    return render(
        request, "bulanan/rencana_hapus.html", {"rencana": r, "nama_bulan": nama_bulan(r.bulan)}
    )


@require_POST
def laporan_susun(request, bulan: datetime.date):
    form = SusunForm(request.POST)
    form.is_valid()
    try:
        lap = services.laporan_susun(
            user=request.user,
            bulan=bulan,
            susun_ulang_narasi=form.cleaned_data.get("susun_ulang_narasi", False),
        )
    except ValidationError as e:
        _pesan_galat(request, e)
        return redirect("bulanan:bulan", bulan=bulan)
    messages.success(request, _("Laporan disusun dari kegiatan bulan ini."))
    return redirect("bulanan:laporan-detail", pk=lap.pk)


# ------------------------------------------------------------------------ the report
def laporan_detail(request, pk: int):
    lap = selectors.laporan_detail(user=request.user, pk=pk)
    pemilik = lap.pendamping.user_id == request.user.pk
    alasan_periksa = services.boleh_memeriksa(request.user, lap)
    ctx = dokumen.laporan_konteks(laporan=lap)
    ctx.update(
        {
            "pemilik": pemilik,
            "pemeriksa": alasan_periksa is None,
            "narasi_form": NarasiForm(narasi=ctx["narasi_tata_cara"] + ctx["narasi_desa"])
            if pemilik and lap.dapat_diubah
            else None,
            "susun_form": SusunForm(),
            "setujui_form": SetujuiForm(),
            "kembalikan_form": KembalikanForm(),
            "rekomendasi_form": RekomendasiForm(
                initial={"rekomendasi": lap.rekomendasi, "alasan": lap.alasan_rekomendasi}
            ),
            "buka_form": BukaForm(),
            "boleh_buka": alasan_periksa is None and request.user.has_perm("bulanan.buka_bulan"),
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


def _laporan_post(request, pk):
    return selectors.laporan_detail(user=request.user, pk=pk)


@require_POST
def laporan_susun_ulang(request, pk: int):
    lap = _laporan_post(request, pk)
    if lap.pendamping.user_id != request.user.pk:
        raise PermissionDenied(_("Hanya pendamping pemilik yang dapat menyusun laporannya."))
    form = SusunForm(request.POST)
    form.is_valid()
    try:
        services.laporan_susun(
            user=request.user,
            bulan=lap.bulan,
            susun_ulang_narasi=form.cleaned_data.get("susun_ulang_narasi", False),
        )
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(
            request,
            _("Laporan disusun ulang; narasi disusun ulang dari kegiatan.")
            if form.cleaned_data.get("susun_ulang_narasi")
            else _("Laporan disusun ulang; suntingan narasi Anda dipertahankan."),
        )
    return redirect("bulanan:laporan-detail", pk=lap.pk)


@require_POST
def laporan_narasi(request, pk: int):
    lap = _laporan_post(request, pk)
    form = NarasiForm(request.POST, narasi=lap.narasi.all())
    if form.is_valid():
        try:
            n = services.laporan_simpan_narasi(user=request.user, laporan=lap, teks=form.teks())
        except ValidationError as e:
            _pesan_galat(request, e)
        else:
            messages.success(request, _("Narasi disimpan (%(n)d bagian berubah).") % {"n": n})
    else:
        messages.error(request, _("Narasi tidak tersimpan: periksa panjang teks."))
    return redirect(reverse("bulanan:laporan-detail", kwargs={"pk": lap.pk}) + "#narasi")


@require_POST
def laporan_ajukan(request, pk: int):
    lap = _laporan_post(request, pk)
    try:
        services.laporan_ajukan(user=request.user, laporan=lap)
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(request, _("Laporan diajukan kepada pengawas Anda."))
    return redirect("bulanan:laporan-detail", pk=lap.pk)


@require_POST
def laporan_setujui(request, pk: int):
    lap = _laporan_post(request, pk)
    form = SetujuiForm(request.POST)
    form.is_valid()
    try:
        services.laporan_setujui(
            user=request.user, laporan=lap, catatan=form.cleaned_data.get("catatan", "")
        )
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(request, _("Laporan disetujui. Kegiatan bulan itu kini terkunci."))
    return redirect("bulanan:laporan-detail", pk=lap.pk)


@require_POST
def laporan_kembalikan(request, pk: int):
    lap = _laporan_post(request, pk)
    form = KembalikanForm(request.POST)
    if not form.is_valid():
        for msgs in form.errors.values():
            for m in msgs:
                messages.error(request, m)
        return redirect("bulanan:laporan-detail", pk=lap.pk)
    try:
        services.laporan_kembalikan(
            user=request.user, laporan=lap, catatan=form.cleaned_data["catatan"]
        )
    except ValidationError as e:
        _pesan_galat(request, e)
    else:
        messages.success(request, _("Laporan dikembalikan kepada pendamping dengan catatan."))
    return redirect("bulanan:laporan-detail", pk=lap.pk)


@require_POST
def laporan_rekomendasi(request, pk: int):
    lap = _laporan_post(request, pk)
    form = RekomendasiForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih rekomendasi bayar atau tahan."))
    else:
        try:
            services.laporan_rekomendasikan(user=request.user, laporan=lap, **form.cleaned_data)
        except ValidationError as e:
            _pesan_galat(request, e)
        else:
            messages.success(request, _("Rekomendasi pembayaran disimpan."))
    kembali = request.POST.get("kembali", "")
    if kembali.startswith("/bulanan/rekap/"):
        return redirect(kembali)
    return redirect("bulanan:laporan-detail", pk=lap.pk)


@require_POST
def laporan_buka(request, pk: int):
    lap = _laporan_post(request, pk)
    form = BukaForm(request.POST)
    if not form.is_valid():
        for msgs in form.errors.values():
            for m in msgs:
                messages.error(request, m)
        return redirect("bulanan:laporan-detail", pk=lap.pk)
    try:
        services.bulan_buka(
            user=request.user, pendamping=lap.pendamping, bulan=lap.bulan, **form.cleaned_data
        )
    except ValidationError as e:
        _pesan_galat(request, e)
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
    return redirect("bulanan:laporan-detail", pk=lap.pk)


def laporan_pdf(request, pk: int):
    lap = selectors.laporan_detail(user=request.user, pk=pk)
    resp = HttpResponse(dokumen.laporan_pdf(laporan=lap), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{dokumen.nama_berkas(lap, "pdf")}"'
    return resp


def laporan_xlsx(request, pk: int):
    lap = selectors.laporan_detail(user=request.user, pk=pk)
    resp = HttpResponse(dokumen.kegiatan_xlsx(laporan=lap), content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="{dokumen.nama_berkas(lap, "xlsx")}"'
    return resp


# ------------------------------------------------------------------------------ recap
def _rekap_pilihan(request):
    """(wilayah, bulan, form) for the recap pages, from the query string; 404 outside scope."""
    if not cakupan_pengguna(request.user).pengawas:
        raise PermissionDenied(_("Rekap bulanan hanya untuk pengawas."))
    boleh = selectors.wilayah_rekap_boleh(user=request.user)
    form = RekapForm(request.GET or None, wilayah_qs=boleh)
    wilayah, bulan = None, None
    if request.GET and form.is_valid():
        wilayah, bulan = form.cleaned_data.get("wilayah"), form.cleaned_data.get("bulan")
    elif request.GET.get("wilayah"):
        raise Http404(_("Wilayah tidak ditemukan."))
    wilayah = wilayah or selectors.wilayah_rekap(user=request.user).first()
    bulan = bulan or bulan_lalu(awal_bulan(timezone.localdate()))
    if wilayah is None:
        raise Http404(_("Tidak ada wilayah yang Anda awasi."))
    if not form.is_bound:
        form = RekapForm(initial={"wilayah": wilayah, "bulan": bulan}, wilayah_qs=boleh)
    return wilayah, bulan, form


@permission_required("bulanan.lihat_rekap", raise_exception=True)
def rekap(request):
    wilayah, bulan, form = _rekap_pilihan(request)
    r = selectors.rekap_bulanan(user=request.user, wilayah=wilayah, bulan=bulan)
    query = f"wilayah={wilayah.kode}&bulan={bulan:%Y-%m}"
    return render(
        request,
        "bulanan/rekap.html",
        {
            "rekap": r,
            "form": form,
            "nama_bulan": nama_bulan(bulan),
            "halaman": _halaman(request, r.baris, 50),
            "query": query,
            "naik": selectors.wilayah_rekap_boleh(user=request.user)
            .filter(kode=wilayah.induk_id)
            .first()
            if wilayah.induk_id
            else None,
            "unduhan_form": UnduhanForm(
                initial={"wilayah": wilayah, "bulan": bulan},
                wilayah_qs=selectors.wilayah_rekap_boleh(user=request.user),
            ),
            "rekomendasi_form": RekomendasiForm(),
            "kembali": f"{request.path}?{query}",
        },
    )


@permission_required("bulanan.lihat_rekap", raise_exception=True)
def rekap_xlsx(request):
    wilayah, bulan, _form = _rekap_pilihan(request)
    r = selectors.rekap_bulanan(user=request.user, wilayah=wilayah, bulan=bulan)
    resp = HttpResponse(dokumen.rekap_xlsx(rekap=r, user=request.user), content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="rekap-{wilayah.kode}-{bulan:%Y-%m}.xlsx"'
    return resp


# -------------------------------------------------------------------------- downloads
@require_http_methods(["GET", "POST"])
def unduhan(request):
    """The user's background downloads; POST asks for a new ZIP of an area's reports."""
    c = cakupan_pengguna(request.user)
    boleh = selectors.wilayah_rekap_boleh(user=request.user)
    form = UnduhanForm(request.POST or None, wilayah_qs=boleh)
    if request.method == "POST":
        if not c.pengawas:
            raise PermissionDenied(_("Unduhan rekap hanya untuk pengawas."))
        if form.is_valid():
            try:
                u = services.unduhan_minta(user=request.user, **form.cleaned_data)
            except ValidationError as e:
                _galat_ke_form(form, e)
            else:
                messages.success(
                    request,
                    _(
                        "%(j)s sedang dibuat. Halaman ini menampilkan statusnya; berkas siap "
                        "diunduh begitu selesai."
                    )
                    % {"j": u.judul},
                )
                return redirect("bulanan:unduhan")
    qs = selectors.unduhan_pengguna(user=request.user)
    return render(
        request,
        "bulanan/unduhan.html",
        {
            "halaman": _halaman(request, qs),
            "form": form if c.pengawas else None,
            "menunggu": qs.filter(status__in=[StatusUnduhan.ANTRE, StatusUnduhan.PROSES]).exists(),
        },
        status=400 if request.method == "POST" else 200,
    )


def unduhan_berkas(request, pk: int):
    from .models import Unduhan

    u = get_object_or_404(Unduhan.objects.visible_to(request.user), pk=pk)
    if u.status != StatusUnduhan.SIAP or not u.berkas:
        raise Http404(_("Berkas belum siap."))
    return FileResponse(
        u.berkas.open("rb"),
        as_attachment=True,
        filename=u.berkas.name.rsplit("/", 1)[-1],
        content_type="application/zip",
    )
