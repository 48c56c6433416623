"""The month's plan: one row per desa and tata cara with a target and an expected output."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from pendampingan.inti.akses import pastikan
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from pendampingan.models import TataCara, Wilayah

from ..akses import boleh_ubah_rencana
from ..models import RencanaKerja
from ..periode import awal_bulan, bulan_lalu, nama_bulan
from ..selectors import desa_tugas_bulan
from ._bantu import pastikan_bulan_terbuka, pendamping_pengguna

PESAN_BUKAN_PEMILIK = _l("Hanya pendamping pemilik yang dapat mengubah rencana kerjanya.")


def _validasi_rencana(*, pendamping, bulan, wilayah, tata_cara, target_kegiatan) -> None:
    errors = {}
    if tata_cara not in TataCara.values:
        errors["tata_cara"] = _("Pilih tata cara yang tersedia.")
    if target_kegiatan is None or target_kegiatan < 1:
        errors["target_kegiatan"] = _("Target kegiatan paling sedikit 1.")
    elif target_kegiatan > 200:
        errors["target_kegiatan"] = _("Target kegiatan terlalu besar (paling banyak 200).")
    if wilayah is None:
        errors["wilayah"] = _("Pilih desa.")
    elif not desa_tugas_bulan(pendamping=pendamping, bulan=bulan).filter(pk=wilayah.pk).exists():
        errors["wilayah"] = _(
            "%(desa)s bukan desa tugas Anda pada %(bulan)s. Rencana hanya dapat dibuat untuk desa "
            "dalam penugasan Anda."
        ) % {"desa": wilayah.label_lengkap, "bulan": nama_bulan(bulan)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def rencana_simpan(
    *,
    user,
    bulan: datetime.date,
    wilayah: Wilayah | None,
    tata_cara: str,
    target_kegiatan: int,
    sasaran: str = "",
    rencana: RencanaKerja | None = None,
    kunci_sekali=None,
) -> RencanaKerja:
    """Add a plan row to the user's own month (or change ``rencana``).

    A new row stores the form's one-time key: the same form sent twice raises
    ``SudahTersimpan`` with the first row instead of refusing the second as a duplicate."""
    kunci = None if rencana is not None else kunci_dari(kunci_sekali)
    if rencana is not None:
        pastikan(boleh_ubah_rencana(user, rencana), PESAN_BUKAN_PEMILIK)
        pendamping = rencana.pendamping
    else:
        pendamping = pendamping_pengguna(user)
        ada = sudah_ada(RencanaKerja, kunci)
        if ada is not None:
            raise SudahTersimpan(ada)
    bulan = awal_bulan(bulan)
    pastikan_bulan_terbuka(pendamping=pendamping, bulan=bulan)
    _validasi_rencana(
        pendamping=pendamping,
        bulan=bulan,
        wilayah=wilayah,
        tata_cara=tata_cara,
        target_kegiatan=target_kegiatan,
    )
    sama = RencanaKerja.objects.filter(
        pendamping=pendamping, bulan=bulan, wilayah=wilayah, tata_cara=tata_cara
    )
    if rencana:
        sama = sama.exclude(pk=rencana.pk)
    ganda = sama.first()
    if ganda is not None:
        if kunci is not None and ganda.kunci_sekali == kunci:
            raise SudahTersimpan(ganda)  # this very form, saved a moment ago by its twin
        raise ValidationError(
            {"tata_cara": _("Rencana untuk desa dan tata cara ini sudah ada pada bulan tersebut.")}
        )
    isi = {
        "wilayah": wilayah,
        "tata_cara": tata_cara,
        "target_kegiatan": target_kegiatan,
        "sasaran": (sasaran or "").strip(),
    }
    if rencana is not None:
        for k, v in isi.items():
            setattr(rencana, k, v)
        rencana.save()
        return rencana
    r, dibuat = buat_sekali(
        RencanaKerja,
        kunci,
        lambda: RencanaKerja.objects.create(
            pendamping=pendamping, bulan=bulan, kunci_sekali=kunci, **isi
        ),
    )
    if not dibuat:
        raise SudahTersimpan(r)
    return r


@transaction.atomic
def rencana_hapus(*, user, rencana: RencanaKerja) -> None:
    pastikan(boleh_ubah_rencana(user, rencana), PESAN_BUKAN_PEMILIK)
    pastikan_bulan_terbuka(pendamping=rencana.pendamping, bulan=rencana.bulan)
    rencana.delete()


@transaction.atomic
def rencana_salin_bulan_lalu(*, user, bulan: datetime.date) -> tuple[int, int]:
    """Copy last month's plan into ``bulan`` (rows already there are kept; desa no longer in the
    assignment are skipped). Returns (copied, skipped). Sending it twice copies nothing more."""
    pendamping = pendamping_pengguna(user)
    bulan = awal_bulan(bulan)
    pastikan_bulan_terbuka(pendamping=pendamping, bulan=bulan)
    sumber = list(RencanaKerja.objects.filter(pendamping=pendamping, bulan=bulan_lalu(bulan)))
    if not sumber:
        raise ValidationError(
            _("Tidak ada rencana kerja pada %(bulan)s untuk disalin.")
            % {"bulan": nama_bulan(bulan_lalu(bulan))}
        )
    boleh = set(desa_tugas_bulan(pendamping=pendamping, bulan=bulan).values_list("kode", flat=True))
    ada = set(
        RencanaKerja.objects.filter(pendamping=pendamping, bulan=bulan).values_list(
            "wilayah_id", "tata_cara"
        )
    )
    baru = [
        RencanaKerja(
            pendamping=pendamping,
            bulan=bulan,
            wilayah_id=r.wilayah_id,
            tata_cara=r.tata_cara,
            target_kegiatan=r.target_kegiatan,
            sasaran=r.sasaran,
        )
        for r in sumber
        if r.wilayah_id in boleh and (r.wilayah_id, r.tata_cara) not in ada
    ]
    for r in baru:  # save() one by one so simple-history records each row
        r.save()
    return len(baru), len(sumber) - len(baru)
