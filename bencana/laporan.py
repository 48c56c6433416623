"""The ministry report: a numbered version per significant update, sent through the outbox.

Version 1 is written by the quick report (peristiwa ``bencana.dilaporkan``); each later version
(peristiwa ``bencana.laporan_versi``) is sent on request after a status change or a new impact
snapshot. A report made by phone, in person or in writing outside the app (duty F4) is recorded
as a version too (``laporan_luar_catat``), with who at the ministry took it, and sends nothing. The outbox's idempotency key is ``bencana:<incident id>:v<number>``, so a version is never
delivered twice, and a new version always is.
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.inti.akses import pastikan, pengawas_wilayah
from pendampingan.models import Pendamping
from pendampingan.notifikasi.services import notifikasi_kirim

from .models import Kejadian, LaporanVersi, SaluranLaporan, StatusKejadian

PERISTIWA_AWAL = "bencana.dilaporkan"
PERISTIWA_VERSI = "bencana.laporan_versi"


def laporan_isi(*, kejadian: Kejadian, nomor: int, pemicu: str) -> dict:
    """The report's payload (JSON-safe): identity, villages, impact totals and per desa, the
    chronology, the evidence with hashes, coordination and decisions. A fixed number of queries."""
    from . import selectors

    desa = list(kejadian.desa_terdampak.select_related("wilayah__induk__induk").order_by("pk"))
    kab = kejadian.wilayah.induk.induk if kejadian.wilayah.induk_id else None
    total = selectors.dampak_total(kejadian_ids=[kejadian.pk]).get(kejadian.pk)
    per_desa = selectors.dampak_terkini_per_desa(kejadian=kejadian)
    evakuasi = selectors.pengungsian(kejadian=kejadian)

    def angka(src):
        return {k: (str(v) if k.endswith("_ha") else v) for k, v in src.items() if k != "n_desa"}

    return {
        "kode": kejadian.kode,
        "versi": nomor,
        "pemicu": pemicu,
        "jenis": {
            "kode": kejadian.jenis.kode,
            "nama": kejadian.jenis.nama,
            "kategori": kejadian.jenis.kategori,
        },
        "waktu": kejadian.waktu.isoformat(),
        "status": kejadian.status,
        "status_label": str(StatusKejadian(kejadian.status).label),
        "ringkasan": kejadian.ringkasan,
        "kabupaten": {"kode": kab.kode, "nama": kab.nama} if kab else None,
        "desa": [
            {
                "kode": d.wilayah.kode,
                "nama": d.wilayah.nama,
                "kecamatan": d.wilayah.induk.nama if d.wilayah.induk_id else "",
            }
            for d in desa
        ],
        "koordinat": (
            {"lintang": str(kejadian.lintang), "bujur": str(kejadian.bujur)}
            if kejadian.lintang is not None
            else None
        ),
        "dampak_total": angka(total) if total else None,
        "dampak_per_desa": [
            {"desa": s.wilayah.kode, "per": s.waktu.isoformat(), **angka(_baris(s))}
            for s in per_desa
        ],
        "pengungsian": {
            "jiwa": evakuasi["pengungsian_jiwa"],
            "rincian": [
                {
                    "desa": p.wilayah.kode,
                    "lokasi": p.lokasi,
                    "jiwa": p.jumlah_jiwa,
                    "waktu": p.waktu.isoformat(),
                    "oleh": p.dipindahkan_oleh,
                }
                for p in evakuasi["pengungsian"]
                if not p.koreksi_list and p.jumlah_jiwa
            ],
        },
        "bukti": [
            {"nama": b.nama_asli, "jenis": b.jenis, "sha256": b.sha256}
            for b in kejadian.bukti.order_by("pk")
        ],
        "pelapor": {
            "nama": kejadian.pelapor.nama,
            "jabatan": str(kejadian.pelapor.get_jabatan_display()),
            "telepon": kejadian.pelapor.telepon,
        },
        "tautan": reverse("bencana:kejadian-detail", args=[kejadian.pk]),
        "dikirim": timezone.now().isoformat(),
    }


def _baris(snapshot) -> dict:
    from .models import NAMA_KOLOM_DAMPAK

    return {k: getattr(snapshot, k) for k in NAMA_KOLOM_DAMPAK}


def _subjek(kejadian: Kejadian, nomor: int) -> str:
    dasar = _("%(jenis)s di %(desa)s — %(kode)s") % {
        "jenis": kejadian.jenis.nama,
        "desa": kejadian.wilayah.nama,
        "kode": kejadian.kode,
    }
    if nomor == 1:
        return _("[Laporan kejadian] %(d)s") % {"d": dasar}
    return _("[Laporan kejadian v%(n)d] %(d)s") % {"n": nomor, "d": dasar}


def _isi_teks(isi: dict) -> str:
    baris = [
        f"{isi['kode']} · {isi['jenis']['nama']} · {isi['status_label']}",
        _("Versi %(n)d: %(p)s") % {"n": isi["versi"], "p": isi["pemicu"]},
        _("Waktu: %(w)s") % {"w": isi["waktu"]},
        _("Desa: %(d)s") % {"d": ", ".join(d["nama"] for d in isi["desa"])},
        _("Apa yang terjadi: %(r)s") % {"r": isi["ringkasan"]},
    ]
    if isi["dampak_total"]:
        t = isi["dampak_total"]
        baris.append(
            _(
                "Dampak: meninggal %(m)s, hilang %(h)s, luka %(l)s, mengungsi %(u)s, "
                "terdampak %(j)s jiwa."
            )
            % {
                "m": t["meninggal"],
                "h": t["hilang"],
                "l": t["luka_berat"] + t["luka_ringan"],
                "u": t["mengungsi"],
                "j": t["terdampak_jiwa"],
            }
        )
    if isi.get("pengungsian", {}).get("jiwa"):
        baris.append(
            _("Dipindahkan ke tempat aman: %(n)s jiwa (%(l)s).")
            % {
                "n": isi["pengungsian"]["jiwa"],
                "l": "; ".join(f"{r['lokasi']} {r['jiwa']}" for r in isi["pengungsian"]["rincian"]),
            }
        )
    baris.append(
        _("Pelapor: %(n)s (%(j)s)") % {"n": isi["pelapor"]["nama"], "j": isi["pelapor"]["jabatan"]}
    )
    return "\n".join(baris)


def perubahan_sejak_versi(*, kejadian: Kejadian, versi_terakhir: LaporanVersi | None) -> list[str]:
    """What changed since the last version sent (status moves, new impact snapshots): the reasons
    offered for a new version. Two queries."""
    if versi_terakhir is None:
        return []
    sejak = versi_terakhir.dibuat
    alasan = [
        _("Status menjadi %(s)s") % {"s": p.get_ke_display()}
        for p in kejadian.perubahan.filter(waktu__gt=sejak).order_by("waktu")
    ]
    alasan += [
        _("Penilaian dampak baru %(desa)s") % {"desa": d.wilayah.nama}
        for d in kejadian.dampak.filter(dibuat__gt=sejak).select_related("wilayah").order_by("pk")
    ]
    return alasan


def penerima_pengawas(*, kejadian: Kejadian):
    """The supervisors up the chain of every affected desa (users, no duplicates), from the
    platform's one answer to "who supervises here" (``inti.akses.pengawas_wilayah``)."""
    users = {}
    for kode in kejadian.desa_terdampak.values_list("wilayah_id", flat=True):
        for p in pengawas_wilayah(kode=kode):
            users[p.user_id] = p.user
    return list(users.values())


def _beritahu(*, kejadian: Kejadian, versi: LaporanVersi) -> list:
    """Write the outbox rows of one report version (in the caller's transaction)."""
    return notifikasi_kirim(
        peristiwa=PERISTIWA_AWAL if versi.nomor == 1 else PERISTIWA_VERSI,
        objek=kejadian,
        wilayah_kode=kejadian.wilayah_id,
        subjek=_subjek(kejadian, versi.nomor),
        isi=_isi_teks(versi.isi),
        payload=versi.isi,
        kunci=versi.kunci,
        pengguna=penerima_pengawas(kejadian=kejadian),
        email_pengguna=True,
        kementerian=True,
    )


@transaction.atomic
def laporan_kirim(
    *, kejadian: Kejadian, oleh: Pendamping, pemicu: str, kunci_sekali: uuid.UUID | None = None
) -> LaporanVersi:
    """Send the next version of the ministry report (the user's request). A repeat of
    ``kunci_sekali`` raises ``SudahTersimpan`` with the version it sent: no second version, no
    second set of messages."""
    from . import akses
    from .services._umum import pengguna, sekali

    user = pengguna(oleh)

    def buat(kunci):
        pastikan(
            akses.boleh_kirim_laporan(user, kejadian),
            _("Anda tidak berhak mengirim laporan kejadian ini ke kementerian."),
        )
        return versi_kirim(kejadian=kejadian, oleh=oleh, pemicu=pemicu, kunci=kunci)

    return sekali(LaporanVersi, kunci_sekali, buat)


@transaction.atomic
def laporan_luar_catat(
    *,
    kejadian: Kejadian,
    oleh: Pendamping,
    saluran: str,
    penerima_nama: str,
    penerima_unit: str = "",
    waktu: datetime.datetime,
    pemicu: str,
    kunci_sekali: uuid.UUID | None = None,
) -> LaporanVersi:
    """Duty F4: record a report made to the ministry outside the app — by phone, in person, or in
    writing (a letter, a message) — as the next version, with who at the ministry took it and
    when. Nothing is sent (the ministry has it already); the version keeps the incident as the
    system knew it. A repeat of ``kunci_sekali`` raises ``SudahTersimpan`` with that version."""
    from . import akses
    from .services._umum import pengguna, sekali, waktu_lampau

    user = pengguna(oleh)

    def buat(kunci):
        pastikan(
            akses.boleh_kirim_laporan(user, kejadian),
            _("Anda tidak berhak mencatat laporan kejadian ini ke kementerian."),
        )
        errors = {}
        if saluran not in SaluranLaporan.values or saluran == SaluranLaporan.SISTEM:
            errors["saluran"] = _("Pilih cara melapor: telepon, langsung, atau tertulis.")
        if not (penerima_nama or "").strip():
            errors["penerima_nama"] = _("Tuliskan nama petugas kementerian yang menerima laporan.")
        if not (pemicu or "").strip():
            errors["pemicu"] = _("Tuliskan apa yang dilaporkan.")
        if errors:
            raise ValidationError(errors)
        waktu_lampau(waktu)
        return versi_kirim(
            kejadian=kejadian,
            oleh=oleh,
            pemicu=pemicu.strip(),
            kunci=kunci,
            saluran=saluran,
            penerima_nama=penerima_nama.strip(),
            penerima_unit=(penerima_unit or "").strip(),
            waktu_lapor=waktu,
        )

    return sekali(LaporanVersi, kunci_sekali, buat)


def versi_kirim(
    *,
    kejadian: Kejadian,
    oleh: Pendamping,
    pemicu: str,
    kunci: uuid.UUID | None = None,
    saluran: str = SaluranLaporan.SISTEM,
    **luar,
) -> LaporanVersi:
    """Write the next version: the incident row is locked, the version numbered, its payload kept,
    and — for a version the app sends — the outbox rows written in the caller's transaction
    (``luar``: the receiver and moment of a version reported outside the app)."""
    kejadian = (
        Kejadian.objects.select_for_update(of=("self",))
        .select_related("jenis", "wilayah__induk__induk", "pelapor")
        .get(pk=kejadian.pk)
    )
    terakhir = kejadian.laporan.order_by("-nomor").values_list("nomor", flat=True).first() or 0
    nomor = terakhir + 1
    isi = laporan_isi(kejadian=kejadian, nomor=nomor, pemicu=pemicu)
    if saluran != SaluranLaporan.SISTEM:
        isi["saluran"] = {
            "kode": saluran,
            "label": str(SaluranLaporan(saluran).label),
            "penerima_nama": luar.get("penerima_nama", ""),
            "penerima_unit": luar.get("penerima_unit", ""),
            "waktu": luar["waktu_lapor"].isoformat(),
        }
    versi = LaporanVersi.objects.create(
        kejadian=kejadian,
        nomor=nomor,
        pemicu=pemicu,
        isi=isi,
        dikirim_oleh=oleh,
        kunci_sekali=kunci,
        saluran=saluran,
        **luar,
    )
    if saluran == SaluranLaporan.SISTEM:
        _beritahu(kejadian=kejadian, versi=versi)
    return versi
