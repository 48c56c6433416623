import datetime

from fasilitasi import services
from fasilitasi.models import Fasilitasi, TemplatAlur
from tests.fasilitasi.factories import berkas_pdf

from .kasus import Daftar, Login, Objek


def _kasus(d, desa) -> Fasilitasi:
    pemilik = d.pemilik[desa.kode]
    ada = Fasilitasi.objects.filter(wilayah=desa).first()
    if ada:
        return ada
    return services.fasilitasi_buka(
        user=pemilik.user,
        wilayah=desa,
        templat=TemplatAlur.objects.get(kode="apb-desa"),
        tahun=datetime.date.today().year,
        penanggung_jawab=pemilik,
        judul=f"Kasus di {desa.nama}",
    )


def _dokumen(d, desa):
    kasus = _kasus(d, desa)
    dok = services.dokumen_lampirkan(
        kasus=kasus,
        user=d.pemilik[desa.kode].user,
        nama="Rancangan Perdes APB Desa",
        berkas=berkas_pdf(isi=desa.kode.encode()),
    )
    return {"pk": dok.pk}


def _bumdes(d, desa):
    return services.bumdes_simpan(
        user=d.pemilik[desa.kode].user,
        data={"wilayah": desa, "nama": f"BUM Desa {desa.nama}", "jenis": "bumdes"},
    )


KASUS = {
    "fasilitasi:kasus-saya": Daftar(buat=lambda d, desa: _kasus(d, desa).judul),
    "fasilitasi:kasus-list": Daftar(buat=lambda d, desa: _kasus(d, desa).judul),
    "fasilitasi:kasus-buat": Login(),
    "fasilitasi:kasus-detail": Objek(buat=lambda d, desa: {"pk": _kasus(d, desa).pk}),
    "fasilitasi:kasus-maju": Objek(
        buat=lambda d, desa: {"pk": _kasus(d, desa).pk}, metode="post", status=(302,)
    ),
    "fasilitasi:kasus-mundur": Objek(
        buat=lambda d, desa: {"pk": _kasus(d, desa).pk},
        metode="post",
        status=(302,),
        data={"alasan": "uji"},
    ),
    "fasilitasi:kasus-status": Objek(
        buat=lambda d, desa: {"pk": _kasus(d, desa).pk},
        metode="post",
        status=(302,),
        data={"status": "ditunda", "catatan": "uji"},
    ),
    # an empty upload: the case page again with the message on the field (nothing stored)
    "fasilitasi:kasus-dokumen": Objek(
        buat=lambda d, desa: {"pk": _kasus(d, desa).pk}, metode="post", status=(200,)
    ),
    "fasilitasi:dokumen-unduh": Objek(buat=_dokumen),
    # the board of the user's own regions: A's desa is a row, B's never
    "fasilitasi:papan": Daftar(buat=lambda d, desa: _kasus(d, desa).wilayah.nama),
    "fasilitasi:papan-belum": Daftar(buat=lambda d, desa: desa.nama),
    "fasilitasi:bumdes-list": Daftar(buat=lambda d, desa: _bumdes(d, desa).nama),
    "fasilitasi:bumdes-buat": Login(),
    "fasilitasi:bumdes-detail": Objek(buat=lambda d, desa: {"pk": _bumdes(d, desa).pk}),
    # the provincial supervisor may look but not edit (403); the owner's 200 is asserted in
    # tests/fasilitasi/test_views.py
    "fasilitasi:bumdes-ubah": Objek(
        buat=lambda d, desa: {"pk": _bumdes(d, desa).pk}, status=(200, 403)
    ),
    "fasilitasi:bumdes-unit": Objek(
        buat=lambda d, desa: {"pk": _bumdes(d, desa).pk},
        metode="post",
        status=(302,),
        data={"unit-nama": "Air bersih", "unit-aktif": "on"},
    ),
    "fasilitasi:bumdes-pengurus": Objek(
        buat=lambda d, desa: {"pk": _bumdes(d, desa).pk},
        metode="post",
        status=(302,),
        data={"pengurus-nama": "Siti", "pengurus-jabatan": "direktur"},
    ),
    "fasilitasi:bumdes-laporan": Objek(
        buat=lambda d, desa: {"pk": _bumdes(d, desa).pk},
        metode="post",
        status=(302,),
        data={"laporan-tahun": "2025", "laporan-omzet": "1000"},
    ),
    # facilitators do not import national index data; supervisors and admins do
    "fasilitasi:status-impor": Login(status=(403,)),
}
