"""The chronology report as PDF, built by the platform's download pipeline (``inti.unduhan``) with
the one PDF helper (``inti.dokumen.pdf_dari_template``). Registered in ``hooks`` as
``bencana.kronologi``; the view only queues it."""

from __future__ import annotations

from django.utils import timezone

from pendampingan.inti.dokumen import pdf_dari_template
from pendampingan.inti.unduhan import HasilBerkas
from pendampingan.scope import cakupan_pengguna

JENIS_UNDUHAN = "bencana.kronologi"


def kronologi_pdf(unduhan) -> HasilBerkas:
    """Build the chronology report of ``unduhan.parameter["kejadian_id"]`` as its owner: an incident
    no longer in the owner's scope is not built (the failure is recorded on the download)."""
    from . import selectors

    user = unduhan.pengguna
    k = selectors.kejadian_detail_qs(user=user).get(pk=unduhan.parameter["kejadian_id"])
    with timezone.override(cakupan_pengguna(user).zona_waktu):
        konteks = selectors.laporan_konteks(kejadian=k, user=user)
        isi = pdf_dari_template("bencana/laporan_cetak.html", {**konteks, "pdf": True})
    return HasilBerkas(
        nama=f"kronologi-{k.kode}.pdf",
        isi=isi,
        mime="application/pdf",
        jumlah=len(konteks["kronologi"]),
    )
