"""The API shape of the public complaint intake and status (``pengaduan/api_publik.py``): the
answers and the documented request body (the public page's form validates it)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import JenisPengaduan, PeranTeradu, StatusPengaduan


class PengaduanKategoriPublikSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("Dikirim sebagai “kategori”."))
    kode = serializers.CharField()
    nama = serializers.CharField()
    keterangan = serializers.CharField()


class PengaduanJenisSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()


class PengaduanFormulirSerializer(serializers.Serializer):
    """What the public form page gives: its security question and its lists."""

    tantangan = serializers.CharField(
        help_text=_("Kirim kembali apa adanya sebagai “tantangan” bersama jawabannya.")
    )
    pertanyaan = serializers.CharField(
        help_text=_("Pertanyaan keamanan untuk ditampilkan kepada pelapor.")
    )
    berlaku_detik = serializers.IntegerField()
    isi_min_detik = serializers.IntegerField(
        help_text=_(
            "Pengaduan yang dikirim lebih cepat dari ini setelah pertanyaan dibuat ditolak."
        )
    )
    kategori = PengaduanKategoriPublikSerializer(many=True)
    jenis = PengaduanJenisSerializer(many=True)
    teradu_peran = PengaduanJenisSerializer(
        many=True,
        help_text=_(
            "Pendamping desa yang dapat diadukan menurut perannya (dikirim sebagai “teradu_peran”)."
        ),
    )
    lampiran_maks_jumlah = serializers.IntegerField()
    unggahan_maks_mb = serializers.IntegerField()


class PengaduanLaporMasukanSerializer(serializers.Serializer):
    """The public form's fields (documentation only: the form ``PengaduanPublikForm`` validates)."""

    jenis = serializers.ChoiceField(
        choices=JenisPengaduan.choices, required=False, help_text=_("Bawaan: pengaduan.")
    )
    kategori = serializers.IntegerField(help_text=_("Id kategori (dari formulir/)."))
    teradu_peran = serializers.ChoiceField(
        choices=PeranTeradu.choices,
        required=False,
        help_text=_(
            "Bila pengaduan tentang pendamping desa ini: perannya (tanpa nama). Pengaduan diteruskan "
            "kepada pengawas di atasnya dan tidak terlihat oleh pendamping yang diadukan."
        ),
    )
    desa = serializers.CharField(
        max_length=200, help_text=_("Kode desa (33.01.01.2001) atau nama desa yang unik.")
    )
    judul = serializers.CharField(max_length=200)
    isi = serializers.CharField(max_length=10000)
    pelapor_nama = serializers.CharField(max_length=150, required=False)
    pelapor_telepon = serializers.CharField(max_length=30, required=False)
    pelapor_email = serializers.EmailField(required=False)
    anonim = serializers.BooleanField(
        required=False, help_text=_("Bawaan: ya (identitas hanya untuk pengawas).")
    )
    rahasia = serializers.BooleanField(required=False)
    tantangan = serializers.CharField(help_text=_("Dari formulir/."))
    jawaban = serializers.IntegerField(help_text=_("Jawaban pelapor atas pertanyaan keamanan."))
    situs_web = serializers.CharField(
        required=False, allow_blank=True, help_text=_("Jangan diisi (penyaring spam).")
    )
    lampiran = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        help_text=_("Hanya multipart/form-data: foto atau dokumen, beberapa berkas."),
    )


class PengaduanLaporTerkirimSerializer(serializers.Serializer):
    """The "sent" page: the tracking code and what happens next."""

    kode = serializers.CharField(help_text=_("Kode pelacakan: sampaikan kepada pelapor."))
    status = serializers.ChoiceField(choices=StatusPengaduan.choices)
    diterima_pada = serializers.DateTimeField()
    tenggat_verifikasi = serializers.DateField()
    sla_verifikasi_hari = serializers.IntegerField()
    sla_rencana_hari = serializers.IntegerField()
    status_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_status_url(self, d) -> str:
        url = reverse("api:pengaduan-publik-detail", kwargs={"kode": d["kode"]})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class PengaduanBalasanPublikSerializer(serializers.Serializer):
    waktu = serializers.DateTimeField()
    jenis = serializers.CharField()
    judul = serializers.CharField()
    catatan = serializers.CharField()


class PengaduanStatusPublikSerializer(serializers.Serializer):
    """The status page's answer (``selectors.StatusPublik``): never the reporter; for a rahasia
    complaint its title, category and desa are empty."""

    kode = serializers.CharField()
    status = serializers.ChoiceField(choices=StatusPengaduan.choices)
    status_label = serializers.CharField()
    jenis_label = serializers.CharField()
    diterima_pada = serializers.DateTimeField()
    diverifikasi_pada = serializers.DateTimeField(allow_null=True)
    selesai_pada = serializers.DateTimeField(allow_null=True)
    ditutup_pada = serializers.DateTimeField(allow_null=True)
    tenggat = serializers.DateField(allow_null=True)
    rahasia = serializers.BooleanField()
    judul = serializers.CharField()
    kategori = serializers.CharField()
    desa = serializers.CharField()
    instansi_rujukan = serializers.CharField()
    balasan = PengaduanBalasanPublikSerializer(many=True)
