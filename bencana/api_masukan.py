"""An API client's input (JSON, or form fields of a multipart upload) as the data the site's form
would get: the API binds the site's own Form class to it (``forms.LaporCepatForm``,
``DampakForm``, ``KronologiForm``, ``BuktiForm``), so every rule and message is the site's."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from pendampingan.inti.masukan import BIGINT_MAKS, ada_kendali

from .api_bentuk import angka_field
from .models import KOLOM_ISIAN, KOLOM_PER_TINGKAT, JenisKejadian, Kronologi

# a pk no type has: a code that names no type is refused by the form's own choice field
_TIDAK_ADA = "-1"


def _teks(nilai) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, (dict, list)):
        return json.dumps(nilai)  # not a value any field takes: the form says so
    return str(nilai)


def data_form(masukan, nama_field, kunci=None) -> QueryDict:
    """The form data for ``masukan`` (the request's data): the form's own fields (``nama_field``)
    only, files aside (``request.FILES``), and the request's one-time key as the form's
    ``kunci_sekali``."""
    if isinstance(masukan, QueryDict):
        ambil = {k: masukan.get(k) for k in masukan}
    elif isinstance(masukan, dict):
        ambil = masukan
    else:
        raise ValidationError(_("Isi permintaan harus berupa objek JSON."))
    q = QueryDict(mutable=True)
    for nama in nama_field:
        if nama != "kunci_sekali" and nama in ambil and not hasattr(ambil[nama], "read"):
            q[nama] = _teks(ambil[nama])
    if kunci is not None:
        q["kunci_sekali"] = str(kunci)
    return q


def jenis_ke_pk(q: QueryDict) -> QueryDict:
    """The quick report's ``jenis`` is a type's code for a client (``101`` banjir); the site's
    form takes the type's id."""
    if "jenis" in q:
        kode = q["jenis"].strip()[:5]
        pk = None
        if kode and not ada_kendali(kode):  # a NUL never reaches the query (PostgreSQL refuses it)
            pk = JenisKejadian.objects.filter(kode=kode).values_list("pk", flat=True).first()
        q["jenis"] = str(pk or _TIDAK_ADA)
    return q


def galat_form(form) -> dict[str, list[str]]:
    """A bound form's errors under the API's names (``__all__`` → ``non_field_errors``)."""
    return {
        ("non_field_errors" if k == "__all__" else k): [str(m) for m in v]
        for k, v in form.errors.items()
    }


def sah(form) -> dict:
    """The form's cleaned data, or a 400 with its messages."""
    if not form.is_valid():
        raise serializers.ValidationError(galat_form(form))
    return form.cleaned_data


def entri_dikoreksi(kejadian, masukan) -> Kronologi | None:
    """The entry a correction points at (``mengoreksi``: an id of this incident's chronology), as
    the site's correction page reads it; anything else is a 400."""
    nilai = masukan.get("mengoreksi") if hasattr(masukan, "get") else None
    if nilai in (None, ""):
        return None
    teks = _teks(nilai).strip()
    entri = None
    if teks.isascii() and teks.isdigit() and int(teks) <= BIGINT_MAKS:
        entri = Kronologi.objects.filter(kejadian=kejadian, pk=int(teks)).first()
    if entri is None:
        raise serializers.ValidationError(
            {"mengoreksi": [_("Entri kronologi yang dikoreksi tidak ada pada kejadian ini.")]}
        )
    return entri


# ----------------------------------------------------------------------------- input (schema)


class LaporMasukanSerializer(serializers.Serializer):
    """The quick report (the site's ``LaporCepatForm``)."""

    jenis = serializers.CharField(
        max_length=5, help_text=gettext_lazy("Kode jenis kejadian, mis. 101.")
    )
    waktu = serializers.DateTimeField(help_text=gettext_lazy("Kapan terjadi (ISO 8601)."))
    desa = serializers.CharField(max_length=13, help_text=gettext_lazy("Kode desa tugas Anda."))
    ringkasan = serializers.CharField(max_length=250)
    lintang = serializers.DecimalField(max_digits=9, decimal_places=6, required=False)
    bujur = serializers.DecimalField(max_digits=9, decimal_places=6, required=False)


class LaporUnggahSerializer(LaporMasukanSerializer):
    foto = serializers.FileField(required=False, help_text=gettext_lazy("Foto (JPEG, PNG, WebP)."))


class KronologiMasukanSerializer(serializers.Serializer):
    """A chronology entry (the site's ``KronologiForm``); ``mengoreksi``: the id of the entry of
    this incident it corrects."""

    waktu = serializers.DateTimeField()
    isi = serializers.CharField()
    mengoreksi = serializers.IntegerField(required=False, min_value=1)


DampakMasukanSerializer = type(
    "DampakMasukanSerializer",
    (serializers.Serializer,),
    {
        "__doc__": "An impact snapshot of one affected desa (the site's ``DampakForm``).",
        "desa": serializers.CharField(
            max_length=13, help_text=gettext_lazy("Kode desa terdampak.")
        ),
        "waktu": serializers.DateTimeField(help_text=gettext_lazy("Keadaan per (ISO 8601).")),
        **{k: angka_field(k, required=False, min_value=0) for k, _l, _g in KOLOM_ISIAN},
        **{
            k: angka_field(
                k,
                required=False,
                min_value=0,
                help_text=gettext_lazy(
                    "Jumlah tanpa rincian tingkat (klien lama); bila tingkat dikirim, jumlah "
                    "dihitung dari rusak berat + sedang + ringan."
                ),
            )
            for k in KOLOM_PER_TINGKAT
        },
        "sumber": serializers.CharField(max_length=150, required=False),
        "catatan": serializers.CharField(required=False),
    },
)


class BuktiUnggahSerializer(serializers.Serializer):
    berkas = serializers.FileField(
        help_text=gettext_lazy("JPEG, PNG, WebP, PDF, DOCX, XLSX atau ODT.")
    )
    keterangan = serializers.CharField(max_length=250, required=False)
