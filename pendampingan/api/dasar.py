"""The base of every API view: scope, time zone, errors, pagination, sync, one-time keys, versions.

An app's viewset::

    class KegiatanViewSet(ApiViewSet, viewsets.ModelViewSet):
        serializer_class = KegiatanSerializer          # what is answered (reads and writes)
        filterset_class = KegiatanFilter               # the site's filter names
        def get_queryset(self):                        # always through visible_to
            return Kegiatan.objects.visible_to(self.request.user).select_related(...)
        def perform_create(self, serializer):          # through the service, with the key
            ... services.kegiatan_buat(..., kunci_sekali=self.kunci_sekali())

* **Errors** (``penangan_galat``): every error body is ``{"galat": {"kode": "...", "pesan": "...",
  "rincian": {field: [messages]}}}`` with Indonesian messages. A Django ``ValidationError`` (a
  service's refusal, a refused status move) is a 400, ``PermissionDenied`` a 403 with the
  predicate's message, ``Http404`` a 404 (out of scope is a 404, as on the site), a refused
  status move (``PindahDitolak``) a 409 with the flow's message (its ``kode``: ``tidak_sah`` or
  ``sudah_berubah``).
* **Pagination**: a cursor (``?cursor=``) over ``-diubah`` by default, ``page_size`` up to 200.
* **Sync**: ``?updated_since=<ISO 8601>`` on every list (``field_diubah``, default ``diubah``).
* **One-time keys**: ``Idempotency-Key: <uuid>`` on a POST is passed to the service as its
  ``kunci_sekali``; a repeat (``SudahTersimpan``) answers the first record with 200 and
  ``Idempotent-Replayed: true``.
* **Versions**: a record's ``ETag`` is its ``diubah``; a PUT/PATCH/POST on a record with an
  ``If-Match`` that is not the current one answers 412 with the current record (``terkini``).
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from rest_framework import exceptions, filters, renderers, status
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle
from rest_framework.views import exception_handler

from ..inti.alamat import alamat_klien
from ..inti.alur import PindahDitolak
from ..inti.sekali import SudahTersimpan
from ..scope import cakupan_pengguna

HEADER_KUNCI = "Idempotency-Key"


# ----------------------------------------------------------------------------- downloads


class BerkasRenderer(renderers.BaseRenderer):
    """A download's renderer: any ``Accept`` (or ``?format=berkas``) reaches the view, whose file
    (a Django ``FileResponse``, never rendered) answers with its own type. An error on the way is
    the one JSON error body, labelled ``application/json`` rather than the ``*/*`` it was
    negotiated as."""

    media_type = "*/*"
    format = "berkas"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        respons = (renderer_context or {}).get("response")
        if respons is not None:
            respons["Content-Type"] = "application/json"
        return renderers.JSONRenderer().render(data, "application/json", renderer_context)


#: ``renderer_classes`` of a download action
RENDERER_BERKAS = [renderers.JSONRenderer, BerkasRenderer]


# ----------------------------------------------------------------------------- errors


class VersiUsang(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _l(
        "Data ini sudah diubah orang lain sejak Anda membukanya. Lihat versi terkini lalu ulangi."
    )
    default_code = "versi_usang"

    def __init__(self, terkini=None, etag: str = ""):
        super().__init__()
        self.terkini = terkini
        self.etag = etag


def _rincian(detail) -> dict:
    if isinstance(detail, dict):
        return {
            str(k): [str(x) for x in (v if isinstance(v, list) else [v])] for k, v in detail.items()
        }
    if isinstance(detail, list):
        return {"non_field_errors": [str(x) for x in detail]}
    return {}


def _pesan(detail) -> str:
    if isinstance(detail, dict):
        for v in detail.values():
            return _pesan(v)
    if isinstance(detail, list):
        return _pesan(detail[0]) if detail else ""
    return str(detail)


def bentuk_galat(kode: str, pesan: str, rincian: dict | None = None, **lain) -> dict:
    return {"galat": {"kode": kode, "pesan": pesan, "rincian": rincian or {}, **lain}}


class Bentrok(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _l("Perubahan status ditolak.")
    default_code = "status_ditolak"


def penangan_galat(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: every error in one shape."""
    if isinstance(exc, PindahDitolak):  # a refused status move: 409 with the flow's message
        exc = Bentrok(" ".join(exc.messages), code=exc.code or "status_ditolak")
    elif isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail = {k: [m for e in v for m in e.messages] for k, v in exc.error_dict.items()}
            detail = {("non_field_errors" if k == "__all__" else k): v for k, v in detail.items()}
        else:
            detail = list(exc.messages)
        exc = exceptions.ValidationError(detail, code=getattr(exc, "code", None) or "tidak_sah")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Data tidak ditemukan (atau di luar wilayah Anda)."))
    respons = exception_handler(exc, context)
    if respons is None:
        return None
    detail = getattr(exc, "detail", respons.data)
    if isinstance(exc, exceptions.ValidationError):
        kode = "tidak_sah"
        rincian = _rincian(detail)
        pesan = _("Data belum benar: %(p)s") % {"p": _pesan(detail)} if rincian else _pesan(detail)
    else:
        kode = getattr(exc, "default_code", "galat")
        if isinstance(detail, exceptions.ErrorDetail) and detail.code:
            kode = detail.code
        rincian = {}
        pesan = _pesan(detail)
    lain = {}
    if isinstance(exc, VersiUsang):
        lain["terkini"] = exc.terkini
        if exc.etag:
            respons["ETag"] = exc.etag
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        pesan = _("Terlalu banyak permintaan. Coba lagi dalam %(n)d detik.") % {"n": exc.wait}
    respons.data = bentuk_galat(str(kode), pesan, rincian, **lain)
    return respons


# ----------------------------------------------------------------------------- pagination


class KursorDiubah(CursorPagination):
    """Newest change first; a device syncing asks ``?ordering=diubah`` with ``updated_since``."""

    ordering = "-diubah"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_cursor_message = _l("Kursor halaman tidak sah.")

    def decode_cursor(self, request):
        # a cursor that is not one of ours is a bad request (400 in the error shape), not a 404
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound:
            raise exceptions.ValidationError(
                {self.cursor_query_param: [self.invalid_cursor_message]}
            )

    def get_ordering(self, request, queryset, view):
        f = getattr(view, "field_diubah", "diubah")
        nilai = request.query_params.get("ordering", "")
        if nilai == f:
            return (f, "pk")
        urutan = getattr(view, "urutan_kursor", None)
        if urutan and nilai != f"-{f}":
            return (urutan,) if isinstance(urutan, str) else tuple(urutan)
        return (f"-{f}", "-pk")

    def get_schema_operation_parameters(self, view):
        p = super().get_schema_operation_parameters(view)
        f = getattr(view, "field_diubah", "diubah")
        p.append(
            {
                "name": "ordering",
                "required": False,
                "in": "query",
                "description": _l(
                    "Urutan: terbaru diubah dulu (bawaan) atau terlama (untuk sinkron)."
                ),
                "schema": {"type": "string", "enum": [f, f"-{f}"]},
            }
        )
        return p


# ----------------------------------------------------------------------------- sync filter


def waktu_iso(nilai: str) -> datetime.datetime:
    """An ISO 8601 time (a date alone is its midnight in the current zone); ``ValidationError``
    with a message when it is not one."""
    nilai = (nilai or "").strip()
    try:
        w = parse_datetime(nilai)
        if w is None:
            d = parse_date(nilai)
            if d is not None:
                w = datetime.datetime.combine(d, datetime.time.min)
    except (ValueError, OverflowError):
        w = None
    if (
        w is not None
        and w.utcoffset() is not None
        and abs(w.utcoffset()) > datetime.timedelta(hours=14)
    ):
        w = None  # no zone is more than 14 hours from UTC (and the database refuses it)
    if w is None or not (1900 <= w.year <= 9998):
        raise exceptions.ValidationError(
            {"updated_since": [_("Waktu harus ISO 8601, mis. 2026-03-01T08:00:00+07:00.")]}
        )
    if timezone.is_naive(w):
        w = timezone.make_aware(w)
    return w


class DiubahSejakFilter(filters.BaseFilterBackend):
    """``?updated_since=`` — rows changed at or after that time (a device's incremental sync)."""

    def filter_queryset(self, request, queryset, view):
        nilai = request.query_params.get("updated_since")
        if not nilai or getattr(view, "action", None) != "list":
            return queryset
        f = getattr(view, "field_diubah", "diubah")
        return queryset.filter(**{f"{f}__gte": waktu_iso(nilai)})

    def get_schema_operation_parameters(self, view):
        if getattr(view, "action", "list") != "list":
            return []
        return [
            {
                "name": "updated_since",
                "required": False,
                "in": "query",
                "description": str(
                    _l("Hanya yang berubah sejak waktu ini (ISO 8601), untuk sinkron.")
                ),
                "schema": {"type": "string", "format": "date-time"},
            }
        ]


# ----------------------------------------------------------------------------- throttles


class _AlamatKlien:
    """The client's address from the one helper (``inti.alamat``): DRF's own ``get_ident`` trusts
    any X-Forwarded-For when ``NUM_PROXIES`` is unset, so a client could pick its own bucket."""

    def get_ident(self, request):
        return alamat_klien(request)


class PenggunaThrottle(_AlamatKlien, UserRateThrottle):
    """Per user (per address for an anonymous request)."""


class AnonimThrottle(_AlamatKlien, AnonRateThrottle):
    """Anonymous requests, per address."""


class AlamatThrottle(_AlamatKlien, SimpleRateThrottle):
    """Per address, for every request (signed in or not): one phone with a stolen token or a
    script behind one address is held back too."""

    scope = "alamat"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


THROTTLE_BAWAAN = [PenggunaThrottle, AnonimThrottle, AlamatThrottle]


# ----------------------------------------------------------------------------- versions


def versi(obj, field: str = "diubah") -> str:
    """The ``ETag`` of ``obj``: its last change, to the microsecond."""
    w = getattr(obj, field, None)
    if w is None:
        return ""
    return f'"{obj.pk}-{int(w.timestamp() * 1_000_000)}"'


# ----------------------------------------------------------------------------- the base viewset


class ApiViewSet:
    """Mixin put first in an app's viewset bases (see the module docstring)."""

    field_diubah = "diubah"
    urutan_kursor = None  # another cursor ordering (a field that changes on edit)
    # the serializer of the answer when a write takes another one (``serializer_tulis``)
    serializer_tulis = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        user = request.user
        if user is not None and user.is_authenticated:
            timezone.activate(cakupan_pengguna(user).zona_waktu)

    def finalize_response(self, request, response, *args, **kwargs):
        respons = super().finalize_response(request, response, *args, **kwargs)
        timezone.deactivate()
        return respons

    # the write serializer (input) and the read one (answer)
    def get_serializer_class(self):
        if self.serializer_tulis and self.action in {"create", "update", "partial_update"}:
            return self.serializer_tulis
        return super().get_serializer_class()

    def jawab(self, obj, status_kode=status.HTTP_200_OK, **header):
        """The read shape of ``obj`` (fetched again through the scope) with its ETag."""
        segar = self.get_queryset().filter(pk=obj.pk).first()
        if segar is None:
            raise Http404
        data = self.serializer_class(segar, context=self.get_serializer_context()).data
        h = {"ETag": versi(segar, self.field_diubah), **header}
        return Response(data, status=status_kode, headers={k: v for k, v in h.items() if v})

    # Idempotency-Key
    def kunci_sekali(self) -> uuid.UUID | None:
        nilai = self.request.headers.get(HEADER_KUNCI, "").strip()
        if not nilai:
            return None
        try:
            return uuid.UUID(nilai)
        except ValueError:
            raise exceptions.ValidationError(
                {HEADER_KUNCI: [_("Idempotency-Key harus sebuah UUID.")]}
            ) from None

    def handle_exception(self, exc):
        if isinstance(exc, SudahTersimpan):
            try:
                return self.jawab(exc.obj, **{"Idempotent-Replayed": "true"})
            except Http404 as e:
                exc = e
        return super().handle_exception(exc)

    # ETag / If-Match
    def periksa_versi(self, obj) -> None:
        """Raise ``VersiUsang`` (412) when the request's ``If-Match`` is not ``obj``'s version."""
        diminta = self.request.headers.get("If-Match", "").strip()
        if not diminta or diminta == "*":
            return
        kini = versi(obj, self.field_diubah)
        pilihan = {v.strip().removeprefix("W/") for v in diminta.split(",")}
        if kini not in pilihan:
            data = self.serializer_class(obj, context=self.get_serializer_context()).data
            raise VersiUsang(terkini=data, etag=kini)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        etag = versi(obj, self.field_diubah)
        if etag and etag in {
            v.strip().removeprefix("W/")
            for v in request.headers.get("If-None-Match", "").split(",")
        }:
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        data = self.get_serializer(obj).data
        return Response(data, headers={"ETag": etag} if etag else None)
