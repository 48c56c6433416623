"""The section forms of an incident: villages, chronology (and its corrections), impact, evacuation,
evidence,
coordination, leaders, village decisions, aid, mitigation, the daily-log link; and the one door to
an evidence file.

Each form carries its one-time key: a repeat shows the first record. Every upload is checked by
``periksa_berkas`` in the form, so a refused file is told on its field and nothing is stored.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.models import TindakLanjut

from .. import berkas, forms, services
from ..models import (
    Bukti,
    DesaTerdampak,
    KegiatanKejadian,
    Kronologi,
    Pengungsian,
    PenilaianDampak,
)
from ._umum import (
    CATAT,
    LIHAT,
    aksi,
    galat_ke_form,
    halaman_form,
    kejadian_atau_404,
    pendamping,
    sudah_tersimpan,
    url_bagian,
)


@permission_required(CATAT, raise_exception=True)
def desa_tambah(request, pk):
    return aksi(
        request,
        pk,
        form_class=forms.DesaTerdampakForm,
        kw=lambda k: {"kejadian": k, "user": request.user},
        simpan=lambda k, f, o: services.desa_terdampak_tambah(
            kejadian=k,
            desa=f.cleaned_data["desa"],
            oleh=o,
            kunci_sekali=f.cleaned_data["kunci_sekali"],
        ),
        model=DesaTerdampak,
        judul=_("Tambah desa terdampak"),
        bagian="desa",
        pesan=_("Desa terdampak ditambahkan."),
    )


@permission_required(CATAT, raise_exception=True)
def kronologi_tambah(request, pk):
    k = kejadian_atau_404(request, pk)
    koreksi_pk = request.POST.get("mengoreksi") or request.GET.get("koreksi")
    dikoreksi = (
        get_object_or_404(Kronologi.objects.filter(kejadian=k), pk=koreksi_pk)
        if koreksi_pk and str(koreksi_pk).isdigit()
        else None
    )
    oleh = pendamping(request)
    form = forms.KronologiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kronologi_tambah(
                kejadian=k,
                waktu=form.cleaned_data["waktu"],
                isi=form.cleaned_data["isi"],
                oleh=oleh,
                mengoreksi=dikoreksi,
                kunci_sekali=form.cleaned_data["kunci_sekali"],
            )
        except SudahTersimpan as e:
            return sudah_tersimpan(request, e)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(
                request, _("Koreksi dicatat.") if dikoreksi else _("Entri kronologi dicatat.")
            )
            return redirect(url_bagian(k, "kronologi"))
    judul = _("Koreksi entri kronologi") if dikoreksi else _("Tambah entri kronologi")
    return halaman_form(request, k, form, judul, "kronologi", dikoreksi=dikoreksi)


@permission_required(LIHAT, raise_exception=True)
def kronologi_ubah(request, pk, entri):
    """There is no editing of the chronology: explain, and offer a correction instead."""
    k = kejadian_atau_404(request, pk)
    e = get_object_or_404(Kronologi.objects.filter(kejadian=k), pk=entri)
    messages.warning(request, str(Kronologi.pesan_tetap))
    return redirect(reverse("bencana:kronologi-tambah", args=[k.pk]) + f"?koreksi={e.pk}")


@permission_required(CATAT, raise_exception=True)
def dampak_tambah(request, pk):
    return aksi(
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
            kunci_sekali=f.cleaned_data["kunci_sekali"],
        ),
        model=PenilaianDampak,
        judul=_("Penilaian dampak cepat"),
        bagian="dampak",
        pesan=_(
            "Penilaian dampak dicatat. Kirim sebagai versi baru laporan kementerian bila perlu."
        ),
    )


@permission_required(CATAT, raise_exception=True)
def pengungsian_tambah(request, pk):
    """F1: people moved to safety (or a correction of such a record: ``?mengoreksi=<id>``)."""
    return aksi(
        request,
        pk,
        form_class=forms.PengungsianForm,
        kw=lambda k: {"kejadian": k},
        simpan=lambda k, f, o: services.pengungsian_catat(
            kejadian=k,
            desa=f.desa_terpilih("desa"),
            lokasi=f.cleaned_data["lokasi"],
            jumlah_jiwa=f.cleaned_data["jumlah_jiwa"],
            waktu=f.cleaned_data["waktu"],
            dipindahkan_oleh=f.cleaned_data["dipindahkan_oleh"],
            keterangan=f.cleaned_data["keterangan"],
            mengoreksi=f.cleaned_data["mengoreksi"],
            oleh=o,
            kunci_sekali=f.cleaned_data["kunci_sekali"],
        ),
        model=Pengungsian,
        judul=_("Catat pengungsian"),
        bagian="pengungsian",
        pesan=_("Pengungsian dicatat. Kirim sebagai versi baru laporan kementerian bila perlu."),
    )


def _foto_susulan(request, pk):
    """The second request of the quick report (the photo), answered in JSON for the page's script."""
    k = kejadian_atau_404(request, pk)
    oleh = pendamping(request)
    form = forms.FotoForm(request.POST, request.FILES)
    if not form.is_valid():
        galat = form.errors.get("berkas") or [_("Pilih berkas foto.")]
        return JsonResponse({"galat": " ".join(galat)}, status=400)
    try:
        b = services.bukti_tambah(
            kejadian=k,
            berkas=form.cleaned_data["berkas"],
            oleh=oleh,
            jenis=form.jenis_berkas,
            kunci_sekali=form.cleaned_data["kunci_sekali"],
        )
    except SudahTersimpan as e:
        return JsonResponse({"sha256": e.obj.sha256}, status=200)
    except ValidationError as e:
        return JsonResponse({"galat": " ".join(e.messages)}, status=400)
    return JsonResponse({"sha256": b.sha256}, status=201)


@permission_required(CATAT, raise_exception=True)
def bukti_tambah(request, pk):
    """Evidence upload; also the second request of the quick report (the photo)."""
    if request.method == "POST" and request.headers.get("X-Foto-Susulan") == "1":
        return _foto_susulan(request, pk)
    return aksi(
        request,
        pk,
        form_class=forms.BuktiForm,
        simpan=lambda k, f, o: services.bukti_tambah(
            kejadian=k,
            berkas=f.cleaned_data["berkas"],
            oleh=o,
            keterangan=f.cleaned_data["keterangan"],
            kunci_sekali=f.cleaned_data["kunci_sekali"],
        ),
        model=Bukti,
        judul=_("Tambah bukti"),
        bagian="bukti",
        pesan=_("Bukti diunggah; sidik SHA-256 dicatat."),
        multipart=True,
    )


@permission_required(LIHAT, raise_exception=True)
def bukti_unduh(request, pk):
    """The only way to an evidence file: ``berkas.bukti_unduh`` (the incident's scope)."""
    return berkas.bukti_unduh(user=request.user, pk=pk)


def _aksi_model(service, bagian, judul, pesan, form_class, desa=False, model=None):
    model = model or getattr(getattr(form_class, "_meta", None), "model", None)

    @permission_required(CATAT, raise_exception=True)
    def view(request, pk):
        def simpan(k, f, o):
            data = dict(f.cleaned_data)
            if desa:
                data["wilayah"] = f.desa_terpilih()
            return service(kejadian=k, oleh=o, **data)

        return aksi(
            request,
            pk,
            form_class=form_class,
            kw=(lambda k: {"kejadian": k}) if desa else None,
            simpan=simpan,
            judul=judul,
            bagian=bagian,
            pesan=pesan,
            model=model,
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
    model=TindakLanjut,
)


@permission_required(CATAT, raise_exception=True)
def kegiatan_tautkan(request, pk):
    return aksi(
        request,
        pk,
        form_class=forms.TautkanKegiatanForm,
        kw=lambda k: {"kejadian": k, "user": request.user},
        simpan=lambda k, f, o: services.kegiatan_tautkan(
            kegiatan=f.cleaned_data["kegiatan"],
            kejadian=k,
            user=request.user,
            kunci_sekali=f.cleaned_data["kunci_sekali"],
        ),
        model=KegiatanKejadian,
        judul=_("Tautkan kegiatan harian"),
        bagian="kerja",
        pesan=_("Kegiatan harian ditautkan ke kejadian ini."),
    )
