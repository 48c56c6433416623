"""What the summaries read off the daily log beyond the base entry: participants by sex, flags,
SDGs Desa goals and the prinsip checklist. Kept in one module so the summary code stays the same
as the daily log grows."""

from django.db.models import Count, F, IntegerField, Q, Value

from pendampingan.models import Kegiatan


def _punya(nama: str) -> bool:
    try:
        Kegiatan._meta.get_field(nama)
    except Exception:
        return False
    return True


def peserta_laki():
    return F("peserta_laki") if _punya("peserta_laki") else Value(0, output_field=IntegerField())


def peserta_perempuan():
    return (
        F("peserta_perempuan")
        if _punya("peserta_perempuan")
        else Value(0, output_field=IntegerField())
    )


def hitung_ditandai():
    return Count("pk", filter=Q(ditandai=True)) if _punya("ditandai") else Value(0)


def label_queryset(kegiatan_qs):
    """(key expression, queryset) pairs for the tag summaries."""
    return []


def filter_tambahan(kegiatan_qs, filter: dict):
    """Drill-down filters on the daily log's extra data."""
    return kegiatan_qs
