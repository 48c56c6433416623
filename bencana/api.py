"""KLB dan bencana through the API: incidents (reads and the quick report) and what is recorded on
them (impact, chronology, evidence).

* ``/api/v1/bencana/`` — the list with the site's filter names (``status`` — ``aktif``,
  ``semua`` (the API's default, so a sync sees an incident closed) or a status —, ``jenis``
  (type code), ``kategori``, ``wilayah``, ``q``), filtered by the site's selector
  ``kejadian_daftar``; an incident's detail with its villages, status moves, impact snapshots,
  chronology, evidence and the ministry report's versions with each message's delivery state.
  POST: the quick report (``forms.LaporCepatForm`` → ``services.kejadian_laporkan``, which writes
  version 1 of the ministry report and its outbox messages).
* ``…/<pk>/dampak/``, ``…/<pk>/kronologi/``, ``…/<pk>/bukti/`` (multipart) — POST a snapshot, an
  entry (or a correction) and a file through the site's forms and services.
* ``/api/v1/bencana-bukti/<pk>/`` — an evidence file's metadata; ``…/unduh/`` the file through the
  site's one door (``berkas.bukti_unduh``).

Every read starts from ``visible_to(user)`` (404 outside it); an action the user may not take is
a 403 with the site's message (``akses``). Every POST takes ``Idempotency-Key`` (the form's
one-time key): a repeat answers the first record with ``Idempotent-Replayed``.
"""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from pendampingan.api.dasar import RENDERER_BERKAS, ApiViewSet
from pendampingan.inti.akses import pastikan
from pendampingan.inti.masukan import FilterForm
from pendampingan.inti.sekali import SudahTersimpan, sudah_ada

from . import akses, berkas, forms, selectors, services
from .api_bentuk import (
    IZIN,
    BuktiSerializer,
    DampakSerializer,
    KejadianDetailSerializer,
    KejadianSerializer,
    KronologiSerializer,
)
from .api_masukan import (
    BuktiUnggahSerializer,
    DampakMasukanSerializer,
    KronologiMasukanSerializer,
    LaporMasukanSerializer,
    LaporUnggahSerializer,
    data_form,
    entri_dikoreksi,
    jenis_ke_pk,
    sah,
)
from .models import (
    Bukti,
    DesaTerdampak,
    KategoriKejadian,
    Kejadian,
    Kronologi,
    PenilaianDampak,
    StatusKejadian,
)

# ----------------------------------------------------------------------------- filters


class KejadianFilter(django_filters.FilterSet):
    """The list page's filter names (``views.daftar``); the filtering is the site's selector."""

    status = django_filters.ChoiceFilter(
        choices=[
            ("aktif", gettext_lazy("Aktif")),
            ("semua", gettext_lazy("Semua")),
            *StatusKejadian.choices,
        ],
        label=gettext_lazy("aktif, semua (bawaan) atau satu status"),
    )
    jenis = django_filters.CharFilter(max_length=50, label=gettext_lazy("kode jenis kejadian"))
    kategori = django_filters.ChoiceFilter(choices=KategoriKejadian.choices)
    wilayah = django_filters.CharFilter(
        max_length=13, label=gettext_lazy("kode wilayah (dan di bawahnya)")
    )
    q = django_filters.CharFilter(
        max_length=200, label=gettext_lazy("cari (kode, ringkasan, desa)")
    )

    class Meta:
        model = Kejadian
        fields = ["status", "jenis", "kategori", "wilayah", "q"]
        form = FilterForm

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        return selectors.kejadian_daftar(
            user=self.request.user,
            status=d.get("status") or "semua",
            jenis=(d.get("jenis") or "").strip(),
            kategori=d.get("kategori") or "",
            wilayah=(d.get("wilayah") or "").strip(),
            q=(d.get("q") or "").strip(),
        )


# ----------------------------------------------------------------------------- incidents


def _replay(obj, bentuk, context):
    return Response(
        bentuk(obj, context=context).data,
        status=status.HTTP_200_OK,
        headers={"Idempotent-Replayed": "true"},
    )


@extend_schema_view(
    list=extend_schema(summary=gettext_lazy("Daftar kejadian bencana/KLB di wilayah Anda")),
    retrieve=extend_schema(
        summary=gettext_lazy(
            "Satu kejadian: desa, status, dampak, kronologi, bukti, laporan kementerian"
        ),
        responses={200: KejadianDetailSerializer},
    ),
)
class KejadianViewSet(
    ApiViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Incidents (``Kejadian``) the user may see, and what is recorded on them."""

    serializer_class = KejadianDetailSerializer
    filterset_class = KejadianFilter
    permission_classes = IZIN
    lookup_value_regex = r"[0-9]{1,18}"
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    queryset = Kejadian.objects.none()  # the schema's model; reads go through the selectors

    def get_serializer_class(self):
        return KejadianSerializer if self.action == "list" else KejadianDetailSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Kejadian.objects.none()
        if self.action == "list":
            return selectors.kejadian_daftar(user=self.request.user, status="semua")
        return selectors.kejadian_detail_qs(user=self.request.user)

    def filter_queryset(self, queryset):
        """The list's filters are the list's: a record (and its actions) is fetched by its id
        through the scope alone."""
        if self.action != "list":
            return queryset
        desa = DesaTerdampak.objects.select_related("wilayah").order_by("pk")
        return (
            super()
            .filter_queryset(queryset)
            .select_related("pelapor")
            .prefetch_related(Prefetch("desa_terdampak", queryset=desa))
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), **getattr(self, "_konteks", {})}

    def list(self, request, *args, **kwargs):
        halaman = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        # the impact totals of the page's incidents: one aggregate query
        self._konteks = {
            "dampak_total": selectors.dampak_total(kejadian_ids=[k.pk for k in halaman])
        }
        return self.get_paginated_response(self.get_serializer(halaman, many=True).data)

    def _pendamping(self):
        p = akses.pendamping_dari(self.request.user)
        pastikan(p is not None, akses.PESAN_BUKAN_PENDAMPING)
        return p

    # -------------------------------------------------------------------- the quick report
    @extend_schema(
        summary=gettext_lazy(
            "Laporkan kejadian (laporan cepat; Idempotency-Key: kirim ulang aman)"
        ),
        request={
            "application/json": LaporMasukanSerializer,
            "multipart/form-data": LaporUnggahSerializer,
        },
        responses={201: KejadianDetailSerializer, 200: KejadianDetailSerializer},
    )
    def create(self, request, *args, **kwargs):
        user = request.user
        pastikan(user.has_perm(akses.IZIN_LAPOR), _("Anda tidak berhak melaporkan kejadian."))
        pelapor = self._pendamping()
        pastikan(akses.boleh_melapor(user), akses.PESAN_TANPA_DESA)
        kunci = self.kunci_sekali()
        ada = sudah_ada(Kejadian, kunci)
        if ada is not None:
            raise SudahTersimpan(ada)
        data = data_form(request.data, forms.LaporCepatForm.base_fields, kunci)
        form = forms.LaporCepatForm(jenis_ke_pk(data), request.FILES or None, user=user)
        d = sah(form)
        k = services.kejadian_laporkan(
            pelapor=pelapor,
            jenis=d["jenis"],
            waktu=d["waktu"],
            desa=d["desa"],
            ringkasan=d["ringkasan"],
            lintang=d["lintang"],
            bujur=d["bujur"],
            foto=d["foto"],
            kunci_sekali=d["kunci_sekali"],
        )
        return self.jawab(k, status.HTTP_201_CREATED)

    # -------------------------------------------------------------------- records on it
    def _tambah(self, model, bentuk, buat_form, simpan):
        """Add one record of ``model`` to the incident: its scope (404), the site's permission
        (403), ``If-Match``, the one-time key (a repeat answers the first record), the site's
        form (400), the site's service."""
        k = self.get_object()
        user = self.request.user
        pastikan(
            user.has_perm(akses.IZIN_CATAT), _("Anda tidak berhak mencatat pada kejadian ini.")
        )
        oleh = self._pendamping()
        self.periksa_versi(k)
        kunci = self.kunci_sekali()
        ada = sudah_ada(model, kunci)
        if ada is None:
            form = buat_form(k, kunci)
            sah(form)
            try:
                obj = simpan(k, form, oleh)
            except SudahTersimpan as e:  # the same key at the same moment: the first wins
                ada = e.obj
            else:
                return Response(
                    bentuk(obj, context=self.get_serializer_context()).data,
                    status=status.HTTP_201_CREATED,
                )
        obj = model.objects.visible_to(user).filter(pk=ada.pk).first()
        if obj is None:
            raise Http404
        return _replay(obj, bentuk, self.get_serializer_context())

    @extend_schema(
        summary=gettext_lazy("Catat penilaian dampak satu desa terdampak (Idempotency-Key)"),
        request={"application/json": DampakMasukanSerializer},
        responses={201: DampakSerializer, 200: DampakSerializer},
    )
    @action(detail=True, methods=["post"])
    def dampak(self, request, pk=None):
        def buat_form(k, kunci):
            nama = forms.DampakForm(kejadian=k).fields
            return forms.DampakForm(data_form(request.data, nama, kunci), kejadian=k)

        return self._tambah(
            PenilaianDampak,
            DampakSerializer,
            buat_form,
            lambda k, f, o: services.dampak_catat(
                kejadian=k,
                desa=f.desa_terpilih("desa"),
                waktu=f.cleaned_data["waktu"],
                angka=f.angka(),
                oleh=o,
                sumber=f.cleaned_data["sumber"],
                catatan=f.cleaned_data["catatan"],
                kunci_sekali=f.cleaned_data["kunci_sekali"],
            ),
        )

    @extend_schema(
        summary=gettext_lazy("Tambah entri kronologi atau koreksinya (Idempotency-Key)"),
        request={"application/json": KronologiMasukanSerializer},
        responses={201: KronologiSerializer, 200: KronologiSerializer},
    )
    @action(detail=True, methods=["post"])
    def kronologi(self, request, pk=None):
        dikoreksi = {}

        def buat_form(k, kunci):
            dikoreksi["entri"] = entri_dikoreksi(k, request.data)
            nama = forms.KronologiForm.base_fields
            return forms.KronologiForm(data_form(request.data, nama, kunci))

        return self._tambah(
            Kronologi,
            KronologiSerializer,
            buat_form,
            lambda k, f, o: services.kronologi_tambah(
                kejadian=k,
                waktu=f.cleaned_data["waktu"],
                isi=f.cleaned_data["isi"],
                oleh=o,
                mengoreksi=dikoreksi["entri"],
                kunci_sekali=f.cleaned_data["kunci_sekali"],
            ),
        )

    @extend_schema(
        summary=gettext_lazy("Unggah bukti: foto atau dokumen (multipart, field “berkas”)"),
        request={"multipart/form-data": BuktiUnggahSerializer},
        responses={201: BuktiSerializer, 200: BuktiSerializer},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def bukti(self, request, pk=None):
        def buat_form(k, kunci):
            data = data_form(request.data, forms.BuktiForm.base_fields, kunci)
            return forms.BuktiForm(data, request.FILES or None)

        return self._tambah(
            Bukti,
            BuktiSerializer,
            buat_form,
            lambda k, f, o: services.bukti_tambah(
                kejadian=k,
                berkas=f.cleaned_data["berkas"],
                oleh=o,
                keterangan=f.cleaned_data["keterangan"],
                kunci_sekali=f.cleaned_data["kunci_sekali"],
            ),
        )


# ----------------------------------------------------------------------------- evidence files


@extend_schema(responses={200: BuktiSerializer, 304: OpenApiResponse()})
class BuktiViewSet(ApiViewSet, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """An evidence file: its metadata and its download (scoped through the incident)."""

    serializer_class = BuktiSerializer
    permission_classes = IZIN
    field_diubah = "dibuat"
    lookup_value_regex = r"[0-9]{1,18}"
    queryset = Bukti.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Bukti.objects.none()
        return Bukti.objects.visible_to(self.request.user).select_related("oleh")

    @extend_schema(
        summary=gettext_lazy("Unduh berkas bukti"),
        responses={
            (200, "*/*"): OpenApiResponse(
                OpenApiTypes.BINARY, description=gettext_lazy("Isi berkas.")
            )
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
        obj = self.get_object()  # the scope (404) answered in the API's shape
        return berkas.bukti_unduh(user=request.user, pk=obj.pk)
