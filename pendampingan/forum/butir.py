"""The pengorganisasian steps (C1–C7) a forum record gives the daily-log entry it is.

A meeting is the step of its forum's kind (``BUTIR_JENIS_FORUM``), C2 when it is held in a
registered village facility, and the butir of the community elements its present members represent
(``UnsurMasyarakat.butir``, C3); a forum activity is the step of its kind
(``BUTIR_JENIS_AKTIVITAS``, C5–C7). Registered as a ``registry.sumber_butir``: the core keeps these
tags (otomatis) in step, and the forum services ask it to after linking an entry.
"""

from __future__ import annotations

from pendampingan.kegiatan.butir import butir_kode

from .models import (
    BUTIR_JENIS_AKTIVITAS,
    BUTIR_JENIS_FORUM,
    BUTIR_SARANA,
    AktivitasForum,
    Anggota,
    Pertemuan,
)


def butir_kegiatan(kegiatan) -> set[int]:
    """The butir ids the entry's meeting or forum activity gives it (at most four queries)."""
    kode: set[str] = set()
    ids: set[int] = set()
    pertemuan = Pertemuan.objects.filter(kegiatan=kegiatan).select_related("forum").first()
    if pertemuan is not None:
        kode.add(BUTIR_JENIS_FORUM.get(pertemuan.forum.jenis, ""))
        if pertemuan.sarana_id:
            kode.add(BUTIR_SARANA)
        ids.update(
            Anggota.objects.filter(pertemuan_dihadiri=pertemuan, unsur__butir__isnull=False)
            .values_list("unsur__butir_id", flat=True)
            .distinct()
        )
    aktivitas = AktivitasForum.objects.filter(kegiatan=kegiatan).only("jenis").first()
    if aktivitas is not None:
        kode.add(BUTIR_JENIS_AKTIVITAS.get(aktivitas.jenis, ""))
    kode.discard("")
    return ids | set(butir_kode(kode).values())
