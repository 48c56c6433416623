"""Pages of a case: my cases, every case, open one, the case page with its move forms, the moves
themselves, its documents (uploaded through the one check, served through this scoped view)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pendampingan.inti import masukan
from pendampingan.inti.akses import pastikan
from pendampingan.inti.berkas import respons_berkas
from pendampingan.selectors import wilayah_breadcrumb

from .. import akses, selectors, services
from ..forms import DokumenForm, FasilitasiBukaForm, MajuForm, MundurForm, StatusForm
from ..models import StatusFasilitasi, TemplatAlur
from .umum import LIHAT, galat_form, halaman, ke_form, pesan_galat


@permission_required(LIHAT, raise_exception=True)
def kasus_saya(request):
    """The user's own cases (as responsible facilitator): late first, then by stage."""
    status = masukan.teks_get(request.GET, "status", "terbuka", maks=20)
    qs = selectors.fasilitasi_list(user=request.user, saya=True, status=status)
    return render(
        request,
        "fasilitasi/kasus_saya.html",
        {"halaman": halaman(request, qs), "status": status, "StatusFasilitasi": StatusFasilitasi},
    )


@permission_required(LIHAT, raise_exception=True)
def kasus_list(request):
    """Every case the user may see, with filters (the board's figures link here)."""
    g = request.GET
    filter_ = {
        "wilayah": masukan.teks_get(g, "wilayah", maks=13),
        "templat": masukan.angka_get(g, "templat", minimum=1),
        "tahun": masukan.angka_get(g, "tahun", minimum=1900, maksimum=2200),
        "urutan_tahap": masukan.angka_get(g, "tahap", minimum=1),
        "status": masukan.teks_get(g, "status", maks=20),
        "terlambat": g.get("terlambat") == "1",
        "q": masukan.teks_get(g, "q"),
    }
    qs = selectors.fasilitasi_list(user=request.user, **filter_)
    return render(
        request,
        "fasilitasi/kasus_list.html",
        {
            "halaman": halaman(request, qs),
            "f": filter_,
            "templat_list": TemplatAlur.objects.filter(aktif=True),
            "StatusFasilitasi": StatusFasilitasi,
        },
    )


@permission_required("fasilitasi.add_fasilitasi", raise_exception=True)
def kasus_buat(request):
    """Open a case. A double click opens one case (the one-time key) and shows it."""
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
                kunci_sekali=d["kunci_sekali"],
            )
        except ValidationError as e:
            ke_form(form, e)
        else:
            messages.success(request, _("Kasus %(j)s dibuka.") % {"j": kasus.judul})
            return redirect(kasus)
    return render(request, "fasilitasi/kasus_form.html", {"form": form})


def _halaman_kasus(request, kasus, *, form_dokumen=None):
    """The case page; ``form_dokumen``: a refused upload, shown with its messages."""
    boleh = akses.boleh_ubah_kasus(request.user, kasus)
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
                "form_dokumen": form_dokumen
                if form_dokumen is not None
                else DokumenForm(kasus=kasus),
                "tahap_pertama": kini is not None and kini.urutan == tahap[0].urutan,
            }
        )
    return render(request, "fasilitasi/kasus_detail.html", ctx)


@permission_required(LIHAT, raise_exception=True)
def kasus_detail(request, pk):
    return _halaman_kasus(request, selectors.fasilitasi_detail(user=request.user, pk=pk))


def _kasus_untuk(request, pk, boleh, pesan):
    """The case (404 outside the scope), and the user allowed the action on it (403)."""
    kasus = selectors.fasilitasi_detail(user=request.user, pk=pk)
    pastikan(boleh(request.user, kasus), pesan)
    return kasus


@require_POST
def kasus_maju(request, pk):
    kasus = _kasus_untuk(
        request, pk, akses.boleh_pindah_tahap, _("Anda tidak berwenang memindah tahap kasus ini.")
    )
    form = MajuForm(request.POST, user=request.user, kasus=kasus)
    if form.is_valid():
        try:
            kasus = services.fasilitasi_maju(
                kasus=kasus,
                user=request.user,
                catatan=form.cleaned_data["catatan"],
                kegiatan=form.cleaned_data["kegiatan"],
                dari_tahap=form.cleaned_data["dari_tahap"],
            )
        except ValidationError as e:  # PindahDitolak included: the case moved meanwhile
            pesan_galat(request, e)
        else:
            if kasus.status == StatusFasilitasi.SELESAI:
                messages.success(request, _("Tahap terakhir selesai; kasus ditutup."))
            else:
                messages.success(
                    request, _("Kasus pindah ke tahap «%(t)s».") % {"t": kasus.tahap_kini.nama}
                )
    else:
        galat_form(request, form)
    return redirect("fasilitasi:kasus-detail", pk=pk)


@require_POST
def kasus_mundur(request, pk):
    kasus = _kasus_untuk(
        request, pk, akses.boleh_pindah_tahap, _("Anda tidak berwenang memindah tahap kasus ini.")
    )
    form = MundurForm(request.POST, user=request.user, kasus=kasus)
    if form.is_valid():
        try:
            kasus = services.fasilitasi_mundur(
                kasus=kasus,
                user=request.user,
                alasan=form.cleaned_data["alasan"],
                kegiatan=form.cleaned_data["kegiatan"],
                dari_tahap=form.cleaned_data["dari_tahap"],
            )
        except ValidationError as e:
            pesan_galat(request, e)
        else:
            messages.success(
                request, _("Kasus kembali ke tahap «%(t)s».") % {"t": kasus.tahap_kini.nama}
            )
    else:
        galat_form(request, form)
    return redirect("fasilitasi:kasus-detail", pk=pk)


@require_POST
def kasus_status(request, pk):
    kasus = _kasus_untuk(
        request,
        pk,
        akses.boleh_ubah_status_kasus,
        _("Anda tidak berwenang mengubah status kasus ini."),
    )
    form = StatusForm(request.POST, kasus=kasus)
    if form.is_valid():
        try:
            kasus = services.fasilitasi_ubah_status(
                kasus=kasus,
                user=request.user,
                status=form.cleaned_data["status"],
                catatan=form.cleaned_data["catatan"],
                dari=form.cleaned_data["dari"],
            )
        except ValidationError as e:
            pesan_galat(request, e)
        else:
            messages.success(request, _("Status kasus: %(s)s.") % {"s": kasus.get_status_display()})
    else:
        messages.error(request, _("Status itu tidak dapat dipilih untuk kasus ini."))
    return redirect("fasilitasi:kasus-detail", pk=pk)


@require_POST
def kasus_dokumen(request, pk):
    """Attach a document. A refused file (the one check) shows the case page again with the
    message on the field; nothing is stored."""
    kasus = _kasus_untuk(
        request,
        pk,
        akses.boleh_unggah_dokumen,
        _("Anda tidak berwenang melampirkan dokumen pada kasus ini."),
    )
    form = DokumenForm(request.POST, request.FILES, kasus=kasus)
    if form.is_valid():
        try:
            dok = services.dokumen_lampirkan(
                kasus=kasus,
                user=request.user,
                nama=form.cleaned_data["nama"],
                berkas=form.cleaned_data["berkas"],
                dari_tahap=form.cleaned_data["dari_tahap"],
                kunci_sekali=form.cleaned_data["kunci_sekali"],
            )
        except ValidationError as e:
            ke_form(form, e)
        else:
            messages.success(request, _("Dokumen «%(n)s» dilampirkan.") % {"n": dok.nama})
            return redirect("fasilitasi:kasus-detail", pk=pk)
    messages.error(request, _("Dokumen tidak dilampirkan; lihat pesan pada formulirnya."))
    return _halaman_kasus(request, kasus, form_dokumen=form)


@require_GET
@permission_required(LIHAT, raise_exception=True)
def dokumen_unduh(request, pk):
    """A case document, to a user whose scope holds the case (404 otherwise); photos shown in the
    page, every other kind as a download."""
    dok = selectors.dokumen_detail(user=request.user, pk=pk)
    try:
        return respons_berkas(
            dok.berkas, nama=dok.nama_asli, mime=dok.jenis_mime, lampiran=not dok.adalah_foto
        )
    except FileNotFoundError:
        raise Http404(_("Berkas dokumen ini tidak ditemukan di penyimpanan.")) from None
