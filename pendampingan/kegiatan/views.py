"""Pages of the daily log. Each view: authorise (the scoped door), validate a form, call one
service, respond."""

from __future__ import annotations

import datetime
import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from .. import services as inti_services
from ..models import (
    DokumenKegiatan,
    FotoKegiatan,
    Kegiatan,
    StatusKegiatan,
    StatusTindakLanjut,
    TataCara,
    TindakLanjut,
)
from ..scope import cakupan_pengguna
from . import selectors, services
from .akses import boleh_verifikasi, pendamping_pengguna, wilayah_catat_kegiatan
from .forms import (
    AsistensiForm,
    KegiatanForm,
    KembalikanForm,
    PengarahanForm,
    PrinsipForm,
    SaringForm,
    TindakLanjutSelesaiForm,
    _pasang_galat,
    ekstensi_untuk,
    jam_awal_default,
)
from .tanda import tanda_kegiatan


def _halaman(request, qs, ukuran=None):
    return Paginator(qs, ukuran or settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


# ------------------------------------------------------------------------- the entry form
class _FormKegiatan:
    """The entry form and its parts (checklist, details, extensions), bound together."""

    def __init__(self, request, kegiatan: Kegiatan | None = None):
        user = request.user
        data = request.POST if request.method == "POST" else None
        files = request.FILES if request.method == "POST" else None
        awal = {}
        if kegiatan is None and data is None:
            terakhir = (
                Kegiatan.objects.filter(
                    pendamping=pendamping_pengguna(user), tanggal=timezone.localdate()
                )
                .order_by("-jam_selesai")
                .values_list("jam_selesai", flat=True)
                .first()
            )
            awal = {
                "tata_cara_awal": selectors.tata_cara_terakhir(user=user),
                "jam_awal": jam_awal_default(akhir_terakhir=terakhir),
            }
        self.utama = KegiatanForm(data, instance=kegiatan, user=user, **awal)
        self.prinsip = PrinsipForm(data, kegiatan=kegiatan, prefix="p")
        self.asistensi = AsistensiForm(data, kegiatan=kegiatan, prefix="asistensi")
        tahun = None
        if data is not None:
            try:
                tahun = datetime.date.fromisoformat(data.get("tanggal", "")).year
            except ValueError:
                tahun = None
        self.pengarahan = PengarahanForm(data, kegiatan=kegiatan, tahun=tahun, prefix="pengarahan")
        self.ekstensi = ekstensi_untuk(data=data, files=files, user=user, kegiatan=kegiatan)
        self.kegiatan = kegiatan
        self.user = user

    def _aktif(self, eks, tata_cara):
        return not eks.tata_cara or tata_cara in eks.tata_cara

    def is_valid(self) -> bool:
        ok = self.utama.is_valid()
        ok = self.prinsip.is_valid() and ok
        tata_cara = self.utama.cleaned_data.get("tata_cara") if ok or self.utama.is_bound else ""
        tata_cara = self.utama.data.get("tata_cara", "") if tata_cara is None else tata_cara
        if tata_cara == TataCara.ASISTENSI:
            ok = self.asistensi.is_valid() and ok
        if tata_cara == TataCara.PENGARAHAN:
            ok = self.pengarahan.is_valid() and ok
        ekstensi = []
        for eks, form in self.ekstensi:
            if self._aktif(eks, tata_cara):
                ok = form.is_valid() and ok
            else:
                # not this tata cara's: shown again unbound, so no errors of a form not in play
                form = eks.form_class(prefix=eks.kunci, user=self.user, kegiatan=self.kegiatan)
            ekstensi.append((eks, form))
        self.ekstensi = ekstensi
        return ok

    def argumen(self, request) -> dict:
        tata_cara = self.utama.cleaned_data["tata_cara"]
        return {
            "user": request.user,
            "data": self.utama.cleaned_data,
            "sdgs": self.utama.cleaned_data.get("sdgs") or [],
            "prinsip": self.prinsip.nilai(),
            "asistensi": self.asistensi.cleaned_data if tata_cara == TataCara.ASISTENSI else None,
            "pengarahan": self.pengarahan.cleaned_data
            if tata_cara == TataCara.PENGARAHAN
            else None,
            "ekstensi": [(e, f) for e, f in self.ekstensi if self._aktif(e, tata_cara)],
            "foto": request.FILES.getlist("foto"),
            "dokumen": request.FILES.getlist("dokumen"),
            "ajukan": "ajukan" in request.POST,
        }

    def pasang_galat(self, error: ValidationError) -> None:
        """Spread a service error over the parts' fields."""
        if not hasattr(error, "error_dict"):
            self.utama.add_error(None, error.messages)
            return
        for field, pesan in error.message_dict.items():
            if field in self.utama.fields:
                self.utama.add_error(field, pesan)
            elif field in self.prinsip.fields:
                self.prinsip.add_error(field, pesan)
            elif self.utama.cleaned_data.get("tata_cara") == TataCara.ASISTENSI and (
                field in self.asistensi.fields
            ):
                self.asistensi.add_error(field, pesan)
            elif field in self.pengarahan.fields:
                self.pengarahan.add_error(field, pesan)
            else:
                self.utama.add_error(None, pesan)

    def konteks(self) -> dict:
        return {
            "form": self.utama,
            "form_prinsip": self.prinsip,
            "form_asistensi": self.asistensi,
            "form_pengarahan": self.pengarahan,
            "ekstensi": self.ekstensi,
            "kegiatan": self.kegiatan,
            "batas_mb": settings.UNGGAHAN_MAKS_MB,
            "TataCara": TataCara,
        }


def _laporkan_hasil(request, hasil: services.HasilSimpan, baru: bool) -> None:
    k = hasil.kegiatan
    if k.status == StatusKegiatan.DIAJUKAN:
        messages.success(request, _("Kegiatan disimpan dan diajukan untuk verifikasi."))
    else:
        messages.success(
            request, _("Kegiatan disimpan sebagai draf.") if baru else _("Perubahan disimpan.")
        )
    if hasil.foto or hasil.dokumen:
        messages.info(
            request,
            ngettext(
                "%(n)d berkas terlampir.",
                "%(n)d berkas terlampir.",
                len(hasil.foto) + len(hasil.dokumen),
            )
            % {"n": len(hasil.foto) + len(hasil.dokumen)},
        )
    for nama, alasan in hasil.ditolak:
        messages.error(
            request,
            _(
                "Berkas %(nama)s ditolak: %(alasan)s Kegiatan tetap tersimpan; unggah berkas lain di bawah."
            )
            % {"nama": nama, "alasan": alasan},
        )
    if hasil.belum_diajukan:
        messages.warning(
            request,
            _("Belum dapat diajukan: %(k)s") % {"k": " ".join(hasil.belum_diajukan)},
        )


@permission_required("pendampingan.add_kegiatan", raise_exception=True)
def kegiatan_buat(request):
    if not wilayah_catat_kegiatan(user=request.user).exists() or not pendamping_pengguna(
        request.user
    ):
        messages.warning(
            request, _("Anda belum memiliki wilayah tugas lapangan tempat mencatat kegiatan.")
        )
        return redirect("pendampingan:kegiatan-list")
    f = _FormKegiatan(request)
    if request.method == "POST" and f.is_valid():
        try:
            hasil = services.kegiatan_buat(**f.argumen(request))
        except ValidationError as e:
            f.pasang_galat(e)
        else:
            _laporkan_hasil(request, hasil, baru=True)
            if hasil.ditolak or hasil.belum_diajukan:
                return redirect("pendampingan:kegiatan-ubah", pk=hasil.kegiatan.pk)
            return redirect(hasil.kegiatan)
    if request.method == "POST" and request.FILES:
        messages.warning(
            request,
            _("Isian belum tersimpan; perbaiki yang ditandai lalu pilih lagi foto/dokumennya."),
        )
    return render(request, "pendampingan/kegiatan/kegiatan_form.html", f.konteks())


@permission_required("pendampingan.change_kegiatan", raise_exception=True)
def kegiatan_ubah(request, pk):
    kegiatan = get_object_or_404(selectors.kegiatan_detail_qs(user=request.user), pk=pk)
    p = pendamping_pengguna(request.user)
    if p is None or kegiatan.pendamping_id != p.pk:
        raise Http404
    alasan = services.alasan_terkunci(kegiatan)
    if alasan:
        messages.warning(request, alasan)
        return redirect(kegiatan)
    f = _FormKegiatan(request, kegiatan)
    if request.method == "POST" and f.is_valid():
        try:
            hasil = services.kegiatan_ubah(kegiatan=kegiatan, **f.argumen(request))
        except ValidationError as e:
            f.pasang_galat(e)
        else:
            _laporkan_hasil(request, hasil, baru=False)
            if hasil.ditolak or hasil.belum_diajukan:
                return redirect("pendampingan:kegiatan-ubah", pk=kegiatan.pk)
            return redirect(hasil.kegiatan)
    if request.method == "POST" and request.FILES:
        messages.warning(
            request,
            _("Perubahan belum tersimpan; perbaiki yang ditandai lalu pilih lagi foto/dokumennya."),
        )
    return render(request, "pendampingan/kegiatan/kegiatan_form.html", f.konteks())


# ------------------------------------------------------------------------------ lists
def _saring(request, pilihan_wilayah=()):
    form = SaringForm(request.GET or None, pilihan_wilayah=pilihan_wilayah)
    saring = selectors.SaringKegiatan()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        saring = selectors.SaringKegiatan(
            wilayah=d.get("wilayah") or "",
            tata_cara=d.get("tata_cara") or "",
            status=d.get("status") or "",
            dari=d.get("dari"),
            sampai=d.get("sampai"),
            q=(d.get("q") or "").strip(),
        )
    return form, saring


def kegiatan_list(request):
    """My log (``?lingkup=wilayah``: every entry in a supervisor's area)."""
    c = cakupan_pengguna(request.user)
    lingkup = "wilayah" if request.GET.get("lingkup") == "wilayah" and c.pengawas else "saya"
    pilihan = (
        [
            (w.kode, w.label_lengkap)
            for w in wilayah_catat_kegiatan(user=request.user).order_by("nama")[:50]
        ]
        if lingkup == "saya"
        else ()
    )
    form, saring = _saring(request, pilihan)
    if lingkup == "wilayah":
        qs = selectors.kegiatan_wilayah(user=request.user, saring=saring)
    else:
        qs = selectors.kegiatan_saya(user=request.user, saring=saring)
    halaman = _halaman(request, qs)
    tanda = tanda_kegiatan(halaman.object_list) if lingkup == "wilayah" else {}
    return render(
        request,
        "pendampingan/kegiatan/kegiatan_list.html",
        {
            "halaman": halaman,
            "baris": [(k, tanda.get(k.pk, [])) for k in halaman],
            "form_saring": form,
            "lingkup": lingkup,
            "pengawas": c.pengawas,
            "tampil_pendamping": lingkup == "wilayah",
        },
    )


def kegiatan_antrean(request):
    """The supervisor's verification queue, with the flags."""
    form, saring = _saring(request)
    halaman = _halaman(request, selectors.antrean_verifikasi(user=request.user, saring=saring))
    tanda = tanda_kegiatan(halaman.object_list)
    return render(
        request,
        "pendampingan/kegiatan/kegiatan_antrean.html",
        {
            "halaman": halaman,
            "baris": [(k, tanda.get(k.pk, [])) for k in halaman],
            "form_saring": form,
        },
    )


# ----------------------------------------------------------------------------- detail
def kegiatan_detail(request, pk):
    kegiatan = get_object_or_404(selectors.kegiatan_detail_qs(user=request.user), pk=pk)
    p = pendamping_pengguna(request.user)
    milik = p is not None and kegiatan.pendamping_id == p.pk
    tautan = selectors.tautan_kegiatan(kegiatan_list=[kegiatan], user=request.user)
    return render(
        request,
        "pendampingan/kegiatan/kegiatan_detail.html",
        {
            "k": kegiatan,
            "milik": milik,
            "boleh_ubah": milik and services.alasan_terkunci(kegiatan) is None,
            "alasan_terkunci": services.alasan_terkunci(kegiatan) if milik else None,
            "boleh_periksa": kegiatan.status == StatusKegiatan.DIAJUKAN
            and boleh_verifikasi(user=request.user, kegiatan=kegiatan),
            "kekurangan": services.kegiatan_kekurangan(kegiatan)
            if milik and kegiatan.status in (StatusKegiatan.DRAF, StatusKegiatan.DIKEMBALIKAN)
            else [],
            "tanda": tanda_kegiatan([kegiatan])[kegiatan.pk],
            "tautan": tautan.get(kegiatan.pk, []),
            "riwayat": selectors.riwayat_kegiatan(kegiatan=kegiatan),
            "form_kembalikan": KembalikanForm(),
            "pesan_list": _pesan(kegiatan)
            if milik or cakupan_pengguna(request.user).pengawas
            else [],
        },
    )


def _pesan(kegiatan):
    from ..notifikasi.selectors import pesan_untuk_objek

    return list(pesan_untuk_objek(kegiatan))


def _aksi(request, pk, fungsi, pesan_ok, **kw):
    kegiatan = get_object_or_404(Kegiatan.objects.visible_to(request.user), pk=pk)
    try:
        fungsi(kegiatan=kegiatan, user=request.user, **kw)
    except ValidationError as e:
        for m in e.messages:
            messages.error(request, m)
    else:
        messages.success(request, pesan_ok)
    return redirect(kegiatan)


@require_POST
def kegiatan_ajukan(request, pk):
    return _aksi(request, pk, services.kegiatan_ajukan, _("Kegiatan diajukan untuk verifikasi."))


@require_POST
def kegiatan_tarik(request, pk):
    return _aksi(request, pk, services.kegiatan_tarik, _("Kegiatan ditarik kembali menjadi draf."))


@require_POST
def kegiatan_verifikasi(request, pk):
    kegiatan = get_object_or_404(Kegiatan.objects.visible_to(request.user), pk=pk)
    try:
        services.kegiatan_verifikasi(
            kegiatan=kegiatan, user=request.user, catatan=request.POST.get("catatan", "")
        )
    except ValidationError as e:
        for m in e.messages:
            messages.error(request, m)
        return redirect(kegiatan)
    messages.success(request, _("Kegiatan “%(j)s” diverifikasi.") % {"j": kegiatan.judul})
    nxt = request.POST.get("kembali")
    return redirect(nxt if nxt == reverse("pendampingan:kegiatan-antrean") else kegiatan)


def kegiatan_kembalikan(request, pk):
    kegiatan = get_object_or_404(selectors.kegiatan_detail_qs(user=request.user), pk=pk)
    form = KembalikanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kegiatan_kembalikan(
                kegiatan=kegiatan, user=request.user, catatan=form.cleaned_data["catatan"]
            )
        except ValidationError as e:
            _pasang_galat(form, e)
        else:
            messages.success(request, _("Kegiatan dikembalikan kepada pendamping dengan catatan."))
            return redirect("pendampingan:kegiatan-antrean")
    return render(
        request, "pendampingan/kegiatan/kegiatan_kembalikan.html", {"k": kegiatan, "form": form}
    )


@require_POST
def kegiatan_verifikasi_banyak(request):
    ids = [int(i) for i in request.POST.getlist("kegiatan") if i.isdigit()]
    kegiatan_list = list(
        selectors.antrean_verifikasi(user=request.user).filter(pk__in=ids).order_by("pk")
    )
    if not ids:
        messages.warning(request, _("Pilih dulu kegiatan yang akan diverifikasi."))
    elif len(kegiatan_list) != len(set(ids)):
        messages.error(
            request,
            _(
                "Sebagian kegiatan yang dipilih tidak lagi menunggu verifikasi Anda; tidak ada yang diubah."
            ),
        )
    else:
        try:
            services.kegiatan_verifikasi_banyak(kegiatan_list=kegiatan_list, user=request.user)
        except ValidationError as e:
            for m in e.messages:
                messages.error(request, m)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d kegiatan diverifikasi.",
                    "%(n)d kegiatan diverifikasi.",
                    len(kegiatan_list),
                )
                % {"n": len(kegiatan_list)},
            )
    return redirect("pendampingan:kegiatan-antrean")


# --------------------------------------------------------------------------- evidence
def _kirim_berkas(berkas, nama_unduh: str, lampiran: bool = False):
    try:
        fh = berkas.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404
    jenis = mimetypes.guess_type(nama_unduh)[0] or "application/octet-stream"
    resp = FileResponse(fh, content_type=jenis, as_attachment=lampiran, filename=nama_unduh)
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


@cache_control(private=True, max_age=3600)
def foto_tampil(request, pk):
    """A photo (``?ukuran=kecil``: its thumbnail), only to users who may see its entry."""
    foto = get_object_or_404(FotoKegiatan.objects.visible_to(request.user), pk=pk)
    if request.GET.get("ukuran") == "kecil":
        return _kirim_berkas(foto.thumbnail, f"thumbnail-{foto.pk}.jpg")
    ekstensi = foto.berkas.name.rsplit(".", 1)[-1]
    return _kirim_berkas(foto.berkas, f"foto-{foto.pk}.{ekstensi}")


@cache_control(private=True, max_age=3600)
def dokumen_unduh(request, pk):
    dok = get_object_or_404(DokumenKegiatan.objects.visible_to(request.user), pk=pk)
    return _kirim_berkas(dok.berkas, dok.nama_asli or f"dokumen-{dok.pk}.{dok.jenis}", True)


@require_POST
def foto_hapus(request, pk):
    foto = get_object_or_404(FotoKegiatan.objects.visible_to(request.user), pk=pk)
    kegiatan = foto.kegiatan
    try:
        services.foto_hapus(foto=foto, user=request.user)
    except ValidationError as e:
        for m in e.messages:
            messages.error(request, m)
        return redirect(kegiatan)
    messages.success(request, _("Foto dihapus."))
    return redirect("pendampingan:kegiatan-ubah", pk=kegiatan.pk)


@require_POST
def dokumen_hapus(request, pk):
    dok = get_object_or_404(DokumenKegiatan.objects.visible_to(request.user), pk=pk)
    kegiatan = dok.kegiatan
    try:
        services.dokumen_hapus(dokumen=dok, user=request.user)
    except ValidationError as e:
        for m in e.messages:
            messages.error(request, m)
        return redirect(kegiatan)
    messages.success(request, _("Dokumen dihapus."))
    return redirect("pendampingan:kegiatan-ubah", pk=kegiatan.pk)


# ------------------------------------------------------------------------- follow-ups
def tindak_lanjut_list(request):
    c = cakupan_pengguna(request.user)
    lingkup = "wilayah" if request.GET.get("lingkup") == "wilayah" and c.pengawas else "saya"
    status = request.GET.get("status", "terbuka")
    if status not in {*StatusTindakLanjut.values, "terlambat", "semua"}:
        status = "terbuka"
    st = "" if status == "semua" else status
    if lingkup == "wilayah":
        qs = selectors.tindak_lanjut_wilayah(
            user=request.user, status=st, wilayah=request.GET.get("wilayah", "").strip()
        )
    else:
        qs = selectors.tindak_lanjut_saya(user=request.user, status=st)
    return render(
        request,
        "pendampingan/kegiatan/tindaklanjut_list.html",
        {
            "halaman": _halaman(request, qs),
            "lingkup": lingkup,
            "status": status,
            "pengawas": c.pengawas,
            "hari_ini": timezone.localdate(),
            "pilihan_status": [
                ("terbuka", _("Terbuka")),
                ("terlambat", _("Terlambat")),
                ("selesai", _("Selesai")),
                ("batal", _("Dibatalkan")),
                ("semua", _("Semua")),
            ],
        },
    )


def tindak_lanjut_selesai(request, pk):
    """The facilitator who follows it marks it done (or cancelled) with a note."""
    p = pendamping_pengguna(request.user)
    tl = get_object_or_404(
        TindakLanjut.objects.visible_to(request.user)
        .filter(pendamping_id=getattr(p, "pk", None))
        .select_related("wilayah", "kegiatan"),
        pk=pk,
    )
    form = TindakLanjutSelesaiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inti_services.tindak_lanjut_selesaikan(
                tindak_lanjut=tl,
                catatan=form.cleaned_data["catatan"],
                status=form.cleaned_data["status"],
            )
        except ValidationError as e:
            _pasang_galat(form, e)
        else:
            messages.success(request, _("Tindak lanjut ditutup."))
            return redirect("pendampingan:tindaklanjut-list")
    return render(
        request, "pendampingan/kegiatan/tindaklanjut_selesai.html", {"tl": tl, "form": form}
    )
