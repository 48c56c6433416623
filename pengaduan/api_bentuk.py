"""The API shape of complaints (``pengaduan/api.py``, ``pengaduan/api_publik.py``): who may read,
the serializers (the answer's shape and its OpenAPI schema). Two rules of ``akses`` decide what
an answer holds, nothing else here does:

* ``boleh_lihat_pelapor(user, p)`` — the reporter's identity, else ``pelapor`` is null;
* ``isi_boleh_keluar(p)`` — a rahasia complaint's content never leaves through the API (for
  anyone): its answer is its id, code, ``rahasia: true``, status, deadlines and dates; every other
  field is null (``KONTEN``).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import permissions, serializers

from . import akses, selectors
from .models import JenisPengaduan, PeranTeradu, Saluran, StatusPengaduan

# ----------------------------------------------------------------------------- permissions


class BolehLihat(permissions.BasePermission):
    """The permission the site's complaint list and pages require."""

    message = _("Anda tidak berwenang melihat pengaduan.")

    def has_permission(self, request, view):
        return request.user.has_perm("pengaduan.view_pengaduan")


IZIN = [permissions.IsAuthenticated, BolehLihat]


def _nama(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def _mutlak(request, url: str) -> str:
    return request.build_absolute_uri(url) if request else url


# ----------------------------------------------------------------------------- small parts


class PengaduanKategoriRingkasSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kode = serializers.CharField()
    nama = serializers.CharField()


class PengaduanPendampingRingkasSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nama = serializers.CharField()


class PengaduanPelaporSerializer(serializers.Serializer):
    nama = serializers.CharField()
    telepon = serializers.CharField()
    email = serializers.CharField()


class PengaduanLampiranSerializer(serializers.Serializer):
    """An attachment's metadata and the API link that streams it (the site's scoped view)."""

    id = serializers.IntegerField()
    nama_asli = serializers.CharField()
    jenis_mime = serializers.CharField()
    ekstensi = serializers.CharField()
    ukuran = serializers.IntegerField()
    sha256 = serializers.CharField()
    dibuat = serializers.DateTimeField()
    unduh = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_unduh(self, lamp) -> str:
        url = reverse("api:pengaduan-lampiran-unduh", kwargs={"pk": lamp.pk})
        return _mutlak(self.context.get("request"), url)


class PengaduanPeristiwaSerializer(serializers.Serializer):
    """One step of the timeline as the complaint page lists it."""

    id = serializers.IntegerField()
    jenis = serializers.CharField()
    dari = serializers.CharField()
    ke = serializers.CharField()
    waktu = serializers.DateTimeField()
    oleh = serializers.SerializerMethodField()
    catatan = serializers.CharField()
    publik = serializers.BooleanField(help_text=_("Tampil di halaman status publik."))

    @extend_schema_field(OpenApiTypes.STR)
    def get_oleh(self, e) -> str:
        return _nama(e.oleh)


class PengaduanTindakLanjutRingkasSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    judul = serializers.CharField()
    penanggung_jawab = serializers.CharField()
    jatuh_tempo = serializers.DateField()
    status = serializers.CharField()


class PengaduanMusyawarahSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    tanggal = serializers.DateField()
    tempat = serializers.CharField()
    pihak_hadir = serializers.CharField()
    kesepakatan = serializers.CharField()
    mufakat = serializers.BooleanField()
    dicatat_oleh = PengaduanPendampingRingkasSerializer()
    tindak_lanjut = PengaduanTindakLanjutRingkasSerializer(source="tindak_lanjut_list", many=True)


# ----------------------------------------------------------------------------- complaints

# what a rahasia complaint's answer leaves null (``akses.isi_boleh_keluar``)
KONTEN = (
    "jenis",
    "kategori",
    "wilayah",
    "wilayah_nama",
    "judul",
    "saluran",
    "anonim",
    "pelapor",
    "penangan",
    # the detail's
    "isi",
    "alasan",
    "instansi_rujukan",
    "dicatat_oleh",
    "teradu_peran",
    "teradu",
    "peristiwa",
    "musyawarah",
    "lampiran",
    "kegiatan_terkait",
)


def _null(field):
    field.allow_null = True
    return field


class PengaduanSerializer(serializers.Serializer):
    """A complaint in the list."""

    id = serializers.IntegerField(read_only=True)
    kode = serializers.CharField(read_only=True, help_text=_("Kode pelacakan (PD-XXXX-XXXX)."))
    rahasia = serializers.BooleanField(
        read_only=True, help_text=_("Rahasia: isinya hanya dibaca di situs (di sini null).")
    )
    status = serializers.ChoiceField(choices=StatusPengaduan.choices, read_only=True)
    jenis = serializers.ChoiceField(choices=JenisPengaduan.choices, read_only=True, allow_null=True)
    kategori = PengaduanKategoriRingkasSerializer(read_only=True, allow_null=True)
    wilayah = serializers.CharField(source="wilayah_id", read_only=True, allow_null=True)
    wilayah_nama = serializers.CharField(source="wilayah.nama", read_only=True, allow_null=True)
    judul = serializers.CharField(read_only=True, allow_null=True)
    saluran = serializers.ChoiceField(choices=Saluran.choices, read_only=True, allow_null=True)
    anonim = serializers.BooleanField(read_only=True, allow_null=True)
    pelapor = serializers.SerializerMethodField(
        help_text=_(
            "Identitas pelapor; null bila Anda tidak berhak melihatnya. Identitas yang dilindungi "
            "(anonim, atau pengaduan tentang pendamping) hanya ada di detail satu pengaduan, dan "
            "setiap pembukaannya dicatat."
        )
    )
    penangan = PengaduanPendampingRingkasSerializer(read_only=True, allow_null=True)
    tenggat = serializers.DateField(read_only=True, allow_null=True)
    tenggat_jenis = serializers.CharField(read_only=True)
    tenggat_verifikasi = serializers.DateField(read_only=True)
    tenggat_rencana = serializers.DateField(read_only=True, allow_null=True)
    tenggat_tutup = serializers.DateField(read_only=True, allow_null=True)
    terlambat = serializers.BooleanField(read_only=True)
    diterima_pada = serializers.DateTimeField(read_only=True)
    diverifikasi_pada = serializers.DateTimeField(read_only=True, allow_null=True)
    rencana_pada = serializers.DateTimeField(read_only=True, allow_null=True)
    selesai_pada = serializers.DateTimeField(read_only=True, allow_null=True)
    ditutup_pada = serializers.DateTimeField(read_only=True, allow_null=True)
    diubah = serializers.DateTimeField(read_only=True)

    # the list never carries a protected identity (``akses.identitas_terlindung``): it is read
    # from one complaint's detail, which writes the audit trail
    identitas_terlindung_boleh = False

    @extend_schema_field(_null(PengaduanPelaporSerializer()))
    def get_pelapor(self, p):
        user = self.context["request"].user
        if not akses.boleh_lihat_pelapor(user, p):
            return None
        if akses.identitas_terlindung(p) and not self.identitas_terlindung_boleh:
            return None
        return {"nama": p.pelapor_nama, "telepon": p.pelapor_telepon, "email": p.pelapor_email}

    def to_representation(self, p):
        if akses.isi_boleh_keluar(p):
            return super().to_representation(p)
        data = {}
        for nama, field in self.fields.items():
            if nama in KONTEN:
                data[nama] = None
            else:
                nilai = field.get_attribute(p)
                data[nama] = None if nilai is None else field.to_representation(nilai)
        return data


class PengaduanDetailSerializer(PengaduanSerializer):
    """A complaint's page: its story, decisions, timeline, musyawarah and attachments
    (``selectors.pengaduan_lini_masa``)."""

    identitas_terlindung_boleh = True

    isi = serializers.CharField(read_only=True, allow_null=True)
    alasan = serializers.CharField(read_only=True, allow_null=True)
    instansi_rujukan = serializers.CharField(read_only=True, allow_null=True)
    dicatat_oleh = PengaduanPendampingRingkasSerializer(read_only=True, allow_null=True)
    teradu_peran = serializers.ChoiceField(
        choices=PeranTeradu.choices,
        read_only=True,
        allow_null=True,
        allow_blank=True,
        help_text=_("Pengaduan tentang pendamping desa dengan peran ini (kosong bila bukan)."),
    )
    teradu = PengaduanPendampingRingkasSerializer(many=True, read_only=True, allow_null=True)
    peristiwa = serializers.SerializerMethodField()
    musyawarah = serializers.SerializerMethodField()
    lampiran = serializers.SerializerMethodField()
    kegiatan_terkait = serializers.SerializerMethodField(
        help_text=_("Id kegiatan harian yang melayani pengaduan ini.")
    )

    def _lini(self, p) -> dict:
        if not hasattr(p, "_lini_api"):
            p._lini_api = selectors.pengaduan_lini_masa(pengaduan=p)
        return p._lini_api

    @extend_schema_field(_null(PengaduanPeristiwaSerializer(many=True)))
    def get_peristiwa(self, p):
        return PengaduanPeristiwaSerializer(self._lini(p)["peristiwa"], many=True).data

    @extend_schema_field(_null(PengaduanMusyawarahSerializer(many=True)))
    def get_musyawarah(self, p):
        return PengaduanMusyawarahSerializer(self._lini(p)["musyawarah"], many=True).data

    @extend_schema_field(_null(PengaduanLampiranSerializer(many=True)))
    def get_lampiran(self, p):
        return PengaduanLampiranSerializer(
            self._lini(p)["lampiran"], many=True, context=self.context
        ).data

    @extend_schema_field(_null(serializers.ListField(child=serializers.IntegerField())))
    def get_kegiatan_terkait(self, p):
        return [t.kegiatan_id for t in self._lini(p)["kegiatan_terkait"]]


class PengaduanLampiranBacaSerializer(PengaduanLampiranSerializer):
    pengaduan = serializers.IntegerField(source="pengaduan_id")
