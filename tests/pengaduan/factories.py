"""Complaints for tests, made through the intake service (so codes, deadlines and events are real)."""

import datetime
import importlib

from django.apps import apps
from django.core import signing
from django.utils import timezone

from pengaduan import services
from pengaduan.forms import GARAM_TANTANGAN
from pengaduan.models import JenisPengaduan, Kategori, Saluran

URL_LAPOR = "/pengaduan/lapor/"


def kategori_isi() -> None:
    """The categories of the data migration (a transactional test's flush empties the table)."""
    importlib.import_module("pengaduan.migrations.0002_kategori_awal").isi(apps, None)


def kategori(kode="dana-desa") -> Kategori:
    if not Kategori.objects.filter(kode=kode).exists():
        kategori_isi()
    return Kategori.objects.get(kode=kode)


def pengaduan_buat(desa, *, judul="Jalan desa rusak", kategori_kode="dana-desa", **kw):
    data = {
        "jenis": JenisPengaduan.PENGADUAN,
        "kategori": kategori(kategori_kode),
        "wilayah": desa,
        "judul": judul,
        "isi": "Jalan di dusun 2 berlubang sejak tiga bulan.",
        "saluran": Saluran.WEB,
        "pelapor_nama": "Siti Pelapor",
        "pelapor_telepon": "081234567890",
        "pelapor_email": "",
        "anonim": True,
        "rahasia": False,
    }
    data.update(kw)
    return services.pengaduan_terima(**data)


def diterima_pada(tanggal: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time(9, 0)))


def isian_publik(client, dunia, **ubah) -> dict:
    """A filled public form: fetch the page for its challenge and one-time key, answer it."""
    resp = client.get(URL_LAPOR)
    form = resp.context["form"]
    soal = signing.loads(form.token, salt=GARAM_TANTANGAN)
    data = {
        "jenis": "pengaduan",
        "kategori": kategori().pk,
        "desa": dunia.desa_a.kode,
        "judul": "BLT tidak sampai",
        "isi": "Bantuan bulan ini belum diterima tiga keluarga di RT 02.",
        "pelapor_nama": "Bu Warsini",
        "pelapor_telepon": "0812000111",
        "pelapor_email": "",
        "anonim": "on",
        "tantangan": form.token,
        "jawaban": soal["a"] + soal["b"],
        "situs_web": "",
        "kunci_sekali": str(form.initial["kunci_sekali"]),
    }
    data.update(ubah)
    return {k: v for k, v in data.items() if v is not None}
