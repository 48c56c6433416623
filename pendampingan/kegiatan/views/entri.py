"""The entry form: create and edit an entry with its checklist, details, extensions and files."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...inti.sekali import SudahTersimpan, pesan_sudah_tersimpan
from ...models import (
    Kegiatan,
    StatusKegiatan,
    TataCara,
)
from .. import selectors, services
from ..akses import pendamping_pengguna, wilayah_catat_kegiatan
from ..forms import (
    AsistensiForm,
    KegiatanForm,
    PengarahanForm,
    PrinsipForm,
    ekstensi_untuk,
    jam_awal_default,
)


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
            "butir": self.utama.butir_pilihan(),
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
            hasil = services.kegiatan_buat(
                **f.argumen(request), kunci_sekali=f.utama.cleaned_data.get("kunci_sekali")
            )
        except SudahTersimpan as e:
            messages.info(request, pesan_sudah_tersimpan())
            return redirect(e.obj)
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
