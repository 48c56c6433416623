"""Pages of meetings, decisions, follow-ups and activities."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import akses, selectors, services
from ..forms import (
    AktivitasForm,
    KeputusanForm,
    PertemuanForm,
    PertemuanIsiForm,
    TindakLanjutKeputusanForm,
    galat_ke_form,
)
from ..models import (
    Keputusan,
    Pertemuan,
)
from ._umum import _forum_tulis, _halaman, _pastikan_tulis


# -------------------------------------------------------------------------------- meetings
@permission_required("forum.add_pertemuan", raise_exception=True)
def pertemuan_create(request, pk):
    forum = _forum_tulis(request, pk)
    form = PertemuanForm(request.POST or None, user=request.user, forum=forum)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            p = services.pertemuan_catat(
                user=request.user,
                forum=forum,
                tanggal=d["tanggal"],
                jam_mulai=d["jam_mulai"],
                jam_selesai=d["jam_selesai"],
                judul=d["judul"],
                uraian=d["uraian"],
                sarana=d["sarana"],
                tempat_lain=d["tempat_lain"],
                hadir=d["hadir"],
                tamu=form.tamu(),
                notulen=d["notulen"],
                kunci_sekali=d["kunci_sekali"],
            )
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(
                request, _("Pertemuan tercatat di buku harian Anda. Tambahkan keputusannya.")
            )
            return redirect("forum:pertemuan-detail", pk=p.pk)
    return render(request, "forum/pertemuan_form.html", {"form": form, "forum": forum})


@permission_required("forum.view_pertemuan", raise_exception=True)
def pertemuan_detail(request, pk):
    try:
        p = selectors.pertemuan_detail(user=request.user, pk=pk)
    except Pertemuan.DoesNotExist:
        raise Http404
    boleh = akses.boleh_ubah_pertemuan(request.user, p)
    return render(
        request,
        "forum/pertemuan_detail.html",
        {
            "p": p,
            "forum": p.forum,
            "boleh_tulis": boleh,
            "keputusan_form": KeputusanForm() if boleh else None,
            "riwayat": list(p.history.select_related("history_user")[:10]),
        },
    )


@permission_required("forum.change_pertemuan", raise_exception=True)
def pertemuan_update(request, pk):
    p = get_object_or_404(
        Pertemuan.objects.visible_to(request.user).select_related(
            "forum", "forum__wilayah", "kegiatan"
        ),
        pk=pk,
    )
    _pastikan_tulis(akses.boleh_ubah_pertemuan(request.user, p))
    awal = {
        "sarana": p.sarana_id,
        "tempat_lain": p.tempat_lain,
        "hadir": list(p.hadir.values_list("pk", flat=True)),
        "notulen": p.notulen,
        **{k: getattr(p, k) for k in ("tamu_laki", "tamu_perempuan", *services.TAMU_RENTAN)},
    }
    form = PertemuanIsiForm(request.POST or None, user=request.user, forum=p.forum, initial=awal)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.pertemuan_tautkan(
                user=request.user,
                kegiatan=p.kegiatan,
                forum=p.forum,
                sarana=d["sarana"],
                tempat_lain=d["tempat_lain"],
                hadir=d["hadir"],
                tamu=form.tamu(),
                notulen=d["notulen"],
            )
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Pertemuan disimpan."))
            return redirect("forum:pertemuan-detail", pk=p.pk)
    return render(
        request, "forum/pertemuan_form.html", {"form": form, "forum": p.forum, "pertemuan": p}
    )


# ------------------------------------------------------------------------------- decisions
@permission_required("forum.add_keputusan", raise_exception=True)
def keputusan_create(request, pk):
    p = get_object_or_404(
        Pertemuan.objects.visible_to(request.user).select_related(
            "forum", "forum__wilayah", "kegiatan"
        ),
        pk=pk,
    )
    _pastikan_tulis(akses.boleh_ubah_pertemuan(request.user, p))
    form = KeputusanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.keputusan_buat(user=request.user, pertemuan=p, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Keputusan dicatat."))
            return redirect("forum:pertemuan-detail", pk=p.pk)
    return render(request, "forum/keputusan_form.html", {"form": form, "p": p, "forum": p.forum})


@permission_required("forum.change_keputusan", raise_exception=True)
def keputusan_tindak_lanjut(request, pk):
    k = get_object_or_404(
        Keputusan.objects.visible_to(request.user).select_related(
            "pertemuan", "pertemuan__forum", "pertemuan__forum__wilayah", "pertemuan__kegiatan"
        ),
        pk=pk,
    )
    _pastikan_tulis(akses.boleh_ubah_keputusan(request.user, k))
    form = TindakLanjutKeputusanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.keputusan_jadikan_tindak_lanjut(
                user=request.user, keputusan=k, **form.cleaned_data
            )
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Keputusan menjadi tindak lanjut."))
            return redirect("forum:pertemuan-detail", pk=k.pertemuan_id)
    return render(
        request,
        "forum/keputusan_tindak_lanjut.html",
        {"form": form, "k": k, "p": k.pertemuan, "forum": k.pertemuan.forum},
    )


@permission_required("pendampingan.view_tindaklanjut", raise_exception=True)
def tindak_lanjut_saya(request):
    semua = request.GET.get("semua") == "1"
    qs = selectors.tindak_lanjut_keputusan(user=request.user, hanya_milik_saya=not semua)
    return render(
        request,
        "forum/tindak_lanjut_list.html",
        {"halaman": _halaman(request, qs), "semua": semua},
    )


# ------------------------------------------------------------------------------ activities
@permission_required("forum.add_aktivitasforum", raise_exception=True)
def aktivitas_create(request, pk):
    forum = _forum_tulis(request, pk)
    form = AktivitasForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.aktivitas_catat(user=request.user, forum=forum, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Aktivitas forum tercatat di buku harian Anda."))
            return redirect("forum:forum-detail", pk=forum.pk)
    return render(request, "forum/aktivitas_form.html", {"form": form, "forum": forum})
