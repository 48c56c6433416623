"""The lists of incidents: the facilitator's list, the map, the supervisor's recap by kabupaten.
All start from ``Kejadian.objects.visible_to(user)`` (the selectors)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from pendampingan.inti import masukan

from .. import selectors
from ..models import KOLOM_DAMPAK, KategoriKejadian, StatusKejadian
from ..selectors import KOLOM_RINGKAS
from ._umum import LAPOR, LIHAT


def _filter(request) -> dict:
    g = request.GET
    return {
        "status": masukan.teks_get(g, "status", "aktif", maks=20),
        "jenis": masukan.teks_get(g, "jenis", maks=50),
        "kategori": masukan.teks_get(g, "kategori", maks=50),
        "wilayah": masukan.teks_get(g, "wilayah", maks=13),
        "q": masukan.teks_get(g, "q"),
    }


def _konteks_filter(f: dict) -> dict:
    return {
        "f": f,
        "pilihan_status": [("aktif", _("Aktif")), ("semua", _("Semua"))]
        + list(StatusKejadian.choices),
        "pilihan_jenis": selectors.jenis_aktif(),
        "pilihan_kategori": KategoriKejadian.choices,
    }


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
    wilayah = masukan.teks_get(request.GET, "wilayah", maks=13)
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
