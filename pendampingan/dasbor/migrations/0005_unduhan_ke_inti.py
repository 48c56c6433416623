"""Move the dashboard's own downloads into the core's one download table, then drop the model.

Each ``dasbor.Unduhan`` row becomes a ``pendampingan.Unduhan`` of kind ``dasbor.ekspor`` with
``parameter = {"ekspor", "format", "filter", "dasbor_unduhan_id"}``: the same owner, title, status,
message and times, ``jumlah`` from ``jumlah_baris``. Its file is copied from the public media
storage (``MEDIA_ROOT``) to the private storage under the same name, and removed from
``MEDIA_ROOT`` once the migration has committed. A missing file is tolerated: a ready download
without its file, and one still queued or being built (its task belonged to the removed pipeline
and will never run), are marked failed with a message asking the user to request it again.
In-app notices about a moved download are pointed at its new row.

Running it again skips the rows moved before (``dasbor_unduhan_id``). Backwards, the old table
comes back empty and the moved rows stay in the core table (no data is dropped either way).
"""

import posixpath
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import migrations, transaction
from django.utils import timezone

JENIS = "dasbor.ekspor"
MIME = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PESAN_HILANG = "Berkas tidak ditemukan saat dipindahkan ke penyimpanan privat; silakan minta lagi."
PESAN_TERPUTUS = "Belum selesai dibuat saat sistem unduhan diperbarui; silakan minta lagi."


def _salin(publik, privat, nama: str) -> tuple[str, int, bool]:
    """(the name on the private storage or "", its size, whether the public copy is to go)."""
    if not nama:
        return "", 0, False
    if privat.exists(nama):  # copied by an earlier, interrupted run
        return nama, privat.size(nama), publik.exists(nama)
    if not publik.exists(nama):
        return "", 0, False
    with publik.open(nama, "rb") as f:
        baru = privat.save(nama, f)
    return baru, privat.size(baru), True


def pindahkan(apps, schema_editor):
    from pendampingan.penyimpanan import penyimpanan_privat

    Lama = apps.get_model("dasbor", "Unduhan")
    Baru = apps.get_model("pendampingan", "Unduhan")
    db = schema_editor.connection.alias
    if not Lama.objects.using(db).exists():
        return
    publik = FileSystemStorage(location=settings.MEDIA_ROOT)
    privat = penyimpanan_privat()
    sudah = {
        u.parameter.get("dasbor_unduhan_id")
        for u in Baru.objects.using(db).filter(jenis=JENIS).only("parameter")
    }
    peta, hapus = {}, []
    for lama in list(Lama.objects.using(db).order_by("pk")):
        if lama.pk in sudah:
            continue
        nama, ukuran, buang = _salin(publik, privat, lama.berkas.name or "")
        if buang:
            hapus.append(lama.berkas.name)
        status, pesan, selesai = lama.status, lama.pesan, lama.selesai
        if status == "siap" and not nama:
            status, pesan = "gagal", PESAN_HILANG
        elif status in ("antre", "proses"):
            status, pesan = "gagal", PESAN_TERPUTUS
        if status == "gagal" and selesai is None:
            selesai = timezone.now()
        pk = uuid.uuid4()
        Baru.objects.using(db).create(
            id=pk,
            pengguna_id=lama.pengguna_id,
            jenis=JENIS,
            judul=lama.judul[:200],
            parameter={
                "ekspor": lama.ekspor,
                "format": lama.format,
                "filter": dict(lama.parameter or {}),
                "dasbor_unduhan_id": lama.pk,
            },
            status=status,
            berkas=nama,
            nama_berkas=(posixpath.basename(nama) if nama else "")[:200],
            mime=MIME.get(lama.format, "") if nama else "",
            ukuran=ukuran,
            jumlah=lama.jumlah_baris,
            pesan=(pesan or "")[:300],
            dibuat=lama.dibuat,
            selesai=selesai,
        )
        peta[lama.pk] = pk
    _arahkan_pemberitahuan(apps, db, peta)

    def buang_salinan_publik():
        for n in hapus:
            publik.delete(n)

    transaction.on_commit(buang_salinan_publik, using=db)


def _arahkan_pemberitahuan(apps, db, peta):
    """In-app notices about a moved download now name (and link to) its new row."""
    if not peta:
        return
    try:
        Pesan = apps.get_model("notifikasi", "Pesan")
        ContentType = apps.get_model("contenttypes", "ContentType")
    except LookupError:  # the notices app is not installed (or not migrated yet): nothing to point
        return
    ct_lama = ContentType.objects.using(db).filter(app_label="dasbor", model="unduhan").first()
    if ct_lama is None:
        return
    ct_baru, _ = ContentType.objects.using(db).get_or_create(
        app_label="pendampingan", model="unduhan"
    )
    for lama, baru in peta.items():
        Pesan.objects.using(db).filter(content_type=ct_lama, object_id=str(lama)).update(
            content_type=ct_baru, object_id=str(baru), tautan=f"/unduhan/{baru}/"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("dasbor", "0004_ringkasantindaklanjut"),
        ("pendampingan", "0004_unduhan_inti"),
    ]

    operations = [
        migrations.RunPython(pindahkan, migrations.RunPython.noop),
        migrations.DeleteModel(name="Unduhan"),
    ]
