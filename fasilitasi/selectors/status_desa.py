"""Reads of village status and the desa page panel."""

from __future__ import annotations

from django.db.models import F, Prefetch, Q

from pendampingan.models import Wilayah

from ..models import BumDesa, Fasilitasi, SkorDimensi, StatusDesa


def status_desa_ringkas(*, user, desa: Wilayah) -> list[dict]:
    """Per index (IDM up to 2023, then Indeks Desa): the years of status, newest first, each with
    its dimension scores and its change against the year before (score difference and whether
    the status went up, down or stayed). Four queries whatever the years."""
    rows = list(
        StatusDesa.objects.visible_to(user)
        .filter(wilayah=desa)
        .select_related("indeks")
        .prefetch_related(
            "indeks__ambang",
            "indeks__dimensi",
            Prefetch("skor_dimensi", queryset=SkorDimensi.objects.order_by("dimensi__urutan")),
        )
        .order_by(F("indeks__tahun_awal").desc(nulls_last=True), "indeks__nama", "tahun")
    )
    per_indeks: dict[int, dict] = {}
    for s in rows:
        d = per_indeks.setdefault(s.indeks_id, {"indeks": s.indeks, "tahun": []})
        skor = {x.dimensi_id: x.skor for x in s.skor_dimensi.all()}
        urutan = _urutan_status(s)
        sebelum = d["tahun"][-1] if d["tahun"] else None
        arah = ""
        if sebelum is not None and urutan is not None and sebelum["urutan"] is not None:
            arah = (
                "naik"
                if urutan > sebelum["urutan"]
                else "turun"
                if urutan < sebelum["urutan"]
                else "tetap"
            )
        d["tahun"].append(
            {
                "status": s,
                "urutan": urutan,
                "delta": (s.skor - sebelum["status"].skor)
                if sebelum and s.skor is not None and sebelum["status"].skor is not None
                else None,
                "arah": arah,
                "dimensi": [(dim, skor.get(dim.pk)) for dim in s.indeks.dimensi.all()]
                if skor
                else [],
            }
        )
    for d in per_indeks.values():
        d["tahun"].reverse()
    return list(per_indeks.values())


URUTAN_STATUS_BAKU = {
    "sangat tertinggal": 1,
    "tertinggal": 2,
    "berkembang": 3,
    "maju": 4,
    "mandiri": 5,
}


def _urutan_status(s: StatusDesa) -> int | None:
    for a in s.indeks.ambang.all():
        if a.nama == s.status:
            return a.urutan
    return URUTAN_STATUS_BAKU.get(s.status.lower())


def panel_desa(*, user, desa: Wilayah) -> dict:
    """What fasilitasi shows on a desa page: status per index with year-on-year change, open
    cases, BUM Desa."""
    kasus = list(
        Fasilitasi.objects.visible_to(user)
        .filter(wilayah=desa)
        .terbuka()
        .select_related("templat", "tahap_kini")
        .order_by("jatuh_tempo", "pk")[:20]
    )
    bumdes = list(
        BumDesa.objects.visible_to(user)
        .filter(Q(wilayah=desa) | Q(desa_anggota=desa))
        .distinct()
        .order_by("nama")[:10]
    )
    return {
        "desa": desa,
        "status_indeks": status_desa_ringkas(user=user, desa=desa),
        "kasus_terbuka": kasus,
        "bumdes_desa": bumdes,
    }
