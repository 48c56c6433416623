"""Fasilitasi cases through the API (reads): cases with their stages, documents and events.

* ``/api/v1/fasilitasi/`` — the case list with the site's filter names (``wilayah``, ``templat``,
  ``tahun``, ``tahap``, ``status`` — ``terbuka`` too —, ``terlambat``, ``q``; and ``saya``, the
  "my cases" page), filtered by the site's selector ``fasilitasi_list``; a case's detail
  (``fasilitasi_detail``) with its stages and their documents (``fasilitasi_tahap``) and its
  events (``fasilitasi_peristiwa``).
* ``/api/v1/fasilitasi-dokumen/`` — case documents' metadata (``?kasus=``), and
  ``…/<pk>/unduh/``: the file itself, through the same scoped helper as the site's download
  (``selectors.dokumen_detail`` + ``inti.berkas.respons_berkas``) — a token client cannot use the
  site's session-only view.

Every read starts from ``visible_to(user)``; a case or a document outside the user's scope is a
404. Reading needs the site's permission (``fasilitasi.view_fasilitasi``).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import BooleanFilter
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, viewsets
from rest_framework.decorators import action

from pendampingan.api.dasar import RENDERER_BERKAS, ApiViewSet
from pendampingan.inti.berkas import MIME_DOKUMEN, MIME_FOTO, respons_berkas
from pendampingan.inti.masukan import INT_MAKS, FilterForm

from . import selectors
from .api_bentuk import (
    IZIN,
    FasilitasiDetailSerializer,
    FasilitasiDokumenSerializer,
    FasilitasiSerializer,
)
from .models import (
    DokumenFasilitasi,
    Fasilitasi,
    StatusFasilitasi,
)

# ----------------------------------------------------------------------------- filters


class AngkaFilter(django_filters.Filter):
    field_class = forms.IntegerField


class FasilitasiFilter(django_filters.FilterSet):
    """The case list page's filter names and ranges (``views.kasus.kasus_list``; ``saya`` is the
    "my cases" page); the filtering itself is the site's selector ``fasilitasi_list``. The yes/no
    filters take ``1`` as on the site (or ``true``)."""

    saya = BooleanFilter(label=_("Hanya kasus saya (penanggung jawab)"))
    wilayah = django_filters.CharFilter(max_length=13, label=_("Kode wilayah"))
    templat = AngkaFilter(min_value=1, max_value=INT_MAKS, label=_("Id templat alur"))
    tahun = AngkaFilter(min_value=1900, max_value=2200, label=_("Tahun"))
    tahap = AngkaFilter(min_value=1, max_value=INT_MAKS, label=_("Urutan tahap saat ini"))
    status = django_filters.ChoiceFilter(
        choices=[("terbuka", _("Terbuka (berjalan atau ditunda)")), *StatusFasilitasi.choices],
        label=_("Status"),
    )
    terlambat = BooleanFilter(label=_("Hanya yang terlambat"))
    q = django_filters.CharFilter(max_length=200, label=_("Cari (judul, desa)"))

    class Meta:
        model = Fasilitasi
        fields = ["saya", "wilayah", "templat", "tahun", "tahap", "status", "terlambat", "q"]
        form = FilterForm

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        return selectors.fasilitasi_list(
            user=self.request.user,
            saya=bool(d.get("saya")),
            wilayah=(d.get("wilayah") or "").strip(),
            templat=d.get("templat"),
            tahun=d.get("tahun"),
            urutan_tahap=d.get("tahap"),
            status=d.get("status") or "",
            terlambat=bool(d.get("terlambat")),
            q=(d.get("q") or "").strip(),
        )


class DokumenFilter(django_filters.FilterSet):
    kasus = AngkaFilter(field_name="kasus_id", min_value=1, max_value=INT_MAKS, label=_("Id kasus"))

    class Meta:
        model = DokumenFasilitasi
        fields = ["kasus"]
        form = FilterForm


# ----------------------------------------------------------------------------- viewsets


@extend_schema_view(
    list=extend_schema(responses={200: FasilitasiSerializer}),
    retrieve=extend_schema(responses={200: FasilitasiDetailSerializer}),
)
class FasilitasiViewSet(
    ApiViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Fasilitasi cases the user may see."""

    serializer_class = FasilitasiSerializer
    filterset_class = FasilitasiFilter
    permission_classes = IZIN
    lookup_value_regex = r"[0-9]+"
    queryset = Fasilitasi.objects.none()  # the schema's model; reads go through the selectors

    def get_serializer_class(self):
        return FasilitasiDetailSerializer if self.action == "retrieve" else FasilitasiSerializer

    def get_queryset(self):
        return selectors.fasilitasi_list(user=self.request.user)

    def get_object(self):
        """The case page's selector (404 outside the scope)."""
        try:
            kasus = selectors.fasilitasi_detail(user=self.request.user, pk=int(self.kwargs["pk"]))
        except (ValueError, OverflowError):
            raise Http404 from None
        self.check_object_permissions(self.request, kasus)
        return kasus


_MIME = sorted({*MIME_FOTO.values(), *MIME_DOKUMEN.values()})


@extend_schema_view(
    list=extend_schema(responses={200: FasilitasiDokumenSerializer}),
    retrieve=extend_schema(responses={200: FasilitasiDokumenSerializer}),
)
class DokumenViewSet(
    ApiViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Case documents (metadata) and their files."""

    serializer_class = FasilitasiDokumenSerializer
    filterset_class = DokumenFilter
    permission_classes = IZIN
    field_diubah = "diunggah"
    lookup_value_regex = r"[0-9]+"
    queryset = DokumenFasilitasi.objects.none()

    def get_queryset(self):
        return DokumenFasilitasi.objects.visible_to(self.request.user).select_related(
            "diunggah_oleh"
        )

    @extend_schema(
        summary=str(_("Unduh berkas dokumen")),
        responses={
            **{(200, m): OpenApiResponse(OpenApiTypes.BINARY) for m in _MIME},
        },
    )
    @action(
        detail=True,
        methods=["get"],
        renderer_classes=RENDERER_BERKAS,
        filter_backends=[],
        pagination_class=None,
    )
    def unduh(self, request, pk=None):
        """The file, through the site's scoped download (``selectors.dokumen_detail``)."""
        try:
            dok = selectors.dokumen_detail(user=request.user, pk=int(pk))
        except (ValueError, OverflowError):
            raise Http404 from None
        try:
            return respons_berkas(
                dok.berkas, nama=dok.nama_asli, mime=dok.jenis_mime, lampiran=not dok.adalah_foto
            )
        except FileNotFoundError:
            raise Http404(_("Berkas dokumen ini tidak ditemukan di penyimpanan.")) from None
