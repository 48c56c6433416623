"""Incident pages. Each view: authorise, validate a form, call one service, respond.

Rows are reached only through ``Kejadian.objects.visible_to(user)``: an incident outside the user's
scope is a 404. Anyone who sees an incident may add to it (with the app's permission); opening one
needs a field assignment in the desa (checked by the service).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import forms, laporan, selectors, services
from .models import (
    KOLOM_DAMPAK,
    STATUS_BOLEH,
    Bukti,
    JenisBukti,
    KategoriKejadian,
    Kejadian,
    Kronologi,
    StatusKejadian,
)
from .selectors import KOLOM_RINGKAS

LIHAT = "bencana.view_kejadian"
CATAT = "bencana.change_kejadian"
LAPOR = "bencana.add_kejadian"


def _pendamping(request):
    p = getattr(request.user, "pendamping", None)
    if p is None:
        raise PermissionDenied(_("Akun Anda belum terdaftar sebagai pendamping."))
    return p


def _kejadian(request, pk) -> Kejadian:
    return get_object_or_404(selectors.kejadian_detail_qs(user=request.user), pk=pk)


def _galat_ke_form(form, e: ValidationError) -> None:
    if hasattr(e, "error_dict"):
        for field, msgs in e.message_dict.items():
            form.add_error(field if field in form.fields else None, msgs)
    else:
        form.add_error(None, e.messages)


def _filter(request) -> dict:
    g = request.GET
    return {
        "status": g.get("status", "aktif"),
        "jenis": g.get("jenis", ""),
        "kategori": g.get("kategori", ""),
        "wilayah": g.get("wilayah", "").strip(),
        "q": g.get("q", "").strip(),
    }


def _konteks_filter(f: dict) -> dict:
    return {
        "f": f,
        "pilihan_status": [("aktif", _("Aktif")), ("semua", _("Semua"))]
        + list(StatusKejadian.choices),
        "pilihan_jenis": selectors.jenis_aktif(),
        "pilihan_kategori": KategoriKejadian.choices,
    }


# ---------------------------------------------------------------------------- lists
@permission_required(LIHAT, raise_exception=True)
def kejadian_list(request):
    """Incidents in my area (active by default): works without JavaScript or the internet."""
    f = _filter(request)
    halaman = Paginator(selectors.kejadian_daftar(user=request.user, **f), settings.HALAMAN_UKURAN)
    halaman = halaman.get_page(request.GET.get("halaman"))
    total = selectors.dampak_total(kejadian_ids=[k.pk for k in halaman])
    return render(
        request,
        "bencana/kejadian_list.html",
        {
            "halaman": halaman,
            "baris": [(k, total.get(k.pk)) for k in halaman],
            "boleh_lapor": request.user.has_perm(LAPOR),
            **_konteks_filter(f),
        },
    )


@permission_required(LIHAT, raise_exception=True)
def kejadian_peta(request):
    """The same incidents on a Leaflet map (the map tiles need the internet; the markers and the
    list below them do not)."""
    f = _filter(request)
    qs = selectors.kejadian_daftar(user=request.user, **f)
    daftar = list(qs[:500])
    titik = [
        {
            "kode": k.kode,
            "jenis": k.jenis.nama,
            "desa": k.wilayah.nama,
            "status": k.get_status_display(),
            "lat": float(k.lintang),
            "lng": float(k.bujur),
            "url": reverse("bencana:kejadian-detail", args=[k.pk]),
        }
        for k in daftar
        if k.lintang is not None
    ]
    return render(
        request,
        "bencana/kejadian_peta.html",
        {
            "daftar": daftar,
            "titik": titik,
            "tanpa_titik": [k for k in daftar if k.lintang is None],
            "tile_url": settings.BENCANA_PETA_TILE_URL,
            "tile_atribusi": settings.BENCANA_PETA_TILE_ATRIBUSI,
            **_konteks_filter(f),
        },
    )


@permission_required(LIHAT, raise_exception=True)
def rekap(request):
    """The supervisor's view: every active incident in their area, impact totals by kabupaten."""
    wilayah = request.GET.get("wilayah", "").strip()
    per_kab = selectors.rekap_kabupaten(user=request.user, wilayah=wilayah)
    qs = selectors.kejadian_daftar(user=request.user, wilayah=wilayah)
    halaman = Paginator(qs, settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))
    total = selectors.dampak_total(kejadian_ids=[k.pk for k in halaman])
    label = {k: lbl for k, lbl, _g in KOLOM_DAMPAK}
    return render(
        request,
        "bencana/rekap.html",
        {
            "per_kab": per_kab,
            "halaman": halaman,
            "baris": [(k, total.get(k.pk)) for k in halaman],
            "kolom": [(k, label[k]) for k in KOLOM_RINGKAS],
            "wilayah": wilayah,
        },
    )


# ---------------------------------------------------------------------- quick report
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


@permission_required(LAPOR, raise_exception=True)
def kejadian_lapor(request):
    """The quick report. With JavaScript the page posts the text fields first (one small POST)
    and sends the photo in a second request; without it, one multipart POST carries both."""
    pelapor = _pendamping(request)
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
                )
            except ValidationError as e:
                _galat_ke_form(form, e)
            else:
                url = reverse("bencana:kejadian-detail", args=[k.pk])
                pesan = _("Kejadian %(kode)s dilaporkan; pengawas dan kementerian diberi tahu.") % {
                    "kode": k.kode
                }
                if cepat:
                    return JsonResponse(
                        {
                            "kode": k.kode,
                            "url": url,
                            "foto_url": reverse("bencana:bukti-tambah", args=[k.pk]),
                            "pesan": pesan,
                        },
                        status=201,
                    )
                messages.success(request, pesan)
                return redirect(url)
        if cepat:
            return JsonResponse({"galat": form.errors.get_json_data()}, status=400)
    else:
        form = forms.LaporCepatForm(user=request.user)
    return render(request, "bencana/kejadian_lapor.html", {"form": form, "pesan_js": PESAN_JS})


# ---------------------------------------------------------------------- the incident
BAGIAN = [
    ("status", gettext_lazy("Status")),
    ("laporan", gettext_lazy("Laporan")),
    ("desa", gettext_lazy("Desa")),
    ("dampak", gettext_lazy("Dampak")),
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
    k = _kejadian(request, pk)
    versi = list(k.laporan.select_related("dikirim_oleh").order_by("nomor"))
    total = selectors.dampak_total(kejadian_ids=[k.pk]).get(k.pk)
    bukti = list(k.bukti.select_related("oleh").order_by("pk"))
    konteks = {
        "k": k,
        "desa": list(k.desa_terdampak.select_related("wilayah__induk").order_by("pk")),
        "perubahan": list(k.perubahan.select_related("oleh").order_by("waktu", "pk")),
        "kronologi": selectors.kronologi(kejadian=k),
        "kolom": KOLOM_DAMPAK,
        "total": total,
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
        "kerja": selectors.kerja_tanggap(kejadian=k, user=request.user),
        "riwayat": list(k.history.select_related("history_user").order_by("-history_date")[:20]),
        "status_form": forms.StatusForm(kejadian=k) if STATUS_BOLEH.get(k.status) else None,
        "boleh_catat": request.user.has_perm(CATAT),
        "boleh_kirim": request.user.has_perm("bencana.kirim_laporan"),
        "tanpa_foto": not any(b.jenis == JenisBukti.FOTO for b in bukti),
        "bagian_nav": BAGIAN,
        **selectors.pesan_kejadian(kejadian=k),
    }
    return render(request, "bencana/kejadian_detail.html", konteks)


@permission_required(CATAT, raise_exception=True)
def kejadian_status(request, pk):
    k = _kejadian(request, pk)
    oleh = _pendamping(request)
    form = forms.StatusForm(request.POST or None, kejadian=k)
    if request.method == "POST" and form.is_valid():
        try:
            services.kejadian_ubah_status(
                kejadian=k,
                ke=form.cleaned_data["ke"],
                oleh=oleh,
                catatan=form.cleaned_data["catatan"],
            )
        except ValidationError as e:
            _galat_ke_form(form, e)
        else:
            messages.success(
                request,
                _("Status menjadi %(s)s. Kirim sebagai versi baru laporan kementerian bila perlu.")
                % {"s": StatusKejadian(form.cleaned_data["ke"]).label},
            )
            return redirect(reverse("bencana:kejadian-detail", args=[k.pk]) + "#laporan")
    return _halaman_form(request, k, form, _("Ubah status"), "status")


def _halaman_form(request, k, form, judul, bagian, multipart=False, catatan=""):
    return render(
        request,
        "bencana/kejadian_form.html",
        {
            "k": k,
            "form": form,
            "judul": judul,
            "bagian": bagian,
            "multipart": multipart,
            "catatan": catatan,
        },
    )


def _aksi(request, pk, *, form_class, simpan, judul, bagian, pesan, kw=None, multipart=False):
    """A form page that adds one record to the incident through one service."""
    k = _kejadian(request, pk)
    oleh = _pendamping(request)
    extra = kw(k) if kw else {}
    if request.method == "POST":
        form = form_class(request.POST, request.FILES or None, **extra)
        if form.is_valid():
            try:
                simpan(k, form, oleh)
            except ValidationError as e:
                _galat_ke_form(form, e)
            else:
                messages.success(request, pesan)
                return redirect(reverse("bencana:kejadian-detail", args=[k.pk]) + f"#{bagian}")
    else:
        form = form_class(initial=request.GET.dict() if request.GET else None, **extra)
    return _halaman_form(request, k, form, judul, bagian, multipart=multipart)


@permission_required(CATAT, raise_exception=True)
def desa_tambah(request, pk):
    return _aksi(
        request,
        pk,
        form_class=forms.DesaTerdampakForm,
        kw=lambda k: {"kejadian": k, "user": request.user},
        simpan=lambda k, f, o: services.desa_terdampak_tambah(
            kejadian=k, desa=f.cleaned_data["desa"], oleh=o
        ),
        judul=_("Tambah desa terdampak"),
        bagian="desa",
        pesan=_("Desa terdampak ditambahkan."),
    )


@permission_required(CATAT, raise_exception=True)
def kronologi_tambah(request, pk):
    k = _kejadian(request, pk)
    koreksi_pk = request.POST.get("mengoreksi") or request.GET.get("koreksi")
    dikoreksi = (
        get_object_or_404(Kronologi.objects.filter(kejadian=k), pk=koreksi_pk)
        if koreksi_pk and str(koreksi_pk).isdigit()
        else None
    )
    oleh = _pendamping(request)
    form = forms.KronologiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kronologi_tambah(
                kejadian=k,
                waktu=form.cleaned_data["waktu"],
                isi=form.cleaned_data["isi"],
                oleh=oleh,
                mengoreksi=dikoreksi,
            )
        except ValidationError as e:
            _galat_ke_form(form, e)
        else:
            messages.success(
                request, _("Koreksi dicatat.") if dikoreksi else _("Entri kronologi dicatat.")
            )
            return redirect(reverse("bencana:kejadian-detail", args=[k.pk]) + "#kronologi")
    judul = _("Koreksi entri kronologi") if dikoreksi else _("Tambah entri kronologi")
    return render(
        request,
        "bencana/kejadian_form.html",
        {"k": k, "form": form, "judul": judul, "bagian": "kronologi", "dikoreksi": dikoreksi},
    )


@permission_required(LIHAT, raise_exception=True)
def kronologi_ubah(request, pk, entri):
    """There is no editing of the chronology: explain, and offer a correction instead."""
    k = _kejadian(request, pk)
    e = get_object_or_404(Kronologi.objects.filter(kejadian=k), pk=entri)
    messages.warning(request, str(Kronologi.pesan_tetap))
    return redirect(reverse("bencana:kronologi-tambah", args=[k.pk]) + f"?koreksi={e.pk}")


@permission_required(CATAT, raise_exception=True)
def dampak_tambah(request, pk):
    return _aksi(
        request,
        pk,
        form_class=forms.DampakForm,
        kw=lambda k: {"kejadian": k},
        simpan=lambda k, f, o: services.dampak_catat(
            kejadian=k,
            desa=f.desa_terpilih("desa"),
            waktu=f.cleaned_data["waktu"],
            angka=f.angka(),
            oleh=o,
            sumber=f.cleaned_data["sumber"],
            catatan=f.cleaned_data["catatan"],
        ),
        judul=_("Penilaian dampak cepat"),
        bagian="dampak",
        pesan=_(
            "Penilaian dampak dicatat. Kirim sebagai versi baru laporan kementerian bila perlu."
        ),
    )


@permission_required(CATAT, raise_exception=True)
def bukti_tambah(request, pk):
    """Evidence upload; also the second request of the quick report (the photo), answered in
    JSON when the page's script sends it."""
    if request.method == "POST" and request.headers.get("X-Foto-Susulan") == "1":
        k = _kejadian(request, pk)
        oleh = _pendamping(request)
        form = forms.FotoForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"galat": _("Pilih berkas foto.")}, status=400)
        try:
            b = services.bukti_tambah(kejadian=k, berkas=form.cleaned_data["berkas"], oleh=oleh)
        except ValidationError as e:
            return JsonResponse({"galat": " ".join(e.messages)}, status=400)
        return JsonResponse({"sha256": b.sha256}, status=201)
    return _aksi(
        request,
        pk,
        form_class=forms.BuktiForm,
        simpan=lambda k, f, o: services.bukti_tambah(
            kejadian=k,
            berkas=f.cleaned_data["berkas"],
            oleh=o,
            keterangan=f.cleaned_data["keterangan"],
        ),
        judul=_("Tambah bukti"),
        bagian="bukti",
        pesan=_("Bukti diunggah; sidik SHA-256 dicatat."),
        multipart=True,
    )


@permission_required(LIHAT, raise_exception=True)
def bukti_unduh(request, pk):
    """The only way to an evidence file: through the incident's scope."""
    b = get_object_or_404(
        Bukti.objects.filter(kejadian__in=Kejadian.objects.visible_to(request.user)), pk=pk
    )
    inline = b.tipe_mime.startswith("image/") or b.tipe_mime == "application/pdf"
    resp = FileResponse(
        b.berkas.open("rb"),
        content_type=b.tipe_mime,
        as_attachment=not inline,
        filename=b.nama_asli,
    )
    resp["Cache-Control"] = "private, max-age=3600"
    return resp


def _aksi_model(service, bagian, judul, pesan, form_class, desa=False):
    @permission_required(CATAT, raise_exception=True)
    def view(request, pk):
        def simpan(k, f, o):
            data = dict(f.cleaned_data)
            if desa:
                data["wilayah"] = f.desa_terpilih()
            return service(kejadian=k, oleh=o, **data)

        return _aksi(
            request,
            pk,
            form_class=form_class,
            kw=(lambda k: {"kejadian": k}) if desa else None,
            simpan=simpan,
            judul=judul,
            bagian=bagian,
            pesan=pesan,
        )

    return view


koordinasi_tambah = _aksi_model(
    services.koordinasi_catat,
    "koordinasi",
    _("Catat koordinasi"),
    _("Koordinasi dicatat."),
    forms.KoordinasiForm,
)
tokoh_tambah = _aksi_model(
    services.tokoh_catat,
    "tokoh",
    _("Tokoh masyarakat yang terlibat"),
    _("Tokoh masyarakat dicatat."),
    forms.TokohForm,
)
keputusan_tambah = _aksi_model(
    services.keputusan_catat,
    "keputusan",
    _("Kegiatan desa: dihentikan atau dilanjutkan"),
    _("Keputusan kegiatan desa dicatat."),
    forms.KeputusanForm,
    desa=True,
)
bantuan_tambah = _aksi_model(
    services.bantuan_catat,
    "bantuan",
    _("Bantuan diterima"),
    _("Bantuan dicatat."),
    forms.BantuanForm,
    desa=True,
)
mitigasi_tambah = _aksi_model(
    services.mitigasi_buat,
    "mitigasi",
    _("Tindakan mitigasi"),
    _("Tindakan mitigasi dicatat sebagai tindak lanjut."),
    forms.MitigasiForm,
    desa=True,
)


@permission_required("bencana.kirim_laporan", raise_exception=True)
def laporan_kirim(request, pk):
    k = _kejadian(request, pk)
    oleh = _pendamping(request)
    versi = k.laporan.order_by("-nomor").first()
    alasan = laporan.perubahan_sejak_versi(kejadian=k, versi_terakhir=versi)
    form = forms.LaporanVersiForm(request.POST or None, initial={"pemicu": "; ".join(alasan)[:250]})
    if request.method == "POST" and form.is_valid():
        v = laporan.laporan_kirim(kejadian=k, oleh=oleh, pemicu=form.cleaned_data["pemicu"])
        messages.success(request, _("Laporan versi %(n)d dikirim ke kementerian.") % {"n": v.nomor})
        return redirect(reverse("bencana:kejadian-detail", args=[k.pk]) + "#laporan")
    return _halaman_form(
        request,
        k,
        form,
        _("Kirim versi baru laporan kementerian"),
        "laporan",
        catatan=_("Versi berikutnya: %(n)d.") % {"n": (versi.nomor if versi else 0) + 1},
    )


@permission_required(CATAT, raise_exception=True)
def kegiatan_tautkan(request, pk):
    return _aksi(
        request,
        pk,
        form_class=forms.TautkanKegiatanForm,
        kw=lambda k: {"kejadian": k, "user": request.user},
        simpan=lambda k, f, o: services.kegiatan_tautkan(
            kegiatan=f.cleaned_data["kegiatan"], kejadian=k, user=request.user
        ),
        judul=_("Tautkan kegiatan harian"),
        bagian="kerja",
        pesan=_("Kegiatan harian ditautkan ke kejadian ini."),
    )


# ------------------------------------------------------------------------- reports
def _konteks_laporan(request, k):
    return {
        "k": k,
        "desa": list(k.desa_terdampak.select_related("wilayah__induk").order_by("pk")),
        "kronologi": selectors.kronologi(kejadian=k),
        "kolom": KOLOM_DAMPAK,
        "total": selectors.dampak_total(kejadian_ids=[k.pk]).get(k.pk),
        "terkini": selectors.dampak_terkini_per_desa(kejadian=k),
        "bukti": list(k.bukti.order_by("pk")),
        "koordinasi": list(k.koordinasi.order_by("waktu", "pk")),
        "tokoh": list(k.tokoh.order_by("pk")),
        "keputusan": list(k.keputusan.select_related("wilayah").order_by("tanggal", "pk")),
        "bantuan": list(k.bantuan.select_related("wilayah").order_by("tanggal", "pk")),
        "mitigasi": selectors.mitigasi(kejadian=k),
        "perubahan": list(k.perubahan.select_related("oleh").order_by("waktu", "pk")),
        "dicetak": timezone.now(),
        "dicetak_oleh": request.user,
    }


@permission_required(LIHAT, raise_exception=True)
def laporan_cetak(request, pk):
    """The chronology report as a page for the browser's print."""
    k = _kejadian(request, pk)
    return render(
        request, "bencana/laporan_cetak.html", {**_konteks_laporan(request, k), "pdf": False}
    )


@permission_required(LIHAT, raise_exception=True)
def laporan_pdf(request, pk):
    """The same report as PDF (WeasyPrint; styles are inline, nothing is fetched)."""
    from weasyprint import HTML

    k = _kejadian(request, pk)
    html = render_to_string(
        "bencana/laporan_cetak.html", {**_konteks_laporan(request, k), "pdf": True}, request=request
    )
    pdf = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    resp = HttpResponse(pdf, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="kronologi-{k.kode}.pdf"'
    return resp
