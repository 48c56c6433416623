"""Intake: a complaint from the public form or a facilitator's intake, its attachments, and the
reporter's answer from the status page.

Every attachment goes through ``inti.berkas.periksa_berkas`` (a photo or a document, decided by
its bytes) and is stored on the private storage (``Lampiran.berkas`` is a ``BerkasPrivatField``:
removed again if the transaction does not commit). A repeat of a form's one-time key raises
``SudahTersimpan`` with the first record: one complaint, one tracking code, one set of
notifications.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.alur import kunci_baris
from pendampingan.inti.berkas import FOTO_ATAU_DOKUMEN, periksa_berkas, simpan_berkas
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from pendampingan.kalender import tambah_hari_kerja, tanggal_setempat
from pendampingan.models import Pendamping, Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna

from .. import pemberitahuan
from ..models import (
    JenisPeristiwa,
    Kategori,
    Lampiran,
    Pengaduan,
    PeranTeradu,
    PeristiwaPengaduan,
    Saluran,
    StatusPengaduan,
    kode_pelacakan_baru,
    kode_pelacakan_normal,
)
from .dasar import peristiwa, simpan_tenggat, sla, tenggat_untuk
from .tantangan import tantangan_pakai
from .teradu import teradu_catat

S = StatusPengaduan
JENIS_LAMPIRAN = FOTO_ATAU_DOKUMEN


def lampiran_periksa(berkas):
    """The one check of an attachment (``periksa_berkas``: a photo or a document); the message
    names the file. Returns the checked file (its bytes, type and SHA-256)."""
    try:
        return periksa_berkas(berkas, JENIS_LAMPIRAN)
    except ValidationError as e:
        nama = getattr(berkas, "name", "") or _("berkas")
        raise ValidationError(
            [_("%(nama)s: %(pesan)s") % {"nama": nama, "pesan": m} for m in e.messages],
            code=getattr(e, "code", None),
        ) from e


def _simpan_lampiran(pengaduan: Pengaduan, berkas_list) -> None:
    for berkas in berkas_list:
        hasil = lampiran_periksa(berkas)
        lamp = Lampiran(
            pengaduan=pengaduan,
            nama_asli=(getattr(berkas, "name", "") or "lampiran")[:200],
            jenis_mime=hasil.mime,
            ekstensi=f".{hasil.ekstensi}",
            ukuran=len(hasil.isi),
            sha256=hasil.sha256,
        )
        simpan_berkas(lamp.berkas, f"x.{hasil.ekstensi}", hasil.isi)
        lamp.save()


def _simpan_dengan_kode(p: Pengaduan) -> None:
    """Save a new complaint under a fresh tracking code (another on the rare collision)."""
    for _coba in range(5):
        p.kode = kode_pelacakan_baru()
        try:
            with transaction.atomic():
                p.save()
            return
        except IntegrityError:
            if Pengaduan.objects.filter(kode=p.kode).exists():
                p.pk = None
                continue
            raise
    raise IntegrityError("kode pelacakan")


@transaction.atomic
def pengaduan_terima(
    *,
    jenis: str,
    kategori: Kategori,
    wilayah: Wilayah,
    judul: str,
    isi: str,
    saluran: str = Saluran.WEB,
    pelapor_nama: str = "",
    pelapor_telepon: str = "",
    pelapor_email: str = "",
    anonim: bool = True,
    rahasia: bool = False,
    lampiran=(),
    dicatat_oleh: Pendamping | None = None,
    teradu_peran: str = "",
    diterima_pada: datetime.datetime | None = None,
    kunci_sekali=None,
    tantangan: str | None = None,
) -> Pengaduan:
    """Register a complaint (public form or a facilitator's intake) and give it a tracking code.
    ``teradu_peran``: the complaint is about the facilitator(s) holding that role in the desa —
    recorded with the people holding it on the day and handed to the supervisor above them
    (``teradu.teradu_catat``). A repeat of ``kunci_sekali`` raises ``SudahTersimpan`` with the
    first complaint. ``tantangan`` (the public form's security question nonce) is used up: a
    second complaint with it is refused."""
    kunci = kunci_dari(kunci_sekali)
    ada = sudah_ada(Pengaduan, kunci)
    if ada is not None:
        raise SudahTersimpan(ada)
    errors = {}
    judul, isi = (judul or "").strip(), (isi or "").strip()
    if not judul:
        errors["judul"] = _("Tuliskan judul singkat pengaduan.")
    if not isi:
        errors["isi"] = _("Ceritakan apa yang terjadi — uraian tidak boleh kosong.")
    if wilayah is None or wilayah.tingkat != Tingkat.DESA:
        errors["desa"] = _("Pilih desa atau kelurahan tempat masalah terjadi.")
    if kategori is None or not kategori.aktif:
        errors["kategori"] = _("Pilih kategori.")
    if len(lampiran) > settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH:
        errors["lampiran"] = _("Paling banyak %(n)d lampiran.") % {
            "n": settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH
        }
    if saluran != Saluran.WEB and dicatat_oleh is None:
        errors["saluran"] = _("Pengaduan lewat saluran ini dicatat oleh pendamping.")
    teradu_peran = teradu_peran or ""
    if teradu_peran and teradu_peran not in PeranTeradu.values:
        errors["teradu_peran"] = _("Pilih pendamping yang diadukan dari daftar.")
    pesan_berkas = []
    for berkas in lampiran:
        try:
            lampiran_periksa(berkas)
        except ValidationError as e:
            pesan_berkas.extend(e.messages)
    if pesan_berkas:
        errors.setdefault("lampiran", pesan_berkas)
    if errors:
        raise ValidationError(errors)
    if tantangan is not None:
        tantangan_pakai(nonce=tantangan, model=Pengaduan, kunci=kunci)
    waktu = diterima_pada or timezone.now()
    baru: dict = {}

    def buat() -> Pengaduan:
        p = Pengaduan(
            jenis=jenis,
            kategori=kategori,
            tentang_pendamping=kategori.tentang_pendamping or bool(teradu_peran),
            wilayah=wilayah,
            judul=judul,
            isi=isi,
            saluran=saluran,
            pelapor_nama=(pelapor_nama or "").strip(),
            pelapor_telepon=(pelapor_telepon or "").strip(),
            pelapor_email=(pelapor_email or "").strip(),
            anonim=anonim,
            rahasia=rahasia,
            dicatat_oleh=dicatat_oleh,
            diterima_pada=waktu,
            tenggat_verifikasi=tambah_hari_kerja(
                tanggal_setempat(waktu, wilayah.kode), sla("verifikasi")
            ),
            kunci_sekali=kunci,
        )
        for k, v in tenggat_untuk(p, S.DITERIMA).items():
            setattr(p, k, v)
        _simpan_dengan_kode(p)
        _simpan_lampiran(p, lampiran)
        baru["peristiwa"] = peristiwa(
            p,
            jenis=JenisPeristiwa.DITERIMA,
            user=dicatat_oleh.user if dicatat_oleh else None,
            catatan=_("Diterima melalui %(s)s.") % {"s": Saluran(saluran).label},
            publik=True,
            ke=S.DITERIMA,
        )
        if teradu_peran:
            teradu_catat(
                pengaduan=p,
                peran=teradu_peran,
                user=dicatat_oleh.user if dicatat_oleh else None,
                tanggal=tanggal_setempat(waktu, wilayah.kode),
                saat_terima=True,
            )
        return p

    p, dibuat = buat_sekali(Pengaduan, kunci, buat)
    if not dibuat:
        raise SudahTersimpan(p)
    pemberitahuan.diterima(p, baru["peristiwa"])
    return p


def pengaduan_dicatat_oleh(user) -> Pendamping | None:
    """The facilitator behind an internal intake (None for the public)."""
    if user is None or not user.is_authenticated:
        return None
    pid = cakupan_pengguna(user).pendamping_id
    return Pendamping.objects.filter(pk=pid).first() if pid else None


@transaction.atomic
def pengaduan_tanggapi(
    *, kode: str, isi: str, kunci_sekali=None, tantangan: str | None = None
) -> Pengaduan:
    """The reporter answers a settled or referred complaint from the status page: the answer goes
    on the timeline, the automatic closing stops, the handler and the supervisors are told (a
    supervisor then reopens or closes it). A repeat raises ``SudahTersimpan`` with the answer."""
    kunci = kunci_dari(kunci_sekali)
    ada = sudah_ada(PeristiwaPengaduan, kunci)
    if ada is not None:
        raise SudahTersimpan(ada)
    p = Pengaduan.objects.filter(kode=kode_pelacakan_normal(kode) or "-").first()
    if p is None:
        raise ValidationError(_("Kode tidak ditemukan."))
    p = kunci_baris(p)
    if p.status not in (S.SELESAI, S.DIRUJUK):
        raise ValidationError(
            _("Tanggapan dapat dikirim setelah pengaduan dinyatakan selesai atau dirujuk.")
        )
    isi = (isi or "").strip()
    if not isi:
        raise ValidationError({"isi": _("Tuliskan tanggapan Anda.")})
    if tantangan is not None:
        tantangan_pakai(nonce=tantangan, model=PeristiwaPengaduan, kunci=kunci)
    ev, dibuat = buat_sekali(
        PeristiwaPengaduan,
        kunci,
        lambda: peristiwa(p, jenis=JenisPeristiwa.TANGGAPAN, catatan=isi, kunci_sekali=kunci),
    )
    if not dibuat:
        raise SudahTersimpan(ev)
    p.tenggat_tutup = None
    simpan_tenggat(p, ["tenggat_tutup"])
    pemberitahuan.tanggapan(p, ev)
    return p
