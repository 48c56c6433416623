"""Every write of the monthly report: plans, generation, the review flow, reopening, downloads."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pendampingan.models import JenisPenugasan, Pendamping, Penugasan, TataCara, Tingkat, Wilayah
from pendampingan.scope import cakupan_pengguna
from pendampingan.wilayah_kode import prefiks

from .models import (
    LANGKAH_SAH,
    JenisNarasi,
    LaporanBulanan,
    NarasiLaporan,
    PembukaanBulan,
    PeristiwaLaporan,
    Rekomendasi,
    RencanaKerja,
    StatusLaporan,
    StatusUnduhan,
    Unduhan,
)
from .periode import (
    akhir_bulan,
    alasan_kunci_bulan,
    awal_bulan,
    bulan_lalu,
    lewat_tenggat,
    nama_bulan,
)
from .ringkasan import draf_narasi, ringkasan_hitung, wilayah_laporan

# The supervision chain as ranks: a report is approved by someone higher up.
PERINGKAT_JABATAN = {
    "pld": 1,
    "pd": 2,
    "pendamping_teknis": 2,
    "tapm_kabupaten": 3,
    "koordinator_kabupaten": 3,
    "ta_provinsi": 4,
    "koordinator_provinsi": 4,
    "ta_pusat": 5,
    "koordinator_nasional": 5,
}


# ------------------------------------------------------------------------------- helpers
def penugasan_lapangan_bulan(*, pendamping: Pendamping, bulan: datetime.date):
    """The facilitator's field assignments that overlap the month."""
    return Penugasan.objects.filter(
        pendamping=pendamping, jenis=JenisPenugasan.LAPANGAN, mulai__lte=akhir_bulan(bulan)
    ).filter(Q(selesai__isnull=True) | Q(selesai__gte=bulan))


def desa_tugas_bulan(*, pendamping: Pendamping, bulan: datetime.date):
    """The desa the facilitator was assigned to (in the field) during the month."""
    kode = list(
        penugasan_lapangan_bulan(pendamping=pendamping, bulan=bulan).values_list(
            "wilayah_id", flat=True
        )
    )
    if not kode:
        return Wilayah.objects.none()
    q = Q()
    for k in kode:
        q |= Q(kode=k) if k.count(".") == 3 else Q(kode__startswith=prefiks(k))
    return Wilayah.objects.filter(q, tingkat=Tingkat.DESA)


def _pendamping_pengguna(user) -> Pendamping:
    p = getattr(user, "pendamping", None) if hasattr(user, "pendamping") else None
    if p is None:
        raise PermissionDenied(_("Akun Anda belum terhubung dengan data pendamping."))
    return p


def _pastikan_pemilik(user, pendamping: Pendamping) -> None:
    if pendamping.user_id != user.pk:
        raise PermissionDenied(_("Hanya pendamping pemilik yang dapat melakukan ini."))


def _pastikan_bulan_terbuka(*, pendamping: Pendamping, bulan: datetime.date) -> None:
    alasan = alasan_kunci_bulan(pendamping_id=pendamping.pk, bulan=bulan)
    if alasan:
        raise ValidationError(alasan)


def boleh_memeriksa(user, laporan: LaporanBulanan) -> str | None:
    """Why ``user`` may not review ``laporan`` (approve, return, recommend, reopen), or None."""
    if laporan.pendamping.user_id == user.pk:
        return _("Anda tidak dapat memeriksa atau menyetujui laporan Anda sendiri.")
    if not user.has_perm("bulanan.setujui_laporanbulanan"):
        return _("Anda tidak memiliki izin untuk memeriksa laporan bulanan.")
    c = cakupan_pengguna(user)
    if c.nasional:
        return None
    if not any(
        laporan.wilayah_id == k or laporan.wilayah_id.startswith(prefiks(k))
        for k in c.wilayah_supervisi
    ):
        return _("Laporan ini bukan di wilayah yang Anda awasi.")
    if PERINGKAT_JABATAN.get(c.jabatan, 0) <= PERINGKAT_JABATAN.get(laporan.pendamping.jabatan, 0):
        return _("Laporan ini diperiksa oleh pengawas di atas jabatan %(j)s.") % {
            "j": laporan.pendamping.get_jabatan_display()
        }
    return None


def _pindah(*, laporan: LaporanBulanan, ke: str, user, catatan: str = "") -> bool:
    """Move the report along the allowed map and write the event row. Same state: no-op."""
    if laporan.status == ke:
        return False
    if ke not in LANGKAH_SAH.get(laporan.status, set()):
        raise ValidationError(
            _("Laporan berstatus %(dari)s tidak dapat diubah menjadi %(ke)s.")
            % {
                "dari": StatusLaporan(laporan.status).label.lower(),
                "ke": StatusLaporan(ke).label.lower(),
            }
        )
    PeristiwaLaporan.objects.create(
        laporan=laporan, oleh=user, dari=laporan.status, ke=ke, catatan=catatan
    )
    laporan.status = ke
    return True


# ---------------------------------------------------------------------------------- plans
def _validasi_rencana(*, pendamping, bulan, wilayah, tata_cara, target_kegiatan) -> None:
    errors = {}
    if tata_cara not in TataCara.values:
        errors["tata_cara"] = _("Pilih tata cara yang tersedia.")
    if target_kegiatan is None or target_kegiatan < 1:
        errors["target_kegiatan"] = _("Target kegiatan paling sedikit 1.")
    elif target_kegiatan > 200:
        errors["target_kegiatan"] = _("Target kegiatan terlalu besar (paling banyak 200).")
    if wilayah is None:
        errors["wilayah"] = _("Pilih desa.")
    elif not desa_tugas_bulan(pendamping=pendamping, bulan=bulan).filter(pk=wilayah.pk).exists():
        errors["wilayah"] = _(
            "%(desa)s bukan desa tugas Anda pada %(bulan)s. Rencana hanya dapat dibuat untuk desa "
            "dalam penugasan Anda."
        ) % {"desa": wilayah.label_lengkap, "bulan": nama_bulan(bulan)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def rencana_simpan(
    *,
    user,
    bulan: datetime.date,
    wilayah: Wilayah | None,
    tata_cara: str,
    target_kegiatan: int,
    sasaran: str = "",
    rencana: RencanaKerja | None = None,
) -> RencanaKerja:
    """Add (or change) a plan row of the user's own month."""
    pendamping = rencana.pendamping if rencana else _pendamping_pengguna(user)
    _pastikan_pemilik(user, pendamping)
    bulan = awal_bulan(bulan)
    _pastikan_bulan_terbuka(pendamping=pendamping, bulan=bulan)
    _validasi_rencana(
        pendamping=pendamping,
        bulan=bulan,
        wilayah=wilayah,
        tata_cara=tata_cara,
        target_kegiatan=target_kegiatan,
    )
    sama = RencanaKerja.objects.filter(
        pendamping=pendamping, bulan=bulan, wilayah=wilayah, tata_cara=tata_cara
    )
    if rencana:
        sama = sama.exclude(pk=rencana.pk)
    if sama.exists():
        raise ValidationError(
            {"tata_cara": _("Rencana untuk desa dan tata cara ini sudah ada pada bulan tersebut.")}
        )
    r = rencana or RencanaKerja(pendamping=pendamping, bulan=bulan)
    r.wilayah = wilayah
    r.tata_cara = tata_cara
    r.target_kegiatan = target_kegiatan
    r.sasaran = (sasaran or "").strip()
    r.save()
    return r


@transaction.atomic
def rencana_hapus(*, user, rencana: RencanaKerja) -> None:
    _pastikan_pemilik(user, rencana.pendamping)
    _pastikan_bulan_terbuka(pendamping=rencana.pendamping, bulan=rencana.bulan)
    rencana.delete()


@transaction.atomic
def rencana_salin_bulan_lalu(*, user, bulan: datetime.date) -> tuple[int, int]:
    """Copy last month's plan into ``bulan`` (rows already there are kept; desa no longer in the
    assignment are skipped). Returns (copied, skipped)."""
    pendamping = _pendamping_pengguna(user)
    bulan = awal_bulan(bulan)
    _pastikan_bulan_terbuka(pendamping=pendamping, bulan=bulan)
    sumber = list(RencanaKerja.objects.filter(pendamping=pendamping, bulan=bulan_lalu(bulan)))
    if not sumber:
        raise ValidationError(
            _("Tidak ada rencana kerja pada %(bulan)s untuk disalin.")
            % {"bulan": nama_bulan(bulan_lalu(bulan))}
        )
    boleh = set(desa_tugas_bulan(pendamping=pendamping, bulan=bulan).values_list("kode", flat=True))
    ada = set(
        RencanaKerja.objects.filter(pendamping=pendamping, bulan=bulan).values_list(
            "wilayah_id", "tata_cara"
        )
    )
    baru = [
        RencanaKerja(
            pendamping=pendamping,
            bulan=bulan,
            wilayah_id=r.wilayah_id,
            tata_cara=r.tata_cara,
            target_kegiatan=r.target_kegiatan,
            sasaran=r.sasaran,
        )
        for r in sumber
        if r.wilayah_id in boleh and (r.wilayah_id, r.tata_cara) not in ada
    ]
    for r in baru:  # save() one by one so simple-history records each row
        r.save()
    return len(baru), len(sumber) - len(baru)


# ------------------------------------------------------------------------------ the report
def _perbarui_narasi(*, laporan: LaporanBulanan, kegiatan, susun_ulang: bool) -> None:
    drafts = draf_narasi(bulan=laporan.bulan, kegiatan=kegiatan)
    ada = {(n.jenis, n.kunci): n for n in laporan.narasi.all()}
    dipakai = set()
    for urutan, (jenis, kunci, judul, teks) in enumerate(drafts):
        dipakai.add((jenis, kunci))
        n = ada.get((jenis, kunci))
        if n is None:
            NarasiLaporan.objects.create(
                laporan=laporan,
                jenis=jenis,
                kunci=kunci,
                judul=judul,
                urutan=urutan,
                draf=teks,
                teks=teks,
            )
            continue
        n.judul, n.urutan, n.draf = judul, urutan, teks
        if susun_ulang or not n.disunting:
            n.teks, n.disunting = teks, False
        n.save(update_fields=["judul", "urutan", "draf", "teks", "disunting"])
    for kunci, n in ada.items():
        # a section whose entries are gone: drop it unless the facilitator wrote in it
        if kunci not in dipakai and (susun_ulang or not n.disunting):
            n.delete()


def _isi_angka(laporan: LaporanBulanan, data: dict) -> None:
    laporan.hari_kerja = data["hari_kerja"]
    laporan.menit_kerja = data["menit_kerja"]
    laporan.jumlah_kegiatan = data["jumlah_kegiatan"]
    laporan.jumlah_terverifikasi = data["terverifikasi"]
    laporan.data = {k: v for k, v in data.items() if not k.startswith("_")}
    laporan.disusun_pada = timezone.now()


@transaction.atomic
def laporan_susun(
    *, user, bulan: datetime.date, susun_ulang_narasi: bool = False
) -> LaporanBulanan:
    """Create or refresh the user's report for ``bulan`` from the month's entries.

    The facilitator's edits to the narrative are kept unless ``susun_ulang_narasi``."""
    pendamping = _pendamping_pengguna(user)
    bulan = awal_bulan(bulan)
    if bulan > awal_bulan(timezone.localdate()):
        raise ValidationError(
            _("Laporan hanya dapat disusun untuk bulan berjalan atau sebelumnya.")
        )
    laporan = (
        LaporanBulanan.objects.select_for_update()
        .filter(pendamping=pendamping, bulan=bulan)
        .first()
    )
    if laporan and not laporan.dapat_diubah:
        raise ValidationError(
            _("Laporan berstatus %(s)s tidak dapat disusun ulang.")
            % {"s": laporan.get_status_display().lower()}
        )
    kode = list(
        penugasan_lapangan_bulan(pendamping=pendamping, bulan=bulan).values_list(
            "wilayah_id", flat=True
        )
    )
    wilayah_kode = wilayah_laporan(kode_list=sorted(set(kode)))
    if wilayah_kode is None:
        raise ValidationError(
            _("Anda tidak memiliki penugasan lapangan pada %(bulan)s, sehingga tidak ada laporan.")
            % {"bulan": nama_bulan(bulan)}
        )
    data = ringkasan_hitung(pendamping=pendamping, bulan=bulan)
    if laporan is None:
        try:
            with transaction.atomic():
                laporan = LaporanBulanan.objects.create(
                    pendamping=pendamping, bulan=bulan, wilayah_id=wilayah_kode
                )
        except IntegrityError:
            laporan = LaporanBulanan.objects.select_for_update().get(
                pendamping=pendamping, bulan=bulan
            )
    laporan.wilayah_id = wilayah_kode
    _isi_angka(laporan, data)
    laporan.save()
    _perbarui_narasi(laporan=laporan, kegiatan=data["_kegiatan"], susun_ulang=susun_ulang_narasi)
    return laporan


@transaction.atomic
def laporan_simpan_narasi(*, user, laporan: LaporanBulanan, teks: dict[int, str]) -> int:
    """Save the facilitator's narrative edits (``{narasi_id: text}``). Returns how many changed."""
    _pastikan_pemilik(user, laporan.pendamping)
    if not laporan.dapat_diubah:
        raise ValidationError(
            _("Narasi laporan berstatus %(s)s tidak dapat diubah.")
            % {"s": laporan.get_status_display().lower()}
        )
    berubah = 0
    for n in laporan.narasi.all():
        if n.pk not in teks:
            continue
        # browsers send CRLF line ends: compare and store text with plain LF
        baru = (teks[n.pk] or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        if len(baru) > 20000:
            raise ValidationError(
                _("Narasi %(judul)s terlalu panjang (paling banyak 20.000 karakter).")
                % {"judul": n.judul}
            )
        if baru != n.teks.strip():
            n.teks = baru
            n.disunting = baru != n.draf.strip()
            n.save(update_fields=["teks", "disunting"])
            berubah += 1
    return berubah


@transaction.atomic
def laporan_ajukan(*, user, laporan: LaporanBulanan) -> LaporanBulanan:
    """Submit the report for review: refreshed from the entries first (edits kept); an empty month
    is refused; a submission after the deadline is marked late."""
    _pastikan_pemilik(user, laporan.pendamping)
    if laporan.status == StatusLaporan.DIAJUKAN:
        return laporan
    laporan = laporan_susun(user=user, bulan=laporan.bulan)
    if laporan.jumlah_kegiatan == 0:
        raise ValidationError(
            _(
                "Laporan %(bulan)s belum dapat diajukan karena belum ada satu pun kegiatan tercatat "
                "pada bulan itu. Catat kegiatan harian Anda terlebih dahulu."
            )
            % {"bulan": nama_bulan(laporan.bulan)}
        )
    kosong = [n.judul for n in laporan.narasi.all() if not n.teks.strip()]
    if kosong:
        raise ValidationError(
            _("Narasi berikut masih kosong: %(daftar)s.") % {"daftar": ", ".join(kosong)}
        )
    _pindah(laporan=laporan, ke=StatusLaporan.DIAJUKAN, user=user)
    laporan.diajukan_pada = timezone.now()
    laporan.terlambat = lewat_tenggat(laporan.bulan)
    laporan.catatan_pengawas = ""
    laporan.save()
    _kabari(laporan=laporan, peristiwa="bulanan.diajukan")
    return laporan


def _pastikan_pemeriksa(user, laporan: LaporanBulanan) -> None:
    alasan = boleh_memeriksa(user, laporan)
    if alasan:
        raise ValidationError(alasan)


@transaction.atomic
def laporan_setujui(*, user, laporan: LaporanBulanan, catatan: str = "") -> LaporanBulanan:
    """Approve a submitted report; the month's entries become read-only."""
    _pastikan_pemeriksa(user, laporan)
    if laporan.status == StatusLaporan.DISETUJUI:
        return laporan
    _pindah(laporan=laporan, ke=StatusLaporan.DISETUJUI, user=user, catatan=(catatan or "").strip())
    laporan.disetujui_pada = timezone.now()
    laporan.disetujui_oleh = user
    laporan.catatan_pengawas = (catatan or "").strip()
    laporan.save()
    _kabari(laporan=laporan, peristiwa="bulanan.disetujui")
    return laporan


@transaction.atomic
def laporan_kembalikan(*, user, laporan: LaporanBulanan, catatan: str) -> LaporanBulanan:
    """Return a submitted report to its facilitator with a note saying what to fix."""
    _pastikan_pemeriksa(user, laporan)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError(
            {"catatan": _("Tuliskan catatan: apa yang perlu diperbaiki pendamping.")}
        )
    if laporan.status == StatusLaporan.DIKEMBALIKAN:
        return laporan
    _pindah(laporan=laporan, ke=StatusLaporan.DIKEMBALIKAN, user=user, catatan=catatan)
    laporan.catatan_pengawas = catatan
    laporan.disetujui_pada = None
    laporan.disetujui_oleh = None
    laporan.save()
    _kabari(laporan=laporan, peristiwa="bulanan.dikembalikan")
    return laporan


@transaction.atomic
def laporan_rekomendasikan(
    *, user, laporan: LaporanBulanan, rekomendasi: str, alasan: str = ""
) -> LaporanBulanan:
    """The supervisor's payment recommendation (pay / hold) with a reason (required for hold)."""
    _pastikan_pemeriksa(user, laporan)
    alasan = (alasan or "").strip()
    if rekomendasi not in Rekomendasi.values:
        raise ValidationError({"rekomendasi": _("Pilih bayar atau tahan.")})
    if rekomendasi == Rekomendasi.TAHAN and not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan pembayaran ditahan.")})
    if rekomendasi == Rekomendasi.BAYAR and laporan.status != StatusLaporan.DISETUJUI:
        raise ValidationError(
            {
                "rekomendasi": _(
                    "Pembayaran hanya dapat direkomendasikan untuk laporan yang disetujui."
                )
            }
        )
    laporan.rekomendasi = rekomendasi
    laporan.alasan_rekomendasi = alasan
    laporan.direkomendasi_oleh = user
    laporan.direkomendasi_pada = timezone.now()
    laporan.save(
        update_fields=[
            "rekomendasi",
            "alasan_rekomendasi",
            "direkomendasi_oleh",
            "direkomendasi_pada",
            "diubah",
        ]
    )
    return laporan


@transaction.atomic
def bulan_buka(
    *,
    user,
    pendamping: Pendamping,
    bulan: datetime.date,
    alasan: str,
    sampai: datetime.date | None = None,
) -> PembukaanBulan:
    """Reopen a facilitator's month for corrections until ``sampai`` (default: 3 days). A submitted
    or approved report goes back to the facilitator (``dikembalikan``) with the reason."""
    bulan = awal_bulan(bulan)
    alasan = (alasan or "").strip()
    hari_ini = timezone.localdate()
    sampai = sampai or hari_ini + datetime.timedelta(days=3)
    errors = {}
    if not alasan:
        errors["alasan"] = _("Tuliskan alasan membuka kembali bulan ini.")
    if sampai < hari_ini:
        errors["sampai"] = _("Tanggal batas tidak boleh di masa lalu.")
    elif sampai > hari_ini + datetime.timedelta(days=31):
        errors["sampai"] = _("Bulan dapat dibuka paling lama 31 hari.")
    if errors:
        raise ValidationError(errors)
    laporan = (
        LaporanBulanan.objects.select_for_update()
        .select_related("pendamping")
        .filter(pendamping=pendamping, bulan=bulan)
        .first()
    )
    if laporan is None:
        kode = list(
            penugasan_lapangan_bulan(pendamping=pendamping, bulan=bulan).values_list(
                "wilayah_id", flat=True
            )
        )
        wilayah_kode = wilayah_laporan(kode_list=sorted(set(kode)))
        if wilayah_kode is None:
            raise ValidationError(_("Pendamping ini tidak bertugas pada bulan tersebut."))
        bayangan = LaporanBulanan(pendamping=pendamping, bulan=bulan, wilayah_id=wilayah_kode)
    else:
        bayangan = laporan
    if not user.has_perm("bulanan.buka_bulan"):
        raise ValidationError(_("Anda tidak memiliki izin untuk membuka kembali bulan."))
    _pastikan_pemeriksa(user, bayangan)
    buka = PembukaanBulan.objects.create(
        pendamping=pendamping,
        wilayah_id=bayangan.wilayah_id,
        bulan=bulan,
        sampai=sampai,
        alasan=alasan,
        oleh=user,
    )
    if laporan and laporan.status in (StatusLaporan.DIAJUKAN, StatusLaporan.DISETUJUI):
        _pindah(
            laporan=laporan,
            ke=StatusLaporan.DIKEMBALIKAN,
            user=user,
            catatan=_("Bulan dibuka kembali sampai %(tgl)s: %(alasan)s")
            % {"tgl": sampai.strftime("%d-%m-%Y"), "alasan": alasan},
        )
        laporan.catatan_pengawas = alasan
        laporan.disetujui_pada = None
        laporan.disetujui_oleh = None
        laporan.save()
    return buka


# ------------------------------------------------------------------------------ downloads
@transaction.atomic
def unduhan_minta(*, user, wilayah: Wilayah, bulan: datetime.date) -> Unduhan:
    """Ask for every report of ``wilayah`` (a kabupaten or wider/narrower area the user
    supervises) in ``bulan`` as one ZIP, built in the background."""
    from .tasks import unduhan_zip_buat_task

    bulan = awal_bulan(bulan)
    if not user.has_perm("bulanan.lihat_rekap"):
        raise ValidationError(_("Anda tidak memiliki izin mengunduh rekap."))
    c = cakupan_pengguna(user)
    if not (c.nasional or c.boleh_lihat(wilayah.kode)) or not c.pengawas:
        raise ValidationError({"wilayah": _("Wilayah ini bukan wilayah yang Anda awasi.")})
    u = Unduhan.objects.create(
        user=user,
        wilayah=wilayah,
        bulan=bulan,
        judul=_("Laporan bulanan %(w)s %(b)s (ZIP)") % {"w": wilayah.nama, "b": nama_bulan(bulan)},
        status=StatusUnduhan.ANTRE,
    )
    transaction.on_commit(lambda: unduhan_zip_buat_task.delay(u.pk))
    return u


def pemeriksa_laporan(*, laporan: LaporanBulanan) -> list[Pendamping]:
    """The nearest supervisors above the report's facilitator: those supervising the report's
    region (or above it) with the lowest rank that is still above the facilitator's."""
    from pendampingan.selectors import pengawas_wilayah

    peringkat = PERINGKAT_JABATAN.get(laporan.pendamping.jabatan, 0)
    calon = [
        p
        for p in pengawas_wilayah(kode=laporan.wilayah_id)
        if PERINGKAT_JABATAN.get(p.jabatan, 0) > peringkat and p.pk != laporan.pendamping_id
    ]
    if not calon:
        return []
    terdekat = min(PERINGKAT_JABATAN.get(p.jabatan, 0) for p in calon)
    return [p for p in calon if PERINGKAT_JABATAN.get(p.jabatan, 0) == terdekat]


def _kabari(*, laporan: LaporanBulanan, peristiwa: str) -> None:
    """Write the outbox rows of a report's move (in this transaction): a submission goes to the
    nearest supervisors, an approval or a return to the facilitator."""
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


def unduhan_kabari_siap(*, unduhan: Unduhan) -> None:
    """Tell the user their download is ready (in-app only)."""
    from pendampingan.notifikasi.services import notifikasi_kirim

    notifikasi_kirim(
        peristiwa="bulanan.unduhan_siap",
        objek=unduhan,
        wilayah_kode=unduhan.wilayah_id,
        subjek=_("Unduhan siap: %(j)s") % {"j": unduhan.judul},
        isi=_("%(j)s siap diunduh dari halaman Unduhan saya.") % {"j": unduhan.judul},
        payload={"unduhan": unduhan.pk},
        kunci=f"bulanan:unduhan:{unduhan.pk}",
        pengguna=[unduhan.user],
        email_pengguna=False,
    )


__all__ = [
    "JenisNarasi",
    "boleh_memeriksa",
    "bulan_buka",
    "laporan_ajukan",
    "laporan_kembalikan",
    "laporan_rekomendasikan",
    "laporan_setujui",
    "laporan_simpan_narasi",
    "laporan_susun",
    "rencana_hapus",
    "rencana_salin_bulan_lalu",
    "rencana_simpan",
    "unduhan_minta",
]
