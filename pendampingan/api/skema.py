"""The OpenAPI side of the base: every API operation documents the one error body (``Galat``) for
the error statuses the base answers, the 200 of a replayed create (``Idempotency-Key``) and the
304 of a read with ``If-None-Match`` — so a client (and schemathesis) can check every answer
against the schema. It is ``DEFAULT_SCHEMA_CLASS`` (config/settings/api.py); an app's ``@extend_schema`` adds to
or overrides these."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


class IsiGalatSerializer(serializers.Serializer):
    kode = serializers.CharField(help_text=_("Kode mesin, mis. tidak_sah, versi_usang."))
    pesan = serializers.CharField(help_text=_("Pesan untuk orang, dalam bahasa Indonesia."))
    rincian = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Pesan per field (400)."),
    )
    terkini = serializers.JSONField(
        required=False, help_text=_("Versi terkini data (412, If-Match usang).")
    )


class GalatSerializer(serializers.Serializer):
    galat = IsiGalatSerializer()


KODE_GALAT = {
    "400": _("Masukan tidak sah."),
    "401": _("Belum masuk: token tidak ada, salah atau dicabut."),
    "403": _("Tidak diizinkan."),
    "404": _("Tidak ditemukan (atau di luar wilayah Anda)."),
    "405": _("Metode tidak diizinkan."),
    "406": _("Format jawaban yang diminta tidak tersedia."),
    "409": _("Perubahan status ditolak."),
    "412": _("If-Match usang: data sudah diubah; versi terkini di galat.terkini."),
    "415": _("Jenis isi permintaan tidak didukung."),
    "429": _("Terlalu banyak permintaan."),
}


class SkemaApi(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        jawaban = super()._get_response_bodies(direction)
        if direction != "response":
            return jawaban
        galat = {
            "application/json": {"schema": self.resolve_serializer(GalatSerializer, direction).ref}
        }
        for kode, ket in KODE_GALAT.items():
            jawaban.setdefault(kode, {"description": str(ket), "content": galat})
        if self._is_create_operation() and "201" in jawaban:
            jawaban.setdefault(
                "200",
                {
                    **jawaban["201"],
                    "description": str(
                        _(
                            "Idempotency-Key yang sama dikirim ulang: data pertama (Idempotent-Replayed)."
                        )
                    ),
                },
            )
        if self.method == "GET" and getattr(self.view, "action", None) == "retrieve":
            jawaban.setdefault("304", {"description": str(_("Tidak berubah (If-None-Match)."))})
        return jawaban
