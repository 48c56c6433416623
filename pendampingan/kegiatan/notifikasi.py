"""Messages about an entry's moves, through the outbox (written in the caller's transaction,
sent after commit). Submitted → the supervisors who may verify it (in-app); returned → the owner
(in-app and email, the note tells what to fix); verified → the owner (in-app)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..inti.akses import pengawas_wilayah
from ..models import PERINGKAT_JABATAN, Kegiatan, KegiatanPeristiwa, StatusKegiatan
from ..notifikasi.services import notifikasi_kirim
from ..scope import JABATAN_NASIONAL


def _payload(kegiatan: Kegiatan, peristiwa: KegiatanPeristiwa) -> dict:
    return {
        "kegiatan_id": kegiatan.pk,
        "judul": kegiatan.judul,
        "tanggal": kegiatan.tanggal.isoformat(),
        "wilayah": kegiatan.wilayah_id,
        "pendamping": kegiatan.pendamping.nama,
        "dari": peristiwa.dari,
        "ke": peristiwa.ke,
        "catatan": peristiwa.catatan,
    }


def kabari_pemeriksa(*, kegiatan: Kegiatan, peristiwa: KegiatanPeristiwa) -> None:
    peringkat = PERINGKAT_JABATAN.get(kegiatan.pendamping.jabatan, 0)
    pemeriksa = [
        p
        for p in pengawas_wilayah(kode=kegiatan.wilayah_id)
        if PERINGKAT_JABATAN.get(p.jabatan, 0) > peringkat and p.pk != kegiatan.pendamping_id
    ]
    # the national roles supervise every region; they are asked to verify only where nobody
    # below them is (one national coordinator would otherwise get every entry of the country)
    if any(p.jabatan not in JABATAN_NASIONAL for p in pemeriksa):
        pemeriksa = [p for p in pemeriksa if p.jabatan not in JABATAN_NASIONAL]
    if not pemeriksa:
        return
    notifikasi_kirim(
        peristiwa="kegiatan.diajukan",
        objek=kegiatan,
        wilayah_kode=kegiatan.wilayah_id,
        subjek=_("Kegiatan menunggu verifikasi: %(j)s") % {"j": kegiatan.judul},
        isi=_("%(p)s mengajukan kegiatan %(tgl)s di %(w)s untuk diverifikasi.")
        % {
            "p": kegiatan.pendamping.nama,
            "tgl": kegiatan.tanggal.strftime("%d-%m-%Y"),
            "w": kegiatan.wilayah.nama,
        },
        payload=_payload(kegiatan, peristiwa),
        kunci=f"kegiatan.peristiwa:{peristiwa.pk}",
        pengguna=pemeriksa,
        email_pengguna=False,
    )


def kabari_pemilik(*, kegiatan: Kegiatan, peristiwa: KegiatanPeristiwa) -> None:
    dikembalikan = peristiwa.ke == StatusKegiatan.DIKEMBALIKAN
    if dikembalikan:
        subjek = _("Kegiatan dikembalikan: %(j)s") % {"j": kegiatan.judul}
        isi = _("Kegiatan Anda tanggal %(tgl)s dikembalikan dengan catatan: %(c)s") % {
            "tgl": kegiatan.tanggal.strftime("%d-%m-%Y"),
            "c": peristiwa.catatan,
        }
    else:
        subjek = _("Kegiatan diverifikasi: %(j)s") % {"j": kegiatan.judul}
        isi = _("Kegiatan Anda tanggal %(tgl)s telah diverifikasi.") % {
            "tgl": kegiatan.tanggal.strftime("%d-%m-%Y")
        }
    notifikasi_kirim(
        peristiwa=f"kegiatan.{peristiwa.ke}",
        objek=kegiatan,
        wilayah_kode=kegiatan.wilayah_id,
        subjek=subjek,
        isi=isi,
        payload=_payload(kegiatan, peristiwa),
        kunci=f"kegiatan.peristiwa:{peristiwa.pk}",
        pengguna=[kegiatan.pendamping],
        email_pengguna=dikembalikan,
    )
