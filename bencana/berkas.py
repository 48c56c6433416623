"""The one door to an evidence file (the site's page and the API's download alike): through the
incident's scope (``Bukti.objects.visible_to``, 404 outside it). Photos are shown inline,
documents downloaded; the name ends with the type the bytes were checked as."""

from __future__ import annotations

from pathlib import PurePath

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from pendampingan.inti.berkas import respons_berkas

from .models import Bukti, JenisBukti


def nama_unduh(b: Bukti) -> str:
    """The download name: the original name's stem with the checked type's extension."""
    ekstensi = PurePath(b.berkas.name).suffix
    return PurePath(b.nama_asli).stem + ekstensi if ekstensi else b.nama_asli


def bukti_unduh(*, user, pk):
    """The stored file of evidence ``pk`` for ``user`` (404 outside the scope or when the file is
    gone from the storage)."""
    b = get_object_or_404(Bukti.objects.visible_to(user), pk=pk)
    try:
        return respons_berkas(
            b.berkas, nama=nama_unduh(b), mime=b.tipe_mime, lampiran=b.jenis != JenisBukti.FOTO
        )
    except FileNotFoundError:
        raise Http404(_("Berkas bukti ini tidak ditemukan di penyimpanan.")) from None
