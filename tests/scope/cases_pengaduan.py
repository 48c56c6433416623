"""Scope cases of the complaints app (pengaduan)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from .kasus import Daftar, Login, Objek, Publik


def _aduan(d, desa, **kw):
    from tests.pengaduan.factories import pengaduan_buat

    return pengaduan_buat(desa, judul=f"Aduan lingkup {desa.kode}", **kw)


def _ditangani(d, desa):
    from pengaduan import services

    p = _aduan(d, desa)
    services.pengaduan_verifikasi(pengaduan=p, user=d.pengawas.user, keputusan="diverifikasi")
    services.pengaduan_tugaskan(pengaduan=p, user=d.pengawas.user, penangan=d.pemilik[desa.kode])
    return p


def _dirujuk(d, desa):
    from pengaduan import services

    p = _ditangani(d, desa)
    services.pengaduan_rujuk(pengaduan=p, user=d.pengawas.user, instansi="Dinas Sosial")
    return p


def _selesai(d, desa):
    from pengaduan import services

    p = _ditangani(d, desa)
    services.pengaduan_musyawarah_catat(
        pengaduan=p,
        user=d.pengawas.user,
        tanggal=timezone.localdate(),
        tempat="Balai desa",
        pihak_hadir="Warga",
        kesepakatan="Sepakat",
        mufakat=True,
    )
    return p


def _dengan_lampiran(d, desa):
    buf = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buf, "PNG")
    p = _aduan(d, desa, lampiran=[SimpleUploadedFile("a.png", buf.getvalue())])
    return {"pk": p.lampiran.get().pk}


def _pk(fn):
    return lambda d, desa: {"pk": fn(d, desa).pk}


KASUS = {
    # public (no account): the form, the code page (redirects without a code in the session),
    # the desa search (desa names and codes are public), the status page (by code)
    "pengaduan:lapor": Publik(),
    "pengaduan:lapor-terkirim": Publik(status=(302,)),
    "pengaduan:lapor-desa": Publik(),
    "pengaduan:status": Publik(),
    "pengaduan:status-tanggapan": Publik(status=(405,)),  # POST only, by tracking code
    # internal
    "pengaduan:daftar": Daftar(buat=lambda d, desa: _aduan(d, desa).judul),
    "pengaduan:papan": Daftar(buat=lambda d, desa: _aduan(d, desa).judul, pengguna="pengawas"),
    "pengaduan:baru": Login(),
    "pengaduan:detail": Objek(buat=_pk(_aduan)),
    "pengaduan:verifikasi": Objek(
        buat=_pk(_aduan),
        metode="post",
        data={"keputusan": "diverifikasi"},
        status=(302,),
        pengguna_a="pengawas",
    ),
    "pengaduan:tugaskan": Objek(
        buat=lambda d, desa: {"pk": _ditangani(d, desa).pk},
        metode="post",
        data={"catatan": "tanpa penangan"},
        status=(400,),
        pengguna_a="pengawas",
    ),
    "pengaduan:musyawarah": Objek(buat=_pk(_ditangani)),
    "pengaduan:balas": Objek(
        buat=_pk(_ditangani), metode="post", data={"isi": "Balasan", "publik": "on"}, status=(302,)
    ),
    "pengaduan:rujuk": Objek(
        buat=_pk(_ditangani), metode="post", data={"instansi": "Dinas PU"}, status=(302,)
    ),
    "pengaduan:tutup": Objek(
        buat=_pk(_dirujuk), metode="post", status=(302,), pengguna_a="pengawas"
    ),
    "pengaduan:buka": Objek(
        buat=_pk(_selesai),
        metode="post",
        data={"alasan": "Kesepakatan tidak dijalankan"},
        status=(302,),
        pengguna_a="pengawas",
    ),
    "pengaduan:lampiran": Objek(buat=_dengan_lampiran),
}

QUERY = {"pengaduan:lapor-desa": "?q=Desa"}

# the API (pengaduan/api.py, pengaduan/api_publik.py): staff reads as the pages; the public intake
# and status are anonymous (a POST-only list answers a GET 405; an unknown code is a 404)
KASUS.update(
    {
        "api:pengaduan-list": Daftar(buat=lambda d, desa: _aduan(d, desa).judul),
        "api:pengaduan-detail": Objek(buat=_pk(_aduan)),
        "api:pengaduan-lampiran-detail": Objek(buat=_dengan_lampiran),
        "api:pengaduan-lampiran-unduh": Objek(buat=_dengan_lampiran),
        "api:pengaduan-publik-list": Publik(status=(405,)),
        "api:pengaduan-publik-formulir": Publik(),
        "api:pengaduan-publik-detail": Publik(kwargs=lambda d: {"kode": _aduan(d, d.desa_a).kode}),
    }
)
