"""Writing the outbox rows of an event (``notifikasi_kirim``, the one door other apps use to
send), handing them to Celery after commit (``antrekan``), and the supervisors' notice of a message
that failed for good."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.wilayah_kode import kode_valid, tingkat_dari_kode

from ..models import JenisPenerima, PenerimaKementerian, Pesan, Saluran, StatusPesan
from ..selectors import kunci_lonceng

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
        # robust: the rows are committed; a cache that cannot be reached must not make the
        # request fail (inti.cache remembers the keys and deletes them when Redis is back)
        transaction.on_commit(lambda: cache.delete_many(lonceng), robust=True)
    urut = {k: i for i, k in enumerate(unik)}
    return sorted([*ada.values(), *dibuat], key=lambda p: urut[p.kunci])


def antrekan(pesan_ids: Iterable[int], *, countdown: float | None = None) -> int:
    """Hand messages to Celery (inline in the embedded default). Returns how many were queued.

    Called after commit. If the broker cannot be reached the rest are left in the outbox for the
    sweep (``pesan_sapu``): nothing is lost, and the request that caused them does not fail.
    """
    from ..tasks import kirim_pesan_task

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
