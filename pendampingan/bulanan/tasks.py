"""Background work of the monthly report: a whole area's reports as one ZIP."""

from __future__ import annotations

import logging

from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import LaporanBulanan, StatusUnduhan, Unduhan
from .services import unduhan_kabari_siap

log = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, time_limit=1800, soft_time_limit=1700)
def unduhan_zip_buat_task(self, unduhan_id: int) -> str:
    """Build the ZIP of ``Unduhan`` ``unduhan_id``. Safe to run twice: a row already built (or
    being built by another worker) is left alone."""
    from . import dokumen
    from .selectors import rekap_bulanan

    with transaction.atomic():
        u = Unduhan.objects.select_for_update().filter(pk=unduhan_id).first()
        if u is None or u.status != StatusUnduhan.ANTRE:
            return u.status if u else "hilang"
        u.status = StatusUnduhan.PROSES
        u.save(update_fields=["status"])
    try:
        user = get_user_model().objects.get(pk=u.user_id)
        rekap = rekap_bulanan(user=user, wilayah=u.wilayah, bulan=u.bulan)
        ids = [b.laporan_id for b in rekap.baris if b.laporan_id]
        laporan = list(
            LaporanBulanan.objects.visible_to(user)
            .filter(pk__in=ids)
            .select_related("pendamping", "wilayah", "disetujui_oleh")
            .order_by("wilayah_id", "pendamping__nama")
        )
        isi = dokumen.zip_laporan(laporan_list=laporan, rekap=rekap, user=user)
    except Exception as e:  # the row must say it failed; the error goes to the log
        log.exception("Unduhan %s gagal", unduhan_id)
        Unduhan.objects.filter(pk=unduhan_id).update(
            status=StatusUnduhan.GAGAL,
            pesan=_("Gagal membuat berkas: %(e)s") % {"e": type(e).__name__},
            selesai=timezone.now(),
        )
        return StatusUnduhan.GAGAL
    with transaction.atomic():
        u = Unduhan.objects.select_for_update().get(pk=unduhan_id)
        u.berkas.save(f"laporan-{u.wilayah_id}-{u.bulan:%Y-%m}.zip", ContentFile(isi), save=False)
        u.ukuran = len(isi)
        u.jumlah_laporan = len(laporan)
        u.status = StatusUnduhan.SIAP
        u.selesai = timezone.now()
        u.pesan = _("%(n)d laporan dalam satu berkas ZIP.") % {"n": len(laporan)}
        u.save(update_fields=["berkas", "ukuran", "jumlah_laporan", "status", "selesai", "pesan"])
        unduhan_kabari_siap(unduhan=u)
    return StatusUnduhan.SIAP
