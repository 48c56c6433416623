"""Move this app's own downloads into the core download model (``pendampingan.Unduhan``).

Each ``bulanan.Unduhan`` row becomes a ``pendampingan.Unduhan`` of kind ``bulanan.zip`` for the same
user (``parameter`` = ``{"wilayah": <kode>, "bulan": "YYYY-MM-DD"}``; title, state, size, count,
message and times kept). Its ZIP is copied from ``MEDIA_ROOT`` (the default storage) into the
private storage under the core's path ``unduhan/YYYY/MM/<uuid>/<name>``; the original is removed
once the migration has committed. A row whose file is missing, and a row still queued or being
built (the old task no longer exists), is kept as failed with a message asking to request it again.
The reverse copies the rows (and files) back.
"""

import os
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, transaction

JENIS = "bulanan.zip"
PESAN_HILANG = "Berkas tidak ditemukan saat dipindahkan; silakan minta sekali lagi."
PESAN_ANTRE = "Permintaan dibuat sebelum pembaruan sistem; silakan minta sekali lagi."


def _privat():
    from pendampingan.penyimpanan import penyimpanan_privat

    return penyimpanan_privat()


def _baca(storage, nama):
    if not nama:
        return None
    try:
        with storage.open(nama, "rb") as fh:
            return fh.read()
    except (FileNotFoundError, OSError):
        return None


def _hapus_setelah_commit(storage, nama):
    def hapus():
        try:
            storage.delete(nama)
        except OSError:
            pass

    transaction.on_commit(hapus)


def maju(apps, schema_editor):
    Lama = apps.get_model("bulanan", "Unduhan")
    Baru = apps.get_model("pendampingan", "Unduhan")
    privat = _privat()
    for u in Lama.objects.all().order_by("pk").iterator():
        baru = Baru(
            id=uuid.uuid4(),
            pengguna_id=u.user_id,
            jenis=JENIS,
            judul=u.judul,
            parameter={"wilayah": u.wilayah_id, "bulan": u.bulan.isoformat()},
            status=u.status,
            ukuran=u.ukuran,
            jumlah=u.jumlah_laporan,
            pesan=u.pesan,
            dibuat=u.dibuat,
            selesai=u.selesai,
        )
        if u.status in ("antre", "proses"):
            baru.status, baru.pesan = "gagal", PESAN_ANTRE
        elif u.status == "siap":
            isi = _baca(default_storage, u.berkas.name)
            if isi is None:
                baru.status, baru.pesan, baru.ukuran = "gagal", PESAN_HILANG, 0
            else:
                nama = os.path.basename(u.berkas.name)
                dibuat = u.selesai or u.dibuat
                baru.berkas = privat.save(
                    f"unduhan/{dibuat:%Y/%m}/{baru.id}/{nama}", ContentFile(isi)
                )
                baru.nama_berkas = nama[:200]
                baru.mime = "application/zip"
                baru.ukuran = len(isi)
                _hapus_setelah_commit(default_storage, u.berkas.name)
        baru.save()


def mundur(apps, schema_editor):
    Lama = apps.get_model("bulanan", "Unduhan")
    Baru = apps.get_model("pendampingan", "Unduhan")
    privat = _privat()
    for u in Baru.objects.filter(jenis=JENIS).order_by("dibuat").iterator():
        p = u.parameter or {}
        lama = Lama(
            user_id=u.pengguna_id,
            wilayah_id=p.get("wilayah"),
            bulan=p.get("bulan"),
            judul=u.judul,
            status=u.status,
            ukuran=u.ukuran,
            jumlah_laporan=u.jumlah or 0,
            pesan=u.pesan,
            selesai=u.selesai,
        )
        isi = _baca(privat, u.berkas.name)
        if isi is not None:
            lama.berkas = default_storage.save(
                f"bulanan/unduhan/{u.dibuat:%Y/%m}/{u.nama_berkas or 'laporan.zip'}",
                ContentFile(isi),
            )
            _hapus_setelah_commit(privat, u.berkas.name)
        lama.save()
        Lama.objects.filter(pk=lama.pk).update(dibuat=u.dibuat)
        u.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("bulanan", "0002_alur_kunci_sekali"),
        ("pendampingan", "0004_unduhan_inti"),
    ]

    operations = [migrations.RunPython(maju, mundur)]
