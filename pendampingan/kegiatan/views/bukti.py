"""Evidence, served only to users who may see its entry (``inti.berkas.respons_berkas``)."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from ...inti.berkas import respons_berkas
from ...models import (
    DokumenKegiatan,
    FotoKegiatan,
)
from .. import services


# --------------------------------------------------------------------------- evidence
def _kirim_berkas(berkas, nama_unduh: str, lampiran: bool = False):
    jenis = mimetypes.guess_type(nama_unduh)[0] or "application/octet-stream"
    try:
        return respons_berkas(berkas, nama=nama_unduh, mime=jenis, lampiran=lampiran)
    except (FileNotFoundError, OSError):
        raise Http404


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
