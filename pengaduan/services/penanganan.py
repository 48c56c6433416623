"""Handling a complaint: verify, assign, musyawarah, reply, refer, close, reopen.

Each service locks the complaint (``inti.alur.kunci_baris``), refuses a user who may not act with
``pastikan`` (``PermissionDenied``: the 403 page), and moves the status only through ``pindah``
(``inti.alur.pindah_status``). ``dari`` is the status the user saw on the page (a hidden form
field): a second person acting on the same complaint at the same moment gets ``PindahDitolak``
("sudah diubah … oleh …"), not a second move. Services that create a record from a form take its
one-time key (``kunci_sekali``) and raise ``SudahTersimpan`` with the first record on a repeat.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan import services as inti
from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import PindahDitolak, kunci_baris
from pendampingan.inti.sekali import SudahTersimpan, buat_sekali, kunci_dari, sudah_ada
from pendampingan.kalender import tambah_hari_kerja
from pendampingan.models import Pendamping

from .. import akses, pemberitahuan
from ..models import (
    STATUS_AKHIR,
    JenisPeristiwa,
    Kategori,
    Musyawarah,
    Pengaduan,
    PeranTeradu,
    PeristiwaPengaduan,
    StatusPengaduan,
    peran_dari_jabatan,
    teradu_ids,
)
from .dasar import hari_ini, peristiwa, pindah, rencana_tercatat, simpan_tenggat, sla
from .teradu import penangan_pilihan, teradu_catat, teradu_pilihan

S = StatusPengaduan


def _wajib_kelola(user, p) -> None:
    pastikan(
        akses.boleh_kelola(user, p),
        _("Hanya pengawas wilayah pengaduan ini yang dapat melakukannya."),
    )


def _wajib_tangani(user, p) -> None:
    pastikan(
        akses.boleh_tangani(user, p), _("Hanya penangan atau pengawasnya yang dapat melakukannya.")
    )


def _terlalu_awal(pesan: str) -> PindahDitolak:
    return PindahDitolak(pesan, code="tidak_sah")


@transaction.atomic
def pengaduan_verifikasi(
    *,
    pengaduan: Pengaduan,
    user,
    keputusan: str,
    alasan: str = "",
    kategori: Kategori | None = None,
    teradu: Pendamping | None = None,
    teradu_peran: str = "",
    dari: str | None = None,
) -> Pengaduan:
    """Verify a complaint, or reject it (ditolak / bukan_wewenang) with a reason for the reporter.
    Only from ``diterima``: a complaint somebody verified meanwhile is refused as changed.

    The verifier may record that it is about a facilitator — by role (``teradu_peran``: whoever
    holds it in the desa) or by name (``teradu``, whose jabatan gives the role): it then moves up at
    once to the supervisor above them (``teradu.teradu_catat``: a new handler, an event row, a
    notice; whoever may no longer see it — the verifier too, if they are not above the role —
    loses it)."""
    p = kunci_baris(pengaduan)
    _wajib_kelola(user, p)
    alasan = (alasan or "").strip()
    teradu_peran = teradu_peran or ""
    if keputusan not in (S.DIVERIFIKASI, S.DITOLAK, S.BUKAN_WEWENANG):
        raise ValidationError({"keputusan": _("Pilih keputusan verifikasi.")})
    if keputusan != S.DIVERIFIKASI and not alasan:
        raise ValidationError(
            {"alasan": _("Tuliskan alasannya; alasan ini dikirim kepada pelapor.")}
        )
    if teradu_peran and teradu_peran not in PeranTeradu.values:
        raise ValidationError({"teradu_peran": _("Pilih peran pendamping yang diadukan.")})
    if teradu is not None:
        peran_orang = peran_dari_jabatan(teradu.jabatan)
        if not teradu_pilihan(p).filter(pk=teradu.pk).exists() or not peran_orang:
            raise ValidationError(
                {"teradu": _("Pilih PLD, PD atau TAPM yang bertugas di desa pengaduan ini.")}
            )
        if teradu_peran and teradu_peran != peran_orang:
            raise ValidationError(
                {
                    "teradu_peran": _("%(n)s bertugas sebagai %(j)s, bukan sebagai peran ini.")
                    % {"n": teradu.nama, "j": teradu.get_jabatan_display()}
                }
            )
        teradu_peran = peran_orang
    ubah: dict = {"diverifikasi_pada": timezone.now()}
    if kategori is not None and kategori.pk != p.kategori_id:
        ubah |= {
            "kategori": kategori,
            "tentang_pendamping": kategori.tentang_pendamping or bool(p.teradu_peran),
        }
    if keputusan == S.DIVERIFIKASI:
        ubah["tenggat_rencana"] = tambah_hari_kerja(hari_ini(p), sla("rencana"))
    else:
        ubah["alasan"] = alasan
    ev = pindah(p, keputusan, user=user, dari=dari or S.DITERIMA, catatan=alasan, ubah=ubah)
    if ev is not None and keputusan != S.DIVERIFIKASI:
        pemberitahuan.keputusan(p, ev, alasan)
    if teradu_peran and (
        teradu_peran != p.teradu_peran or (teradu is not None and teradu.pk not in teradu_ids(p))
    ):
        teradu_catat(
            pengaduan=p,
            peran=teradu_peran,
            orang=[teradu] if teradu is not None else None,
            user=user,
        )
    return p


@transaction.atomic
def pengaduan_tugaskan(
    *,
    pengaduan: Pengaduan,
    user,
    penangan: Pendamping,
    catatan: str = "",
    dari: str | None = None,
) -> Pengaduan:
    """Assign (or reassign) the handler; a verified complaint becomes ``ditangani``."""
    p = kunci_baris(pengaduan)
    _wajib_kelola(user, p)
    ganti = p.status == S.DITANGANI and dari in (None, S.DITANGANI)
    if not ganti and dari is None and p.status != S.DIVERIFIKASI:
        raise _terlalu_awal(_("Hanya pengaduan yang sudah diverifikasi yang dapat ditugaskan."))
    if penangan is None or not penangan_pilihan(p).filter(pk=penangan.pk).exists():
        raise ValidationError(
            {"penangan": _("Pilih pendamping yang bertugas di wilayah pengaduan ini.")}
        )
    if ganti and p.penangan_id == penangan.pk:
        return p
    catatan = (catatan or "").strip()
    ev = peristiwa(
        p,
        jenis=JenisPeristiwa.PENUGASAN,
        user=user,
        catatan=(_("Ditugaskan kepada %(n)s.") % {"n": penangan.nama})
        + (f" {catatan}" if catatan else ""),
    )
    if ganti:
        p.penangan = penangan
        p.save(update_fields=["penangan", "diubah"])
    else:
        pindah(
            p,
            S.DITANGANI,
            user=user,
            dari=dari or S.DIVERIFIKASI,
            catatan=_("Pengaduan sedang ditangani."),
            ubah={"penangan": penangan},
        )
    pemberitahuan.ditugaskan(p, ev)
    return p


@transaction.atomic
def pengaduan_musyawarah_catat(
    *,
    pengaduan: Pengaduan,
    user,
    tanggal: datetime.date,
    tempat: str,
    pihak_hadir: str,
    kesepakatan: str = "",
    mufakat: bool = False,
    tindak_lanjut: list[dict] = (),
    kunci_sekali=None,
) -> Musyawarah:
    """Record a musyawarah; its follow-up actions become the core's ``TindakLanjut``; an agreement
    (mufakat) settles the complaint (``selesai``) and starts the closing clock."""
    p = kunci_baris(pengaduan)
    kunci = kunci_dari(kunci_sekali)
    ada = sudah_ada(Musyawarah, kunci)
    if ada is not None:
        raise SudahTersimpan(ada)
    pastikan(
        akses.boleh_musyawarah(user, p),
        _("Musyawarah dicatat oleh pendamping yang menangani pengaduan ini atau pengawasnya."),
    )
    if p.status != S.DITANGANI:
        raise ValidationError(_("Musyawarah dicatat saat pengaduan sedang ditangani."))
    errors = {}
    if tanggal is None:
        errors["tanggal"] = _("Isi tanggal musyawarah.")
    elif tanggal > hari_ini():
        errors["tanggal"] = _("Tanggal musyawarah tidak boleh di masa depan.")
    if not (tempat or "").strip():
        errors["tempat"] = _("Isi tempat musyawarah.")
    if not (pihak_hadir or "").strip():
        errors["pihak_hadir"] = _("Sebutkan pihak yang hadir.")
    if mufakat and not (kesepakatan or "").strip():
        errors["kesepakatan"] = _("Tuliskan isi kesepakatan yang dicapai.")
    if errors:
        raise ValidationError(errors)
    pendamping = user.pendamping

    def buat() -> Musyawarah:
        m = Musyawarah.objects.create(
            pengaduan=p,
            tanggal=tanggal,
            tempat=tempat.strip(),
            pihak_hadir=pihak_hadir.strip(),
            kesepakatan=(kesepakatan or "").strip(),
            mufakat=mufakat,
            dicatat_oleh=pendamping,
            kunci_sekali=kunci,
        )
        for tl in tindak_lanjut:
            inti.tindak_lanjut_buat(
                wilayah=p.wilayah,
                pendamping=pendamping,
                judul=tl.get("judul", ""),
                penanggung_jawab=tl.get("penanggung_jawab", ""),
                jatuh_tempo=tl.get("jatuh_tempo"),
                sumber=m,
            )
        ubah = rencana_tercatat(p)
        ringkas = _("Musyawarah %(t)s di %(w)s.") % {
            "t": tanggal.strftime("%d-%m-%Y"),
            "w": m.tempat,
        }
        peristiwa(p, jenis=JenisPeristiwa.MUSYAWARAH, user=user, catatan=ringkas)
        if mufakat:
            ubah |= {
                "selesai_pada": timezone.now(),
                "tenggat_tutup": tambah_hari_kerja(hari_ini(p), sla("tutup")),
            }
            pindah(
                p,
                S.SELESAI,
                user=user,
                dari=S.DITANGANI,
                catatan=_("Kesepakatan tercapai dalam musyawarah."),
                ubah=ubah,
            )
        else:
            for k, v in ubah.items():
                setattr(p, k, v)
            simpan_tenggat(p, list(ubah))
        return m

    m, dibuat = buat_sekali(Musyawarah, kunci, buat)
    if not dibuat:
        raise SudahTersimpan(m)
    return m


@transaction.atomic
def pengaduan_balas(
    *, pengaduan: Pengaduan, user, isi: str, publik: bool, kunci_sekali=None
) -> PeristiwaPengaduan:
    """A reply: public ones go to the reporter (status page and email), internal ones stay on the
    timeline. A repeat of the form (same key) is not sent twice."""
    p = kunci_baris(pengaduan)
    kunci = kunci_dari(kunci_sekali)
    ada = sudah_ada(PeristiwaPengaduan, kunci)
    if ada is not None:
        raise SudahTersimpan(ada)
    _wajib_tangani(user, p)
    isi = (isi or "").strip()
    if not isi:
        raise ValidationError({"isi": _("Tuliskan balasannya.")})
    if p.status in STATUS_AKHIR and publik:
        raise ValidationError(_("Pengaduan ini sudah ditutup."))
    ev, dibuat = buat_sekali(
        PeristiwaPengaduan,
        kunci,
        lambda: peristiwa(
            p,
            jenis=JenisPeristiwa.BALASAN,
            user=user,
            catatan=isi,
            publik=publik,
            kunci_sekali=kunci,
        ),
    )
    if not dibuat:
        raise SudahTersimpan(ev)
    if publik:
        ubah = rencana_tercatat(p)
        for k, v in ubah.items():
            setattr(p, k, v)
        simpan_tenggat(p, list(ubah))
        pemberitahuan.balasan(p, ev)
    return ev


@transaction.atomic
def pengaduan_rujuk(
    *, pengaduan: Pengaduan, user, instansi: str, catatan: str = "", dari: str | None = None
) -> Pengaduan:
    """Refer the complaint to a named agency (the reporter is told)."""
    p = kunci_baris(pengaduan)
    _wajib_tangani(user, p)
    instansi = (instansi or "").strip()
    if not instansi:
        raise ValidationError({"instansi": _("Sebutkan instansi tujuan rujukan.")})
    ubah = {
        "instansi_rujukan": instansi,
        "selesai_pada": timezone.now(),
        "tenggat_tutup": tambah_hari_kerja(hari_ini(p), sla("tutup")),
        **rencana_tercatat(p),
    }
    teks = _("Dirujuk ke %(i)s.") % {"i": instansi} + (
        f" {catatan.strip()}" if (catatan or "").strip() else ""
    )
    ev = pindah(p, S.DIRUJUK, user=user, dari=dari, catatan=teks, ubah=ubah)
    if ev is not None:
        pemberitahuan.keputusan(p, ev, teks)
    return p


@transaction.atomic
def pengaduan_tutup(
    *,
    pengaduan: Pengaduan,
    user=None,
    catatan: str = "",
    otomatis: bool = False,
    dari: str | None = None,
) -> Pengaduan:
    """Close a settled or referred complaint (by a supervisor, or automatically when the reporter
    has not answered within the closing deadline)."""
    p = kunci_baris(pengaduan)
    if otomatis:
        if p.status not in (S.SELESAI, S.DIRUJUK) or not p.tenggat_tutup:
            return p
    else:
        _wajib_kelola(user, p)
    catatan = (catatan or "").strip() or (
        _("Ditutup otomatis: tidak ada tanggapan pelapor dalam %(n)d hari kerja.")
        % {"n": sla("tutup")}
        if otomatis
        else _("Pengaduan ditutup.")
    )
    pindah(
        p,
        S.DITUTUP,
        user=None if otomatis else user,
        dari=dari,
        catatan=catatan,
        ubah={"ditutup_pada": timezone.now()},
    )
    return p


@transaction.atomic
def pengaduan_buka_kembali(
    *, pengaduan: Pengaduan, user, alasan: str, dari: str | None = None
) -> Pengaduan:
    """A settled complaint goes back to handling (the agreement did not hold)."""
    p = kunci_baris(pengaduan)
    _wajib_kelola(user, p)
    if not (alasan or "").strip():
        raise ValidationError({"alasan": _("Tuliskan alasan membuka kembali.")})
    pindah(
        p,
        S.DITANGANI,
        user=user,
        dari=dari,
        catatan=alasan.strip(),
        ubah={"selesai_pada": None, "tenggat_tutup": None},
    )
    return p
