"""Whether the values a valid form cleaned can be stored: the bounds of ``pendampingan/inti/masukan.py``
for every value, the model column's own limits for a model form's field, and a round trip of the
value through the database as that column's type (PostgreSQL refuses NUL in text and an integer
beyond its column; SQLite one beyond 64 bits) — "validated before it reaches the database"."""

from __future__ import annotations

import datetime
import decimal
import math

from django.db import connection, models, transaction

from pendampingan.inti import masukan

_TANGGAL_MIN = masukan.TANGGAL_LAMA_MIN
_TANGGAL_MAKS = masukan.TANGGAL_MAKS


def _kolom(form, nama):
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is None:
        return None
    try:
        f = model._meta.get_field(nama)
    except Exception:
        return None
    return f if getattr(f, "concrete", False) and not f.is_relation else None


def masalah_nilai(nama: str, nilai, kolom: models.Field | None) -> str | None:
    """Why ``nilai`` (cleaned for field ``nama``) cannot be stored, or None."""
    if isinstance(nilai, list | tuple | set | frozenset):
        for x in nilai:
            if m := masalah_nilai(nama, x, None):
                return m
        return None
    if isinstance(nilai, str):
        if masukan.ada_kendali(nilai):
            return f"{nama}: karakter kendali lolos"
        batas = getattr(kolom, "max_length", None) or (
            None if isinstance(kolom, models.TextField) else masukan.TEKS_MAKS * 2
        )
        if batas and len(nilai) > batas:
            return f"{nama}: {len(nilai)} karakter > {batas}"
    elif isinstance(nilai, bool):
        return None
    elif isinstance(nilai, int):
        rentang = masukan.RENTANG_KOLOM.get(
            kolom.get_internal_type() if kolom is not None else "", None
        ) or (masukan.BIGINT_MIN, masukan.BIGINT_MAKS)
        if not rentang[0] <= nilai <= rentang[1]:
            return f"{nama}: {nilai} di luar {rentang}"
    elif isinstance(nilai, float):
        if not math.isfinite(nilai) or abs(nilai) > 1e15:
            return f"{nama}: {nilai}"
    elif isinstance(nilai, decimal.Decimal):
        if not nilai.is_finite():
            return f"{nama}: {nilai}"
        digit = getattr(kolom, "max_digits", None) or masukan.DESIMAL_DIGIT
        if abs(nilai) >= decimal.Decimal(10) ** digit:
            return f"{nama}: {nilai} > {digit} digit"
    elif isinstance(nilai, datetime.date):
        tanggal = nilai.date() if isinstance(nilai, datetime.datetime) else nilai
        if not _TANGGAL_MIN <= tanggal <= _TANGGAL_MAKS:
            return f"{nama}: tanggal {nilai}"
    return None


def pulang_pergi(kolom: models.Field, nilai) -> None:
    """Send ``nilai`` to the database as ``kolom``'s type and back (raises what the database
    raises). On PostgreSQL a real cast; on SQLite the parameter binding (which refuses > 64 bits)."""
    if nilai is None:
        return
    jenis = kolom.db_type(connection)
    if not jenis:
        return
    siap = kolom.get_db_prep_save(nilai, connection)
    sql = "SELECT %s"
    if connection.vendor == "postgresql" and not isinstance(kolom, models.JSONField):
        sql = f"SELECT CAST(%s AS {jenis})"
    with transaction.atomic(), connection.cursor() as c:
        c.execute(sql, [siap])
        c.fetchone()


def periksa_bersih(form) -> list[str]:
    """The problems of a valid form's cleaned values (empty: every value can be stored)."""
    masalah = []
    for nama, nilai in form.cleaned_data.items():
        kolom = _kolom(form, nama)
        if m := masalah_nilai(nama, nilai, kolom):
            masalah.append(m)
        elif kolom is not None and not isinstance(nilai, models.Model):
            try:
                pulang_pergi(kolom, nilai)
            except Exception as e:  # noqa: BLE001 — what the database refused is the finding
                masalah.append(f"{nama}: basis data menolak {nilai!r}: {e!r}")
    return masalah
