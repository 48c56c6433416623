"""Regions through the API: the tree (``?induk=``), search (``?q=``, ``?tingkat=``), a region with
its current facilitators. Scoped like the site: a region outside the user's scope is a 404."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
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


class WilayahViewSet(ApiViewSet, viewsets.ReadOnlyModelViewSet):
    serializer_class = WilayahSerializer
    filterset_class = WilayahFilter
    field_diubah = "diperbarui"
    lookup_field = "kode"
    lookup_value_regex = r"[0-9.]{2,13}"

    def get_queryset(self):
        return Wilayah.objects.visible_to(self.request.user)
