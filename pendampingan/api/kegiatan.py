"""The daily log through the API: entries (list with the site's filter names, detail, create, edit,
photo/document upload, submit, withdraw, verify, return) and the supervisor's verification queue.

Nothing here is a second copy of a rule: reads go through ``kegiatan.selectors`` (the same
querysets as the pages), an entry is validated by the site's entry form (``kegiatan_masukan``)
and saved by ``kegiatan_buat`` / ``kegiatan_ubah``; the flow's buttons call the same services as
the site (which check ``akses`` and write the events and the in-app messages). Photos, documents
and follow-ups: ``kegiatan_lain``.
"""

from __future__ import annotations

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from ..inti.akses import pastikan
from ..inti.alur import PindahDitolak
from ..inti.masukan import INT_MAKS, FilterForm, TanpaKendaliValidator
from ..inti.sekali import SudahTersimpan
from ..kegiatan import selectors, services
from ..kegiatan.akses import boleh_ubah, pendamping_pengguna, wilayah_catat_kegiatan
from ..kegiatan.forms import KembalikanForm, SaringForm
from ..models import Kegiatan, StatusKegiatan, TataCara
from ..scope import cakupan_pengguna
from .dasar import ApiViewSet
from .kegiatan_bentuk import (
    CatatanSerializer,
    DokumenSerializer,
    FotoSerializer,
    KegiatanDetailSerializer,
    KegiatanMasukanSerializer,
    KegiatanSerializer,
    KembalikanSerializer,
    UnggahSerializer,
)
from .kegiatan_masukan import argumen, data_form, data_kini, form_terikat, galat_form

GALAT = {
    400: OpenApiResponse(description=gettext_lazy("Isian belum benar (bentuk galat).")),
    403: OpenApiResponse(description=gettext_lazy("Tidak berhak (pesan dari aturan akses).")),
    404: OpenApiResponse(description=gettext_lazy("Tidak ada atau di luar wilayah Anda.")),
}
GALAT_AKSI = {
    **GALAT,
    409: OpenApiResponse(description=gettext_lazy("Perpindahan status ditolak.")),
    412: OpenApiResponse(description=gettext_lazy("If-Match usang; `terkini` versi sekarang.")),
}
GALAT_UNGGAH = {
    **GALAT_AKSI,
    415: OpenApiResponse(description=gettext_lazy("Bukan multipart/form-data.")),
}


# ----------------------------------------------------------------------------- filters


class SaringKegiatanForm(SaringForm, FilterForm):
    """The site's list filter form (its rules: a period ending before it starts is refused) as the
    FilterSet's form."""


class KegiatanFilter(django_filters.FilterSet):
    """The filter names of the site's lists (``SaringForm``), applied by the site's selector
    filter (``selectors._saring``)."""

    wilayah = django_filters.CharFilter(
        max_length=13, method="_tetap", label=gettext_lazy("kode wilayah (dan di bawahnya)")
    )
    tata_cara = django_filters.ChoiceFilter(choices=TataCara.choices, method="_tetap")
    status = django_filters.ChoiceFilter(choices=StatusKegiatan.choices, method="_tetap")
    dari = django_filters.DateFilter(method="_tetap", label=gettext_lazy("tanggal dari"))
    sampai = django_filters.DateFilter(method="_tetap", label=gettext_lazy("tanggal sampai"))
    q = django_filters.CharFilter(max_length=200, method="_tetap", label=gettext_lazy("cari"))
    butir = django_filters.NumberFilter(
        method="_tetap",
        min_value=1,
        max_value=INT_MAKS,
        decimal_places=0,
        label=gettext_lazy("id butir: kegiatan yang ditandai dengan butir itu"),
    )

    class Meta:
        model = Kegiatan
        fields = ["wilayah", "tata_cara", "status", "dari", "sampai", "q", "butir"]
        form = SaringKegiatanForm

    def _tetap(self, qs, name, value):
        return qs

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        saring = selectors.SaringKegiatan(
            wilayah=d.get("wilayah") or "",
            tata_cara=d.get("tata_cara") or "",
            status=d.get("status") or "",
            dari=d.get("dari"),
            sampai=d.get("sampai"),
            q=(d.get("q") or "").strip(),
            butir=int(d["butir"]) if d.get("butir") is not None else None,
        )
        return selectors._saring(queryset, saring)


class LogFilter(KegiatanFilter):
    """The log list's filters: the site's ``?lingkup=`` besides (read by ``_lingkup``)."""

    lingkup = django_filters.ChoiceFilter(
        choices=[("saya", "saya"), ("wilayah", "wilayah")],
        method="_tetap",
        label=gettext_lazy("saya (bawaan) atau wilayah (pengawas: semua di wilayahnya)"),
    )

    class Meta(KegiatanFilter.Meta):
        fields = ["lingkup", *KegiatanFilter.Meta.fields]


def _lingkup(request) -> str:
    """``?lingkup=wilayah`` is a supervisor's whole area, else the user's own log (as the site)."""
    c = cakupan_pengguna(request.user)
    return "wilayah" if request.query_params.get("lingkup") == "wilayah" and c.pengawas else "saya"


def _data(request) -> dict:
    return request.data if isinstance(request.data, dict) else {}


def _teks(data: dict, nama: str) -> str:
    """A text the site's view reads straight from the POST (``catatan``, ``dari``); with a control
    character it is refused like every form field (``masukan.TanpaKendaliValidator``)."""
    nilai = data.get(nama, "")
    if not isinstance(nilai, str):
        return ""
    try:
        TanpaKendaliValidator()(nilai)
    except DjangoValidationError as e:
        raise serializers.ValidationError({nama: e.messages}) from None
    return nilai


# ----------------------------------------------------------------------------- entries


@extend_schema_view(
    list=extend_schema(summary=gettext_lazy("Daftar kegiatan (log saya atau wilayah)")),
    retrieve=extend_schema(
        summary=gettext_lazy("Satu kegiatan dengan prinsip, rincian, berkas dan riwayat status"),
        responses={200: KegiatanDetailSerializer, 304: OpenApiResponse(), 404: GALAT[404]},
    ),
)
class KegiatanViewSet(
    ApiViewSet,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Entries of the daily log (``Kegiatan``), scoped like the site's pages."""

    serializer_class = KegiatanDetailSerializer
    filterset_class = LogFilter
    lookup_value_regex = r"[0-9]{1,18}"
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def filter_queryset(self, queryset):
        """The list's filters are the list's: a record (and its actions) is fetched by its id
        through the scope alone."""
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_serializer_class(self):
        if self.action == "list":
            return KegiatanSerializer
        return super().get_serializer_class()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Kegiatan.objects.none()
        user = self.request.user
        if self.action == "list":
            if _lingkup(self.request) == "wilayah":
                qs = selectors.kegiatan_wilayah(user=user)
            else:
                qs = selectors.kegiatan_saya(user=user)
            return qs.prefetch_related("sdgs")
        return selectors.kegiatan_detail_qs(user=user)

    def _dari(self) -> str | None:
        return _teks(_data(self.request), "dari") or None

    def _simpan(self, f, data, simpan):
        if not f.is_valid():
            raise serializers.ValidationError(galat_form(f))
        try:
            return simpan(argumen(f, data))
        except PindahDitolak:
            raise
        except DjangoValidationError as e:
            f.pasang_galat(e)
            raise serializers.ValidationError(galat_form(f)) from None

    @extend_schema(
        summary=gettext_lazy("Catat kegiatan baru (Idempotency-Key: kirim ulang aman)"),
        request={"application/json": KegiatanMasukanSerializer},
        responses={201: KegiatanDetailSerializer, 200: KegiatanDetailSerializer, **GALAT},
    )
    def create(self, request, *args, **kwargs):
        user = request.user
        pastikan(
            user.has_perm("pendampingan.add_kegiatan"),
            _("Anda tidak berhak mencatat kegiatan."),
        )
        pastikan(
            pendamping_pengguna(user) is not None and wilayah_catat_kegiatan(user=user).exists(),
            _("Anda belum memiliki wilayah tugas lapangan tempat mencatat kegiatan."),
        )
        kunci = self.kunci_sekali()
        data = data_form(request.data)
        f = form_terikat(user, data)
        hasil = self._simpan(f, data, lambda arg: services.kegiatan_buat(**arg, kunci_sekali=kunci))
        return self.jawab(hasil.kegiatan, status.HTTP_201_CREATED)

    @extend_schema(
        summary=gettext_lazy("Ubah kegiatan (hanya yang dikirim; If-Match)"),
        request={"application/json": KegiatanMasukanSerializer},
        responses={200: KegiatanDetailSerializer, **GALAT_AKSI},
    )
    def partial_update(self, request, *args, **kwargs):
        user = request.user
        pastikan(
            user.has_perm("pendampingan.change_kegiatan"),
            _("Anda tidak berhak mengubah kegiatan."),
        )
        kegiatan = self.get_object()
        if not boleh_ubah(user=user, kegiatan=kegiatan):
            raise Http404  # the edit page is the owner's only (a supervisor gets 404 too)
        self.periksa_versi(kegiatan)
        alasan = services.alasan_terkunci(kegiatan)
        if alasan:
            raise DjangoValidationError(alasan)
        data = data_form(request.data, awal=data_kini(user, kegiatan))
        f = form_terikat(user, data, kegiatan)
        hasil = self._simpan(f, data, lambda arg: services.kegiatan_ubah(kegiatan=kegiatan, **arg))
        return self.jawab(hasil.kegiatan)

    # -------------------------------------------------------------------- the flow
    def _aksi(self, fungsi, **kw):
        kegiatan = self.get_object()
        self.periksa_versi(kegiatan)
        fungsi(kegiatan=kegiatan, user=self.request.user, dari=self._dari(), **kw)
        return self.jawab(kegiatan)

    @extend_schema(
        summary=gettext_lazy("Ajukan untuk verifikasi (pemilik)"),
        request=CatatanSerializer,
        responses={200: KegiatanDetailSerializer, **GALAT_AKSI},
    )
    @action(detail=True, methods=["post"])
    def ajukan(self, request, pk=None):
        return self._aksi(services.kegiatan_ajukan)

    @extend_schema(
        summary=gettext_lazy("Tarik kembali menjadi draf (pemilik)"),
        request=CatatanSerializer,
        responses={200: KegiatanDetailSerializer, **GALAT_AKSI},
    )
    @action(detail=True, methods=["post"])
    def tarik(self, request, pk=None):
        return self._aksi(services.kegiatan_tarik)

    @extend_schema(
        summary=gettext_lazy("Verifikasi (pengawas di atas pemilik), dengan catatan"),
        request=CatatanSerializer,
        responses={200: KegiatanDetailSerializer, **GALAT_AKSI},
    )
    @action(detail=True, methods=["post"])
    def verifikasi(self, request, pk=None):
        return self._aksi(services.kegiatan_verifikasi, catatan=_teks(_data(request), "catatan"))

    @extend_schema(
        summary=gettext_lazy("Kembalikan kepada pendamping dengan catatan (pengawas)"),
        request=KembalikanSerializer,
        responses={200: KegiatanDetailSerializer, **GALAT_AKSI},
    )
    @action(detail=True, methods=["post"])
    def kembalikan(self, request, pk=None):
        kegiatan = self.get_object()
        self.periksa_versi(kegiatan)
        form = KembalikanForm(_data(request))
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        services.kegiatan_kembalikan(
            kegiatan=kegiatan,
            user=request.user,
            catatan=form.cleaned_data["catatan"],
            dari=self._dari(),
        )
        return self.jawab(kegiatan)

    # -------------------------------------------------------------------- evidence
    def _unggah(self, tambah, bentuk):
        kegiatan = self.get_object()
        self.periksa_versi(kegiatan)
        berkas = self.request.FILES.get("berkas")
        if berkas is None:
            raise serializers.ValidationError(
                {"berkas": [_("Pilih berkas yang akan diunggah (multipart, field “berkas”).")]}
            )
        kunci = self.kunci_sekali()
        kode, header = status.HTTP_201_CREATED, {}
        try:
            obj = tambah(
                kegiatan=kegiatan, berkas=berkas, user=self.request.user, kunci_sekali=kunci
            )
        except SudahTersimpan as e:  # a retry: the first file, read again through the scope
            model = type(e.obj)
            obj = model.objects.visible_to(self.request.user).filter(pk=e.obj.pk).first()
            if obj is None:
                raise Http404 from None
            kode, header = status.HTTP_200_OK, {"Idempotent-Replayed": "true"}
        data = bentuk(obj, context=self.get_serializer_context()).data
        return Response(data, status=kode, headers=header)

    @extend_schema(
        summary=gettext_lazy(
            "Unggah foto ke kegiatan (multipart, field “berkas”; Idempotency-Key)"
        ),
        request={"multipart/form-data": UnggahSerializer},
        responses={201: FotoSerializer, 200: FotoSerializer, **GALAT_UNGGAH},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def foto(self, request, pk=None):
        return self._unggah(services.foto_tambah, FotoSerializer)

    @extend_schema(
        summary=gettext_lazy("Unggah dokumen ke kegiatan (PDF/DOCX/XLSX/ODT, field “berkas”)"),
        request={"multipart/form-data": UnggahSerializer},
        responses={201: DokumenSerializer, 200: DokumenSerializer, **GALAT_UNGGAH},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def dokumen(self, request, pk=None):
        return self._unggah(services.dokumen_tambah, DokumenSerializer)


@extend_schema_view(
    list=extend_schema(summary=gettext_lazy("Antrean verifikasi pengawas")),
    retrieve=extend_schema(
        summary=gettext_lazy("Satu kegiatan di antrean"),
        responses={200: KegiatanSerializer, 304: OpenApiResponse(), 404: GALAT[404]},
    ),
)
class AntreanViewSet(ApiViewSet, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The supervisor's verification queue (``selectors.antrean_verifikasi``): submitted entries
    below them in their area, never their own."""

    serializer_class = KegiatanSerializer
    filterset_class = KegiatanFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Kegiatan.objects.none()
        return selectors.antrean_verifikasi(user=self.request.user).prefetch_related("sdgs")
