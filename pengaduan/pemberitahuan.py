"""Who is told what about a complaint, through the notifications outbox (``notifikasi_kirim``:
rows written in the caller's transaction, delivered by Celery after commit, never twice per key).

* a new complaint → the nearest supervisors of its desa, never the facilitator complained about
  (who supervises is ``inti.akses``); a complaint about a facilitator by role → only its handler,
  the nearest supervisor above that role (and when it moves up later, the new handler:
  ``dialihkan``); the reporter gets the tracking code when they left an email;
* a rejection, "not our remit" or a referral, and every public reply → the reporter (email);
* an assignment → the handler;
* a deadline about to pass → the handler (or, before assignment, the nearest supervisors);
  a deadline passed → the whole supervisor chain.

Messages to staff are about the complaint (``objek=pengaduan``: in-app link to its page). Messages
to the reporter are about the event that caused them (``objek=PeristiwaPengaduan``), so they carry
no internal link — only the public status page — and never reach another reporter's key. No message
carries the reporter's identity; a rahasia complaint's title stays out of staff emails too.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from pendampingan.inti import akses
from pendampingan.models import Pendamping
from pendampingan.notifikasi.services import notifikasi_kirim

from .models import JABATAN_PERAN, peringkat_peran, teradu_ids


def pengawas_terdekat(p) -> list[Pendamping]:
    """The supervisors of the lowest rank over the complaint's desa (``inti.akses``) — above the
    accused role for a complaint about a facilitator —, the facilitators complained about left
    out."""
    di_atas = JABATAN_PERAN[p.teradu_peran][0] if p.teradu_peran else ""
    return akses.pengawas_terdekat(kode=p.wilayah_id, di_atas=di_atas, kecuali=teradu_ids(p))


def pengawas_rantai(p) -> list[Pendamping]:
    """The whole supervisor chain of the desa (``inti.akses``) above the accused role, without the
    ones complained about."""
    batas, kecuali = peringkat_peran(p.teradu_peran), teradu_ids(p)
    return [
        x
        for x in akses.pengawas_wilayah(kode=p.wilayah_id)
        if x.pk not in kecuali and akses.peringkat(x.jabatan) > batas
    ]


def _ringkas(p) -> str:
    judul = _("(pengaduan rahasia)") if p.rahasia else p.judul
    return f"{p.kode} · {judul} · {p.kategori.nama} · {p.wilayah.nama}"


def _url_status(p) -> str:
    return (
        settings.NOTIFIKASI_SITUS_URL.rstrip("/") + reverse("pengaduan:status") + f"?kode={p.kode}"
    )


def _ke_pelapor(p, peristiwa, *, jenis: str, subjek: str, isi: str):
    if not p.pelapor_email:
        return []
    return notifikasi_kirim(
        peristiwa=jenis,
        objek=peristiwa,
        wilayah_kode=p.wilayah_id,
        subjek=subjek,
        isi=isi + "\n\n" + _("Lihat perkembangannya: %(u)s") % {"u": _url_status(p)},
        payload={"kode": p.kode, "status": p.status},
        kunci=f"pengaduan:{p.pk}:pelapor:{peristiwa.pk}",
        alamat_email=[p.pelapor_email],
    )


def diterima(p, peristiwa) -> None:
    notifikasi_kirim(
        peristiwa="pengaduan.diterima",
        objek=p,
        wilayah_kode=p.wilayah_id,
        subjek=_("Pengaduan baru %(k)s") % {"k": p.kode},
        isi=_("Pengaduan baru menunggu verifikasi paling lambat %(t)s: %(r)s")
        % {"t": p.tenggat_verifikasi.strftime("%d-%m-%Y"), "r": _ringkas(p)},
        payload={
            "kode": p.kode,
            "kategori": p.kategori.kode,
            "tentang_pendamping": p.tentang_pendamping,
        },
        kunci=f"pengaduan:{p.pk}:diterima",
        pengguna=([p.penangan] if p.penangan else []) if p.teradu_peran else pengawas_terdekat(p),
    )
    _ke_pelapor(
        p,
        peristiwa,
        jenis="pengaduan.diterima",
        subjek=_("Kode pelacakan pengaduan Anda: %(k)s") % {"k": p.kode},
        isi=_(
            "Pengaduan Anda sudah kami terima dengan kode %(k)s. Simpan kode ini untuk melihat "
            "perkembangannya. Verifikasi paling lambat %(t)s."
        )
        % {"k": p.kode, "t": p.tenggat_verifikasi.strftime("%d-%m-%Y")},
    )


def keputusan(p, peristiwa, alasan: str) -> None:
    """Rejected, not our remit, or referred: the reporter is told why."""
    _ke_pelapor(
        p,
        peristiwa,
        jenis="pengaduan.balasan",
        subjek=_("Pengaduan %(k)s: %(s)s") % {"k": p.kode, "s": p.get_status_display()},
        isi=_("Status pengaduan Anda: %(s)s.\n%(a)s") % {"s": p.get_status_display(), "a": alasan},
    )


def ditugaskan(p, peristiwa) -> None:
    if not p.penangan:
        return
    notifikasi_kirim(
        peristiwa="pengaduan.ditugaskan",
        objek=p,
        wilayah_kode=p.wilayah_id,
        subjek=_("Anda menangani pengaduan %(k)s") % {"k": p.kode},
        isi=_("Anda ditugaskan menangani: %(r)s") % {"r": _ringkas(p)}
        + (
            "\n"
            + _("Rencana tindak lanjut paling lambat %(t)s.")
            % {"t": p.tenggat_rencana.strftime("%d-%m-%Y")}
            if p.tenggat_rencana and not p.rencana_pada
            else ""
        ),
        payload={"kode": p.kode, "penangan": p.penangan_id},
        kunci=f"pengaduan:{p.pk}:ditugaskan:{peristiwa.pk}",
        pengguna=[p.penangan],
    )


def dialihkan(p, peristiwa) -> None:
    """A complaint found to be about a facilitator moved up to its new handler."""
    if not p.penangan:
        return
    notifikasi_kirim(
        peristiwa="pengaduan.dialihkan",
        objek=p,
        wilayah_kode=p.wilayah_id,
        subjek=_("Pengaduan tentang pendamping %(k)s dialihkan kepada Anda") % {"k": p.kode},
        isi=_("Pengaduan ini tentang %(r)s; Anda pengawas di atasnya dan kini menanganinya: %(s)s")
        % {"r": p.get_teradu_peran_display(), "s": _ringkas(p)},
        payload={"kode": p.kode, "penangan": p.penangan_id, "teradu_peran": p.teradu_peran},
        kunci=f"pengaduan:{p.pk}:dialihkan:{peristiwa.pk}",
        pengguna=[p.penangan],
    )


def balasan(p, peristiwa) -> None:
    _ke_pelapor(
        p,
        peristiwa,
        jenis="pengaduan.balasan",
        subjek=_("Balasan untuk pengaduan %(k)s") % {"k": p.kode},
        isi=peristiwa.catatan,
    )


def tanggapan(p, peristiwa) -> None:
    """The reporter answered a settled/referred complaint: the handler and the nearest supervisors
    decide whether to reopen or close it."""
    penerima = pengawas_terdekat(p)
    if p.penangan and p.penangan not in penerima:
        penerima.append(p.penangan)
    notifikasi_kirim(
        peristiwa="pengaduan.tanggapan",
        objek=p,
        wilayah_kode=p.wilayah_id,
        subjek=_("Pelapor menanggapi pengaduan %(k)s") % {"k": p.kode},
        isi=_(
            "Pelapor menanggapi %(r)s. Penutupan otomatis dihentikan: buka kembali atau tutup "
            "pengaduan ini."
        )
        % {"r": _ringkas(p)},
        payload={"kode": p.kode, "status": p.status},
        kunci=f"pengaduan:{p.pk}:tanggapan:{peristiwa.pk}",
        pengguna=penerima,
    )


def sla(p, tahap: str) -> None:
    tenggat = p.tenggat.strftime("%d-%m-%Y")
    jenis = p.get_tenggat_jenis_display().lower()
    if tahap == "sebelum":
        penerima = [p.penangan] if p.penangan_id else pengawas_terdekat(p)
        subjek = _("Tenggat %(j)s pengaduan %(k)s: %(t)s") % {"j": jenis, "k": p.kode, "t": tenggat}
        isi = _("Tenggat %(j)s jatuh pada %(t)s: %(r)s") % {
            "j": jenis,
            "t": tenggat,
            "r": _ringkas(p),
        }
    else:
        penerima = pengawas_rantai(p)
        subjek = _("Terlambat: %(j)s pengaduan %(k)s") % {"j": jenis, "k": p.kode}
        isi = _("Tenggat %(j)s (%(t)s) terlewati%(h)s: %(r)s") % {
            "j": jenis,
            "t": tenggat,
            "h": (_(", penangan %(n)s") % {"n": p.penangan.nama}) if p.penangan_id else "",
            "r": _ringkas(p),
        }
    notifikasi_kirim(
        peristiwa="pengaduan.sla",
        objek=p,
        wilayah_kode=p.wilayah_id,
        subjek=subjek,
        isi=isi,
        payload={"kode": p.kode, "tenggat": p.tenggat, "jenis": p.tenggat_jenis, "tahap": tahap},
        kunci=f"pengaduan:{p.pk}:sla:{p.tenggat_jenis}:{p.tenggat.isoformat()}:{tahap}",
        pengguna=penerima,
    )
