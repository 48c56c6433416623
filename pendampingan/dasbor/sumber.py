"""What the summaries read off the daily log beyond the base entry: minutes, participants by sex,
flags, SDGs Desa goals and the prinsip checklist. Kept in one module so the summary code stays the
same as the daily log grows."""

from django.db.models import CharField, Count, F, IntegerField, Q, Value
from django.db.models.functions import Cast, Concat, ExtractHour, ExtractMinute

from pendampingan.models import JENIS_DESA, Kegiatan, NilaiPrinsip

# A desa (desa or desa adat — a kelurahan has no PLD, so it is never this gap) without an active
# field assignment: the "desa tanpa pendamping" figure; needs the ``ada_pld`` annotation.
Q_TANPA_PLD = Q(ada_pld=False, jenis__in=JENIS_DESA)

AWALAN_SDG = "sdg:"
AWALAN_PRINSIP = "prinsip:"

# An entry's minutes (its end time less its start time).
MENIT = (ExtractHour("jam_selesai") * 60 + ExtractMinute("jam_selesai")) - (
    ExtractHour("jam_mulai") * 60 + ExtractMinute("jam_mulai")
)


def _punya(nama: str) -> bool:
    try:
        Kegiatan._meta.get_field(nama)
    except Exception:
        return False
    return True


def peserta_laki():
    return F("peserta_laki")


def peserta_perempuan():
    return F("peserta_perempuan")


def hitung_ditandai():
    """Entries flagged for the supervisor (0 until the daily log stores flags)."""
    if _punya("ditandai"):
        return Count("pk", filter=Q(ditandai=True))
    return Value(0, output_field=IntegerField())


def label_queryset(kegiatan_qs):
    """(key expression, queryset) pairs for the tag summaries: ``sdg:<nomor>`` per goal an entry
    serves, ``prinsip:<kode>:<nilai>`` per line of its checklist."""
    return [
        (
            Concat(Value(AWALAN_SDG), Cast("sdgs__nomor", CharField()), output_field=CharField()),
            kegiatan_qs.filter(sdgs__isnull=False),
        ),
        (
            Concat(
                Value(AWALAN_PRINSIP),
                "penilaian_prinsip__prinsip__kode",
                Value(":"),
                "penilaian_prinsip__nilai",
                output_field=CharField(),
            ),
            kegiatan_qs.filter(penilaian_prinsip__isnull=False),
        ),
    ]


def filter_tambahan(kegiatan_qs, filter: dict):
    """Drill-down filters on the daily log's extra data: ``sdg`` (goal number), ``prinsip`` (a
    principle's code) with ``nilai`` (default: not upheld)."""
    if filter.get("sdg"):
        kegiatan_qs = kegiatan_qs.filter(sdgs__nomor=filter["sdg"])
    if filter.get("prinsip"):
        kegiatan_qs = kegiatan_qs.filter(
            penilaian_prinsip__prinsip__kode=filter["prinsip"],
            penilaian_prinsip__nilai=filter.get("nilai") or NilaiPrinsip.TIDAK_DIJUNJUNG,
        )
    return kegiatan_qs
