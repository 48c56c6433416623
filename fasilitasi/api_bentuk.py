"""The API shape of fasilitasi cases (``fasilitasi/api.py``): who may read, the error body of the
schema, the serializers (the answer's shape and its OpenAPI schema — no rule lives here)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    extend_schema_field,
)
from rest_framework import permissions, serializers

from . import selectors
from .models import (
    DokumenFasilitasi,
    Fasilitasi,
    PeristiwaFasilitasi,
    TahapFasilitasi,
)
from .views.umum import LIHAT

# ----------------------------------------------------------------------------- permissions


class BolehLihat(permissions.BasePermission):
    """The permission the site's case pages require (``views.umum.LIHAT``)."""

    message = _("Anda tidak berwenang melihat kasus fasilitasi.")

    def has_permission(self, request, view):
        return request.user.has_perm(LIHAT)


IZIN = [permissions.IsAuthenticated, BolehLihat]

# ----------------------------------------------------------------------------- serializers


class FasilitasiDokumenSerializer(serializers.ModelSerializer):
    """A case document's metadata and the API link that streams it."""

    diunggah_oleh = serializers.SerializerMethodField()
    unduh = serializers.SerializerMethodField()

    class Meta:
        model = DokumenFasilitasi
        fields = [
            "id",
            "kasus",
            "tahap",
            "nama",
            "nama_asli",
            "jenis_mime",
            "ekstensi",
            "ukuran",
            "sha256",
            "diunggah",
            "diunggah_oleh",
            "unduh",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_diunggah_oleh(self, d) -> str:
        u = d.diunggah_oleh
        return u.get_full_name() or u.username

    @extend_schema_field(OpenApiTypes.URI)
    def get_unduh(self, d) -> str:
        url = reverse("api:fasilitasi-dokumen-unduh", kwargs={"pk": d.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class FasilitasiTahapSerializer(serializers.ModelSerializer):
    """A stage of the case (a copy of the template's stage) with the documents attached to it."""

    uraian_tenggat = serializers.CharField(read_only=True)
    dokumen = serializers.ListField(
        child=serializers.DictField(), read_only=True, help_text=_("Dokumen yang diharapkan.")
    )
    dokumen_wajib = serializers.ListField(child=serializers.CharField(), read_only=True)
    berkas = FasilitasiDokumenSerializer(many=True, read_only=True)

    class Meta:
        model = TahapFasilitasi
        fields = [
            "id",
            "urutan",
            "nama",
            "keterangan",
            "uraian_tenggat",
            "tonggak",
            "dasar",
            "sumber",
            "dokumen",
            "dokumen_wajib",
            "mulai",
            "selesai",
            "jatuh_tempo",
            "berkas",
        ]
        read_only_fields = fields


class FasilitasiTahapRingkasSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    urutan = serializers.IntegerField()
    nama = serializers.CharField()


class FasilitasiPeristiwaSerializer(serializers.ModelSerializer):
    """One recorded move of the case (append-only)."""

    oleh = serializers.SerializerMethodField()
    dari_tahap = FasilitasiTahapRingkasSerializer(read_only=True, allow_null=True)
    ke_tahap = FasilitasiTahapRingkasSerializer(read_only=True, allow_null=True)
    dokumen = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = PeristiwaFasilitasi
        fields = [
            "id",
            "jenis",
            "dari",
            "ke",
            "dari_tahap",
            "ke_tahap",
            "tanggal",
            "waktu",
            "oleh",
            "catatan",
            "kegiatan",
            "dokumen",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_oleh(self, p) -> str:
        return (p.oleh.get_full_name() or p.oleh.username) if p.oleh else ""


class FasilitasiTemplatRingkasSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kode = serializers.CharField()
    nama = serializers.CharField()


class FasilitasiSerializer(serializers.ModelSerializer):
    """A case in the list."""

    wilayah_label = serializers.CharField(source="wilayah.label_lengkap", read_only=True)
    templat = FasilitasiTemplatRingkasSerializer(read_only=True)
    penanggung_jawab_nama = serializers.CharField(source="penanggung_jawab.nama", read_only=True)
    tahap_kini = FasilitasiTahapRingkasSerializer(read_only=True, allow_null=True)
    terlambat = serializers.BooleanField(read_only=True)

    class Meta:
        model = Fasilitasi
        fields = [
            "id",
            "judul",
            "wilayah",
            "wilayah_label",
            "templat",
            "tahun",
            "penanggung_jawab",
            "penanggung_jawab_nama",
            "tahap_kini",
            "status",
            "jatuh_tempo",
            "terlambat",
            "bumdes",
            "dibuat",
            "diubah",
            "selesai_pada",
        ]
        read_only_fields = fields


class FasilitasiButirSerializer(serializers.Serializer):
    kode = serializers.CharField()
    uraian = serializers.CharField()


class FasilitasiDetailSerializer(FasilitasiSerializer):
    """A case's page: its item of the regulation, its stages with documents, its events."""

    butir = FasilitasiButirSerializer(read_only=True)
    tahap = serializers.SerializerMethodField()
    peristiwa = serializers.SerializerMethodField()

    class Meta(FasilitasiSerializer.Meta):
        fields = [*FasilitasiSerializer.Meta.fields, "butir", "tahap", "peristiwa"]
        read_only_fields = fields

    @extend_schema_field(FasilitasiTahapSerializer(many=True))
    def get_tahap(self, kasus):
        return FasilitasiTahapSerializer(
            selectors.fasilitasi_tahap(kasus=kasus), many=True, context=self.context
        ).data

    @extend_schema_field(FasilitasiPeristiwaSerializer(many=True))
    def get_peristiwa(self, kasus):
        return FasilitasiPeristiwaSerializer(
            selectors.fasilitasi_peristiwa(kasus=kasus), many=True
        ).data
