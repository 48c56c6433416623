"""The API shape of pengorganisasian (``forum/api.py``): who may read, the error body of the
schema, the serializers (the answer's shape and its OpenAPI schema — no rule lives here)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    extend_schema_field,
)
from rest_framework import permissions, serializers

from . import selectors
from .models import (
    Anggota,
    Forum,
    Keputusan,
    Pertemuan,
    RiwayatStatusForum,
    UnsurMasyarakat,
)

# ----------------------------------------------------------------------------- permissions


class BolehLihat(permissions.BasePermission):
    """The Django permissions the site's pages of the same records require (``izin_lihat``)."""

    message = _("Anda tidak berwenang melihat data pengorganisasian.")

    def has_permission(self, request, view):
        return request.user.has_perms(view.izin_lihat)


IZIN = [permissions.IsAuthenticated, BolehLihat]

# ----------------------------------------------------------------------------- serializers


class ForumUnsurSerializer(serializers.ModelSerializer):
    class Meta:
        model = UnsurMasyarakat
        fields = ["id", "kode", "nama"]


class ForumRiwayatStatusSerializer(serializers.ModelSerializer):
    oleh = serializers.SerializerMethodField()

    class Meta:
        model = RiwayatStatusForum
        fields = ["dari", "ke", "waktu", "oleh", "catatan"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_oleh(self, obj) -> str:
        return (obj.oleh.get_full_name() or obj.oleh.username) if obj.oleh else ""


class ForumRingkasanSerializer(serializers.Serializer):
    """``selectors.RingkasanPartisipasi``: the share of women and the community elements."""

    anggota_aktif = serializers.IntegerField()
    anggota_perempuan = serializers.IntegerField()
    persen_perempuan_anggota = serializers.IntegerField(allow_null=True)
    hadir_total = serializers.IntegerField()
    hadir_perempuan = serializers.IntegerField()
    persen_perempuan_hadir = serializers.IntegerField(allow_null=True)
    unsur_ada = ForumUnsurSerializer(many=True)
    unsur_belum = ForumUnsurSerializer(many=True)


class ForumSerializer(serializers.ModelSerializer):
    """A forum in the list: the selector's counts (current members, last meeting date)."""

    wilayah_label = serializers.CharField(source="wilayah.label_lengkap", read_only=True)
    pendamping_nama = serializers.CharField(
        source="pendamping.nama", default=None, allow_null=True, read_only=True
    )
    jumlah_anggota = serializers.IntegerField(read_only=True, allow_null=True, default=None)
    pertemuan_terakhir = serializers.DateField(read_only=True, allow_null=True, default=None)

    class Meta:
        model = Forum
        fields = [
            "id",
            "nama",
            "jenis",
            "status",
            "wilayah",
            "wilayah_label",
            "tanggal_dibentuk",
            "dasar_hukum",
            "pendamping",
            "pendamping_nama",
            "keterangan",
            "jumlah_anggota",
            "pertemuan_terakhir",
            "dibuat",
            "diubah",
        ]
        read_only_fields = fields


class ForumDetailSerializer(ForumSerializer):
    """A forum's page: its participation summary and status events (members and meetings are
    the nested lists)."""

    ringkasan = serializers.SerializerMethodField()
    riwayat_status = serializers.SerializerMethodField()

    class Meta(ForumSerializer.Meta):
        fields = [*ForumSerializer.Meta.fields, "ringkasan", "riwayat_status"]
        read_only_fields = fields

    @extend_schema_field(ForumRingkasanSerializer)
    def get_ringkasan(self, forum):
        r = selectors.ringkasan_partisipasi(
            anggota_list=list(selectors.anggota_forum(forum=forum)),
            pertemuan_list=list(selectors.pertemuan_forum(forum=forum)),
        )
        return ForumRingkasanSerializer(r).data

    @extend_schema_field(ForumRiwayatStatusSerializer(many=True))
    def get_riwayat_status(self, forum):
        return ForumRiwayatStatusSerializer(
            selectors.riwayat_status_forum(forum=forum)[:20], many=True
        ).data


class ForumAnggotaSerializer(serializers.ModelSerializer):
    unsur = ForumUnsurSerializer(read_only=True)
    masih_aktif = serializers.BooleanField(read_only=True)

    class Meta:
        model = Anggota
        fields = [
            "id",
            "forum",
            "nama",
            "jenis_kelamin",
            "unsur",
            "peran",
            "kontak",
            "tanggal_masuk",
            "tanggal_keluar",
            "masih_aktif",
            "diubah",
        ]
        read_only_fields = fields


class ForumTindakLanjutRingkasSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    judul = serializers.CharField()
    status = serializers.CharField()
    jatuh_tempo = serializers.DateField()


class ForumKeputusanSerializer(serializers.ModelSerializer):
    tindak_lanjut = ForumTindakLanjutRingkasSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Keputusan
        fields = ["id", "isi", "tindak_lanjut", "dibuat"]
        read_only_fields = fields


class ForumSaranaRingkasSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nama = serializers.CharField()
    jenis = serializers.CharField()


class ForumPertemuanSerializer(serializers.ModelSerializer):
    """A meeting in its forum's list: the daily-log entry's date and title, the place, the
    attendance counts (members present, of them women; guests) and the decisions."""

    kegiatan = serializers.IntegerField(source="kegiatan_id", read_only=True)
    tanggal = serializers.DateField(source="kegiatan.tanggal", read_only=True)
    jam_mulai = serializers.TimeField(source="kegiatan.jam_mulai", read_only=True)
    jam_selesai = serializers.TimeField(source="kegiatan.jam_selesai", read_only=True)
    judul = serializers.CharField(source="kegiatan.judul", read_only=True)
    status_kegiatan = serializers.CharField(source="kegiatan.status", read_only=True)
    pendamping_nama = serializers.CharField(source="kegiatan.pendamping.nama", read_only=True)
    sarana = ForumSaranaRingkasSerializer(read_only=True, allow_null=True)
    jumlah_hadir = serializers.SerializerMethodField()
    hadir_perempuan = serializers.SerializerMethodField()
    jumlah_tamu = serializers.IntegerField(read_only=True)
    keputusan = ForumKeputusanSerializer(many=True, read_only=True)

    class Meta:
        model = Pertemuan
        fields = [
            "id",
            "forum",
            "kegiatan",
            "tanggal",
            "jam_mulai",
            "jam_selesai",
            "judul",
            "status_kegiatan",
            "pendamping_nama",
            "sarana",
            "tempat_lain",
            "jumlah_hadir",
            "hadir_perempuan",
            "tamu_laki",
            "tamu_perempuan",
            "tamu_disabilitas",
            "tamu_lansia",
            "tamu_miskin",
            "jumlah_tamu",
            "notulen",
            "keputusan",
            "diubah",
        ]
        read_only_fields = fields

    # the list's counts are the selector's annotations; a meeting's page counts its prefetch
    @extend_schema_field(OpenApiTypes.INT)
    def get_jumlah_hadir(self, p) -> int:
        n = getattr(p, "jumlah_hadir", None)
        return n if n is not None else len(p.hadir.all())

    @extend_schema_field(OpenApiTypes.INT)
    def get_hadir_perempuan(self, p) -> int:
        n = getattr(p, "hadir_perempuan", None)
        if n is not None:
            return n
        return sum(1 for a in p.hadir.all() if a.jenis_kelamin == "P")


class ForumHadirSerializer(serializers.ModelSerializer):
    unsur = serializers.CharField(source="unsur.nama", read_only=True)

    class Meta:
        model = Anggota
        fields = ["id", "nama", "jenis_kelamin", "unsur", "peran"]
        read_only_fields = fields


class ForumPertemuanDetailSerializer(ForumPertemuanSerializer):
    uraian = serializers.CharField(source="kegiatan.uraian", read_only=True)
    hadir = ForumHadirSerializer(many=True, read_only=True)

    class Meta(ForumPertemuanSerializer.Meta):
        fields = [*ForumPertemuanSerializer.Meta.fields, "uraian", "hadir"]
        read_only_fields = fields
