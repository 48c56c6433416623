"""The dashboard's period: a range of days, shown per week up to two months and per month
beyond; the tag figures and the facilitators' monthly rows count whole months."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone


def bulan_awal(d: datetime.date) -> datetime.date:
    return d.replace(day=1)


def bulan_berikut(d: datetime.date) -> datetime.date:
    return (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class Periode:
    dari: datetime.date
    sampai: datetime.date

    @property
    def satuan(self) -> str:
        """Bars per week for a period up to two months, per month beyond."""
        return "minggu" if (self.sampai - self.dari).days <= 62 else "bulan"

    def bulan(self) -> list[datetime.date]:
        hasil, b = [], bulan_awal(self.dari)
        while b <= self.sampai:
            hasil.append(b)
            b = bulan_berikut(b)
        return hasil

    def as_tuple(self):
        return (self.dari, self.sampai)


def periode_default(hari_ini: datetime.date | None = None) -> Periode:
    """The current month."""
    hari_ini = hari_ini or timezone.localdate()
    return Periode(bulan_awal(hari_ini), bulan_berikut(hari_ini) - datetime.timedelta(days=1))


def periode_pilihan(dari: datetime.date | None, sampai: datetime.date | None) -> Periode:
    """The dashboard's period from a valid ``PeriodeForm`` (the page and the API): a start alone
    runs a year (at most to the end of the current month, never before the start), an end alone
    starts on the first of its month, neither is the current month."""
    default = periode_default()
    if dari and not sampai:
        sampai = min(dari.replace(year=dari.year + 1) - datetime.timedelta(days=1), default.sampai)
        sampai = max(sampai, dari)
    if sampai and not dari:
        dari = sampai.replace(day=1)
    return Periode(dari or default.dari, sampai or default.sampai)


BATAS_HARI = 366


def periode_filter(dari: datetime.date | None, sampai: datetime.date | None) -> Periode:
    """The period of a list's filters: a missing bound from the current month; a period that would
    end before it starts or last more than a year (``?sampai=1900-01-01`` alone) is the current
    month — a list never fails on its query string."""
    default = periode_default()
    p = Periode(dari or default.dari, sampai or default.sampai)
    if p.sampai < p.dari or (p.sampai - p.dari).days >= BATAS_HARI:
        return default
    return p
