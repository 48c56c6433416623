"""Pages of forums, members, facilities and the supervisor view."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pendampingan.inti import masukan
from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.sekali import pesan_sudah_tersimpan
from pendampingan.models import Wilayah
from pendampingan.scope import cakupan_pengguna
from pendampingan.selectors import wilayah_akar, wilayah_breadcrumb

from .. import akses, impor, selectors, services
from ..forms import (
    AnggotaForm,
    ForumForm,
    ImporAnggotaForm,
    SaranaForm,
    SaringForumForm,
    SaringSaranaForm,
    StatusForumForm,
    galat_ke_form,
)
from ..models import (
    Anggota,
    Forum,
    Sarana,
    UnsurMasyarakat,
)
from ._umum import _forum_tulis, _halaman, _pastikan_tulis

# ---------------------------------------------------------------------------------- forums


@permission_required("forum.view_forum", raise_exception=True)
def forum_list(request):
    saring = SaringForumForm(request.GET or None)
    data = saring.cleaned_data if saring.is_valid() else {}
    qs = selectors.forum_daftar(
        user=request.user,
        jenis=data.get("jenis", ""),
        status=data.get("status", ""),
        wilayah_kode=(data.get("wilayah") or "").strip(),
        unsur_belum=data.get("unsur_belum"),
        q=data.get("q", ""),
    )
    return render(
        request,
        "forum/forum_list.html",
        {
            "saring": saring,
            "halaman": _halaman(request, qs),
            "boleh_tambah": bool(cakupan_pengguna(request.user).catat)
            or cakupan_pengguna(request.user).nasional,
        },
    )


@permission_required("forum.add_forum", raise_exception=True)
def forum_create(request):
    form = ForumForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            forum = services.forum_buat(user=request.user, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Forum %(nama)s tercatat.") % {"nama": forum.nama})
            return redirect("forum:forum-detail", pk=forum.pk)
    elif request.method == "GET":
        form.initial["pendamping"] = cakupan_pengguna(request.user).pendamping_id
        desa = request.GET.get("wilayah")
        if desa:
            form.initial["wilayah"] = desa
    return render(request, "forum/forum_form.html", {"form": form})


@permission_required("forum.view_forum", raise_exception=True)
def forum_detail(request, pk):
    forum = get_object_or_404(
        Forum.objects.visible_to(request.user).select_related(
            "wilayah", "wilayah__induk", "pendamping"
        ),
        pk=pk,
    )
    anggota = list(selectors.anggota_forum(forum=forum))
    pertemuan = list(selectors.pertemuan_forum(forum=forum))
    return render(
        request,
        "forum/forum_detail.html",
        {
            "forum": forum,
            "breadcrumb": wilayah_breadcrumb(wilayah=forum.wilayah),
            "anggota": anggota,
            "pertemuan": pertemuan,
            "keputusan": list(selectors.keputusan_forum(forum=forum)),
            "aktivitas": list(selectors.aktivitas_forum(forum=forum)),
            "ringkasan": selectors.ringkasan_partisipasi(
                anggota_list=anggota, pertemuan_list=pertemuan
            ),
            "riwayat_status": list(selectors.riwayat_status_forum(forum=forum)[:20]),
            "riwayat": list(forum.history.select_related("history_user")[:10]),
            "boleh_tulis": akses.boleh_ubah_forum(request.user, forum)
            and request.user.has_perm("forum.change_forum"),
        },
    )


@permission_required("forum.change_forum", raise_exception=True)
def forum_update(request, pk):
    forum = _forum_tulis(request, pk)
    awal = {
        "nama": forum.nama,
        "jenis": forum.jenis,
        "tanggal_dibentuk": forum.tanggal_dibentuk,
        "dasar_hukum": forum.dasar_hukum,
        "pendamping": forum.pendamping_id,
        "keterangan": forum.keterangan,
    }
    form = ForumForm(request.POST or None, user=request.user, forum=forum, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_ubah(user=request.user, forum=forum, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Data forum disimpan."))
            return redirect("forum:forum-detail", pk=forum.pk)
    return render(request, "forum/forum_form.html", {"form": form, "forum": forum})


@permission_required("forum.change_forum", raise_exception=True)
def forum_status(request, pk):
    """Move the forum's status. The form carries the status the user saw (``dari``): when somebody
    moved it meanwhile, the page says who and when, and shows the status as it is now."""
    forum = _forum_tulis(request, pk)
    form = StatusForumForm(request.POST or None, forum=forum)
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_ubah_status(
                user=request.user,
                forum=forum,
                status=form.cleaned_data["status"],
                catatan=form.cleaned_data["catatan"],
                dari=form.cleaned_data["dari"] or None,
            )
        except PindahDitolak as e:
            forum.refresh_from_db()
            form.data = form.data.copy()
            form.data["dari"] = forum.status  # a deliberate second try starts from here
            galat_ke_form(form, e)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Status forum diperbarui."))
            return redirect("forum:forum-detail", pk=forum.pk)
    return render(request, "forum/forum_status.html", {"form": form, "forum": forum})


# --------------------------------------------------------------------------------- members
@permission_required("forum.add_anggota", raise_exception=True)
def anggota_create(request, pk):
    forum = _forum_tulis(request, pk)
    form = AnggotaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            a = services.anggota_tambah(user=request.user, forum=forum, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("%(nama)s ditambahkan sebagai anggota.") % {"nama": a.nama})
            if "lagi" in request.POST:
                return redirect("forum:anggota-create", pk=forum.pk)
            return redirect("forum:forum-detail", pk=forum.pk)
    return render(request, "forum/anggota_form.html", {"form": form, "forum": forum})


@permission_required("forum.change_anggota", raise_exception=True)
def anggota_update(request, pk):
    anggota = get_object_or_404(
        Anggota.objects.visible_to(request.user).select_related("forum", "forum__wilayah"), pk=pk
    )
    _pastikan_tulis(akses.boleh_ubah_anggota(request.user, anggota))
    form = AnggotaForm(request.POST or None, instance=anggota)
    if request.method == "POST" and form.is_valid():
        try:
            services.anggota_ubah(user=request.user, anggota=anggota, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Data anggota disimpan."))
            return redirect("forum:forum-detail", pk=anggota.forum_id)
    return render(
        request,
        "forum/anggota_form.html",
        {"form": form, "forum": anggota.forum, "anggota": anggota},
    )


@permission_required("forum.add_anggota", raise_exception=True)
def anggota_impor(request, pk):
    forum = _forum_tulis(request, pk)
    form = ImporAnggotaForm(request.POST or None, request.FILES or None)
    hasil = None
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data.get("berkas"):
                baris = impor.baca_xlsx(form.cleaned_data["berkas"])
            else:
                baris = impor.baca_teks(form.cleaned_data["teks"])
            hasil = services.anggota_impor(
                user=request.user,
                forum=forum,
                baris=baris,
                kunci_sekali=form.cleaned_data["kunci_sekali"],
            )
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            if hasil.dibuat:
                messages.success(
                    request,
                    _("%(n)d anggota ditambahkan.") % {"n": len(hasil.dibuat)},
                )
            elif hasil.sudah:  # the same import sent again: nobody added twice
                messages.info(request, pesan_sudah_tersimpan())
            if not hasil.galat:
                return redirect("forum:forum-detail", pk=forum.pk)
    return render(
        request,
        "forum/anggota_impor.html",
        {
            "form": form,
            "forum": forum,
            "hasil": hasil,
            "unsur": UnsurMasyarakat.objects.filter(aktif=True),
        },
    )


# ------------------------------------------------------------------------------ facilities


@permission_required("forum.view_sarana", raise_exception=True)
def sarana_list(request):
    saring = SaringSaranaForm(request.GET or None)
    data = saring.cleaned_data if saring.is_valid() else {}
    qs = selectors.sarana_daftar(
        user=request.user,
        desa_kode=(data.get("desa") or "").strip(),
        jenis=data.get("jenis", ""),
        q=data.get("q", ""),
    )
    return render(
        request,
        "forum/sarana_list.html",
        {
            "saring": saring,
            "halaman": _halaman(request, qs),
            "boleh_tambah": bool(cakupan_pengguna(request.user).catat),
        },
    )


@permission_required("forum.add_sarana", raise_exception=True)
def sarana_create(request):
    form = SaranaForm(request.POST or None, user=request.user)
    if request.method == "GET" and request.GET.get("desa"):
        form.initial["wilayah"] = request.GET["desa"]
    if request.method == "POST" and form.is_valid():
        try:
            s = services.sarana_buat(user=request.user, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Sarana %(nama)s tercatat.") % {"nama": s.nama})
            return redirect(f"{_url_sarana()}?desa={s.wilayah_id}")
    return render(request, "forum/sarana_form.html", {"form": form})


def _url_sarana():
    return reverse("forum:sarana-list")


@permission_required("forum.change_sarana", raise_exception=True)
def sarana_update(request, pk):
    sarana = get_object_or_404(
        Sarana.objects.visible_to(request.user).select_related("wilayah"), pk=pk
    )
    _pastikan_tulis(akses.boleh_ubah_sarana(request.user, sarana))
    awal = {k: getattr(sarana, k) for k in ("jenis", "nama", "kondisi", "kapasitas", "keterangan")}
    form = SaranaForm(request.POST or None, user=request.user, sarana=sarana, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            services.sarana_ubah(user=request.user, sarana=sarana, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Sarana disimpan."))
            return redirect(f"{_url_sarana()}?desa={sarana.wilayah_id}")
    return render(
        request,
        "forum/sarana_form.html",
        {"form": form, "sarana": sarana, "riwayat": list(sarana.history.all()[:10])},
    )


# --------------------------------------------------------------------------- supervisor view
@permission_required("forum.view_forum", raise_exception=True)
def pengawasan(request):
    kode = masukan.teks_get(request.GET, "wilayah", maks=13)
    if kode:
        wilayah = get_object_or_404(Wilayah.objects.visible_to(request.user), kode=kode)
        akar = []
    else:
        akar = list(wilayah_akar(user=request.user).order_by("kode")[:50])
        wilayah = akar[0] if len(akar) == 1 else None
    data = selectors.pengawasan_wilayah(user=request.user, wilayah=wilayah) if wilayah else None
    return render(
        request,
        "forum/pengawasan.html",
        {
            "wilayah": wilayah,
            "akar": akar if wilayah is None else [],
            "data": data,
            "breadcrumb": wilayah_breadcrumb(wilayah=wilayah) if wilayah else [],
        },
    )
