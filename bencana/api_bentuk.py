"""The API shape of incidents (``bencana/api.py``): who may read, what is answered (an incident
with its villages, status moves, impact snapshots and totals, chronology, evidence and the
ministry report's versions with the delivery state of each message) and what a client sends (the
input shapes, for the schema only — the site's forms validate them, see ``api_masukan``). No rule
lives here: the nested lists come from the site's selectors."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import permissions, serializers

from . import selectors
from .akses import IZIN_LIHAT
from .models import (
    KOLOM_DAMPAK,
    NAMA_KOLOM_DAMPAK,
    Bukti,
    Kejadian,
    Kronologi,
    Pengungsian,
    PenilaianDampak,
    SaluranLaporan,
)

# ----------------------------------------------------------------------------- permissions


class BolehLihat(permissions.BasePermission):
    """The permission the site's incident pages require (``akses.IZIN_LIHAT``)."""

    message = _("Anda tidak berwenang melihat kejadian bencana.")

    def has_permission(self, request, view):
        return request.user.has_perm(IZIN_LIHAT)


IZIN = [permissions.IsAuthenticated, BolehLihat]


def _nama(p) -> str:
    return p.nama if p is not None else ""


# ----------------------------------------------------------------------------- parts


def angka_field(kolom: str, **kw):
    if kolom.endswith("_ha"):
        return serializers.DecimalField(max_digits=12, decimal_places=2, **kw)
    return serializers.IntegerField(**kw)


DampakTotalSerializer = type(
    "DampakTotalSerializer",
    (serializers.Serializer,),
    {
        "__doc__": "Totals over each affected desa's latest snapshot (and how many desa).",
        "n_desa": serializers.IntegerField(),
        **{k: angka_field(k, help_text=str(label)) for k, label, _g in KOLOM_DAMPAK},
    },
)


class JenisSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()
    kategori = serializers.CharField()


class DesaSerializer(serializers.Serializer):
    kode = serializers.CharField(source="wilayah.kode")
    nama = serializers.CharField(source="wilayah.nama")


class PerubahanSerializer(serializers.Serializer):
    dari = serializers.CharField()
    ke = serializers.CharField()
    waktu = serializers.DateTimeField()
    oleh = serializers.CharField(source="nama_oleh")
    catatan = serializers.CharField()


class DampakSerializer(serializers.ModelSerializer):
    """One impact snapshot of one desa at one time (append-only)."""

    desa = serializers.CharField(source="wilayah_id", read_only=True)
    desa_nama = serializers.CharField(source="wilayah.nama", read_only=True)
    oleh = serializers.SerializerMethodField()

    class Meta:
        model = PenilaianDampak
        fields = [
            "id",
            "kejadian",
            "desa",
            "desa_nama",
            "waktu",
            *NAMA_KOLOM_DAMPAK,
            "sumber",
            "catatan",
            "oleh",
            "dibuat",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_oleh(self, d) -> str:
        return _nama(d.oleh)


class KronologiSerializer(serializers.ModelSerializer):
    """A chronology entry; ``mengoreksi`` the entry it corrects, ``koreksi`` those correcting it."""

    oleh = serializers.SerializerMethodField()
    koreksi = serializers.SerializerMethodField()

    class Meta:
        model = Kronologi
        fields = ["id", "kejadian", "waktu", "isi", "mengoreksi", "koreksi", "oleh", "dibuat"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_oleh(self, e) -> str:
        return _nama(e.oleh)

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_koreksi(self, e) -> list[int]:
        return [k.pk for k in getattr(e, "koreksi_list", [])]


class BuktiSerializer(serializers.ModelSerializer):
    """An evidence file's metadata and the API link that streams it (scoped)."""

    oleh = serializers.SerializerMethodField()
    unduh = serializers.SerializerMethodField()

    class Meta:
        model = Bukti
        fields = [
            "id",
            "kejadian",
            "jenis",
            "nama_asli",
            "tipe_mime",
            "ukuran",
            "sha256",
            "keterangan",
            "oleh",
            "dibuat",
            "unduh",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_oleh(self, b) -> str:
        return _nama(b.oleh)

    @extend_schema_field(OpenApiTypes.URI)
    def get_unduh(self, b) -> str:
        url = reverse("api:bencana-bukti-unduh", kwargs={"pk": b.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class PesanSerializer(serializers.Serializer):
    """One outbox message of a report version: who, which channel, its delivery state (as the
    site's delivery panel shows it)."""

    penerima = serializers.CharField(source="penerima_label")
    kementerian = serializers.SerializerMethodField()
    saluran = serializers.CharField()
    status = serializers.CharField()
    percobaan = serializers.IntegerField()
    dibuat = serializers.DateTimeField()
    terkirim_pada = serializers.DateTimeField(allow_null=True)
    dibaca_pada = serializers.DateTimeField(allow_null=True)
    coba_lagi_pada = serializers.DateTimeField(allow_null=True)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_kementerian(self, p) -> bool:
        return p.penerima_kementerian_id is not None


class LaporanVersiSerializer(serializers.Serializer):
    """A version of the ministry report and the messages that delivered it; a version reported
    outside the app (``saluran`` lisan_telepon, lisan_langsung, tertulis) has no messages and
    names who at the ministry took it and when (``waktu_lapor``)."""

    nomor = serializers.IntegerField()
    pemicu = serializers.CharField()
    dibuat = serializers.DateTimeField()
    dikirim_oleh = serializers.CharField(source="dikirim_oleh.nama")
    saluran = serializers.ChoiceField(choices=SaluranLaporan.choices)
    penerima_nama = serializers.CharField()
    penerima_unit = serializers.CharField()
    waktu_lapor = serializers.DateTimeField(allow_null=True)
    pesan = PesanSerializer(many=True)


class PengungsianSerializer(serializers.ModelSerializer):
    """F1: a group of people moved to safety (append-only; ``mengoreksi`` the row it replaces,
    ``berlaku`` false once a later row corrects it)."""

    desa = serializers.CharField(source="wilayah_id", read_only=True)
    desa_nama = serializers.CharField(source="wilayah.nama", read_only=True)
    oleh = serializers.SerializerMethodField()
    berlaku = serializers.SerializerMethodField()

    class Meta:
        model = Pengungsian
        fields = [
            "id",
            "desa",
            "desa_nama",
            "lokasi",
            "jumlah_jiwa",
            "waktu",
            "dipindahkan_oleh",
            "keterangan",
            "mengoreksi",
            "berlaku",
            "oleh",
            "dibuat",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_oleh(self, p) -> str:
        return _nama(p.oleh)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_berlaku(self, p) -> bool:
        return not getattr(p, "koreksi_list", [])


# ----------------------------------------------------------------------------- incidents


class KejadianSerializer(serializers.ModelSerializer):
    """An incident in the list: its villages and impact totals (one query for the page)."""

    jenis = JenisSerializer(read_only=True)
    desa = serializers.CharField(source="wilayah_id", read_only=True)
    desa_nama = serializers.CharField(source="wilayah.nama", read_only=True)
    desa_terdampak = DesaSerializer(many=True, read_only=True)
    pelapor = serializers.CharField(source="pelapor.nama", read_only=True)
    dampak_total = serializers.SerializerMethodField()

    class Meta:
        model = Kejadian
        fields = [
            "id",
            "kode",
            "jenis",
            "waktu",
            "desa",
            "desa_nama",
            "desa_terdampak",
            "lintang",
            "bujur",
            "ringkasan",
            "status",
            "pelapor",
            "dampak_total",
            "dibuat",
            "diubah",
        ]
        read_only_fields = fields

    def _total(self, k):
        total = self.context.get("dampak_total")
        if total is None:  # one incident (the detail): its own aggregate
            total = selectors.dampak_total(kejadian_ids=[k.pk])
        return total.get(k.pk)

    @extend_schema_field(DampakTotalSerializer(allow_null=True))
    def get_dampak_total(self, k):
        t = self._total(k)
        return DampakTotalSerializer(t).data if t else None


class KejadianDetailSerializer(KejadianSerializer):
    """An incident with its status moves, impact snapshots (``terkini``: the latest of each
    desa), chronology (with corrections), evidence and the ministry report's deliveries — the
    site's incident page, a fixed number of queries whatever the rows."""

    desa_terdampak = serializers.SerializerMethodField()
    perubahan = serializers.SerializerMethodField()
    dampak = serializers.SerializerMethodField()
    dampak_terkini = serializers.SerializerMethodField()
    kronologi = serializers.SerializerMethodField()
    pengungsian = serializers.SerializerMethodField()
    pengungsian_jiwa = serializers.SerializerMethodField()
    bukti = serializers.SerializerMethodField()
    laporan = serializers.SerializerMethodField()

    class Meta(KejadianSerializer.Meta):
        fields = [
            *KejadianSerializer.Meta.fields,
            "perubahan",
            "dampak",
            "dampak_terkini",
            "kronologi",
            "pengungsian",
            "pengungsian_jiwa",
            "bukti",
            "laporan",
        ]
        read_only_fields = fields

    def _banyak(self, bentuk, baris):
        return bentuk(baris, many=True, context=self.context).data

    @extend_schema_field(DesaSerializer(many=True))
    def get_desa_terdampak(self, k):
        return self._banyak(DesaSerializer, selectors.desa_terdampak(kejadian=k))

    @extend_schema_field(PerubahanSerializer(many=True))
    def get_perubahan(self, k):
        return self._banyak(PerubahanSerializer, selectors.perubahan_status(kejadian=k))

    @extend_schema_field(DampakSerializer(many=True))
    def get_dampak(self, k):
        return self._banyak(DampakSerializer, selectors.dampak_riwayat(kejadian=k))

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_dampak_terkini(self, k) -> list[int]:
        return [d.pk for d in selectors.dampak_terkini_per_desa(kejadian=k)]

    @extend_schema_field(KronologiSerializer(many=True))
    def get_kronologi(self, k):
        return self._banyak(KronologiSerializer, selectors.kronologi(kejadian=k))

    def _pengungsian(self, k) -> dict:
        simpan = self.context.setdefault("_pengungsian", {})
        if k.pk not in simpan:  # the rows and the total from one query
            simpan[k.pk] = selectors.pengungsian(kejadian=k)
        return simpan[k.pk]

    @extend_schema_field(PengungsianSerializer(many=True))
    def get_pengungsian(self, k):
        return self._banyak(PengungsianSerializer, self._pengungsian(k)["pengungsian"])

    @extend_schema_field(OpenApiTypes.INT)
    def get_pengungsian_jiwa(self, k) -> int:
        return self._pengungsian(k)["pengungsian_jiwa"]

    @extend_schema_field(BuktiSerializer(many=True))
    def get_bukti(self, k):
        return self._banyak(BuktiSerializer, selectors.bukti_kejadian(kejadian=k))

    @extend_schema_field(LaporanVersiSerializer(many=True))
    def get_laporan(self, k):
        per_versi = selectors.pesan_kejadian(kejadian=k)["pesan_versi"]
        for v in (versi := selectors.laporan_versi(kejadian=k)):
            v.pesan = per_versi.get(v.nomor, [])
        return self._banyak(LaporanVersiSerializer, versi)
