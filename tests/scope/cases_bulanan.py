"""Scope walk cases of the monthly report (pendampingan/bulanan)."""

import datetime

from django.utils import timezone

from pendampingan.bulanan.models import StatusLaporan
from tests.bulanan.factories import bulan_ini, laporan, rencana

from .kasus import Daftar, Login, Objek

BULAN = bulan_ini()


def _bulan(d):
    return {"bulan": BULAN}


def _rencana(d, desa):
    r = rencana(d.pemilik[desa.kode], desa, BULAN, sasaran=f"Sasaran {desa.nama}")
    return {"pk": r.pk}


def _penanda_rencana(d, desa):
    r = rencana(d.pemilik[desa.kode], desa, BULAN, sasaran=f"Sasaran rencana {desa.kode}")
    return r.sasaran


def _laporan(status=StatusLaporan.DRAF):
    def buat(d, desa):
        return {"pk": laporan(d.pemilik[desa.kode], desa, status=status).pk}

    return buat


def _penanda_laporan(d, desa):
    lap = laporan(d.pemilik[desa.kode], desa, bulan=datetime.date(2026, 1, 1))
    return f"/bulanan/laporan/{lap.pk}/"


def _laporan_diajukan_penanda(d, desa):
    p = d.pemilik[desa.kode]
    laporan(p, desa, status=StatusLaporan.DIAJUKAN, diajukan_pada=timezone.now())
    return p.nama


KASUS = {
    "bulanan:beranda": Daftar(buat=_penanda_laporan),
    "bulanan:periksa": Daftar(buat=_laporan_diajukan_penanda, pengguna="pengawas"),
    "bulanan:bulan": Daftar(buat=_penanda_rencana, kwargs=_bulan),
    "bulanan:rencana-tambah": Login(status=(405,), kwargs=_bulan),
    "bulanan:rencana-salin": Login(status=(405,), kwargs=_bulan),
    "bulanan:laporan-susun": Login(status=(405,), kwargs=_bulan),
    # a supervisor sees the plan row but may not change it: 403 (not 404)
    "bulanan:rencana-ubah": Objek(buat=_rencana, status=(200, 403)),
    "bulanan:rencana-hapus": Objek(buat=_rencana, status=(200, 403)),
    "bulanan:laporan-detail": Objek(buat=_laporan()),
    # asking for a file queues it on the core download pipeline and redirects to its page
    "bulanan:laporan-pdf": Objek(buat=_laporan(), metode="post", status=(302,)),
    "bulanan:laporan-xlsx": Objek(buat=_laporan(), metode="post", status=(302,)),
    "bulanan:laporan-susun-ulang": Objek(buat=_laporan(), metode="post", status=(302,)),
    "bulanan:laporan-narasi": Objek(buat=_laporan(), metode="post", status=(302,)),
    "bulanan:laporan-ajukan": Objek(buat=_laporan(), metode="post", status=(302,)),
    "bulanan:laporan-setujui": Objek(
        buat=_laporan(StatusLaporan.DIAJUKAN), metode="post", status=(302,), pengguna_a="pengawas"
    ),
    "bulanan:laporan-kembalikan": Objek(
        buat=_laporan(StatusLaporan.DIAJUKAN),
        metode="post",
        status=(302,),
        pengguna_a="pengawas",
        data={"catatan": "Perbaiki narasi"},
    ),
    "bulanan:laporan-rekomendasi": Objek(
        buat=_laporan(StatusLaporan.DISETUJUI),
        metode="post",
        status=(302,),
        pengguna_a="pengawas",
        data={"rekomendasi": "bayar"},
    ),
    "bulanan:laporan-buka": Objek(
        buat=_laporan(StatusLaporan.DISETUJUI),
        metode="post",
        status=(302,),
        pengguna_a="pengawas",
        data={"alasan": "Koreksi jam", "sampai": str(timezone.localdate())},
    ),
    "bulanan:rekap": Daftar(buat=lambda d, desa: d.pemilik[desa.kode].nama, pengguna="pengawas"),
    "bulanan:rekap-xlsx": Login(status=(405,)),
    # POST only (an area's ZIP, for its supervisors); the file is the core's owner-only download
    "bulanan:rekap-zip": Login(status=(405,)),
}
