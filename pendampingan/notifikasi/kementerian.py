"""Is the ministry told of disasters? The admin's warning, and the recipient seeded from settings.

Opening a disaster or KLB incident notifies the ministry recipients (``PenerimaKementerian``) whose
event patterns take ``bencana.*``. A fresh install has none, so a report would reach nobody at the
ministry without anyone noticing. Two remedies:

* ``ada_penerima_bencana()`` — whether at least one *active* recipient takes ``bencana.*`` events.
  The context processor ``peringatan`` shows a banner on every page to those who can fix it (a
  superuser, or a user who may add or change recipients) until one exists. The answer is kept in
  this process for ``TTL_DETIK`` and dropped whenever a recipient is saved or deleted here, so a
  page costs at most one small indexed query, none most of the time — and never Redis, which may
  be down (``inti.cache``).
* ``penerima_kementerian_semai()`` — after ``migrate``, the recipient named by the environment
  (``PENERIMA_KEMENTERIAN_EMAIL`` and/or ``PENERIMA_KEMENTERIAN_WEBHOOK``) is created once; a rerun
  finds it and changes nothing, also when an admin has since edited or deactivated it.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import JenisPenerima, PenerimaKementerian

logger = logging.getLogger(__name__)

AWALAN_BENCANA = "bencana."
POLA_SEMAI = "bencana.*"
TTL_DETIK = 60
IZIN_KELOLA = ("notifikasi.add_penerimakementerian", "notifikasi.change_penerimakementerian")

_ingat: dict[str, tuple[float, bool]] = {}


def menerima_bencana(pola: list[str]) -> bool:
    """Do the event patterns of a recipient (one per line; none = every event) take some
    ``bencana.*`` event?"""
    if not pola:
        return True
    for p in pola:
        if p.endswith("*"):
            awal = p[:-1]
            if AWALAN_BENCANA.startswith(awal) or awal.startswith(AWALAN_BENCANA):
                return True
        elif p.startswith(AWALAN_BENCANA):
            return True
    return False


def ada_penerima_bencana(*, segar: bool = False) -> bool:
    """At least one active ministry recipient takes ``bencana.*`` events (one query at most per
    ``TTL_DETIK`` in this process)."""
    kini = time.monotonic()
    ingat = _ingat.get("ada")
    if not segar and ingat is not None and kini - ingat[0] < TTL_DETIK:
        return ingat[1]
    pola_semua = PenerimaKementerian.objects.filter(aktif=True).values_list("peristiwa", flat=True)
    ada = any(
        menerima_bencana([p.strip() for p in teks.splitlines() if p.strip()]) for teks in pola_semua
    )
    _ingat["ada"] = (kini, ada)
    return ada


def lupakan(**kwargs) -> None:
    """Drop the remembered answer (a recipient was saved or deleted); connected in ``hooks``."""
    _ingat.pop("ada", None)


def boleh_kelola_penerima(user) -> bool:
    """May ``user`` add or change ministry recipients (and so should be warned)?"""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or any(user.has_perm(i) for i in IZIN_KELOLA)


def peringatan(request) -> dict:
    """Context processor: ``peringatan_penerima_kementerian`` is true for a user who can add a
    recipient while none takes disaster events. Evaluated only when a template reads it, and only
    then for such a user."""
    user = getattr(request, "user", None)

    def perlu() -> bool:
        return boleh_kelola_penerima(user) and not ada_penerima_bencana()

    return {"peringatan_penerima_kementerian": perlu}


@transaction.atomic
def penerima_kementerian_semai() -> list[PenerimaKementerian]:
    """Create the recipients named by ``PENERIMA_KEMENTERIAN_EMAIL`` / ``_WEBHOOK`` unless a
    recipient with that address already exists (idempotent). Returns the ones created.
    A malformed value stops ``migrate`` with a message naming the setting."""
    nama = settings.PENERIMA_KEMENTERIAN_NAMA
    dibuat = []
    calon = [
        ("PENERIMA_KEMENTERIAN_EMAIL", JenisPenerima.EMAIL, "alamat_email"),
        ("PENERIMA_KEMENTERIAN_WEBHOOK", JenisPenerima.WEBHOOK, "url"),
    ]
    for setelan, jenis, kolom in calon:
        alamat = (getattr(settings, setelan, "") or "").strip()
        if not alamat:
            continue
        if PenerimaKementerian.objects.filter(jenis=jenis, **{kolom: alamat}).exists():
            continue
        r = PenerimaKementerian(nama=nama, jenis=jenis, peristiwa=POLA_SEMAI, **{kolom: alamat})
        if jenis == JenisPenerima.WEBHOOK:
            r.rahasia = settings.PENERIMA_KEMENTERIAN_RAHASIA
        try:
            r.full_clean()
        except ValidationError as e:
            raise ImproperlyConfigured(
                _("%(s)s tidak sah (%(v)s): %(e)s")
                % {"s": setelan, "v": alamat, "e": "; ".join(e.messages)}
            ) from e
        r.save()
        logger.info("Penerima kementerian %s dibuat dari %s.", r.tujuan, setelan)
        dibuat.append(r)
    if dibuat:
        transaction.on_commit(lupakan)
    return dibuat


def semai_setelah_migrasi(sender, **kwargs) -> None:
    penerima_kementerian_semai()
