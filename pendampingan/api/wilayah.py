"""Regions through the API: the tree (``?induk=``), search (``?q=``, ``?tingkat=``: the one search
rule of the region pages and the autocomplete, ``selectors.wilayah_saring``), a region with its
breadcrumb and — for a desa — its current facilitators (``selectors.wilayah_penugasan_desa``, as
the desa page). Scoped like the site: a region outside the user's scope is a 404."""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets

from .. import selectors
from ..inti.masukan import FilterForm
from ..models import Tingkat, Wilayah
from .dasar import ApiViewSet


class WilayahSerializer(serializers.ModelSerializer):
    induk = serializers.CharField(source="induk_id", allow_null=True, read_only=True)
    label = serializers.CharField(source="label_lengkap", read_only=True)

    class Meta:
        model = Wilayah
        fields = ["kode", "nama", "label", "tingkat", "jenis", "induk", "kode_bps", "diperbarui"]


class WilayahRingkasSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wilayah
        fields = ["kode", "nama", "tingkat"]


class PenugasanDesaSerializer(serializers.Serializer):
    """A current assignment at the desa or a region above it (who facilitates or supervises it)."""

    pendamping = serializers.IntegerField(source="pendamping_id")
    nama = serializers.CharField(source="pendamping.nama")
    jabatan = serializers.CharField(source="pendamping.jabatan")
    jabatan_label = serializers.CharField(source="pendamping.get_jabatan_display")
    jenis = serializers.CharField()
    wilayah = serializers.CharField(source="wilayah_id")
    wilayah_nama = serializers.CharField(source="wilayah.nama")
    mulai = serializers.DateField()
    selesai = serializers.DateField(allow_null=True)


class WilayahDetailSerializer(WilayahSerializer):
    jejak = serializers.SerializerMethodField(help_text=_("Wilayah di atasnya, dari yang terluas."))
    pendamping_kini = serializers.SerializerMethodField(
        help_text=_("Untuk desa: penugasan yang berlaku hari ini (null untuk tingkat lain).")
    )

    class Meta(WilayahSerializer.Meta):
        fields = [*WilayahSerializer.Meta.fields, "jejak", "pendamping_kini"]

    @extend_schema_field(WilayahRingkasSerializer(many=True))
    def get_jejak(self, obj):
        return WilayahRingkasSerializer(selectors.wilayah_breadcrumb(wilayah=obj), many=True).data

    @extend_schema_field(PenugasanDesaSerializer(many=True, allow_null=True))
    def get_pendamping_kini(self, obj):
        if obj.tingkat != Tingkat.DESA:
            return None
        hari_ini = timezone.localdate()
        kini = [p for p in selectors.wilayah_penugasan_desa(desa=obj) if p.aktif_pada(hari_ini)]
        return PenugasanDesaSerializer(kini, many=True).data


class WilayahFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="cari", max_length=100, label=_("cari (kode atau nama)"))
    induk = django_filters.CharFilter(field_name="induk_id", max_length=13, label=_("induk"))
    tingkat = django_filters.ChoiceFilter(choices=Tingkat.choices, label=_("tingkat"))

    class Meta:
        model = Wilayah
        fields = ["q", "induk", "tingkat"]
        form = FilterForm

    def cari(self, qs, name, value):
        return selectors.wilayah_saring(qs, q=value)


@extend_schema_view(
    list=extend_schema(
        responses={
            200: WilayahSerializer(many=True),
            400: OpenApiResponse(description=_("Filter, kursor atau updated_since tidak sah.")),
        }
    ),
    retrieve=extend_schema(
        responses={
            200: WilayahDetailSerializer,
            404: OpenApiResponse(description=_("Tidak ada, atau di luar cakupan Anda.")),
        }
    ),
)
class WilayahViewSet(ApiViewSet, viewsets.ReadOnlyModelViewSet):
    """Regions the user may see; ``?induk=<kode>`` walks the tree one level down."""

    serializer_class = WilayahSerializer
    filterset_class = WilayahFilter
    field_diubah = "diperbarui"
    lookup_field = "kode"
    lookup_value_regex = r"[0-9.]{2,13}"

    def get_serializer_class(self):
        if self.action == "retrieve":
            return WilayahDetailSerializer
        return super().get_serializer_class()

    def get_queryset(self):
        return Wilayah.objects.visible_to(self.request.user)
