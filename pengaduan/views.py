"""Complaint pages. Public: the form, the "sent" page with the code, the desa search and the status
page (``@login_not_required``, rate-limited per address, no database write before the checks pass).
Internal: list, intake, detail with its actions, attachments, the supervisor's board."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from pendampingan.models import Wilayah

from . import akses, batas, selectors, services
from .forms import (
    BalasForm,
    BukaKembaliForm,
    MusyawarahForm,
    PengaduanInternalForm,
    PengaduanPublikForm,
    RujukForm,
    StatusCariForm,
    TanggapanPelaporForm,
    TugaskanForm,
    TutupForm,
    VerifikasiForm,
)
from .models import STATUS_TERBUKA, Kategori, Lampiran, Pengaduan, StatusPengaduan

SESI_KODE = "pengaduan_kode_baru"


def _terapkan_error(form, e: ValidationError):
    if hasattr(e, "error_dict"):
        for field, errs in e.error_dict.items():
            for err in errs:
                form.add_error(field if field in form.fields else None, err)
    else:
        for m in e.messages:
            form.add_error(None, m)


# ------------------------------------------------------------------------- public
def _form_publik_render(request, form, status=200):
    if form.is_bound:
        form.segarkan_tantangan()
    return render(
        request,
        "pengaduan/lapor_form.html",
        {"form": form, "maks_mb": settings.PENGADUAN_LAMPIRAN_MAKS_MB},
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
                {"maks_mb": settings.PENGADUAN_LAMPIRAN_MAKS_MB},
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
        return _form_publik_render(request, PengaduanPublikForm.cari_desa(request.POST))
    form = PengaduanPublikForm(request.POST, request.FILES)
    if batas.lewat_batas(request, "lapor", settings.PENGADUAN_BATAS_LAPOR_PER_JAM, 3600):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Terlalu banyak pengaduan dari alamat ini. Coba lagi dalam satu jam; isian Anda tetap ada."
            ),
        )
        return _form_publik_render(request, form, status=429)
    valid = form.is_valid()
    for nama in getattr(request, "lampiran_ditolak", []):
        form.add_error(
            "lampiran",
            _("%(nama)s terlalu besar (maksimal %(mb)d MB) dan tidak diterima.")
            % {"nama": nama, "mb": settings.PENGADUAN_LAMPIRAN_MAKS_MB},
        )
        valid = False
    if valid:
        d = form.cleaned_data
        try:
            p = services.pengaduan_terima(
                jenis=d["jenis"],
                kategori=d["kategori"],
                wilayah=d["desa"],
                judul=d["judul"],
                isi=d["isi"],
                pelapor_nama=d["pelapor_nama"],
                pelapor_telepon=d["pelapor_telepon"],
                pelapor_email=d["pelapor_email"],
                anonim=d["anonim"],
                rahasia=d["rahasia"],
                lampiran=d["lampiran"],
            )
        except ValidationError as e:
            _terapkan_error(form, e)
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
    if batas.lewat_batas(request, "cari-desa", settings.PENGADUAN_BATAS_CARI_PER_MENIT, 60):
        return JsonResponse(
            {"hasil": [], "pesan": _("Terlalu banyak pencarian; tunggu sebentar.")}, status=429
        )
    hasil = selectors.desa_publik_cari(q=request.GET.get("q", ""))
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
        if batas.lewat_batas(request, "status", settings.PENGADUAN_BATAS_STATUS_PER_MENIT, 60):
            form.add_error(None, _("Terlalu banyak pencarian; tunggu sebentar."))
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


@login_not_required
@require_POST
def status_tanggapan(request):
    """The reporter's answer to a settled or referred complaint (from the status page)."""
    form = TanggapanPelaporForm(request.POST)
    kode = request.POST.get("kode", "")
    if batas.lewat_batas(request, "tanggapan", settings.PENGADUAN_BATAS_LAPOR_PER_JAM, 3600):
        form.is_valid()
        form.add_error(None, _("Terlalu banyak kiriman dari alamat ini. Coba lagi dalam satu jam."))
    elif form.is_valid():
        try:
            p = services.pengaduan_tanggapi(
                kode=form.cleaned_data["kode"], isi=form.cleaned_data["isi"]
            )
        except ValidationError as e:
            _terapkan_error(form, e)
        else:
            messages.success(request, _("Tanggapan Anda sudah kami terima. Terima kasih."))
            return redirect(reverse("pengaduan:status") + f"?kode={p.kode}")
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


# ------------------------------------------------------------------------- internal
def _halaman(request, qs):
    return Paginator(qs, settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


@permission_required("pengaduan.view_pengaduan", raise_exception=True)
def daftar(request):
    f = {
        "status": request.GET.get("status", ""),
        "kategori": request.GET.get("kategori", ""),
        "desa": request.GET.get("desa", "").strip(),
        "terlambat": request.GET.get("terlambat") == "1",
        "q": request.GET.get("q", "").strip(),
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
                lampiran=d["lampiran"],
                dicatat_oleh=services.pengaduan_dicatat_oleh(request.user),
                diterima_pada=_waktu_diterima(d["diterima_tanggal"]),
            )
        except ValidationError as e:
            _terapkan_error(form, e)
        else:
            messages.success(
                request,
                _("Pengaduan tercatat dengan kode %(k)s. Sampaikan kode ini kepada pelapor.")
                % {"k": p.kode},
            )
            return redirect("pengaduan:detail", pk=p.pk)
    return render(request, "pengaduan/pengaduan_form.html", {"form": form})


def _ambil(request, pk) -> Pengaduan:
    try:
        return selectors.pengaduan_detail(user=request.user, pk=pk)
    except Pengaduan.DoesNotExist:
        raise Http404 from None


def _render_detail(request, p, status=200, **form_kustom):
    user = request.user
    kelola = akses.boleh_kelola(user, p)
    tangani = akses.boleh_tangani(user, p)
    S = StatusPengaduan
    forms = {}
    if kelola and p.status == S.DITERIMA:
        forms["verifikasi"] = VerifikasiForm(pengaduan=p)
    if kelola and p.status in (S.DIVERIFIKASI, S.DITANGANI):
        forms["tugaskan"] = TugaskanForm(pengaduan=p, initial={"penangan": p.penangan_id})
    if tangani and p.status not in (S.DITOLAK, S.BUKAN_WEWENANG, S.DITUTUP):
        forms["balas"] = BalasForm()
    if tangani and p.status in (S.DIVERIFIKASI, S.DITANGANI):
        forms["rujuk"] = RujukForm()
    if kelola and p.status in (S.SELESAI, S.DIRUJUK):
        forms["tutup"] = TutupForm()
    if kelola and p.status == S.SELESAI:
        forms["buka"] = BukaKembaliForm()
    forms.update(form_kustom)
    riwayat = list(p.history.select_related("history_user").order_by("-history_date")[:30])
    lini = selectors.pengaduan_lini_masa(pengaduan=p)
    lihat_pelapor = akses.boleh_lihat_pelapor(user, p)
    return render(
        request,
        "pengaduan/pengaduan_detail.html",
        {
            "p": p,
            "lihat_pelapor": lihat_pelapor,
            "pesan_list": selectors.pesan_pengaduan(
                pengaduan=p, peristiwa=lini["peristiwa"], lihat_pelapor=lihat_pelapor
            ),
            "kelola": kelola,
            "tangani": tangani,
            "bisa_musyawarah": tangani and p.status == S.DITANGANI,
            "forms": forms,
            "riwayat": riwayat,
            **lini,
        },
        status=status,
    )


def detail(request, pk):
    return _render_detail(request, _ambil(request, pk))


def _aksi(request, pk, form_class, kunci, jalankan, sukses, **form_kw):
    p = _ambil(request, pk)
    if form_kw.pop("butuh_pengaduan", False):
        form_kw["pengaduan"] = p
    form = form_class(request.POST, **form_kw)
    if form.is_valid():
        try:
            jalankan(p, form.cleaned_data)
        except ValidationError as e:
            _terapkan_error(form, e)
        else:
            messages.success(request, sukses)
            return redirect("pengaduan:detail", pk=p.pk)
    return _render_detail(request, p, status=400, **{kunci: form})


@require_POST
def verifikasi(request, pk):
    return _aksi(
        request,
        pk,
        VerifikasiForm,
        "verifikasi",
        lambda p, d: services.pengaduan_verifikasi(
            pengaduan=p,
            user=request.user,
            keputusan=d["keputusan"],
            alasan=d["alasan"],
            kategori=d["kategori"],
            teradu=d["teradu"],
        ),
        _("Keputusan verifikasi tersimpan."),
        butuh_pengaduan=True,
    )


@require_POST
def tugaskan(request, pk):
    return _aksi(
        request,
        pk,
        TugaskanForm,
        "tugaskan",
        lambda p, d: services.pengaduan_tugaskan(
            pengaduan=p, user=request.user, penangan=d["penangan"], catatan=d["catatan"]
        ),
        _("Penangan ditetapkan."),
        butuh_pengaduan=True,
    )


@require_POST
def balas(request, pk):
    return _aksi(
        request,
        pk,
        BalasForm,
        "balas",
        lambda p, d: services.pengaduan_balas(
            pengaduan=p, user=request.user, isi=d["isi"], publik=d["publik"]
        ),
        _("Balasan tersimpan."),
    )


@require_POST
def rujuk(request, pk):
    return _aksi(
        request,
        pk,
        RujukForm,
        "rujuk",
        lambda p, d: services.pengaduan_rujuk(
            pengaduan=p, user=request.user, instansi=d["instansi"], catatan=d["catatan"]
        ),
        _("Pengaduan dirujuk."),
    )


@require_POST
def tutup(request, pk):
    return _aksi(
        request,
        pk,
        TutupForm,
        "tutup",
        lambda p, d: services.pengaduan_tutup(pengaduan=p, user=request.user, catatan=d["catatan"]),
        _("Pengaduan ditutup."),
    )


@require_POST
def buka(request, pk):
    return _aksi(
        request,
        pk,
        BukaKembaliForm,
        "buka",
        lambda p, d: services.pengaduan_buka_kembali(
            pengaduan=p, user=request.user, alasan=d["alasan"]
        ),
        _("Pengaduan dibuka kembali."),
    )


def musyawarah(request, pk):
    """Record a musyawarah (its own page: the form is long)."""
    p = _ambil(request, pk)
    if not akses.boleh_tangani(request.user, p):
        raise Http404
    form = MusyawarahForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.pengaduan_musyawarah_catat(
                pengaduan=p,
                user=request.user,
                tanggal=d["tanggal"],
                tempat=d["tempat"],
                pihak_hadir=d["pihak_hadir"],
                kesepakatan=d["kesepakatan"],
                mufakat=d["mufakat"],
                tindak_lanjut=d["tindak_lanjut"],
            )
        except ValidationError as e:
            _terapkan_error(form, e)
        else:
            messages.success(request, _("Musyawarah tercatat."))
            return redirect("pengaduan:detail", pk=p.pk)
    return render(request, "pengaduan/musyawarah_form.html", {"p": p, "form": form})


def lampiran(request, pk):
    """An attachment, to users who may see its complaint (never from a public URL)."""
    lamp = get_object_or_404(
        Lampiran.objects.select_related("pengaduan"),
        pk=pk,
        pengaduan__in=Pengaduan.objects.visible_to(request.user),
    )
    return FileResponse(
        lamp.berkas.open("rb"),
        content_type=lamp.jenis_mime,
        as_attachment=lamp.jenis_mime == "application/pdf",
        filename=lamp.nama_asli,
    )


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
