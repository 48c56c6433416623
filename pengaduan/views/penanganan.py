"""One complaint: its page with the actions the user may take, the musyawarah page and its
attachments (served only here, to users who may see the complaint).

A complaint outside the user's scope is 404 (fetched through ``visible_to``); an action the user may
not take on a visible one is 403 (the service's ``pastikan``). A refused status move
(``PindahDitolak``: somebody else moved it first, or the move is not allowed from here) comes back
as a message on the fresh page; a repeated submission (``SudahTersimpan``) shows the first record.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.berkas import respons_berkas
from pendampingan.inti.sekali import SudahTersimpan, pesan_sudah_tersimpan

from .. import akses, selectors, services
from ..forms import (
    BalasForm,
    BukaKembaliForm,
    MusyawarahForm,
    RujukForm,
    TugaskanForm,
    TutupForm,
    VerifikasiForm,
)
from ..models import JejakAkses, Lampiran, Pengaduan, StatusPengaduan
from .umum import alamat_klien, terapkan_error, tujuan_setelah

S = StatusPengaduan


def _ambil(request, pk) -> Pengaduan:
    try:
        return selectors.pengaduan_detail(user=request.user, pk=pk)
    except Pengaduan.DoesNotExist:
        raise Http404 from None


def _render_detail(request, p, status=200, **form_kustom):
    user = request.user
    kelola = akses.boleh_kelola(user, p)
    tangani = akses.boleh_tangani(user, p)
    forms = {}
    if kelola and p.status == S.DITERIMA:
        forms["verifikasi"] = VerifikasiForm(pengaduan=p)
    if kelola and p.status in (S.DIVERIFIKASI, S.DITANGANI):
        forms["tugaskan"] = TugaskanForm(pengaduan=p, initial={"penangan": p.penangan_id})
    if tangani and p.status not in (S.DITOLAK, S.BUKAN_WEWENANG, S.DITUTUP):
        forms["balas"] = BalasForm()
    if tangani and p.status in (S.DIVERIFIKASI, S.DITANGANI):
        forms["rujuk"] = RujukForm(pengaduan=p)
    if kelola and p.status in (S.SELESAI, S.DIRUJUK):
        forms["tutup"] = TutupForm(pengaduan=p)
    if kelola and p.status == S.SELESAI:
        forms["buka"] = BukaKembaliForm(pengaduan=p)
    forms.update(form_kustom)
    riwayat = list(p.history.select_related("history_user").order_by("-history_date")[:30])
    lini = selectors.pengaduan_lini_masa(pengaduan=p)
    lihat_pelapor = akses.boleh_lihat_pelapor(user, p)
    services.jejak_catat(
        pengaduan=p,
        user=user,
        alamat=alamat_klien(request),
        pintu=JejakAkses.Pintu.HALAMAN,
        identitas=lihat_pelapor and akses.identitas_terlindung(p),
        rahasia=p.rahasia,
    )
    lihat_jejak = akses.boleh_lihat_jejak(user, p)
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
            "lihat_jejak": lihat_jejak,
            "jejak_list": selectors.jejak_pengaduan(pengaduan=p) if lihat_jejak else [],
            **lini,
        },
        status=status,
    )


@require_GET
def detail(request, pk):
    return _render_detail(request, _ambil(request, pk))


def _aksi(request, pk, form_class, kunci, jalankan, sukses, *, dengan_pengaduan=True):
    """One action of the complaint page: the form, then the service; on success (or a repeat, or a
    refused move) back to the page, else the page again with the form's errors (400)."""
    p = _ambil(request, pk)
    kw = {"pengaduan": p} if dengan_pengaduan else {}
    form = form_class(request.POST, **kw)
    if form.is_valid():
        try:
            jalankan(p, form.cleaned_data)
        except SudahTersimpan:
            messages.info(request, pesan_sudah_tersimpan())
            return redirect(p.get_absolute_url())
        except PindahDitolak as e:
            for m in e.messages:
                messages.error(request, m)
            return redirect(p.get_absolute_url())
        except ValidationError as e:
            terapkan_error(form, e)
        else:
            messages.success(request, sukses)
            return redirect(tujuan_setelah(request, p))
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
            teradu_peran=d["teradu_peran"],
            dari=d["dari"],
        ),
        _("Keputusan verifikasi tersimpan."),
    )


@require_POST
def tugaskan(request, pk):
    return _aksi(
        request,
        pk,
        TugaskanForm,
        "tugaskan",
        lambda p, d: services.pengaduan_tugaskan(
            pengaduan=p,
            user=request.user,
            penangan=d["penangan"],
            catatan=d["catatan"],
            dari=d["dari"],
        ),
        _("Penangan ditetapkan."),
    )


@require_POST
def balas(request, pk):
    return _aksi(
        request,
        pk,
        BalasForm,
        "balas",
        lambda p, d: services.pengaduan_balas(
            pengaduan=p,
            user=request.user,
            isi=d["isi"],
            publik=d["publik"],
            kunci_sekali=d["kunci_sekali"],
        ),
        _("Balasan tersimpan."),
        dengan_pengaduan=False,
    )


@require_POST
def rujuk(request, pk):
    return _aksi(
        request,
        pk,
        RujukForm,
        "rujuk",
        lambda p, d: services.pengaduan_rujuk(
            pengaduan=p,
            user=request.user,
            instansi=d["instansi"],
            catatan=d["catatan"],
            dari=d["dari"],
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
        lambda p, d: services.pengaduan_tutup(
            pengaduan=p, user=request.user, catatan=d["catatan"], dari=d["dari"]
        ),
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
            pengaduan=p, user=request.user, alasan=d["alasan"], dari=d["dari"]
        ),
        _("Pengaduan dibuka kembali."),
    )


def musyawarah(request, pk):
    """Record a musyawarah (its own page: the form is long)."""
    p = _ambil(request, pk)
    pastikan(
        akses.boleh_musyawarah(request.user, p),
        _("Musyawarah dicatat oleh pendamping yang menangani pengaduan ini atau pengawasnya."),
    )
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
                kunci_sekali=d["kunci_sekali"],
            )
        except SudahTersimpan:
            messages.info(request, pesan_sudah_tersimpan())
            return redirect(p.get_absolute_url())
        except ValidationError as e:
            terapkan_error(form, e)
        else:
            messages.success(request, _("Musyawarah tercatat."))
            return redirect(p.get_absolute_url())
    return render(request, "pengaduan/musyawarah_form.html", {"p": p, "form": form})


@require_GET
def lampiran(request, pk):
    """An attachment, to users who may see its complaint (``Lampiran.objects.visible_to``; 404 for
    anyone else), with its stored type; photos shown in the page, documents as a download."""
    lamp = get_object_or_404(Lampiran.objects.visible_to(request.user), pk=pk)
    try:
        return respons_berkas(
            lamp.berkas, nama=lamp.nama_asli, mime=lamp.jenis_mime, lampiran=not lamp.adalah_foto
        )
    except FileNotFoundError:
        raise Http404 from None
