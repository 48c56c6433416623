"""The outbox rows of a report's move: a submission goes to the nearest supervisors, an approval
or a return to the facilitator. Written in the move's transaction, only when a move happened."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..models import LaporanBulanan
from ..periode import nama_bulan
from ..selectors import pemeriksa_laporan


def kabari(*, laporan: LaporanBulanan, peristiwa: str) -> None:
    from pendampingan.notifikasi.services import notifikasi_kirim

    nama, bulan = laporan.pendamping.nama, nama_bulan(laporan.bulan)
    if peristiwa == "bulanan.diajukan":
        penerima = [p.user for p in pemeriksa_laporan(laporan=laporan)]
        subjek = _("Laporan bulanan %(n)s %(b)s menunggu pemeriksaan") % {"n": nama, "b": bulan}
        isi = _("%(n)s mengajukan laporan bulanan %(b)s. Periksa dan setujui atau kembalikan.") % {
            "n": nama,
            "b": bulan,
        }
    elif peristiwa == "bulanan.disetujui":
        penerima = [laporan.pendamping.user]
        subjek = _("Laporan bulanan %(b)s disetujui") % {"b": bulan}
        isi = _("Laporan bulanan Anda untuk %(b)s telah disetujui.") % {"b": bulan}
    else:
        penerima = [laporan.pendamping.user]
        subjek = _("Laporan bulanan %(b)s dikembalikan") % {"b": bulan}
        isi = _("Laporan bulanan Anda untuk %(b)s dikembalikan dengan catatan: %(c)s") % {
            "b": bulan,
            "c": laporan.catatan_pengawas,
        }
    if not penerima:
        return
    jumlah = laporan.peristiwa.count()
    notifikasi_kirim(
        peristiwa=peristiwa,
        objek=laporan,
        wilayah_kode=laporan.wilayah_id,
        subjek=subjek,
        isi=isi,
        payload={
            "laporan": laporan.pk,
            "bulan": laporan.bulan.isoformat(),
            "status": laporan.status,
        },
        # one message per move: the event count makes a later submission a new event
        kunci=f"bulanan:{laporan.pk}:{peristiwa}:{jumlah}",
        pengguna=penerima,
    )
