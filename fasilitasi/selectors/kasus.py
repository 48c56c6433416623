"""Reads of cases: lists, the case page (stages, documents, events, history), the entries a move
may link, the one document a user may download."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.shortcuts import get_object_or_404

from pendampingan.models import Kegiatan
from pendampingan.scope import cakupan_pengguna, q_prefiks

from ..models import (
    DokumenFasilitasi,
    Fasilitasi,
    PeristiwaFasilitasi,
    StatusFasilitasi,
    TahapFasilitasi,
)
from ..models.kasus import q_terlambat


def _dengan_terlambat(qs, hari_ini=None):
    return qs.annotate(
        telat=Case(
            When(q_terlambat(hari_ini), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def fasilitasi_list(
    *,
    user,
    saya: bool = False,
    wilayah: str = "",
    templat: int | None = None,
    tahun: int | None = None,
    urutan_tahap: int | None = None,
    status: str = "",
    terlambat: bool = False,
    q: str = "",
):
    """Cases the user may see, filtered; late ones first, then by due date."""
    qs = Fasilitasi.objects.visible_to(user)
    if saya:
        qs = qs.filter(penanggung_jawab__user=user)
    if wilayah:
        qs = qs.di_wilayah(wilayah)
    if templat:
        qs = qs.filter(templat_id=templat)
    if tahun:
        qs = qs.filter(tahun=tahun)
    if urutan_tahap:
        qs = qs.filter(tahap_kini__urutan=urutan_tahap, status__in=["berjalan", "ditunda"])
    if status == "terbuka":
        qs = qs.terbuka()
    elif status:
        qs = qs.filter(status=status)
    if terlambat:
        qs = qs.terlambat()
    if q:
        qs = qs.filter(Q(judul__icontains=q) | Q(wilayah__nama__icontains=q))
    return (
        _dengan_terlambat(qs)
        .select_related("wilayah", "wilayah__induk", "templat", "tahap_kini", "penanggung_jawab")
        .order_by("-telat", "templat__nama", "tahap_kini__urutan", "jatuh_tempo", "pk")
    )


def fasilitasi_detail(*, user, pk: int) -> Fasilitasi:
    return get_object_or_404(
        Fasilitasi.objects.visible_to(user).select_related(
            "wilayah",
            "wilayah__induk",
            "templat",
            "butir",
            "butir__ruang_lingkup",
            "tahap_kini",
            "penanggung_jawab",
            "bumdes",
            "dibuka_oleh",
        ),
        pk=pk,
    )


def fasilitasi_tahap(*, kasus: Fasilitasi) -> list[TahapFasilitasi]:
    """The case's stages with their attached documents."""
    return list(
        kasus.tahap.order_by("urutan").prefetch_related(
            Prefetch(
                "berkas",
                queryset=DokumenFasilitasi.objects.select_related("diunggah_oleh").order_by(
                    "diunggah"
                ),
            )
        )
    )


def fasilitasi_peristiwa(*, kasus: Fasilitasi) -> list[PeristiwaFasilitasi]:
    return list(
        kasus.peristiwa.select_related("oleh", "dari_tahap", "ke_tahap", "kegiatan")
        .prefetch_related("dokumen")
        .order_by("-waktu", "-pk")
    )


def fasilitasi_riwayat(*, kasus: Fasilitasi, batas: int = 50):
    return list(kasus.history.select_related("history_user").order_by("-history_date")[:batas])


def kegiatan_pilihan(*, user, kasus: Fasilitasi, batas: int = 30):
    """The user's recent daily-log entries in the case's desa (to link to a move)."""
    terbaru = list(
        Kegiatan.objects.visible_to(user)
        .filter(pendamping__user=user, wilayah_id=kasus.wilayah_id)
        .order_by("-tanggal", "-jam_mulai")
        .values_list("pk", flat=True)[:batas]
    )
    # an unsliced queryset, so the form field can validate the choice against it
    return Kegiatan.objects.filter(pk__in=terbaru).order_by("-tanggal", "-jam_mulai")


def fasilitasi_terbuka_untuk_kegiatan(*, user, wilayah_kode: str | None = None):
    """Open cases the user may advance from a daily-log entry (in the entry's desa, if known)."""
    qs = Fasilitasi.objects.visible_to(user).filter(status=StatusFasilitasi.BERJALAN)
    c = cakupan_pengguna(user)
    if not c.nasional:
        qs = qs.filter(Q(penanggung_jawab__user=user) | q_prefiks("wilayah__kode", c.catat))
    if wilayah_kode:
        qs = qs.filter(wilayah_id=wilayah_kode)
    return qs.select_related("wilayah", "tahap_kini").order_by("wilayah__nama", "judul")


def dokumen_detail(*, user, pk: int) -> DokumenFasilitasi:
    """A case document the user may see (404 outside the user's scope)."""
    return get_object_or_404(DokumenFasilitasi.objects.visible_to(user), pk=pk)
