"""The audit trail of access to protected data: one ``JejakAkses`` row each time a user is shown
a complaint's protected reporter identity (``akses.identitas_terlindung``: an anonim complaint's,
or any complaint's about a facilitator) or opens a rahasia complaint."""

from __future__ import annotations

from django.db import transaction

from ..models import JejakAkses, Pengaduan


@transaction.atomic
def jejak_catat(
    *, pengaduan: Pengaduan, user, alamat: str | None, pintu: str, identitas: bool, rahasia: bool
) -> JejakAkses | None:
    """Write one audit row for this opening (None when nothing protected was shown)."""
    if not (identitas or rahasia) or not getattr(user, "is_authenticated", False):
        return None
    return JejakAkses.objects.create(
        pengaduan=pengaduan,
        pengguna=user,
        alamat=alamat or None,
        pintu=pintu,
        identitas=identitas,
        rahasia=rahasia,
    )
