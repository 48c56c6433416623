"""Monthly reports (``LaporanBulanan``) through the API: read only — the list (filters ``bulan``,
``wilayah``, ``status``, ``pendamping``) and a report with its narratives and status events.

Scoped like the report page: ``selectors.laporan_lengkap`` (the owner and the supervisors of the
report's region — ``PemilikAtauPengawasQuerySet``); anyone else gets a 404."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets

from pendampingan.api.dasar import ApiViewSet
from pendampingan.inti.masukan import FilterForm

from . import selectors
from .forms import BulanField
from .models import LaporanBulanan, NarasiLaporan, PeristiwaLaporan, StatusLaporan


class NarasiLaporanSerializer(serializers.ModelSerializer):
    class Meta:
        model = NarasiLaporan
        fields = ["jenis", "kunci", "judul", "urutan", "teks", "draf", "disunting"]


class PeristiwaLaporanSerializer(serializers.ModelSerializer):
    oleh = serializers.SerializerMethodField()

    class Meta:
        model = PeristiwaLaporan
        fields = ["dari", "ke", "waktu", "oleh", "catatan"]

    def get_oleh(self, obj) -> str:
        u = obj.oleh
        if u is None:
            return ""
        p = getattr(u, "pendamping", None) if hasattr(u, "pendamping") else None
        return p.nama if p else u.get_username()


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2026-10"})
class BulanJawabField(serializers.Field):
    """The report's month as the site writes it (``2026-10``, the ``bulan`` filter's form)."""

    def to_representation(self, value):
        return value.strftime("%Y-%m")


class LaporanBulananSerializer(serializers.ModelSerializer):
    pendamping_nama = serializers.CharField(source="pendamping.nama", read_only=True)
    wilayah_nama = serializers.CharField(source="wilayah.nama", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    jam_kerja = serializers.FloatField(read_only=True)
    bulan = BulanJawabField(read_only=True)

    class Meta:
        model = LaporanBulanan
        fields = [
            "id",
            "pendamping",
            "pendamping_nama",
            "wilayah",
            "wilayah_nama",
            "bulan",
            "status",
            "status_label",
            "hari_kerja",
            "menit_kerja",
            "jam_kerja",
            "jumlah_kegiatan",
            "jumlah_terverifikasi",
            "terlambat",
            "disusun_pada",
            "diajukan_pada",
            "disetujui_pada",
            "catatan_pengawas",
            "rekomendasi",
            "alasan_rekomendasi",
            "dibuat",
            "diubah",
        ]


class LaporanBulananDetailSerializer(LaporanBulananSerializer):
    narasi = NarasiLaporanSerializer(many=True, read_only=True)
    peristiwa = PeristiwaLaporanSerializer(many=True, read_only=True)
    ringkasan = serializers.JSONField(
        source="data", read_only=True, help_text=_("Angka laporan saat terakhir disusun.")
    )

    class Meta(LaporanBulananSerializer.Meta):
        fields = [*LaporanBulananSerializer.Meta.fields, "ringkasan", "narasi", "peristiwa"]


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2026-10"})
class BulanFilter(django_filters.Filter):
    field_class = BulanField  # the site's month field (``2026-10``)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 2**31 - 1})
class AngkaFilter(django_filters.Filter):
    field_class = forms.IntegerField


class LaporanFilter(django_filters.FilterSet):
    bulan = BulanFilter(label=_("bulan (TTTT-BB)"))
    wilayah = django_filters.CharFilter(
        method="di_wilayah", max_length=13, label=_("wilayah ini atau di bawahnya")
    )
    status = django_filters.ChoiceFilter(choices=StatusLaporan.choices, label=_("status"))
    pendamping = AngkaFilter(field_name="pendamping_id", min_value=1, label=_("pendamping"))

    class Meta:
        model = LaporanBulanan
        fields = ["bulan", "wilayah", "status", "pendamping"]
        form = FilterForm

    def di_wilayah(self, qs, name, value):
        return qs.di_wilayah(value)


@extend_schema_view(
    list=extend_schema(
        responses={
            200: LaporanBulananSerializer(many=True),
            400: OpenApiResponse(description=_("Filter, kursor atau updated_since tidak sah.")),
        }
    ),
    retrieve=extend_schema(
        responses={
            200: LaporanBulananDetailSerializer,
            404: OpenApiResponse(description=_("Tidak ada, atau di luar cakupan Anda.")),
        }
    ),
)
class LaporanBulananViewSet(ApiViewSet, viewsets.ReadOnlyModelViewSet):
    """Monthly reports the user may see (their own; the ones they supervise)."""

    serializer_class = LaporanBulananSerializer
    filterset_class = LaporanFilter

    def get_serializer_class(self):
        if self.action == "retrieve":
            return LaporanBulananDetailSerializer
        return super().get_serializer_class()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema (no user)
            return LaporanBulanan.objects.none()
        qs = selectors.laporan_lengkap(user=self.request.user)
        if self.action == "retrieve":
            qs = qs.prefetch_related(
                "narasi",
                Prefetch(
                    "peristiwa",
                    queryset=PeristiwaLaporan.objects.select_related("oleh__pendamping").order_by(
                        "waktu", "pk"
                    ),
                ),
            )
        return qs
