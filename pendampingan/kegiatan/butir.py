"""Which butir of the regulation an entry served: which are offered, suggested, or come by themselves.

* **Offered** (``butir_ditawarkan``): the active items (``jenis`` butir, not the scope headings) of
  the current regulation — the one no later regulation replaces — except the prinsip (A1–A5).
  Every entry already carries the prinsip checklist (``PenilaianPrinsip``, per entry and prinsip,
  with the "not upheld" note); tagging A1–A5 as well would copy that checklist as five rows per
  entry and make the A rows of the coverage matrix a second count of all entries.
* **Suggested** (``butir_saran``): pre-ticked in the entry form so most entries need no extra tap —
  the asistensi stage or field's own butir (``BidangPendampingan.butir``), and for the tata cara
  whose every entry is one item: pengarahan → D, KLB dan bencana → F9 (reporting the TPP's work
  through the daily report). The owner may untick or add.
* **Automatic** (``butir_otomatis``): what the records an entry is linked to say — a forum meeting
  (its C step), a facilitation case (its E item), a complaint (E5), an incident (F9). Each app
  registers its source in ``registry.sumber_butir``; the rows carry ``sumber`` otomatis and are kept
  in step by ``services.kegiatan_butir_segarkan`` (idempotent, removed with the link, never a
  second row beside a chosen one: one row per entry and butir).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from .. import registry
from ..models import Butir, JenisButir, Regulasi, TataCara, TataCaraBab

# tata cara whose every activity serves one known item of the regulation
SARAN_TATA_CARA: dict[str, tuple[str, ...]] = {
    TataCara.PENGARAHAN: ("D",),
    TataCara.BENCANA: ("F9",),
}


def regulasi_kini() -> Regulasi | None:
    """The regulation in force: the latest one that no other replaces."""
    return (
        Regulasi.objects.filter(digantikan_oleh__isnull=True)
        .order_by("-tanggal_ditetapkan", "-pk")
        .first()
    )


def butir_ditawarkan() -> QuerySet[Butir]:
    """The butir an entry may be tagged with (one query when evaluated)."""
    return (
        Butir.objects.filter(
            regulasi__digantikan_oleh__isnull=True, jenis=JenisButir.BUTIR, aktif=True
        )
        .exclude(tata_cara=TataCaraBab.PRINSIP)
        .order_by("urutan", "kode")
    )


def butir_kode(kode: Iterable[str]) -> dict[str, int]:
    """The ids of the current regulation's butir with these codes (kode → id), one query."""
    kode = list(kode)
    if not kode:
        return {}
    return dict(
        Butir.objects.filter(regulasi__digantikan_oleh__isnull=True, kode__in=kode).values_list(
            "kode", "pk"
        )
    )


def butir_saran(*, tata_cara: str, bidang=None) -> list[Butir]:
    """The butir pre-ticked for an entry of ``tata_cara`` (and, for asistensi, its stage/field)."""
    kode = list(SARAN_TATA_CARA.get(tata_cara, ()))
    hasil = list(butir_ditawarkan().filter(kode__in=kode)) if kode else []
    if tata_cara == TataCara.ASISTENSI and bidang is not None and bidang.butir_id:
        b = butir_ditawarkan().filter(pk=bidang.butir_id).first()
        if b is not None:
            hasil.append(b)
    return hasil


def peta_saran() -> dict:
    """What the form's script needs to update the suggestion in the page: codes per tata cara
    and the butir code of each asistensi stage/field (two small queries)."""
    from ..models import BidangPendampingan

    tawaran = set(butir_ditawarkan().values_list("kode", flat=True))
    bidang = {
        str(pk): kode
        for pk, kode in BidangPendampingan.objects.filter(
            aktif=True, butir__isnull=False
        ).values_list("pk", "butir__kode")
        if kode in tawaran
    }
    return {
        "tata_cara": {t: [k for k in kode if k in tawaran] for t, kode in SARAN_TATA_CARA.items()},
        "bidang": bidang,
    }


def butir_otomatis(kegiatan) -> set[int]:
    """The butir ids the entry's linked records give it (every registered source)."""
    hasil: set[int] = set()
    for fungsi in registry.sumber_butir.values():
        hasil.update(fungsi(kegiatan))
    return hasil


@dataclass(frozen=True)
class KelompokButir:
    """The offered butir of one tata cara, for a details/summary group in the form."""

    tata_cara: str
    judul: str
    butir: list


def kelompokkan(butir: Iterable[Butir]) -> list[KelompokButir]:
    """Group butir by tata cara in the regulation's order (B, C, D, E, F)."""
    per: dict[str, list] = {}
    for b in butir:
        per.setdefault(b.tata_cara, []).append(b)
    return [
        KelompokButir(tata_cara=t, judul=str(label), butir=per[t])
        for t, label in TataCaraBab.choices
        if t in per
    ]
