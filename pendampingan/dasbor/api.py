"""The dashboard's figures through the API: one answer with the summary numbers of a region and a
period (``GET /api/v1/dasbor/?wilayah=&dari=&sampai=``), read by the same selectors as the
dashboard page, with the same rules:

* the region: ``selectors.wilayah_dari_filter`` — absent, the user's widest; outside the user's
  scope (``akses.boleh_lihat_wilayah``) a 404, before anything else is read;
* the coverage matrix (``/api/v1/dasbor/matriks/``): ``matriks.matriks`` — butir × child region
  with the period's and the year's counts, or at desa level the desa's checklist of the year;
* the period: the page's ``PeriodeForm`` (an invalid one is a 400 here, where the page falls back
  to the current month and shows the message) and ``periode.periode_pilihan`` for the missing
  bounds;
* the figures (``/api/v1/dasbor/``): coverage (``selectors.cakupan``), entries (``selectors.aktivitas``), facilitators
  (``selectors.pendamping_ringkas``) and follow-ups (``selectors.tindak_lanjut_ringkas``). At the
  wide levels they come from the summary tables, as fresh as their last refresh — as on the page.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from pendampingan.api.dasar import ApiViewSet
from pendampingan.kegiatan.cakupan_butir import STATUS_TERHITUNG
from pendampingan.models import TataCara

from . import matriks, selectors
from .forms import PeriodeForm
from .periode import periode_pilihan

# ------------------------------------------------------------------------------ the shape


class WilayahDasborSerializer(serializers.Serializer):
    kode = serializers.CharField(help_text=_("Kosong: nasional."))
    nama = serializers.CharField()
    tingkat = serializers.CharField()


class PeriodeDasborSerializer(serializers.Serializer):
    dari = serializers.DateField()
    sampai = serializers.DateField()
    satuan = serializers.ChoiceField(choices=["minggu", "bulan"])


class CakupanAnakDasborSerializer(serializers.Serializer):
    kode = serializers.CharField(source="anak")
    nama = serializers.CharField()
    total = serializers.IntegerField()
    aktif = serializers.IntegerField()
    celah = serializers.IntegerField()
    persen = serializers.IntegerField()


class CakupanDasborSerializer(serializers.Serializer):
    hari = serializers.IntegerField(help_text=_("Jendela cakupan (hari)."))
    batas = serializers.DateField(help_text=_("Desa aktif: ada kegiatan sejak tanggal ini."))
    total = serializers.IntegerField()
    aktif = serializers.IntegerField()
    celah = serializers.IntegerField()
    persen = serializers.IntegerField()
    tingkat_anak = serializers.CharField()
    dihitung = serializers.DateTimeField(
        allow_null=True, help_text=_("Waktu ringkasan dihitung (tingkat luas); null: langsung.")
    )
    per_wilayah = CakupanAnakDasborSerializer(source="baris", many=True)


JumlahTataCaraDasborSerializer = type(
    "JumlahTataCaraDasborSerializer",
    (serializers.Serializer,),
    {tc: serializers.IntegerField() for tc in TataCara.values},
)


class AngkaKegiatanDasborSerializer(serializers.Serializer):
    jumlah = serializers.IntegerField()
    per_tata_cara = JumlahTataCaraDasborSerializer(source="*")
    jam = serializers.FloatField()
    peserta_laki = serializers.IntegerField()
    peserta_perempuan = serializers.IntegerField()
    diajukan = serializers.IntegerField(help_text=_("Menunggu verifikasi."))


class KegiatanPeriodeDasborSerializer(AngkaKegiatanDasborSerializer):
    mulai = serializers.DateField()
    akhir = serializers.DateField()


class KegiatanAnakDasborSerializer(AngkaKegiatanDasborSerializer):
    kode = serializers.CharField(source="anak")
    nama = serializers.CharField()


class KegiatanDasborSerializer(serializers.Serializer):
    total = AngkaKegiatanDasborSerializer()
    per_periode = KegiatanPeriodeDasborSerializer(source="ember", many=True)
    per_wilayah = KegiatanAnakDasborSerializer(source="anak", many=True)


class PendampingDasborSerializer(serializers.Serializer):
    pendamping = serializers.IntegerField(help_text=_("Pendamping lapangan yang bertugas."))
    aktif = serializers.IntegerField(help_text=_("Yang mencatat kegiatan dalam periode."))
    tanpa_kegiatan = serializers.IntegerField()
    kegiatan = serializers.IntegerField()
    hari = serializers.IntegerField(help_text=_("Hari kerja."))
    diajukan = serializers.IntegerField()
    ditandai = serializers.IntegerField()
    desa_tanpa_pendamping = serializers.IntegerField()


class TindakLanjutAnakDasborSerializer(serializers.Serializer):
    kode = serializers.CharField(source="anak")
    nama = serializers.CharField()
    terbuka = serializers.IntegerField()
    terlambat = serializers.IntegerField()


class TindakLanjutDasborSerializer(serializers.Serializer):
    terbuka = serializers.IntegerField()
    terlambat = serializers.IntegerField()
    per_wilayah = TindakLanjutAnakDasborSerializer(many=True)


@extend_schema_serializer(many=False)  # one object, although the route is a "list"
class DasborSerializer(serializers.Serializer):
    wilayah = WilayahDasborSerializer()
    periode = PeriodeDasborSerializer()
    cakupan = CakupanDasborSerializer()
    kegiatan = KegiatanDasborSerializer()
    pendamping = PendampingDasborSerializer()
    tindak_lanjut = TindakLanjutDasborSerializer()


# ------------------------------------------------------------------------------- the view


class _TanpaAksi:
    """An action the viewset does not have: ``hasattr`` is False, so the router makes no route
    for it (``ApiViewSet`` brings a ``retrieve`` for the viewsets that have a detail)."""

    def __get__(self, obj, cls=None):
        raise AttributeError("aksi ini tidak ada")


class DasborViewSet(ApiViewSet, viewsets.GenericViewSet):
    """The dashboard's summary numbers of one region and period."""

    serializer_class = DasborSerializer
    pagination_class = None
    filter_backends = []
    retrieve = _TanpaAksi()

    @extend_schema(
        summary=_("Angka ringkas dasbor sebuah wilayah dan periode"),
        parameters=[
            OpenApiParameter(
                "wilayah",
                OpenApiTypes.STR,
                description=_("Kode wilayah (kosong: nasional); tanpa ini: wilayah terluas Anda."),
            ),
            OpenApiParameter("dari", OpenApiTypes.DATE, description=_("Awal periode.")),
            OpenApiParameter("sampai", OpenApiTypes.DATE, description=_("Akhir periode.")),
        ],
        responses={
            200: DasborSerializer,
            400: OpenApiResponse(description=_("Periode tidak sah.")),
            404: OpenApiResponse(description=_("Wilayah di luar cakupan Anda.")),
        },
    )
    def list(self, request, *args, **kwargs):
        user = request.user
        wilayah = selectors.wilayah_dari_filter(user=user, filter=request.query_params)
        if wilayah is None:
            raise Http404
        form = PeriodeForm(request.query_params)
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        periode = periode_pilihan(form.cleaned_data.get("dari"), form.cleaned_data.get("sampai"))
        pendamping = selectors.pendamping_ringkas(user=user, wilayah=wilayah, periode=periode)
        data = {
            "wilayah": wilayah,
            "periode": {"dari": periode.dari, "sampai": periode.sampai, "satuan": periode.satuan},
            "cakupan": selectors.cakupan(wilayah=wilayah),
            "kegiatan": selectors.aktivitas(user=user, wilayah=wilayah, periode=periode),
            "pendamping": {
                **pendamping["total"],
                "desa_tanpa_pendamping": pendamping["kosong_total"],
            },
            "tindak_lanjut": selectors.tindak_lanjut_ringkas(user=user, wilayah=wilayah),
        }
        return Response(DasborSerializer(data).data)


# ------------------------------------------------------------------------- the matrix


class SelMatriksSerializer(serializers.Serializer):
    kode = serializers.CharField(help_text=_("Kode wilayah anak."))
    n = serializers.IntegerField(help_text=_("Kegiatan dalam periode (bulan penuh)."))
    n_tahun = serializers.IntegerField(help_text=_("Kegiatan sepanjang tahun; 0: belum pernah."))


class BarisMatriksSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="butir.pk")
    kode = serializers.CharField(source="butir.kode")
    label = serializers.CharField(source="butir.label")
    tata_cara = serializers.CharField(source="butir.tata_cara")
    jumlah = serializers.IntegerField(help_text=_("Seluruh wilayah, dalam periode."))
    jumlah_tahun = serializers.IntegerField(help_text=_("Seluruh wilayah, sepanjang tahun."))
    terakhir = serializers.DateField(
        allow_null=True, help_text=_("Tanggal kegiatan terakhir (hanya tingkat desa).")
    )
    sel = SelMatriksSerializer(many=True, help_text=_("Per wilayah anak, urut seperti kolom."))


class KolomMatriksSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()


@extend_schema_serializer(many=False)
class MatriksSerializer(serializers.Serializer):
    wilayah = WilayahDasborSerializer()
    dari = serializers.DateField(help_text=_("Awal hitungan (bulan penuh; desa: awal tahun)."))
    sampai = serializers.DateField()
    tahun = serializers.IntegerField(help_text=_("Tahun untuk 'belum pernah dilayani'."))
    status_dihitung = serializers.ListField(child=serializers.CharField())
    kolom = KolomMatriksSerializer(many=True)
    baris = BarisMatriksSerializer(many=True)


class MatriksViewSet(ApiViewSet, viewsets.GenericViewSet):
    """The coverage matrix of one region and period (a desa: its checklist of the year)."""

    serializer_class = MatriksSerializer
    pagination_class = None
    filter_backends = []
    retrieve = _TanpaAksi()

    @extend_schema(
        summary=_("Matriks butir × wilayah (desa: daftar periksa tahunan)"),
        parameters=[
            OpenApiParameter(
                "wilayah",
                OpenApiTypes.STR,
                description=_("Kode wilayah (kosong: nasional); tanpa ini: wilayah terluas Anda."),
            ),
            OpenApiParameter("dari", OpenApiTypes.DATE, description=_("Awal periode.")),
            OpenApiParameter("sampai", OpenApiTypes.DATE, description=_("Akhir periode.")),
        ],
        responses={
            200: MatriksSerializer,
            400: OpenApiResponse(description=_("Periode tidak sah.")),
            404: OpenApiResponse(description=_("Wilayah di luar cakupan Anda.")),
        },
    )
    def list(self, request, *args, **kwargs):
        user = request.user
        wilayah = selectors.wilayah_dari_filter(user=user, filter=request.query_params)
        if wilayah is None:
            raise Http404
        form = PeriodeForm(request.query_params)
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        periode = periode_pilihan(form.cleaned_data.get("dari"), form.cleaned_data.get("sampai"))
        data = matriks.matriks(user=user, wilayah=wilayah, periode=periode)
        baris = []
        for g in data["grup"]:
            for r in g["baris"]:
                if data["desa"]:
                    r = {**r, "jumlah": r["n"], "jumlah_tahun": r["n"], "sel": []}
                baris.append({"terakhir": None, **r})
        isi = {
            "wilayah": wilayah,
            "dari": data["dari"],
            "sampai": data["sampai"],
            "tahun": data["tahun"],
            "status_dihitung": list(STATUS_TERHITUNG),
            "kolom": data.get("kolom", []),
            "baris": baris,
        }
        return Response(MatriksSerializer(isi).data)
