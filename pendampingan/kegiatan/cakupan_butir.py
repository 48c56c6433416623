"""Which butir of the regulation were served where: the reads behind the facilitator's home ("not
yet served this year"), a desa's checklist of the year and the coverage matrix's live levels
(kecamatan and desa; the wider levels read the dashboard's summary ``RingkasanButir``).

The rule of what counts, in one place: an entry serves the butir it is tagged with
(``KegiatanButir``) once it is **submitted or verified** (``STATUS_TERHITUNG``). A draft is not
yet a report and a returned entry is being corrected; both count again when (re)submitted.
The butir shown are those of the regulation in force (not replaced by a successor), active, and
of ``jenis=butir`` (the scope headings are not duties in themselves).
"""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Max

from ..models import Butir, JenisButir, Kegiatan, StatusKegiatan, Wilayah

STATUS_TERHITUNG = (StatusKegiatan.DIAJUKAN, StatusKegiatan.DIVERIFIKASI)


def awal_tahun(tanggal: datetime.date) -> datetime.date:
    return tanggal.replace(month=1, day=1)


def butir_matriks():
    """The butir a matrix or a checklist lists, in the regulation's order (1 query when
    evaluated)."""
    return (
        Butir.objects.filter(
            aktif=True, jenis=JenisButir.BUTIR, regulasi__digantikan_oleh__isnull=True
        )
        .select_related("induk")
        .order_by("regulasi_id", "urutan", "kode")
    )


def kegiatan_terhitung(*, user, dari: datetime.date, sampai: datetime.date, wilayah: str = ""):
    """The entries that count, ``user`` may see, in region ``wilayah`` (and below; ``""``: all the
    user sees), dated ``dari``–``sampai``. Aggregate their tags through ``tanda_butir__butir_id``:
    starting from the entries keeps the plan on the daily log's region index, then the tag's
    ``kegiatan`` index (no scan of the whole log, checked with EXPLAIN on PostgreSQL)."""
    return (
        Kegiatan.objects.visible_to(user)
        .di_wilayah(wilayah)
        .filter(
            status__in=STATUS_TERHITUNG,
            tanggal__gte=dari,
            tanggal__lte=sampai,
            tanda_butir__isnull=False,
        )
        .order_by()
    )


def tahun_penuh(tahun: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(tahun, 1, 1), datetime.date(tahun, 12, 31)


def daftar_periksa_desa(*, user, desa: Wilayah, tahun: int) -> list[dict]:
    """A desa's checklist of ``tahun``: every butir with how many counted entries served it and
    the last date (2 queries)."""
    dari, sampai = tahun_penuh(tahun)
    hitung = {
        r["butir_id"]: r
        for r in kegiatan_terhitung(user=user, dari=dari, sampai=sampai, wilayah=desa.kode)
        .values(butir_id=F("tanda_butir__butir_id"))
        .annotate(n=Count("pk"), terakhir=Max("tanggal"))
    }
    hasil = []
    for b in butir_matriks():
        r = hitung.get(b.pk)
        hasil.append(
            {"butir": b, "n": r["n"] if r else 0, "terakhir": r["terakhir"] if r else None}
        )
    return hasil


def butir_belum_dilayani(*, user, desa_list, hari_ini: datetime.date) -> dict[str, list[Butir]]:
    """{desa code: the butir no counted entry in that desa served this year} for the given desa
    (the facilitator's home; 2 queries whatever the number of desa and entries)."""
    kode = [d.kode for d in desa_list]
    if not kode:
        return {}
    dilayani = set(
        kegiatan_terhitung(user=user, dari=awal_tahun(hari_ini), sampai=hari_ini)
        .filter(wilayah_id__in=kode)
        .values_list("wilayah_id", "tanda_butir__butir_id")
        .distinct()
    )
    semua = list(butir_matriks())
    return {k: [b for b in semua if (k, b.pk) not in dilayani] for k in kode}
