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
