"""The public complaint intake and the status by tracking code through the API (no account: a
village information system's kiosk or website sends what a resident typed).

* ``GET /api/v1/pengaduan-publik/formulir/`` — what the form page gives: its security question
  (a signed ``tantangan`` and its ``pertanyaan``, shown to the person), the categories and kinds,
  and the roles a complaint may be about (``teradu_peran``: "the PD of this desa", no name needed);
* ``POST /api/v1/pengaduan-publik/`` — the complaint, validated by the public page's own form
  (``PengaduanPublikForm``: honeypot ``situs_web``, the signed question answered in ``jawaban``
  no sooner than the page allows, the desa by code or name, attachments checked by their bytes),
  stored by ``services.pengaduan_terima``: 201 with the tracking code;
* ``GET /api/v1/pengaduan-publik/<kode>/`` — the status page's answer (``selectors.status_publik``:
  never the reporter; a rahasia complaint's status and dates only); an unknown code is a 404.

The same guards as the pages: the per-address limits of ``pendampingan.inti.batas`` (the hourly
intake count and the per-minute lookup count are shared with the pages, so one address gets no
more through both; ``formulir`` has its own per-minute count), the single-use security question, the
request-size cap and the streaming per-file cap of the form, and the API's throttles (anonymous
and per address). ``Idempotency-Key`` is the complaint's one-time key: a repeat answers the first
complaint's code (200, ``Idempotent-Replayed``) — before any limit is counted, so a retry is never
refused.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from pendampingan.api.dasar import THROTTLE_BAWAAN, ApiViewSet
from pendampingan.inti.sekali import SudahTersimpan, sudah_ada

from . import batas, selectors, services
from .api_publik_bentuk import (
    PengaduanFormulirSerializer,
    PengaduanLaporMasukanSerializer,
    PengaduanLaporTerkirimSerializer,
    PengaduanStatusPublikSerializer,
)
from .forms import PengaduanPublikForm, StatusCariForm
from .models import JenisPengaduan, Pengaduan, PeranTeradu
from .views.publik import (
    formulir_lewat_batas,
    lampiran_ditolak,
    lapor_lewat_batas,
    status_lewat_batas,
)
from .views.umum import terapkan_error

# the form's fields an API client sends (the one-time key comes as Idempotency-Key, or here)
FIELD_FORM = (
    "jenis",
    "kategori",
    "teradu_peran",
    "desa",
    "judul",
    "isi",
    "pelapor_nama",
    "pelapor_telepon",
    "pelapor_email",
    "anonim",
    "rahasia",
    "jawaban",
    "situs_web",
    "tantangan",
    "kunci_sekali",
)
# a field left out takes the form's initial value, as the page would post it (anonim by default)
AWAL = {"jenis": JenisPengaduan.PENGADUAN, "anonim": "true"}


class TerlaluBesar(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "terlalu_besar"


def _teks(nilai) -> str:
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, (dict, list)):
        return json.dumps(nilai)  # not a value any field takes: the form says so
    return str(nilai)


def data_form(request) -> tuple[QueryDict, object]:
    """The form data and files the page would post, from a JSON object or a multipart body."""
    if request.content_type.startswith(("multipart/", "application/x-www-form-urlencoded")):
        sumber, berkas = request.POST, request.FILES
    else:
        sumber, berkas = request.data, None
        if not isinstance(sumber, dict):
            raise exceptions.ValidationError(
                {"non_field_errors": [_("Isi permintaan harus berupa objek JSON.")]}
            )
    q = QueryDict(mutable=True)
    for nama in FIELD_FORM:
        nilai = sumber.get(nama)
        if nilai is None:
            nilai = AWAL.get(nama)
        if nilai is not None:
            q[nama] = _teks(nilai)
    return q, berkas


def galat_form(form) -> dict:
    return {
        ("non_field_errors" if k == "__all__" else k): [str(m) for m in v]
        for k, v in form.errors.items()
    }


def _terkirim(p: Pengaduan, request) -> dict:
    return PengaduanLaporTerkirimSerializer(
        {
            "kode": p.kode,
            "status": p.status,
            "diterima_pada": p.diterima_pada,
            "tenggat_verifikasi": p.tenggat_verifikasi,
            "sla_verifikasi_hari": services.sla("verifikasi"),
            "sla_rencana_hari": services.sla("rencana"),
        },
        context={"request": request},
    ).data


@extend_schema_view(
    retrieve=extend_schema(
        summary=gettext_lazy("Status pengaduan menurut kode pelacakan (tanpa akun)"),
        responses={
            200: PengaduanStatusPublikSerializer,
            404: OpenApiResponse(description=gettext_lazy("Kode tidak ditemukan.")),
        },
    ),
)
class PengaduanPublikViewSet(ApiViewSet, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The public form and status page through the API (anonymous; a token is not needed)."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = THROTTLE_BAWAAN
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    filter_backends = []
    pagination_class = None
    serializer_class = PengaduanStatusPublikSerializer
    lookup_field = "kode"
    lookup_value_regex = r"[^/]{1,40}"
    queryset = Pengaduan.objects.none()  # the schema's model; no row is read through it

    @extend_schema(
        summary=gettext_lazy("Pertanyaan keamanan, kategori dan jenis untuk formulir pengaduan"),
        responses={200: PengaduanFormulirSerializer},
    )
    @action(detail=False, methods=["get"])
    def formulir(self, request):
        pesan = formulir_lewat_batas(request._request)
        if pesan:
            raise exceptions.Throttled(detail=pesan)
        form = PengaduanPublikForm()
        return Response(
            PengaduanFormulirSerializer(
                {
                    "tantangan": form.token,
                    "pertanyaan": form.pertanyaan,
                    "berlaku_detik": settings.PENGADUAN_TANTANGAN_MAKS_DETIK,
                    "isi_min_detik": settings.PENGADUAN_WAKTU_ISI_MIN_DETIK,
                    "kategori": list(form.fields["kategori"].queryset),
                    "jenis": [{"kode": k, "nama": n} for k, n in JenisPengaduan.choices],
                    "teradu_peran": [{"kode": k, "nama": n} for k, n in PeranTeradu.choices],
                    "lampiran_maks_jumlah": settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH,
                    "unggahan_maks_mb": settings.UNGGAHAN_MAKS_MB,
                }
            ).data,
            headers={"Cache-Control": "no-store"},
        )

    @extend_schema(
        summary=gettext_lazy("Kirim pengaduan (tanpa akun; Idempotency-Key: kirim ulang aman)"),
        request={
            "application/json": PengaduanLaporMasukanSerializer,
            "multipart/form-data": PengaduanLaporMasukanSerializer,
        },
        responses={
            201: PengaduanLaporTerkirimSerializer,
            200: PengaduanLaporTerkirimSerializer,
            413: OpenApiResponse(description=gettext_lazy("Kiriman terlalu besar.")),
        },
    )
    def create(self, request, *args, **kwargs):
        kunci = self.kunci_sekali()
        ada = sudah_ada(Pengaduan, kunci)
        if ada is not None:  # a retry: the first complaint's code, nothing counted or stored
            return self._replay(ada)
        dj = request._request
        try:
            panjang = int(dj.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            panjang = 0
        if panjang > settings.PENGADUAN_PERMINTAAN_MAKS_MB * 1024 * 1024:
            raise TerlaluBesar(
                _("Kiriman terlalu besar: paling banyak %(n)d lampiran, masing-masing %(mb)d MB.")
                % {"n": settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH, "mb": settings.UNGGAHAN_MAKS_MB}
            )
        dj.upload_handlers.insert(0, batas.BatasUnggahanHandler(dj))
        pesan = lapor_lewat_batas(dj)
        if pesan:
            raise exceptions.Throttled(detail=pesan)
        data, berkas = data_form(request)
        if kunci is not None:
            data["kunci_sekali"] = str(kunci)
        form = PengaduanPublikForm(data, berkas)
        valid = form.is_valid()
        if lampiran_ditolak(dj, form):
            valid = False
        if valid:
            try:
                p = services.pengaduan_terima(**form.argumen_terima())
            except SudahTersimpan as e:  # two at once: the first one's code
                return self._replay(e.obj)
            except ValidationError as e:
                terapkan_error(form, e)
            else:
                return Response(_terkirim(p, request), status=status.HTTP_201_CREATED)
        raise exceptions.ValidationError(galat_form(form))

    def _replay(self, p):
        return Response(
            _terkirim(p, self.request),
            status=status.HTTP_200_OK,
            headers={"Idempotent-Replayed": "true"},
        )

    def retrieve(self, request, *args, **kwargs):
        pesan = status_lewat_batas(request._request)
        if pesan:
            raise exceptions.Throttled(detail=pesan)
        form = StatusCariForm({"kode": kwargs.get("kode", "")})
        hasil = selectors.status_publik(kode=form.cleaned_data["kode"]) if form.is_valid() else None
        if hasil is None:
            raise exceptions.NotFound(
                _("Kode pelacakan tidak ditemukan. Periksa lagi kodenya (mis. PD-7KX4-M9QT).")
            )
        return Response(
            PengaduanStatusPublikSerializer(hasil).data, headers={"Cache-Control": "no-store"}
        )
