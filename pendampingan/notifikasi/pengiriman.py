"""Delivery of one outbox row: claim it, send it over its channel, record the result.

The claim makes sending safe to run twice: a row is taken only if the map (``Pesan.alur``) lets its
status move to ``dikirim`` and it is due (``antre``, a ``gagal_sementara`` whose time has come, or a
``dikirim`` claim whose lease ran out — the worker that held it stopped renewing it, ``sewa.py``).
The claim keeps its own locking query for throughput: the row is read under ``select_for_update``
(``skip_locked`` where the database has it: a second worker skips it rather than waits) and taken by
a compare-and-set UPDATE on (status, claim token, and for a ``dikirim`` row its expired lease),
which also holds on SQLite where row locks do not exist; it sets a fresh lease and writes the same
``PeristiwaPesan`` row as ``pindah_status`` does. The network call happens after that transaction
commits, so no lock is held while waiting on a receiver; meanwhile the worker renews its lease
(``sewa.kirim_bersewa``) and stops at once if the claim was taken from it. The result is then
recorded through ``pindah_status`` (``dikirim`` → ``terkirim`` | ``gagal_sementara`` | ``gagal``,
the lease cleared), only if the claim is still ours.

Errors are sorted into transient (connection refused, timeouts, HTTP 5xx/408/425/429, SMTP 4xx,
a dropped SMTP connection) — retried with exponential backoff up to ``NOTIFIKASI_PERCOBAAN_MAKS``
attempts — and permanent (other HTTP 4xx, an invalid address, SMTP 5xx, a deleted endpoint),
which fail at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import smtplib
import time
import uuid
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.alur import kunci_baris, pindah_status

from .models import HasilPercobaan, PercobaanKirim, PeristiwaPesan, Pesan, Saluran, StatusPesan
from .pagar import HOST_TIDAK_DITEMUKAN, kirim_terpagar
from .sewa import KlaimHilang, kirim_bersewa, sewa_baru, sewa_habis

log = logging.getLogger(__name__)


class GagalKirim(Exception):
    """A delivery failed. ``sementara``: worth another try later."""

    def __init__(self, pesan: str, *, sementara: bool, kode_http: int | None = None):
        super().__init__(pesan)
        self.sementara = sementara
        self.kode_http = kode_http


@dataclass
class Hasil:
    status: str  # the row's status after this call, or why nothing was done
    dikirim: bool = False


# ---------------------------------------------------------------- the envelope of a webhook


def badan_webhook(pesan: Pesan) -> bytes:
    """The JSON body of a webhook, built only from the row (the snapshot), so every retry sends
    the same bytes (the timestamp and the signature are each attempt's: ``header_webhook``)."""
    isi = {
        "kunci": pesan.kunci,
        "peristiwa": pesan.peristiwa,
        "subjek": pesan.subjek,
        "isi": pesan.isi,
        "wilayah_kode": pesan.wilayah_id or "",
        "objek": {
            "tipe": f"{pesan.content_type.app_label}.{pesan.content_type.model}"
            if pesan.content_type_id
            else "",
            "id": pesan.object_id,
        },
        "waktu_peristiwa": pesan.dibuat.isoformat(),
        "data": pesan.payload,
    }
    return json.dumps(isi, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def tanda_tangan(rahasia: str, waktu: int, badan: bytes) -> str:
    """``v1=<hex HMAC-SHA256 of "<waktu>.<body>" with the endpoint's secret>`` — the value of
    ``X-Pendampingan-Signature``; ``waktu`` (Unix seconds) is sent in ``X-Pendampingan-Timestamp``,
    so a captured request cannot be replayed once the receiver's window (5 minutes) is past."""
    pesan = str(waktu).encode() + b"." + badan
    return "v1=" + hmac.new(rahasia.encode(), pesan, hashlib.sha256).hexdigest()


def header_webhook(pesan: Pesan, badan: bytes, *, waktu: int) -> dict[str, str]:
    """The headers of one delivery attempt: the key and the body are the same on every attempt,
    the timestamp and the signature are this attempt's."""
    header = {
        "Content-Type": "application/json; charset=utf-8",
        "Idempotency-Key": pesan.kunci,
        "X-Peristiwa": pesan.peristiwa,
        "X-Pendampingan-Timestamp": str(waktu),
        "User-Agent": "PendampinganDesa-Notifikasi/1",
    }
    rahasia = pesan.penerima_kementerian.rahasia if pesan.penerima_kementerian else ""
    if rahasia:
        header["X-Pendampingan-Signature"] = tanda_tangan(rahasia, waktu, badan)
    return header


# ---------------------------------------------------------------- channels


def _kirim_webhook(pesan: Pesan) -> int:
    endpoint = pesan.penerima_kementerian
    if endpoint is None:
        raise GagalKirim(_("Endpoint webhook sudah dihapus."), sementara=False)
    badan = badan_webhook(pesan)
    header = header_webhook(pesan, badan, waktu=int(time.time()))
    try:
        r = kirim_terpagar(
            pesan.alamat,
            data=badan,
            headers=header,
            timeout=(
                settings.NOTIFIKASI_WEBHOOK_TIMEOUT_SAMBUNG,
                settings.NOTIFIKASI_WEBHOOK_TIMEOUT,
            ),
        )
    except ValidationError as e:
        # the fence: a host that resolves to a non-public address now (DNS rebinding, or a URL
        # saved before the fence) is refused for good; a name that does not resolve may come back
        sementara = e.code == HOST_TIDAK_DITEMUKAN
        raise GagalKirim(" ".join(e.messages), sementara=sementara)
    except requests.Timeout as e:
        raise GagalKirim(_("Waktu habis: %(e)s") % {"e": e}, sementara=True)
    except requests.ConnectionError as e:
        raise GagalKirim(_("Tidak bisa tersambung: %(e)s") % {"e": e}, sementara=True)
    except requests.RequestException as e:  # an invalid URL and the like: no retry will fix it
        raise GagalKirim(_("Permintaan tidak valid: %(e)s") % {"e": e}, sementara=False)
    kode = r.status_code
    if 200 <= kode < 300:
        return kode
    ringkas = (r.text or "")[:300]
    pesan_galat = _("HTTP %(kode)s dari penerima: %(isi)s") % {"kode": kode, "isi": ringkas}
    sementara = kode >= 500 or kode in (408, 425, 429)
    raise GagalKirim(pesan_galat, sementara=sementara, kode_http=kode)


def _kirim_email(pesan: Pesan) -> None:
    try:
        validate_email(pesan.alamat)
    except ValidationError:
        raise GagalKirim(
            _("Alamat email tidak valid: %(a)s") % {"a": pesan.alamat}, sementara=False
        )
    email = EmailMultiAlternatives(
        subject=pesan.subjek,
        body=pesan.isi,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[pesan.alamat],
        headers={"X-Idempotency-Key": pesan.kunci, "X-Peristiwa": pesan.peristiwa},
    )
    if pesan.isi_html:
        email.attach_alternative(pesan.isi_html, "text/html")
    # every Django backend takes **kwargs; the SMTP one uses the timeout
    email.connection = get_connection(timeout=settings.NOTIFIKASI_EMAIL_TIMEOUT)
    try:
        email.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as e:
        kode = min(c for c, _m in e.recipients.values())
        raise GagalKirim(
            _("Penerima ditolak server email: %(e)s") % {"e": e.recipients},
            sementara=400 <= kode < 500,
        )
    except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError) as e:
        raise GagalKirim(_("Server email terputus: %(e)s") % {"e": e}, sementara=True)
    except smtplib.SMTPResponseException as e:
        raise GagalKirim(
            _("Server email menjawab %(k)s: %(e)s") % {"k": e.smtp_code, "e": e.smtp_error},
            sementara=400 <= e.smtp_code < 500,
        )
    except OSError as e:  # timeouts, refused connections, other SMTP errors (all OSError)
        raise GagalKirim(_("Server email tidak terjangkau: %(e)s") % {"e": e}, sementara=True)


def _kirim(pesan: Pesan) -> int | None:
    if pesan.saluran == Saluran.WEBHOOK:
        return _kirim_webhook(pesan)
    if pesan.saluran == Saluran.EMAIL:
        _kirim_email(pesan)
        return None
    return None  # in-app: the row itself is the delivery


# ---------------------------------------------------------------- claim, send, record


def jeda_ulang(percobaan: int) -> float:
    """Seconds before attempt ``percobaan + 1``: base × 2^(n−1), capped."""
    dasar = settings.NOTIFIKASI_BACKOFF_DASAR_DETIK
    return min(dasar * (2 ** max(percobaan - 1, 0)), settings.NOTIFIKASI_BACKOFF_MAKS_DETIK)


def _jatuh_tempo(pesan: Pesan, sekarang) -> bool:
    """Is the row due now (given that the map lets its status be claimed)?"""
    if pesan.status == StatusPesan.GAGAL_SEMENTARA:
        return pesan.coba_lagi_pada is None or pesan.coba_lagi_pada <= sekarang
    # (a ``dikirim`` row — somebody's claim — is taken over only if its lease ran out: the
    # compare-and-set in ``_klaim`` asks the database's clock)
    return True


def _klaim(pesan_id: int, pekerja: str) -> tuple[Pesan | None, str]:
    sekarang = timezone.now()
    lewati = {"skip_locked": True} if connection.features.has_select_for_update_skip_locked else {}
    with transaction.atomic():
        pesan = (
            Pesan.objects.select_for_update(of=("self",), **lewati)
            .select_related("penerima_kementerian", "content_type")
            .filter(pk=pesan_id)
            .first()
        )
        if pesan is None:
            return None, "terkunci_atau_tidak_ada"
        dari = pesan.status
        if not Pesan.alur.boleh(dari, StatusPesan.DIKIRIM) or not _jatuh_tempo(pesan, sekarang):
            return None, dari
        token = uuid.uuid4().hex
        cocok = Pesan.objects.filter(pk=pesan.pk, status=dari, token_klaim=pesan.token_klaim)
        if dari == StatusPesan.DIKIRIM:
            cocok = cocok.filter(sewa_habis())
        diambil = cocok.update(
            status=StatusPesan.DIKIRIM,
            token_klaim=token,
            diklaim_pada=sekarang,
            sewa_sampai=sewa_baru(),
            percobaan=F("percobaan") + 1,
            diubah=sekarang,
        )
        if diambil != 1:  # a live lease of another worker, or another claim came first
            return None, dari if dari == StatusPesan.DIKIRIM else "didahului"
        nomor = pesan.percobaan + 1
        PercobaanKirim.objects.create(
            pesan_id=pesan.pk, nomor=nomor, mulai=sekarang, pekerja=pekerja[:150]
        )
        PeristiwaPesan.objects.create(
            pesan_id=pesan.pk,
            dari=dari,
            ke=StatusPesan.DIKIRIM,
            waktu=sekarang,
            percobaan=nomor,
            catatan=_("Sewa klaim habis; diambil alih oleh %(p)s.") % {"p": pekerja[:150] or "?"}
            if dari == StatusPesan.DIKIRIM
            else "",
        )
    pesan.status, pesan.token_klaim, pesan.diklaim_pada = StatusPesan.DIKIRIM, token, sekarang
    pesan.percobaan += 1
    return pesan, StatusPesan.DIKIRIM


def pesan_kirim(*, pesan_id: int, pekerja: str = "") -> Hasil:
    """Deliver one message if it is due and nobody else holds it. Safe to call any number of
    times for the same id: only the holder of the claim sends, and a delivered row stays so."""
    pesan, alasan = _klaim(pesan_id, pekerja)
    if pesan is None:
        return Hasil(status=alasan)
    return _kirim_klaim(pesan)


def _kirim_klaim(pesan: Pesan) -> Hasil:
    """Send a message we hold the claim on, renewing its lease meanwhile; record the result."""
    kode_http, galat = None, None
    try:
        kode_http = kirim_bersewa(pesan, _kirim)
    except KlaimHilang:
        PercobaanKirim.objects.filter(pesan_id=pesan.pk, nomor=pesan.percobaan).update(
            selesai=timezone.now(),
            galat=_("Dihentikan: klaim diambil pekerja lain saat menunggu penerima (sewa habis)."),
        )
        return Hasil(status="klaim_hilang")
    except GagalKirim as e:
        galat = e
        kode_http = e.kode_http
    except Exception as e:  # a bug or an unforeseen error: keep the row retryable, say why
        log.exception("Pengiriman pesan %s gagal tak terduga", pesan.pk)
        galat = GagalKirim(f"{type(e).__name__}: {e}", sementara=True)
    return _catat(pesan, kode_http=kode_http, galat=galat)


@transaction.atomic
def _catat(pesan: Pesan, *, kode_http, galat: GagalKirim | None) -> Hasil:
    from . import services

    sekarang = timezone.now()
    if galat is None:
        hasil, ke = HasilPercobaan.BERHASIL, StatusPesan.TERKIRIM
        ubah = {"terkirim_pada": sekarang, "galat_terakhir": ""}
    elif galat.sementara and pesan.percobaan < settings.NOTIFIKASI_PERCOBAAN_MAKS:
        jeda = jeda_ulang(pesan.percobaan)
        hasil, ke = HasilPercobaan.SEMENTARA, StatusPesan.GAGAL_SEMENTARA
        ubah = {
            "coba_lagi_pada": sekarang + timezone.timedelta(seconds=jeda),
            "galat_terakhir": str(galat),
        }
    else:
        hasil = HasilPercobaan.PERMANEN if not galat.sementara else HasilPercobaan.SEMENTARA
        teks = str(galat)
        if galat.sementara:
            teks = _("%(e)s (menyerah setelah %(n)s percobaan)") % {
                "e": teks,
                "n": pesan.percobaan,
            }
        ke = StatusPesan.GAGAL
        ubah = {"galat_terakhir": teks, "coba_lagi_pada": None}
    PercobaanKirim.objects.filter(pesan_id=pesan.pk, nomor=pesan.percobaan).update(
        selesai=sekarang,
        hasil=hasil,
        kode_http=kode_http,
        galat="" if galat is None else str(galat)[:2000],
    )
    ubah["sewa_sampai"] = None  # the claim ends with its result
    baris = kunci_baris(pesan)
    if baris.status != StatusPesan.DIKIRIM or baris.token_klaim != pesan.token_klaim:
        log.warning("Klaim pesan %s sudah diambil pekerja lain; hasil tidak dicatat.", pesan.pk)
        return Hasil(status="klaim_hilang", dikirim=galat is None)
    pindah_status(
        pesan,
        ke=ke,
        dari=StatusPesan.DIKIRIM,
        ubah=ubah,
        catatan=ubah["galat_terakhir"][:2000],
        peristiwa={"percobaan": pesan.percobaan},
    )
    if ke == StatusPesan.GAGAL_SEMENTARA and not settings.CELERY_TASK_ALWAYS_EAGER:
        jeda = (ubah["coba_lagi_pada"] - sekarang).total_seconds()
        transaction.on_commit(lambda: services.antrekan([pesan.pk], countdown=jeda))
    if ke == StatusPesan.GAGAL:
        services.pengawas_beri_tahu_gagal(pesan=pesan, galat=ubah["galat_terakhir"])
    return Hasil(status=ke, dikirim=galat is None)
