"""Complaints through the API for staff (reads); the public intake and status: ``api_publik``.

* ``/api/v1/pengaduan/`` — the list with the site's filter names (``status`` — ``terbuka`` too —,
  ``kategori``, ``desa``, ``terlambat``, ``q``, ``saya``), filtered by the site's selector
  ``pengaduan_daftar``; a complaint's detail (``pengaduan_detail``) with its timeline, musyawarah,
  attachments and linked entries (``pengaduan_lini_masa``), as its page shows them.
* ``/api/v1/pengaduan-lampiran/<pk>/`` — an attachment's metadata, and ``…/unduh/`` its file
  through the site's scoped view (``views.lampiran``).

Every read starts from ``visible_to(user)`` (so a complaint the site hides from a facilitator —
one about themselves, one about the facilitation — is a 404 here too). The reporter is there only
for ``akses.boleh_lihat_pelapor``; a rahasia complaint gives its status and dates only
(``akses.isi_boleh_keluar``), its attachments are a 404, and the content filters (``kategori``,
``desa``, ``q`` other than its tracking code) never match it.
"""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import BooleanFilter
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action

from pendampingan.api.dasar import RENDERER_BERKAS, ApiViewSet
from pendampingan.inti.masukan import FilterForm

from . import akses, selectors, services, views
from .api_bentuk import (
    IZIN,
    PengaduanDetailSerializer,
    PengaduanLampiranBacaSerializer,
    PengaduanSerializer,
)
from .models import JejakAkses, Lampiran, Pengaduan, StatusPengaduan, kode_pelacakan_normal
from .views.umum import alamat_klien

# ----------------------------------------------------------------------------- filters


class PengaduanFilter(django_filters.FilterSet):
    """The list page's filter names (``views.internal.daftar``); the filtering itself is the
    site's selector ``pengaduan_daftar``. The yes/no filters take ``1`` as on the site."""

    status = django_filters.ChoiceFilter(
        choices=[("terbuka", _("Terbuka")), *StatusPengaduan.choices], label=_("Status")
    )
    kategori = django_filters.CharFilter(max_length=50, label=_("Kode kategori"))
    desa = django_filters.CharFilter(max_length=13, label=_("Kode wilayah (dan di bawahnya)"))
    terlambat = BooleanFilter(label=_("Hanya yang lewat tenggat"))
    q = django_filters.CharFilter(max_length=200, label=_("Cari (judul, uraian, desa, kode)"))
    saya = BooleanFilter(label=_("Hanya yang saya tangani"))

    class Meta:
        model = Pengaduan
        fields = ["status", "kategori", "desa", "terlambat", "q", "saya"]
        form = FilterForm

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        f = {
            "status": d.get("status") or "",
            "kategori": (d.get("kategori") or "").strip(),
            "desa": (d.get("desa") or "").strip(),
            "terlambat": bool(d.get("terlambat")),
            "q": (d.get("q") or "").strip(),
            "penangan_saya": bool(d.get("saya")),
        }
        # the accused of each row, for the reporter rule (``akses.boleh_lihat_pelapor``)
        qs = selectors.pengaduan_daftar(user=self.request.user, **f).prefetch_related("teradu")
        # a rahasia complaint's content (its category, desa, text) is not matched by a filter
        if f["kategori"] or f["desa"]:
            qs = qs.filter(akses.q_isi_boleh_keluar())
        if f["q"]:
            kode = kode_pelacakan_normal(f["q"])
            qs = qs.filter(akses.q_isi_boleh_keluar() | (Q(kode=kode) if kode else Q(pk__in=[])))
        return qs


# ----------------------------------------------------------------------------- viewsets


@extend_schema_view(
    list=extend_schema(summary=_("Daftar pengaduan di wilayah Anda")),
    retrieve=extend_schema(
        summary=_("Satu pengaduan dengan lini masa, musyawarah dan lampiran"),
        responses={200: PengaduanDetailSerializer},
    ),
)
class PengaduanViewSet(
    ApiViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Complaints the user may see (``Pengaduan.objects.visible_to``)."""

    serializer_class = PengaduanSerializer
    filterset_class = PengaduanFilter
    permission_classes = IZIN
    lookup_value_regex = r"[0-9]{1,18}"
    queryset = Pengaduan.objects.none()  # the schema's model; reads go through the selectors

    def get_serializer_class(self):
        return PengaduanDetailSerializer if self.action == "retrieve" else PengaduanSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Pengaduan.objects.none()
        return selectors.pengaduan_daftar(user=self.request.user)

    def retrieve(self, request, *args, **kwargs):
        """One complaint; a protected reporter identity it gives is written to the audit trail."""
        respons = super().retrieve(request, *args, **kwargs)
        p = getattr(self, "_pengaduan", None)
        if respons.status_code == 200 and p is not None and respons.data.get("pelapor"):
            services.jejak_catat(
                pengaduan=p,
                user=request.user,
                alamat=alamat_klien(request._request),
                pintu=JejakAkses.Pintu.API,
                identitas=akses.identitas_terlindung(p),
                rahasia=False,  # the API never gives a rahasia complaint's content
            )
        return respons

    def get_object(self):
        """The complaint page's selector (404 outside the scope)."""
        try:
            p = selectors.pengaduan_detail(user=self.request.user, pk=int(self.kwargs["pk"]))
        except (Pengaduan.DoesNotExist, ValueError, OverflowError):
            raise Http404 from None
        self.check_object_permissions(self.request, p)
        self._pengaduan = p
        return p


_BERKAS = {
    (200, "*/*"): OpenApiResponse(OpenApiTypes.BINARY, description=_("Isi berkas.")),
}


@extend_schema_view(
    retrieve=extend_schema(summary=_("Data satu lampiran pengaduan")),
)
class LampiranViewSet(ApiViewSet, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A complaint's attachment: its metadata and its file (scoped through the complaint; never a
    rahasia complaint's)."""

    serializer_class = PengaduanLampiranBacaSerializer
    permission_classes = IZIN
    field_diubah = "dibuat"
    lookup_value_regex = r"[0-9]{1,18}"
    queryset = Lampiran.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Lampiran.objects.none()
        return Lampiran.objects.visible_to(self.request.user).filter(
            akses.q_isi_boleh_keluar("pengaduan__")
        )

    @extend_schema(summary=_("Unduh lampiran"), responses=_BERKAS)
    @action(
        detail=True,
        methods=["get"],
        renderer_classes=RENDERER_BERKAS,
        filter_backends=[],
        pagination_class=None,
    )
    def unduh(self, request, pk=None):
        lamp = self.get_object()  # the scope and the rahasia rule (404) in the API's shape
        # the site's scoped file view: its checks, names and headers (DRF has set the token's
        # user on the Django request too)
        return views.lampiran(request._request, pk=lamp.pk)
