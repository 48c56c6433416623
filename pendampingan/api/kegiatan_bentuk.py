"""The daily log's shapes in the API: what is answered (entries with their prinsip answers,
asistensi/pengarahan details, photos, documents, status events; follow-ups) and what a client
sends (the input shape, for the schema only — the site's forms validate it, see
``kegiatan_masukan``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..kegiatan.akses import boleh_ubah
from ..kegiatan.services import kegiatan_kekurangan
from ..models import (
    STATUS_DAPAT_DIUBAH,
    AsistensiKegiatan,
    DokumenKegiatan,
    FotoKegiatan,
    Kegiatan,
    KegiatanButir,
    KegiatanPeristiwa,
    NilaiPrinsip,
    PengarahanKegiatan,
    PenilaianPrinsip,
    StatusKegiatan,
    StatusTindakLanjut,
    TataCara,
    TindakLanjut,
)
from ..models.pilihan import JenisSasaran

# ----------------------------------------------------------------------------- answers


class _TautanField(serializers.Field):
    """An absolute link to an API download (``reverse`` of ``nama`` with the row's pk)."""

    def __init__(self, nama: str, query: str = "", **kw):
        self.nama, self.query = nama, query
        super().__init__(source="*", read_only=True, **kw)

    def to_representation(self, obj):
        url = reverse(self.nama, kwargs={"pk": obj.pk}) + self.query
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


_TautanField = extend_schema_field(OpenApiTypes.URI)(_TautanField)


class FotoSerializer(serializers.ModelSerializer):
    unduh = _TautanField("api:foto-kegiatan-unduh", help_text=_("Tautan unduh foto (API)."))
    thumbnail = _TautanField(
        "api:foto-kegiatan-unduh", "?ukuran=kecil", help_text=_("Tautan unduh thumbnail (API).")
    )

    class Meta:
        model = FotoKegiatan
        fields = [
            "id",
            "kegiatan",
            "nama_asli",
            "format",
            "lebar",
            "tinggi",
            "ukuran",
            "sha256",
            "exif_waktu",
            "exif_lintang",
            "exif_bujur",
            "diunggah",
            "unduh",
            "thumbnail",
        ]


class DokumenSerializer(serializers.ModelSerializer):
    unduh = _TautanField("api:dokumen-kegiatan-unduh", help_text=_("Tautan unduh dokumen (API)."))

    class Meta:
        model = DokumenKegiatan
        fields = ["id", "kegiatan", "nama_asli", "jenis", "ukuran", "sha256", "diunggah", "unduh"]


class PenilaianPrinsipSerializer(serializers.ModelSerializer):
    prinsip = serializers.CharField(source="prinsip.kode", read_only=True)
    nama = serializers.CharField(source="prinsip.nama", read_only=True)

    class Meta:
        model = PenilaianPrinsip
        fields = ["prinsip", "nama", "nilai", "catatan"]


class AsistensiSerializer(serializers.ModelSerializer):
    lembaga_nama = serializers.CharField(source="lembaga.nama", read_only=True, allow_null=True)
    bidang_nama = serializers.CharField(source="bidang.nama", read_only=True)

    class Meta:
        model = AsistensiKegiatan
        fields = [
            "jenis_sasaran",
            "lembaga",
            "lembaga_nama",
            "nama_sasaran",
            "bidang",
            "bidang_nama",
        ]


class PengarahanSerializer(serializers.ModelSerializer):
    bidang_nama = serializers.CharField(source="bidang.nama", read_only=True)
    prioritas_nama = serializers.CharField(source="prioritas.nama", read_only=True, allow_null=True)

    class Meta:
        model = PengarahanKegiatan
        fields = [
            "bidang",
            "bidang_nama",
            "prioritas",
            "prioritas_nama",
            "penerima",
            "komitmen",
            "komitmen_pelaksana",
            "komitmen_jatuh_tempo",
            "tindak_lanjut",
        ]


class PeristiwaSerializer(serializers.ModelSerializer):
    oleh = serializers.SerializerMethodField()

    class Meta:
        model = KegiatanPeristiwa
        fields = ["dari", "ke", "oleh", "waktu", "catatan"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_oleh(self, ev) -> str | None:
        """The mover's facilitator name (or username)."""
        if ev.oleh is None:
            return None
        p = getattr(ev.oleh, "pendamping", None)
        return p.nama if p is not None else ev.oleh.get_username()


class TandaButirSerializer(serializers.ModelSerializer):
    """A butir the entry served, and whether it was chosen or came from a linked record."""

    kode = serializers.CharField(source="butir.kode", read_only=True)
    label = serializers.CharField(source="butir.label", read_only=True)
    tata_cara = serializers.CharField(source="butir.tata_cara", read_only=True)

    class Meta:
        model = KegiatanButir
        fields = ["kode", "label", "tata_cara", "sumber"]
        read_only_fields = fields


class KegiatanSerializer(serializers.ModelSerializer):
    """An entry in a list (no details)."""

    wilayah_nama = serializers.CharField(source="wilayah.nama", read_only=True)
    pendamping_nama = serializers.CharField(source="pendamping.nama", read_only=True)
    jumlah_foto = serializers.SerializerMethodField()
    butir = TandaButirSerializer(
        source="tanda_butir",
        many=True,
        read_only=True,
        help_text=_("Butir tata cara yang dilayani (dipilih pendamping atau otomatis)."),
    )

    class Meta:
        model = Kegiatan
        fields = [
            "id",
            "wilayah",
            "wilayah_nama",
            "pendamping",
            "pendamping_nama",
            "tanggal",
            "jam_mulai",
            "jam_selesai",
            "tata_cara",
            "judul",
            "uraian",
            "masalah",
            "solusi",
            "hasil",
            "peserta_laki",
            "peserta_perempuan",
            "sdgs",
            "butir",
            "lintang",
            "bujur",
            "akurasi",
            "status",
            "catatan_pemeriksa",
            "diajukan_pada",
            "diverifikasi_pada",
            "dibuat",
            "diubah",
            "jumlah_foto",
        ]
        read_only_fields = fields

    def get_jumlah_foto(self, k) -> int:
        return len(k.foto.all())  # prefetched by the selector


class KegiatanDetailSerializer(KegiatanSerializer):
    """One entry with its checklist, details, evidence and status events."""

    prinsip = PenilaianPrinsipSerializer(source="penilaian_prinsip", many=True, read_only=True)
    asistensi = serializers.SerializerMethodField()
    pengarahan = serializers.SerializerMethodField()
    foto = FotoSerializer(many=True, read_only=True)
    dokumen = DokumenSerializer(many=True, read_only=True)
    peristiwa = PeristiwaSerializer(many=True, read_only=True)
    tindak_lanjut = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    diverifikasi_oleh_nama = serializers.CharField(
        source="diverifikasi_oleh.nama", read_only=True, allow_null=True
    )
    kekurangan = serializers.SerializerMethodField(
        help_text=_("Yang masih kurang sebelum dapat diajukan (untuk pemilik draf).")
    )

    class Meta(KegiatanSerializer.Meta):
        fields = [
            *KegiatanSerializer.Meta.fields,
            "diverifikasi_oleh",
            "diverifikasi_oleh_nama",
            "prinsip",
            "asistensi",
            "pengarahan",
            "foto",
            "dokumen",
            "peristiwa",
            "tindak_lanjut",
            "kekurangan",
        ]
        read_only_fields = fields

    def get_kekurangan(self, k) -> list[str]:
        """As the entry page shows its owner: what blocks a submission (empty: ready)."""
        request = self.context.get("request")
        if request is None or k.status not in STATUS_DAPAT_DIUBAH:
            return []
        if not boleh_ubah(user=request.user, kegiatan=k):
            return []
        return [str(x) for x in kegiatan_kekurangan(k)]

    @extend_schema_field(AsistensiSerializer(allow_null=True))
    def get_asistensi(self, k):
        d = getattr(k, "asistensi", None) if k.tata_cara == TataCara.ASISTENSI else None
        return AsistensiSerializer(d).data if d is not None else None

    @extend_schema_field(PengarahanSerializer(allow_null=True))
    def get_pengarahan(self, k):
        d = getattr(k, "pengarahan", None) if k.tata_cara == TataCara.PENGARAHAN else None
        return PengarahanSerializer(d).data if d is not None else None


class TindakLanjutSerializer(serializers.ModelSerializer):
    wilayah_nama = serializers.CharField(source="wilayah.nama", read_only=True)
    pendamping_nama = serializers.CharField(source="pendamping.nama", read_only=True)
    terlambat = serializers.BooleanField(read_only=True)

    class Meta:
        model = TindakLanjut
        fields = [
            "id",
            "wilayah",
            "wilayah_nama",
            "pendamping",
            "pendamping_nama",
            "kegiatan",
            "judul",
            "penanggung_jawab",
            "jatuh_tempo",
            "status",
            "terlambat",
            "catatan_selesai",
            "selesai_pada",
            "dibuat",
            "diubah",
        ]
        read_only_fields = fields


# ----------------------------------------------------------------------------- input (schema)


class PrinsipMasukanSerializer(serializers.Serializer):
    prinsip = serializers.CharField(help_text=_("Kode prinsip (mis. partisipatif)."))
    nilai = serializers.ChoiceField(choices=NilaiPrinsip.choices, allow_blank=True)
    catatan = serializers.CharField(required=False, allow_blank=True)


class AsistensiMasukanSerializer(serializers.Serializer):
    jenis_sasaran = serializers.ChoiceField(choices=JenisSasaran.choices)
    lembaga = serializers.IntegerField(required=False, allow_null=True)
    nama_sasaran = serializers.CharField(required=False, allow_blank=True)
    bidang = serializers.IntegerField()


class PengarahanMasukanSerializer(serializers.Serializer):
    bidang = serializers.IntegerField()
    prioritas = serializers.IntegerField(required=False, allow_null=True)
    penerima = serializers.CharField()
    komitmen = serializers.CharField(required=False, allow_blank=True)
    komitmen_pelaksana = serializers.CharField(required=False, allow_blank=True)
    komitmen_jatuh_tempo = serializers.DateField(required=False, allow_null=True)


class KegiatanMasukanSerializer(serializers.Serializer):
    """What a client sends to create (POST) or edit (PATCH: only what changes) an entry. It is
    validated by the site's entry form (``KegiatanForm``, ``PrinsipForm``, ``AsistensiForm``,
    ``PengarahanForm`` and the registered extensions), not by this shape."""

    tanggal = serializers.DateField()
    jam_mulai = serializers.TimeField()
    jam_selesai = serializers.TimeField()
    wilayah = serializers.CharField(help_text=_("Kode wilayah tempat kegiatan."))
    tata_cara = serializers.ChoiceField(choices=TataCara.choices)
    judul = serializers.CharField()
    uraian = serializers.CharField(required=False, allow_blank=True)
    masalah = serializers.CharField(required=False, allow_blank=True)
    solusi = serializers.CharField(required=False, allow_blank=True)
    hasil = serializers.CharField(required=False, allow_blank=True)
    peserta_laki = serializers.IntegerField(required=False, min_value=0)
    peserta_perempuan = serializers.IntegerField(required=False, min_value=0)
    sdgs = serializers.ListField(child=serializers.IntegerField(), required=False)
    butir = serializers.ListField(
        child=serializers.CharField(max_length=12),
        required=False,
        help_text=_(
            "Kode butir yang dilayani (mis. BT2, E1b), dari regulasi yang berlaku. Tanpa isian "
            "ini kegiatan baru diberi saran dari tata cara dan tahap/bidangnya; butir dari "
            "catatan yang ditautkan ditambahkan otomatis."
        ),
    )
    lintang = serializers.DecimalField(9, 6, required=False, allow_null=True)
    bujur = serializers.DecimalField(9, 6, required=False, allow_null=True)
    akurasi = serializers.FloatField(required=False, allow_null=True)
    prinsip = PrinsipMasukanSerializer(many=True, required=False)
    asistensi = AsistensiMasukanSerializer(required=False, allow_null=True)
    pengarahan = PengarahanMasukanSerializer(required=False, allow_null=True)
    ekstensi = serializers.DictField(
        child=serializers.DictField(),
        required=False,
        help_text=_("Isian perluasan per kunci (mis. forum, fasilitasi, pengaduan)."),
    )
    ajukan = serializers.BooleanField(
        required=False, help_text=_("Ajukan untuk verifikasi setelah disimpan.")
    )


class CatatanSerializer(serializers.Serializer):
    catatan = serializers.CharField(required=False, allow_blank=True)
    dari = serializers.ChoiceField(
        choices=StatusKegiatan.choices,
        required=False,
        help_text=_("Status yang dilihat pengguna (ditolak 409 bila sudah berubah)."),
    )


class KembalikanSerializer(CatatanSerializer):
    catatan = serializers.CharField()


class SelesaiSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[(StatusTindakLanjut.SELESAI, "selesai"), (StatusTindakLanjut.BATAL, "batal")]
    )
    catatan = serializers.CharField()


class UnggahSerializer(serializers.Serializer):
    berkas = serializers.FileField()
