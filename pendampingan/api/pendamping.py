"""Facilitators (``Pendamping``) and their assignments (``Penugasan``) through the API.

Scoped like the site: ``Pendamping.objects.visible_to`` (the facilitators with an assignment
inside the user's regions, and the user themself); a facilitator outside it is a 404. Of each
facilitator's assignments only those the user may see are listed (``Penugasan.visible_to``, and
the user's own): a colleague's past posting in another kabupaten is not this user's business.
The phone number is not answered (the site shows it nowhere)."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from ..inti.masukan import FilterForm
from ..models import Jabatan, Pendamping, Penugasan
from .dasar import ApiViewSet


class PenugasanSerializer(serializers.ModelSerializer):
    # a national assignment has no region: null here
    wilayah_nama = serializers.CharField(source="wilayah.nama", read_only=True, allow_null=True)
    wilayah_tingkat = serializers.CharField(
        source="wilayah.tingkat", read_only=True, allow_null=True
    )

    class Meta:
        model = Penugasan
        fields = [
            "id",
            "wilayah",
            "wilayah_nama",
            "wilayah_tingkat",
            "jenis",
            "mulai",
            "selesai",
            "catatan",
            "diubah",
        ]


class PendampingSerializer(serializers.ModelSerializer):
    jabatan_label = serializers.CharField(source="get_jabatan_display", read_only=True)
    penugasan = PenugasanSerializer(source="penugasan_terlihat", many=True, read_only=True)

    class Meta:
        model = Pendamping
        fields = ["id", "nama", "jabatan", "jabatan_label", "aktif", "diubah", "penugasan"]


class PendampingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="nama", lookup_expr="icontains", max_length=100, label=_("cari nama")
    )
    wilayah = django_filters.CharFilter(
        method="di_wilayah", max_length=13, label=_("bertugas di wilayah ini atau di bawahnya")
    )
    jabatan = django_filters.ChoiceFilter(choices=Jabatan.choices, label=_("jabatan"))
    aktif = django_filters.BooleanFilter(label=_("aktif"))

    class Meta:
        model = Pendamping
        fields = ["q", "wilayah", "jabatan", "aktif"]
        form = FilterForm

    def di_wilayah(self, qs, name, value):
        return qs.filter(pk__in=Penugasan.objects.di_wilayah(value).values("pendamping_id"))


@extend_schema_view(
    list=extend_schema(
        responses={
            200: PendampingSerializer(many=True),
            400: OpenApiResponse(description=_("Filter, kursor atau updated_since tidak sah.")),
        }
    ),
    retrieve=extend_schema(
        responses={
            200: PendampingSerializer,
            404: OpenApiResponse(description=_("Tidak ada, atau di luar cakupan Anda.")),
        }
    ),
)
class PendampingViewSet(ApiViewSet, viewsets.ReadOnlyModelViewSet):
    """Facilitators the user may see, each with the assignments the user may see."""

    serializer_class = PendampingSerializer
    filterset_class = PendampingFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema (no user)
            return Pendamping.objects.none()
        user = self.request.user
        penugasan = (
            Penugasan.objects.visible_to(user) | Penugasan.objects.filter(pendamping__user=user)
        ).select_related("wilayah")
        return Pendamping.objects.visible_to(user).prefetch_related(
            Prefetch(
                "penugasan",
                queryset=penugasan.order_by("-mulai", "pk"),
                to_attr="penugasan_terlihat",
            )
        )
