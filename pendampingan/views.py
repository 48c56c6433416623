from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from pendampingan.inti import masukan

from . import kalender as kalender_kerja
from . import registry, selectors
from .kegiatan import cakupan_butir
from .kegiatan import selectors as kegiatan_selectors
from .models import (
    JenisLibur,
    JenisPenugasan,
    Kegiatan,
    Penugasan,
    StatusKegiatan,
    Tingkat,
    Wilayah,
)
from .scope import cakupan_pengguna


def _halaman(request, qs, ukuran=None):
    return Paginator(qs, ukuran or settings.HALAMAN_UKURAN).get_page(request.GET.get("halaman"))


def beranda(request):
    """A facilitator's villages (each with the butir not yet served this year); a supervisor's
    regions with counts; overdue follow-ups."""
    c = cakupan_pengguna(request.user)
    desa = _halaman(
        request,
        selectors.desa_catat(user=request.user).select_related("induk").order_by("nama"),
        20,
    )
    hari_ini = timezone.localdate()
    belum = cakupan_butir.butir_belum_dilayani(
        user=request.user, desa_list=desa.object_list, hari_ini=hari_ini
    )
    for d in desa:
        d.butir_belum = belum.get(d.kode, [])
    akar = list(selectors.wilayah_akar(user=request.user)[:50]) if c.pengawas else []
    jumlah = selectors.wilayah_jumlah_desa(
        wilayah_qs=Wilayah.objects.filter(kode__in=[w.kode for w in akar])
    )
    terlambat = list(selectors.tindak_lanjut_terlambat(user=request.user)[:10])
    saya = c.pendamping_id
    return render(
        request,
        "pendampingan/beranda.html",
        {
            "desa_halaman": desa,
            "tahun": hari_ini.year,
            "akar": [(w, jumlah.get(w.kode, 0)) for w in akar],
            "terlambat": terlambat,
            "tanpa_penugasan": c.kosong,
            "jumlah_antrean": kegiatan_selectors.jumlah_antrean(user=request.user)
            if c.pengawas
            else 0,
            "jumlah_dikembalikan": Kegiatan.objects.filter(
                pendamping_id=saya, status=StatusKegiatan.DIKEMBALIKAN
            ).count()
            if saya
            else 0,
            "boleh_catat": bool(c.catat or c.nasional) and saya is not None,
        },
    )


def wilayah_list(request):
    akar = selectors.wilayah_akar(user=request.user).order_by("kode")
    halaman = _halaman(request, akar)
    jumlah = selectors.wilayah_jumlah_desa(
        wilayah_qs=Wilayah.objects.filter(kode__in=[w.kode for w in halaman])
    )
    return render(
        request,
        "pendampingan/wilayah_list.html",
        {"halaman": halaman, "baris": [(w, jumlah.get(w.kode, 0)) for w in halaman]},
    )


def wilayah_detail(request, kode):
    wilayah = get_object_or_404(Wilayah.objects.visible_to(request.user), kode=kode)
    breadcrumb = selectors.wilayah_breadcrumb(wilayah=wilayah)
    if wilayah.tingkat == Tingkat.DESA:
        penugasan = list(selectors.wilayah_penugasan_desa(desa=wilayah))
        hari_ini = timezone.localdate()
        return render(
            request,
            "pendampingan/desa_detail.html",
            {
                "desa": wilayah,
                "breadcrumb": breadcrumb,
                "penugasan_kini": [p for p in penugasan if p.aktif_pada(hari_ini)],
                "penugasan_lalu": [p for p in penugasan if not p.aktif_pada(hari_ini)],
                "lini_masa": registry.lini_masa_desa(wilayah, request.user),
                "panel_desa": registry.panel_desa_untuk(wilayah, request.user),
            },
        )
    q = masukan.teks_get(request.GET, "q")
    halaman = _halaman(request, selectors.wilayah_anak(wilayah=wilayah, q=q))
    jumlah = selectors.wilayah_jumlah_desa(
        wilayah_qs=Wilayah.objects.filter(kode__in=[w.kode for w in halaman])
    )
    pengawas = (
        Penugasan.objects.aktif()
        .filter(wilayah=wilayah)
        .select_related("pendamping")
        .order_by("jenis", "pendamping__nama")
    )
    return render(
        request,
        "pendampingan/wilayah_detail.html",
        {
            "wilayah": wilayah,
            "breadcrumb": breadcrumb,
            "halaman": halaman,
            "baris": [(w, jumlah.get(w.kode, 0)) for w in halaman],
            "q": q,
            "total_desa": selectors.wilayah_jumlah_desa(
                wilayah_qs=Wilayah.objects.filter(kode=wilayah.kode)
            ).get(wilayah.kode, 0),
            "penugasan": pengawas,
            "JenisPenugasan": JenisPenugasan,
        },
    )


@require_GET
def wilayah_cari(request):
    """Scoped autocomplete for region inputs (JSON)."""
    hasil = selectors.wilayah_cari(
        user=request.user,
        q=masukan.teks_get(request.GET, "q"),
        tingkat=masukan.teks_get(request.GET, "tingkat", maks=20) or None,
        mode="catat" if request.GET.get("mode") == "catat" else "lihat",
    )
    return JsonResponse(
        {
            "hasil": [
                {
                    "kode": w.kode,
                    "nama": w.nama,
                    "label": f"{w.nama} ({w.kode})",
                    "induk": w.induk.nama if w.induk else "",
                    "tingkat": w.get_tingkat_display(),
                }
                for w in hasil
            ],
            "pesan": "" if hasil else _("Tidak ada wilayah yang cocok."),
        }
    )


TAHUN_KALENDER = (2000, 2100)


def kalender(request):
    """The year's days off (national holidays, cuti bersama, days added by an admin): the calendar
    that SLA deadlines count working days against."""
    ini = timezone.localdate().year
    mentah = (request.GET.get("tahun") or "").strip()
    tahun = ini
    if mentah:
        try:
            tahun = int(mentah)
        except ValueError:
            tahun = None
        if tahun is None or not TAHUN_KALENDER[0] <= tahun <= TAHUN_KALENDER[1]:
            messages.warning(
                request,
                _("Tahun %(t)s tidak dikenali; ditampilkan tahun %(i)s.") % {"t": mentah, "i": ini},
            )
            tahun = ini
    baris = [
        {"tanggal": d, "nama": nama, "jenis": JenisLibur(jenis).label, "kode_jenis": jenis}
        for d, nama, jenis in kalender_kerja.daftar_libur(tahun)
    ]
    return render(
        request,
        "pendampingan/kalender.html",
        {
            "tahun": tahun,
            "sebelum": tahun - 1 if tahun > TAHUN_KALENDER[0] else None,
            "sesudah": tahun + 1 if tahun < TAHUN_KALENDER[1] else None,
            "baris": baris,
            "jumlah_kerja": sum(1 for b in baris if b["tanggal"].weekday() < 5),
        },
    )
