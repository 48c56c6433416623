"""Complaints about a facilitator: who they are about and who handles them.

* ``teradu_orang`` — the facilitators holding a role (``PeranTeradu``) in a desa on a date: an
  active assignment (field or supervision) on the desa or a region above it, by jabatan;
* ``penangan_pilihan`` / ``teradu_pilihan`` — who may be assigned, who may be named as accused;
* ``penangan_di_atas`` — the handler: the nearest supervisor of the desa *above* the accused role
  (PLD → PD, PD → TAPM kabupaten, TAPM → provinsi; ``inti.akses.pengawas_terdekat``), never one of
  the accused;
* ``teradu_catat`` — record the accused (role and people) and route the complaint up: a new handler
  (an event row, a notice to them), and the in-app notices about it withdrawn from everyone who may
  no longer see it (the accused, a previous handler or supervisor below the role). Called by the intake and by
  the verification, inside their transaction.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from pendampingan.inti.akses import (
    PERINGKAT_JABATAN,
    pengawas_terdekat,
    pengawas_wilayah,
    peringkat,
)
from pendampingan.models import Pendamping, Penugasan
from pendampingan.notifikasi.services import penerima_pesan, pesan_tarik
from pendampingan.selectors import pendamping_lapangan_wilayah
from pendampingan.wilayah_kode import leluhur

from .. import pemberitahuan
from ..models import (
    JABATAN_PERAN,
    JenisPeristiwa,
    Pengaduan,
    PeranTeradu,
    Teradu,
    peringkat_peran,
    teradu_ids,
    terlihat,
)
from .dasar import peristiwa


def teradu_orang(*, kode: str, peran: str, tanggal: datetime.date | None = None) -> list:
    """The facilitators holding ``peran`` in desa ``kode`` on ``tanggal`` (one query)."""
    ids = (
        Penugasan.objects.aktif(tanggal)
        .filter(wilayah_id__in=[kode, *leluhur(kode)])
        .values("pendamping_id")
    )
    return list(
        Pendamping.objects.filter(pk__in=ids, jabatan__in=JABATAN_PERAN[peran]).select_related(
            "user"
        )
    )


def penangan_pilihan(pengaduan: Pengaduan):
    """Facilitators who may handle the complaint: field facilitators of the desa (and above) and
    its supervisors — never a facilitator complained about; for complaints about the facilitation,
    supervisors only; for one about a role, supervisors above that role only."""
    kode = pengaduan.wilayah_id
    ids = set(pengawas_wilayah(kode=kode).values_list("pk", flat=True))
    if not pengaduan.tentang_pendamping:
        ids |= set(pendamping_lapangan_wilayah(kode=kode).values_list("pk", flat=True))
    ids -= teradu_ids(pengaduan)
    qs = Pendamping.objects.filter(pk__in=ids, aktif=True)
    if pengaduan.teradu_peran:
        atas = [
            j for j in PERINGKAT_JABATAN if peringkat(j) > peringkat_peran(pengaduan.teradu_peran)
        ]
        qs = qs.filter(jabatan__in=atas)
    return qs.order_by("jabatan", "nama")


def teradu_pilihan(pengaduan: Pengaduan):
    """Facilitators a complaint about the facilitation may name: the PLD, PD and TAPM working in
    its desa."""
    kode = pengaduan.wilayah_id
    ids = set(pendamping_lapangan_wilayah(kode=kode).values_list("pk", flat=True)) | set(
        pengawas_wilayah(kode=kode).values_list("pk", flat=True)
    )
    jabatan = [j for js in JABATAN_PERAN.values() for j in js]
    return Pendamping.objects.filter(pk__in=ids, jabatan__in=jabatan).order_by("jabatan", "nama")


def penangan_di_atas(p: Pengaduan, kecuali=()) -> Pendamping | None:
    """The nearest supervisor of the desa above the accused role (the first by name when several),
    leaving out the accused; None when nobody above holds an assignment (national roles see it)."""
    calon = pengawas_terdekat(
        kode=p.wilayah_id, di_atas=JABATAN_PERAN[p.teradu_peran][0], kecuali=kecuali
    )
    return min(calon, key=lambda x: (x.nama, x.pk)) if calon else None


def teradu_catat(
    *,
    pengaduan: Pengaduan,
    peran: str,
    orang: list | None = None,
    user=None,
    tanggal: datetime.date | None = None,
    saat_terima: bool = False,
) -> Pengaduan:
    """Record that ``pengaduan`` is about the facilitator(s) in ``peran`` (``orang``, or everyone
    holding the role in its desa on ``tanggal``) and move it to the handler above them. The caller
    holds the row lock (intake: a new row; verification: ``kunci_baris``). A handler already above
    the role keeps the complaint; otherwise it goes to ``penangan_di_atas``. ``saat_terima``: at
    intake, where the notice of the new complaint (``pemberitahuan.diterima``) tells the handler
    and nobody was told anything before."""
    p = pengaduan
    if peran not in PeranTeradu.values:
        raise ValueError(peran)
    orang = (
        list(orang)
        if orang is not None
        else teradu_orang(kode=p.wilayah_id, peran=peran, tanggal=tanggal)
    )
    sebelum = p.penangan
    lama = {t.pendamping_id for t in Teradu.objects.filter(pengaduan=p)}
    Teradu.objects.bulk_create(
        [Teradu(pengaduan=p, pendamping=o) for o in orang if o.pk not in lama],
        ignore_conflicts=True,
    )
    p.__dict__.pop("_teradu_ids", None)
    semua_teradu = lama | {o.pk for o in orang}
    p.teradu_peran = peran
    p.tentang_pendamping = True
    # a handler already above the role keeps it; anyone else gives way to the one above the accused
    if (
        sebelum is not None
        and sebelum.pk not in semua_teradu
        and peringkat(sebelum.jabatan) > peringkat_peran(peran)
    ):
        penangan = sebelum
    else:
        penangan = penangan_di_atas(p, kecuali=semua_teradu)
    p.penangan = penangan
    p.save(update_fields=["teradu_peran", "tentang_pendamping", "penangan", "diubah"])
    p.__dict__["_teradu_ids"] = semua_teradu
    label = PeranTeradu(peran).label
    catatan = _("Pengaduan tentang pendamping (%(r)s): ditangani %(n)s, di atas yang diadukan.") % {
        "r": label,
        "n": penangan.nama if penangan else _("koordinator nasional"),
    }
    ev = peristiwa(p, jenis=JenisPeristiwa.PENUGASAN, user=user, catatan=catatan)
    if saat_terima:
        return p
    if penangan and (sebelum is None or sebelum.pk != penangan.pk):
        pemberitahuan.dialihkan(p, ev)
    # whoever was told before and may no longer see it (the accused, a handler or supervisor
    # below the role) loses the in-app notice too: the bell never shows it to them
    tarik = [u for u in penerima_pesan(objek=p) if not terlihat(u, p)]
    if tarik:
        pesan_tarik(objek=p, pengguna=tarik)
    return p
