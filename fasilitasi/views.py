"""Pages of fasilitasi. Each view: authorise, validate a form, call one service, respond."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendampingan.models import Wilayah
from pendampingan.selectors import wilayah_breadcrumb

from . import selectors, services
from .forms import (
    BumDesaForm,
    DokumenForm,
    FasilitasiBukaForm,
    LaporanTahunanForm,
    MajuForm,
    MundurForm,
    PapanForm,
    PengurusForm,
    StatusForm,
    StatusImporForm,
    UnitUsahaForm,
)
from .models import (
    DokumenFasilitasi,
    StatusBadanHukum,
    StatusFasilitasi,
    TemplatAlur,
)

LIHAT = "fasilitasi.view_fasilitasi"


def _halaman(request, qs, ukuran=None):
    return Paginator(qs, ukuran or settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


def _int(nilai):
    try:
        return int(nilai)
    except (TypeError, ValueError):
        return None


def _pesan_galat(request, e: ValidationError):
    for m in e.messages:
        messages.error(request, m)


def _ke_form(form, e: ValidationError):
    if hasattr(e, "error_dict"):
        for f, errs in e.message_dict.items():
            form.add_error(f if f in form.fields else None, errs)
    else:
        form.add_error(None, e.messages)


# ------------------------------------------------------------------------------ cases
@permission_required(LIHAT, raise_exception=True)
def kasus_saya(request):
    """The user's own cases (as responsible facilitator): late first, then by stage."""
    status = request.GET.get("status", "terbuka")
    qs = selectors.fasilitasi_list(user=request.user, saya=True, status=status)
    halaman = _halaman(request, qs)
    return render(
        request,
        "fasilitasi/kasus_saya.html",
        {"halaman": halaman, "status": status, "StatusFasilitasi": StatusFasilitasi},
    )


@permission_required(LIHAT, raise_exception=True)
def kasus_list(request):
    """Every case the user may see, with filters (the board's figures link here)."""
    g = request.GET
    filter_ = {
        "wilayah": g.get("wilayah", "").strip(),
        "templat": _int(g.get("templat")),
        "tahun": _int(g.get("tahun")),
        "urutan_tahap": _int(g.get("tahap")),
        "status": g.get("status", ""),
        "terlambat": g.get("terlambat") == "1",
        "q": g.get("q", "").strip(),
    }
    qs = selectors.fasilitasi_list(user=request.user, **filter_)
    return render(
        request,
        "fasilitasi/kasus_list.html",
        {
            "halaman": _halaman(request, qs),
            "f": filter_,
            "templat_list": TemplatAlur.objects.filter(aktif=True),
            "StatusFasilitasi": StatusFasilitasi,
        },
    )


@permission_required("fasilitasi.add_fasilitasi", raise_exception=True)
def kasus_buat(request):
    form = FasilitasiBukaForm(request.POST or None, user=request.user, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            kasus = services.fasilitasi_buka(
                user=request.user,
                wilayah=d["wilayah"],
                templat=d["templat"],
                tahun=d["tahun"],
                judul=d["judul"],
                penanggung_jawab=d["penanggung_jawab"],
                bumdes=d.get("bumdes"),
            )
        except ValidationError as e:
            _ke_form(form, e)
        else:
            messages.success(request, _("Kasus %(j)s dibuka.") % {"j": kasus.judul})
            return redirect("fasilitasi:kasus-detail", pk=kasus.pk)
    return render(request, "fasilitasi/kasus_form.html", {"form": form})


@permission_required(LIHAT, raise_exception=True)
def kasus_detail(request, pk):
    kasus = selectors.fasilitasi_detail(user=request.user, pk=pk)
    boleh = services.boleh_ubah_kasus(request.user, kasus)
    tahap = selectors.fasilitasi_tahap(kasus=kasus)
    ctx = {
        "kasus": kasus,
        "tahap_list": tahap,
        "peristiwa": selectors.fasilitasi_peristiwa(kasus=kasus),
        "riwayat": selectors.fasilitasi_riwayat(kasus=kasus),
        "breadcrumb": wilayah_breadcrumb(wilayah=kasus.wilayah),
        "boleh_ubah": boleh,
    }
    if boleh and kasus.terbuka:
        kini = next((t for t in tahap if t.pk == kasus.tahap_kini_id), None)
        ada = {d.nama for d in kini.berkas.all()} if kini else set()
        ctx.update(
            {
                "tahap_kini": kini,
                "dokumen_kurang": [n for n in (kini.dokumen_wajib if kini else []) if n not in ada],
                "form_maju": MajuForm(user=request.user, kasus=kasus),
                "form_mundur": MundurForm(user=request.user, kasus=kasus),
                "form_status": StatusForm(kasus=kasus),
                "form_dokumen": DokumenForm(kasus=kasus),
                "tahap_pertama": kini is not None and kini.urutan == tahap[0].urutan,
            }
        )
    return render(request, "fasilitasi/kasus_detail.html", ctx)


def _kasus_untuk_ubah(request, pk):
    kasus = selectors.fasilitasi_detail(user=request.user, pk=pk)
    if not services.boleh_ubah_kasus(request.user, kasus):
        raise PermissionDenied
    return kasus


@require_POST
def kasus_maju(request, pk):
    kasus = _kasus_untuk_ubah(request, pk)
    form = MajuForm(request.POST, user=request.user, kasus=kasus)
    if form.is_valid():
        try:
            kasus = services.fasilitasi_maju(
                kasus=kasus,
                user=request.user,
                catatan=form.cleaned_data["catatan"],
                kegiatan=form.cleaned_data["kegiatan"],
            )
        except ValidationError as e:
            _pesan_galat(request, e)
        else:
            if kasus.status == StatusFasilitasi.SELESAI:
                messages.success(request, _("Tahap terakhir selesai; kasus ditutup."))
            else:
                messages.success(
                    request, _("Kasus pindah ke tahap «%(t)s».") % {"t": kasus.tahap_kini.nama}
                )
    else:
        _pesan_galat(request, ValidationError(list(form.errors.values())))
    return redirect("fasilitasi:kasus-detail", pk=pk)


@require_POST
def kasus_mundur(request, pk):
    kasus = _kasus_untuk_ubah(request, pk)
    form = MundurForm(request.POST, user=request.user, kasus=kasus)
    if form.is_valid():
        try:
            kasus = services.fasilitasi_mundur(
                kasus=kasus,
                user=request.user,
                alasan=form.cleaned_data["alasan"],
                kegiatan=form.cleaned_data["kegiatan"],
            )
        except ValidationError as e:
            _pesan_galat(request, e)
        else:
            messages.success(
                request, _("Kasus kembali ke tahap «%(t)s».") % {"t": kasus.tahap_kini.nama}
            )
    else:
        messages.error(request, _("Tuliskan alasan kembali ke tahap sebelumnya."))
    return redirect("fasilitasi:kasus-detail", pk=pk)


@require_POST
def kasus_status(request, pk):
    kasus = _kasus_untuk_ubah(request, pk)
    form = StatusForm(request.POST, kasus=kasus)
    if form.is_valid():
        try:
            kasus = services.fasilitasi_ubah_status(
                kasus=kasus,
                user=request.user,
                status=form.cleaned_data["status"],
                catatan=form.cleaned_data["catatan"],
            )
        except ValidationError as e:
            _pesan_galat(request, e)
        else:
            messages.success(request, _("Status kasus: %(s)s.") % {"s": kasus.get_status_display()})
    else:
        messages.error(request, _("Status itu tidak dapat dipilih untuk kasus ini."))
    return redirect("fasilitasi:kasus-detail", pk=pk)


@require_POST
def kasus_dokumen(request, pk):
    kasus = _kasus_untuk_ubah(request, pk)
    form = DokumenForm(request.POST, request.FILES, kasus=kasus)
    if form.is_valid():
        try:
            dok = services.dokumen_lampirkan(
                kasus=kasus,
                user=request.user,
                nama=form.cleaned_data["nama"],
                berkas=form.cleaned_data["berkas"],
            )
        except ValidationError as e:
            _pesan_galat(request, e)
        else:
            messages.success(request, _("Dokumen «%(n)s» dilampirkan.") % {"n": dok.nama})
    else:
        for errs in form.errors.values():
            for m in errs:
                messages.error(request, m)
    return redirect("fasilitasi:kasus-detail", pk=pk)


@permission_required(LIHAT, raise_exception=True)
def dokumen_unduh(request, pk):
    dok = get_object_or_404(DokumenFasilitasi.objects.visible_to(request.user), pk=pk)
    return FileResponse(
        dok.berkas.open("rb"),
        as_attachment=not dok.jenis_mime.startswith("image/")
        and dok.jenis_mime != "application/pdf",
        filename=dok.nama_asli,
        content_type=dok.jenis_mime,
    )


# ------------------------------------------------------------------------------- board
def _templat_bawaan():
    return TemplatAlur.objects.filter(aktif=True, kode="apb-desa").first() or (
        TemplatAlur.objects.filter(aktif=True).first()
    )


def _papan_filter(request):
    form = PapanForm(request.GET or None)
    templat = _templat_bawaan()
    tahun = timezone.localdate().year
    wilayah = None
    if form.is_bound and form.is_valid():
        templat, tahun = form.cleaned_data["templat"], form.cleaned_data["tahun"]
        kode = form.cleaned_data["wilayah"]
        if kode:
            wilayah = get_object_or_404(Wilayah.objects.visible_to(request.user), kode=kode)
    elif not form.is_bound:
        form = PapanForm(initial={"templat": templat, "tahun": tahun})
    return form, templat, tahun, wilayah


@permission_required(LIHAT, raise_exception=True)
def papan(request):
    """The pipeline board: villages at each stage of a template and year, by region."""
    form, templat, tahun, wilayah = _papan_filter(request)
    if templat is None:
        return render(request, "fasilitasi/papan.html", {"form": form, "kosong": True})
    tahap, tonggak = selectors.papan_templat(templat=templat)
    baris = selectors.papan_baris(
        user=request.user,
        wilayah=wilayah,
        templat=templat,
        tahun=tahun,
        tonggak_urutan=tonggak.urutan if tonggak else None,
    )
    total = selectors.papan_total(baris, wilayah)
    for b in [*baris, total]:
        b.isi_kolom(tahap)
    dasar = {"templat": templat.pk, "tahun": tahun}
    return render(
        request,
        "fasilitasi/papan.html",
        {
            "form": form,
            "templat": templat,
            "tahun": tahun,
            "wilayah": wilayah,
            "breadcrumb": wilayah_breadcrumb(wilayah=wilayah) if wilayah else [],
            "tahap_list": tahap,
            "tonggak": tonggak,
            "baris": baris,
            "total": total,
            "q_dasar": urlencode(dasar),
        },
    )


@permission_required(LIHAT, raise_exception=True)
def papan_belum(request):
    """Villages in the region that have not reached a stage (by default the milestone stage —
    e.g. "not yet enacted their APB Desa 2027"), including those with no case at all."""
    form, templat, tahun, wilayah = _papan_filter(request)
    if templat is None:
        return render(request, "fasilitasi/papan_belum.html", {"form": form, "kosong": True})
    tahap, tonggak = selectors.papan_templat(templat=templat)
    urutan = _int(request.GET.get("tahap")) or (tonggak.urutan if tonggak else 1)
    target = next((t for t in tahap if t.urutan == urutan), tonggak)
    halaman = _halaman(
        request,
        selectors.desa_belum_mencapai(
            user=request.user, wilayah=wilayah, templat=templat, tahun=tahun, urutan=urutan
        ),
        50,
    )
    kasus = selectors.kasus_desa(
        user=request.user, desa_kode=[d.kode for d in halaman], templat=templat, tahun=tahun
    )
    return render(
        request,
        "fasilitasi/papan_belum.html",
        {
            "form": form,
            "templat": templat,
            "tahun": tahun,
            "wilayah": wilayah,
            "target": target,
            "halaman": halaman,
            "baris": [(d, kasus.get(d.kode)) for d in halaman],
        },
    )


# --------------------------------------------------------------------------- BUM Desa
@permission_required("fasilitasi.view_bumdesa", raise_exception=True)
def bumdes_list(request):
    q = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    qs = selectors.bumdes_list(user=request.user, q=q, status_badan_hukum=status)
    return render(
        request,
        "fasilitasi/bumdes_list.html",
        {
            "halaman": _halaman(request, qs),
            "q": q,
            "status": status,
            "StatusBadanHukum": StatusBadanHukum,
        },
    )


@permission_required("fasilitasi.add_bumdesa", raise_exception=True)
def bumdes_buat(request):
    return _bumdes_form(request, None)


def bumdes_ubah(request, pk):
    bumdes = selectors.bumdes_detail(user=request.user, pk=pk)
    if not services.boleh_ubah_bumdes(request.user, bumdes):
        raise PermissionDenied
    return _bumdes_form(request, bumdes)


def _bumdes_form(request, bumdes):
    form = BumDesaForm(request.POST or None, user=request.user, instance=bumdes)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "anggota"}
        try:
            bumdes = services.bumdes_simpan(
                user=request.user,
                data=data,
                desa_anggota=form.cleaned_data["anggota"],
                bumdes=bumdes,
            )
        except ValidationError as e:
            _ke_form(form, e)
        else:
            messages.success(request, _("BUM Desa %(n)s disimpan.") % {"n": bumdes.nama})
            return redirect("fasilitasi:bumdes-detail", pk=bumdes.pk)
    return render(request, "fasilitasi/bumdes_form.html", {"form": form, "bumdes": bumdes})


@permission_required("fasilitasi.view_bumdesa", raise_exception=True)
def bumdes_detail(request, pk):
    bumdes = selectors.bumdes_detail(user=request.user, pk=pk)
    kasus, kegiatan = selectors.bumdes_kasus_kegiatan(user=request.user, bumdes=bumdes)
    boleh = services.boleh_ubah_bumdes(request.user, bumdes)
    return render(
        request,
        "fasilitasi/bumdes_detail.html",
        {
            "bumdes": bumdes,
            "tren": selectors.bumdes_laporan_tren(bumdes=bumdes),
            "kasus_list": kasus,
            "kegiatan_list": kegiatan,
            "riwayat": list(bumdes.history.select_related("history_user")[:30]),
            "boleh_ubah": boleh,
            "form_unit": UnitUsahaForm(prefix="unit") if boleh else None,
            "form_pengurus": PengurusForm(prefix="pengurus") if boleh else None,
            "form_laporan": LaporanTahunanForm(
                prefix="laporan", initial={"tahun": timezone.localdate().year - 1}
            )
            if boleh
            else None,
        },
    )


def _bumdes_untuk_ubah(request, pk):
    bumdes = selectors.bumdes_detail(user=request.user, pk=pk)
    if not services.boleh_ubah_bumdes(request.user, bumdes):
        raise PermissionDenied
    return bumdes


def _simpan_sub(request, pk, form_class, prefix, fungsi, pesan):
    bumdes = _bumdes_untuk_ubah(request, pk)
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            fungsi(user=request.user, bumdes=bumdes, **form.cleaned_data)
        except ValidationError as e:
            _pesan_galat(request, e)
        else:
            messages.success(request, pesan)
    else:
        for f, errs in form.errors.items():
            label = form.fields[f].label if f in form.fields else ""
            for m in errs:
                messages.error(request, f"{label}: {m}" if label else m)
    return redirect(reverse("fasilitasi:bumdes-detail", args=[pk]) + f"#{prefix}")


@require_POST
def bumdes_unit(request, pk):
    return _simpan_sub(
        request, pk, UnitUsahaForm, "unit", services.unit_usaha_simpan, _("Unit usaha disimpan.")
    )


@require_POST
def bumdes_pengurus(request, pk):
    return _simpan_sub(
        request, pk, PengurusForm, "pengurus", services.pengurus_simpan, _("Pengurus disimpan.")
    )


@require_POST
def bumdes_laporan(request, pk):
    return _simpan_sub(
        request,
        pk,
        LaporanTahunanForm,
        "laporan",
        services.laporan_tahunan_simpan,
        _("Laporan tahunan disimpan."),
    )


# ------------------------------------------------------------------------ village status
@permission_required("fasilitasi.add_statusdesa", raise_exception=True)
def status_impor(request):
    form = StatusImporForm(request.POST or None, request.FILES or None)
    hasil = None
    if request.method == "POST" and form.is_valid():
        try:
            hasil = services.status_desa_impor(
                user=request.user,
                indeks=form.cleaned_data["indeks"],
                berkas=form.cleaned_data["berkas"],
                nama_berkas=form.cleaned_data["berkas"].name,
            )
        except ValidationError as e:
            _ke_form(form, e)
        else:
            if hasil.ditolak:
                messages.warning(
                    request,
                    _("%(a)d baris diimpor, %(b)d baris ditolak (lihat rinciannya).")
                    % {"a": hasil.diimpor, "b": hasil.ditolak},
                )
            else:
                messages.success(request, _("%(a)d baris diimpor.") % {"a": hasil.diimpor})
    return render(request, "fasilitasi/status_impor.html", {"form": form, "hasil": hasil})
