"""The monthly reports' dashboard panel: for a region and a period, the reports of the months in
it by state, late submissions and payment recommendations. One query whatever the region."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import LaporanBulanan, Rekomendasi, StatusLaporan
from .periode import awal_bulan, nama_bulan


def panel_dasbor(wilayah, periode: tuple[datetime.date, datetime.date], user) -> dict:
    dari, sampai = awal_bulan(periode[0]), awal_bulan(periode[1])
    qs = LaporanBulanan.objects.visible_to(user).filter(bulan__gte=dari, bulan__lte=sampai)
    if wilayah.kode:
        qs = qs.di_wilayah(wilayah.kode)
    angka = qs.aggregate(
        total=Count("id"),
        **{s.value: Count("id", filter=Q(status=s.value)) for s in StatusLaporan},
        terlambat=Count("id", filter=Q(terlambat=True)),
        bayar=Count("id", filter=Q(rekomendasi=Rekomendasi.BAYAR)),
        tahan=Count("id", filter=Q(rekomendasi=Rekomendasi.TAHAN)),
    )
    rekap = reverse("bulanan:rekap") + f"?bulan={sampai:%Y-%m}"
    if wilayah.kode:
        rekap += f"&wilayah={wilayah.kode}"
    return {
        "angka": angka,
        "url_rekap": rekap,
        "url_periksa": reverse("bulanan:periksa"),
        "rentang": nama_bulan(dari)
        if dari == sampai
        else f"{nama_bulan(dari)} – {nama_bulan(sampai)}",
        "ekspor": [
            (
                _("Laporan bulanan"),
                [_("Ukuran"), _("Jumlah")],
                [
                    (_("Laporan disusun"), angka["total"]),
                    *[(str(s.label), angka[s.value]) for s in StatusLaporan],
                    (_("Diajukan setelah tenggat"), angka["terlambat"]),
                    (_("Rekomendasi bayar"), angka["bayar"]),
                    (_("Rekomendasi tahan"), angka["tahan"]),
                ],
            )
        ],
    }


def tautan_kegiatan(kegiatan_list, user) -> dict:
    """On each daily-log entry: the monthly report of its month (when the user may see it), with
    its state. One query for any number of entries."""
    from pendampingan.registry import ItemLiniMasa

    kunci = {(k.pendamping_id, awal_bulan(k.tanggal)) for k in kegiatan_list}
    if not kunci:
        return {}
    laporan = {
        (lap.pendamping_id, lap.bulan): lap
        for lap in LaporanBulanan.objects.visible_to(user).filter(
            pendamping_id__in={p for p, _b in kunci}, bulan__in={b for _p, b in kunci}
        )
    }
    hasil: dict = {}
    for k in kegiatan_list:
        lap = laporan.get((k.pendamping_id, awal_bulan(k.tanggal)))
        if lap:
            hasil[k.pk] = [
                ItemLiniMasa(
                    waktu=lap.bulan,
                    jenis=_("Laporan bulanan"),
                    judul=_("Laporan %(b)s") % {"b": nama_bulan(lap.bulan)},
                    url=lap.get_absolute_url(),
                    keterangan=lap.get_status_display(),
                )
            ]
    return hasil
