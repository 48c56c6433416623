"""Every write of the outbox. ``notifikasi_kirim`` is the one door other apps use to send.

A message's status changes only through ``inti.alur.pindah_status`` along ``Pesan.alur`` (the
worker's claim in ``pengiriman`` keeps its own locking query but checks the same map and writes the
same event rows).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import PindahDitolak, kunci_baris, pindah_status
from pendampingan.wilayah_kode import kode_valid, tingkat_dari_kode

from .akses import boleh_kelola_pesan
from .models import (
    JenisPenerima,
    PenerimaKementerian,
    Pesan,
    Saluran,
    StatusPesan,
)
from .selectors import kunci_lonceng

log = logging.getLogger(__name__)

PANJANG_KUNCI = 255


def _kunci_penerima(kunci: str, saluran: str, penerima: str) -> str:
    """``f"{kunci}:{saluran}:{penerima}"``, shortened with a hash when it would not fit."""
    k = f"{kunci}:{saluran}:{penerima}"
    if len(k) <= PANJANG_KUNCI:
        return k
    h = hashlib.sha256(k.encode()).hexdigest()[:32]
    return f"{k[: PANJANG_KUNCI - 33]}~{h}"


def _pengguna(u):
    """Accept a User or anything with a ``.user`` (a Pendamping)."""
    User = get_user_model()
    return u if isinstance(u, User) else u.user


def _tautan_objek(objek) -> str:
    """The record's page on this site (relative), or "" when it has none."""
    fn = getattr(objek, "get_absolute_url", None)
    if objek is None or not fn:
        return ""
    try:
        return fn()
    except Exception:  # a record without a page: the message still goes out
        return ""


@transaction.atomic
def notifikasi_kirim(
    *,
    peristiwa: str,
    objek,
    wilayah_kode: str,
    subjek: str,
    isi: str,
    payload: dict,
    kunci: str,
    pengguna: Iterable = (),
    email_pengguna: bool = True,
    kementerian: bool = False,
    alamat_email: Iterable[str] = (),
) -> list[Pesan]:
    """Write the outbox rows of one event in the caller's transaction; deliver them after commit.

    - each user in ``pengguna`` gets an in-app message (delivered by the commit itself) and, when
      ``email_pengguna`` and the user has an address, an email;
    - ``kementerian=True`` adds the ministry recipients configured in admin for ``peristiwa`` at the
      level of ``wilayah_kode`` (email addresses and webhook endpoints);
    - every address in ``alamat_email`` gets a plain email (e.g. a complaint's reporter).

    Each row's idempotency key is ``f"{kunci}:{saluran}:{penerima}"`` (unique in the database), so
    calling twice with the same ``kunci`` sends nothing twice. ``payload`` is copied as it is now
    (JSON), so a retry sends what the event was, not what the record has become. Returns every
    message of this ``kunci`` for these recipients (new and already existing).
    """
    if not peristiwa or not kunci:
        raise ValidationError(_("Peristiwa dan kunci notifikasi wajib diisi."))
    if wilayah_kode and not kode_valid(wilayah_kode):
        raise ValidationError(_("Kode wilayah %(kode)s tidak valid.") % {"kode": wilayah_kode})
    snapshot = json.loads(json.dumps(payload or {}, cls=DjangoJSONEncoder))
    ct = ContentType.objects.get_for_model(objek) if objek is not None else None
    object_id = str(objek.pk) if objek is not None else ""
    tautan = _tautan_objek(objek)
    url = settings.NOTIFIKASI_SITUS_URL.rstrip("/") + tautan if tautan else ""
    isi_html = render_to_string(
        "notifikasi/email/pesan.html", {"subjek": subjek, "isi": isi, "url": url}
    )
    isi_teks = f"{isi}\n\n{url}" if url else isi
    dasar = {
        "peristiwa": peristiwa,
        "subjek": subjek[:250],
        "payload": snapshot,
        "content_type": ct,
        "object_id": object_id,
        "tautan": tautan,
        "wilayah_id": wilayah_kode or None,
    }
    baru: list[Pesan] = []
    sekarang = timezone.now()

    for u in pengguna:
        user = _pengguna(u)
        baru.append(
            Pesan(
                **dasar,
                saluran=Saluran.IN_APP,
                penerima_user=user,
                isi=isi,
                kunci=_kunci_penerima(kunci, Saluran.IN_APP, str(user.pk)),
                # in-app is delivered by the commit itself: the bell reads this row
                status=StatusPesan.TERKIRIM,
                terkirim_pada=sekarang,
            )
        )
        if email_pengguna and user.email:
            baru.append(
                Pesan(
                    **dasar,
                    saluran=Saluran.EMAIL,
                    penerima_user=user,
                    alamat=user.email,
                    isi=isi_teks,
                    isi_html=isi_html,
                    kunci=_kunci_penerima(kunci, Saluran.EMAIL, user.email.lower()),
                )
            )
    for alamat in alamat_email:
        alamat = (alamat or "").strip()
        if not alamat:
            continue
        baru.append(
            Pesan(
                **dasar,
                saluran=Saluran.EMAIL,
                alamat=alamat,
                isi=isi_teks,
                isi_html=isi_html,
                kunci=_kunci_penerima(kunci, Saluran.EMAIL, alamat.lower()),
            )
        )
    if kementerian:
        tingkat = tingkat_dari_kode(wilayah_kode) if wilayah_kode else ""
        for p in PenerimaKementerian.objects.filter(aktif=True):
            if not p.cocok(peristiwa, tingkat):
                continue
            if p.jenis == JenisPenerima.EMAIL:
                baru.append(
                    Pesan(
                        **dasar,
                        saluran=Saluran.EMAIL,
                        penerima_kementerian=p,
                        alamat=p.alamat_email,
                        isi=isi_teks,
                        isi_html=isi_html,
                        kunci=_kunci_penerima(kunci, Saluran.EMAIL, p.alamat_email.lower()),
                    )
                )
            else:
                baru.append(
                    Pesan(
                        **dasar,
                        saluran=Saluran.WEBHOOK,
                        penerima_kementerian=p,
                        alamat=p.url,
                        isi=isi,
                        kunci=_kunci_penerima(kunci, Saluran.WEBHOOK, str(p.pk)),
                    )
                )

    # one row per key, even when two recipients collapse into one (the same address twice)
    unik: dict[str, Pesan] = {}
    for p in baru:
        unik.setdefault(p.kunci, p)
    ada = {p.kunci: p for p in Pesan.objects.filter(kunci__in=list(unik))}
    dibuat = Pesan.objects.bulk_create([p for k, p in unik.items() if k not in ada])
    if any(p.pk is None for p in dibuat):  # backends that return no ids from bulk_create
        dibuat = list(Pesan.objects.filter(kunci__in=[p.kunci for p in dibuat]))
    antre = [p.pk for p in dibuat if p.status == StatusPesan.ANTRE]
    if antre:
        transaction.on_commit(lambda: antrekan(antre))
    lonceng = [kunci_lonceng(p.penerima_user) for p in dibuat if p.saluran == Saluran.IN_APP]
    if lonceng:
        transaction.on_commit(lambda: cache.delete_many(lonceng))
    urut = {k: i for i, k in enumerate(unik)}
    return sorted([*ada.values(), *dibuat], key=lambda p: urut[p.kunci])


def antrekan(pesan_ids: Iterable[int], *, countdown: float | None = None) -> int:
    """Hand messages to Celery (inline in the embedded default). Returns how many were queued.

    Called after commit. If the broker cannot be reached the rest are left in the outbox for the
    sweep (``pesan_sapu``): nothing is lost, and the request that caused them does not fail.
    """
    from .tasks import kirim_pesan_task

    n = 0
    for pk in pesan_ids:
        try:
            kirim_pesan_task.apply_async(
                (pk,),
                countdown=countdown,
                retry=True,
                retry_policy={
                    "max_retries": 1,
                    "interval_start": 0,
                    "interval_step": 0.5,
                    "interval_max": 0.5,
                },
            )
        except Exception:
            log.warning(
                "Pesan %s belum bisa diserahkan ke Celery (broker mati?); pesan ini dan sisanya "
                "tetap di outbox dan diantrekan ulang oleh penyapuan.",
                pk,
                exc_info=True,
            )
            break
        n += 1
    return n


@transaction.atomic
def pesan_tandai_dibaca(*, user, pesan_id: int | None = None) -> int:
    """Mark one of ``user``'s in-app messages read (or all of them when ``pesan_id`` is None).
    Returns the number of rows changed; someone else's message is never touched."""
    qs = Pesan.objects.untuk_pengguna(user).belum_dibaca()
    if pesan_id is not None:
        qs = qs.filter(pk=pesan_id)
    n = qs.update(dibaca_pada=timezone.now())
    if n:
        kunci = kunci_lonceng(user)
        transaction.on_commit(lambda: cache.delete(kunci))
    return n


@dataclass
class HasilTindakan:
    """What an admin's action on a set of messages did: the ids moved (or queued), and the
    refusals (``PindahDitolak`` messages, one per message that was not moved)."""

    ids: list[int] = field(default_factory=list)
    ditolak: list[str] = field(default_factory=list)


def _pindah_banyak(*, pesan_ids, ke: str, oleh, catatan: str, ubah=None) -> HasilTindakan:
    """Move each selected (not in-app) message to ``ke`` as ``oleh``, each through
    ``pindah_status`` from the status it has now (read here): a message moved by somebody else in
    between is refused with who did it, never moved twice. A message being sent (``dikirim``) is
    left to its worker."""
    hasil = HasilTindakan()
    terpilih = (
        Pesan.objects.filter(pk__in=list(pesan_ids))
        .exclude(saluran=Saluran.IN_APP)
        .order_by("pk")
        .values_list("pk", "status")
    )
    for pk, dari in terpilih:
        if dari == StatusPesan.DIKIRIM:
            hasil.ditolak.append(
                _("Pesan #%(pk)s sedang dikirim; statusnya tidak diubah.") % {"pk": pk}
            )
            continue
        try:
            ev = pindah_status(
                Pesan(pk=pk, status=dari),
                ke=ke,
                dari=dari,
                oleh=oleh,
                catatan=catatan,
                ubah=ubah,
            )
        except PindahDitolak as e:
            hasil.ditolak.append(f"#{pk}: {' '.join(e.messages)}")
            continue
        if ev is not None or ke == StatusPesan.ANTRE:  # already waiting: queued again below
            hasil.ids.append(pk)
    return hasil


@transaction.atomic
def pesan_kirim_ulang(*, pesan_ids: Iterable[int], oleh) -> HasilTindakan:
    """Put failed, cancelled or waiting messages back in the queue now ("kirim ulang sekarang" in
    admin). Delivered messages and messages being sent are left alone. ``.ids`` were queued."""
    pastikan(boleh_kelola_pesan(oleh), _("Anda tidak berhak mengirim ulang pesan."))
    hasil = _pindah_banyak(
        pesan_ids=pesan_ids,
        ke=StatusPesan.ANTRE,
        oleh=oleh,
        catatan=_("Kirim ulang sekarang (admin)."),
        ubah={"coba_lagi_pada": None},
    )
    if hasil.ids:
        ids = list(hasil.ids)
        transaction.on_commit(lambda: antrekan(ids))
    return hasil


@transaction.atomic
def pesan_batalkan(*, pesan_ids: Iterable[int], oleh, alasan: str = "") -> HasilTindakan:
    """Cancel messages that are waiting, due again or failed (an admin dealt with them otherwise):
    they are not sent and leave the "perlu perhatian" filter. ``.ids`` were cancelled."""
    pastikan(boleh_kelola_pesan(oleh), _("Anda tidak berhak membatalkan pesan."))
    return _pindah_banyak(
        pesan_ids=pesan_ids,
        ke=StatusPesan.DIBATALKAN,
        oleh=oleh,
        catatan=alasan or _("Dibatalkan oleh admin."),
        ubah={"coba_lagi_pada": None},
    )


def _klaim_basi_kembalikan(pk: int, klaim_basi) -> bool:
    """Put a stale claim (its worker died mid-send) back in the queue; False if it is no longer
    stale when locked (its worker finished, or another took it over)."""
    with transaction.atomic():
        baris = kunci_baris(Pesan(pk=pk))
        if baris.status != StatusPesan.DIKIRIM or not (
            baris.diklaim_pada and baris.diklaim_pada < klaim_basi
        ):
            return False
        pindah_status(
            baris,
            ke=StatusPesan.ANTRE,
            dari=StatusPesan.DIKIRIM,
            ubah={"token_klaim": "", "diklaim_pada": None},
            catatan=_("Klaim basi (pekerja berhenti saat mengirim?) dikembalikan ke antrean."),
        )
        return True


def pesan_sapu(*, batas: int = 500) -> list[int]:
    """Re-queue what is left behind: rows still ``antre`` after a grace period (the broker was
    down at commit time), ``gagal_sementara`` rows whose time has come, and claims older than
    the claim timeout (a worker died mid-send: put back to ``antre`` first, so the dead worker's
    result can no longer be recorded). Run periodically by beat (``sapu_pesan_task``)."""
    sekarang = timezone.now()
    tenggang = sekarang - timezone.timedelta(seconds=settings.NOTIFIKASI_ANTRE_TENGGANG_DETIK)
    klaim_basi = sekarang - timezone.timedelta(seconds=settings.NOTIFIKASI_KLAIM_BATAS_DETIK)
    baris = list(
        Pesan.objects.filter(
            Q(status=StatusPesan.ANTRE, diubah__lt=tenggang)
            | Q(status=StatusPesan.GAGAL_SEMENTARA, coba_lagi_pada__lte=sekarang)
            | Q(status=StatusPesan.DIKIRIM, diklaim_pada__lt=klaim_basi)
        )
        .order_by("dibuat")
        .values_list("pk", "status")[:batas]
    )
    ids = [
        pk
        for pk, status in baris
        if status != StatusPesan.DIKIRIM or _klaim_basi_kembalikan(pk, klaim_basi)
    ]
    if ids:
        antrekan(ids)
    return ids


def pengawas_beri_tahu_gagal(*, pesan: Pesan, galat: str) -> list[Pesan]:
    """Tell the supervisors of the message's region, in-app, that it failed for good."""
    from pendampingan.inti.akses import pengawas_wilayah

    if not pesan.wilayah_id or pesan.peristiwa == "notifikasi.gagal":
        return []
    pengawas = [p.user for p in pengawas_wilayah(kode=pesan.wilayah_id)]
    if not pengawas:
        return []
    return notifikasi_kirim(
        peristiwa="notifikasi.gagal",
        objek=pesan,
        wilayah_kode=pesan.wilayah_id,
        subjek=_("Pemberitahuan gagal terkirim: %(s)s") % {"s": pesan.subjek[:150]},
        isi=_(
            "Pesan %(saluran)s ke %(tujuan)s tidak dapat dikirim setelah %(n)s percobaan: %(galat)s"
        )
        % {
            "saluran": pesan.get_saluran_display(),
            "tujuan": pesan.penerima_label,
            "n": pesan.percobaan,
            "galat": galat,
        },
        payload={"pesan_id": pesan.pk, "peristiwa_asal": pesan.peristiwa},
        kunci=f"notifikasi.gagal:{pesan.pk}",
        pengguna=pengawas,
        email_pengguna=False,
    )
