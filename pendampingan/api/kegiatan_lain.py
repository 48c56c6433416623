"""The daily log's photos and documents (metadata and a download through the site's scoped file
views, which serve with ``inti.berkas.respons_berkas``) and follow-ups (list with the site's
filter names, detail, close through ``tindak_lanjut_selesaikan``)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action

from .. import services as inti_services
from ..inti.masukan import FilterForm
from ..kegiatan import selectors
from ..kegiatan.akses import pendamping_pengguna
from ..kegiatan.forms import TindakLanjutSelesaiForm
from ..kegiatan.views.bukti import dokumen_unduh, foto_tampil
from ..models import DokumenKegiatan, FotoKegiatan, StatusTindakLanjut, TindakLanjut
from ..scope import cakupan_pengguna
from .dasar import RENDERER_BERKAS, ApiViewSet
from .kegiatan import GALAT, GALAT_AKSI
from .kegiatan_bentuk import (
    DokumenSerializer,
    FotoSerializer,
    SelesaiSerializer,
    TindakLanjutSerializer,
)

_BERKAS = {
    (200, "*/*"): OpenApiResponse(OpenApiTypes.BINARY, description=gettext_lazy("Isi berkas.")),
    404: GALAT[404],
}


class _BerkasViewSet(ApiViewSet, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    field_diubah = "diunggah"
    lookup_value_regex = r"[0-9]{1,18}"
    model = None
    view_unduh = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.model.objects.visible_to(self.request.user).select_related("kegiatan")

    def _unduh(self, request):
        obj = self.get_object()  # the scope (404) answered in the API's shape
        # the site's scoped file view: the same checks, names and headers (DRF has set the
        # token's user on the Django request too)
        return type(self).view_unduh(request._request, pk=obj.pk)


@extend_schema(responses={200: FotoSerializer, 304: OpenApiResponse(), 404: GALAT[404]})
class FotoKegiatanViewSet(_BerkasViewSet):
    """An entry's photo: its metadata and its download (scoped through the entry)."""

    serializer_class = FotoSerializer
    model = FotoKegiatan
    view_unduh = staticmethod(foto_tampil)

    @extend_schema(
        summary=gettext_lazy("Unduh foto (?ukuran=kecil: thumbnail)"),
        parameters=[OpenApiParameter("ukuran", str, enum=["kecil"], required=False)],
        responses=_BERKAS,
    )
    @action(detail=True, methods=["get"], renderer_classes=RENDERER_BERKAS)
    def unduh(self, request, pk=None):
        return self._unduh(request)


@extend_schema(responses={200: DokumenSerializer, 304: OpenApiResponse(), 404: GALAT[404]})
class DokumenKegiatanViewSet(_BerkasViewSet):
    """An entry's document: its metadata and its download (scoped through the entry)."""

    serializer_class = DokumenSerializer
    model = DokumenKegiatan
    view_unduh = staticmethod(dokumen_unduh)

    @extend_schema(summary=gettext_lazy("Unduh dokumen"), responses=_BERKAS)
    @action(detail=True, methods=["get"], renderer_classes=RENDERER_BERKAS)
    def unduh(self, request, pk=None):
        return self._unduh(request)


# ----------------------------------------------------------------------------- follow-ups


class TindakLanjutFilter(django_filters.FilterSet):
    """The site's follow-up list filters: ``lingkup`` (saya/wilayah), ``status`` (terbuka,
    terlambat, selesai, batal, semua — the API's default is semua, so a device syncing with
    ``updated_since`` sees a follow-up closed), ``wilayah`` (supervisors' area list)."""

    lingkup = django_filters.ChoiceFilter(
        choices=[("saya", "saya"), ("wilayah", "wilayah")], method="_tetap"
    )
    status = django_filters.ChoiceFilter(
        choices=[
            *StatusTindakLanjut.choices,
            ("terlambat", _("Terlambat")),
            ("semua", _("Semua")),
        ],
        method="_tetap",
    )
    wilayah = django_filters.CharFilter(max_length=13, method="_tetap")

    class Meta:
        model = TindakLanjut
        fields = ["lingkup", "status", "wilayah"]
        form = FilterForm

    def _tetap(self, qs, name, value):
        return qs

    def filter_queryset(self, queryset):
        """The site's selectors (they start from ``visible_to`` themselves)."""
        d = self.form.cleaned_data
        user = self.request.user
        status = "" if d.get("status") in (None, "", "semua") else d["status"]
        if d.get("lingkup") == "wilayah" and cakupan_pengguna(user).pengawas:
            return selectors.tindak_lanjut_wilayah(
                user=user, status=status, wilayah=d.get("wilayah") or ""
            )
        return selectors.tindak_lanjut_saya(user=user, status=status)


class TindakLanjutViewSet(
    ApiViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Follow-ups (``TindakLanjut``): a pengarahan's commitment, a forum's decision …"""

    serializer_class = TindakLanjutSerializer
    filterset_class = TindakLanjutFilter
    lookup_value_regex = r"[0-9]{1,18}"

    def filter_queryset(self, queryset):
        """The list's filters are the list's: a record (and its actions) is fetched by its id
        through the scope alone."""
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return TindakLanjut.objects.none()
        qs = TindakLanjut.objects.visible_to(self.request.user).select_related(
            "wilayah", "pendamping", "kegiatan"
        )
        if self.action == "selesai":
            # the site's door: only the facilitator who follows it closes it (others: 404)
            p = pendamping_pengguna(self.request.user)
            qs = qs.filter(pendamping_id=getattr(p, "pk", None))
        return qs

    @extend_schema(
        summary=gettext_lazy("Tutup tindak lanjut (selesai atau batal) dengan catatan"),
        request=SelesaiSerializer,
        responses={200: TindakLanjutSerializer, **GALAT_AKSI},
    )
    @action(detail=True, methods=["post"])
    def selesai(self, request, pk=None):
        tl = self.get_object()
        self.periksa_versi(tl)
        form = TindakLanjutSelesaiForm(request.data if isinstance(request.data, dict) else {})
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        inti_services.tindak_lanjut_selesaikan(
            tindak_lanjut=tl,
            catatan=form.cleaned_data["catatan"],
            status=form.cleaned_data["status"],
        )
        return self.jawab(tl)
