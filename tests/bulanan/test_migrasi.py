"""The data migration that moves this app's own downloads into the core download model: rows
copied (owner, kind, parameters, state), ready files moved from MEDIA_ROOT to the private storage,
a missing file or a row the old task never built kept as failed; the old table dropped."""

import datetime
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from pendampingan.models import StatusUnduhan, Unduhan
from pendampingan.penyimpanan import penyimpanan_privat

pytestmark = pytest.mark.django_db(transaction=True)

SEBELUM = [("bulanan", "0002_alur_kunci_sekali")]


def _migrasi(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _terbaru():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_unduhan_lama_pindah_ke_inti_dengan_berkasnya(dunia):
    apps = _migrasi(SEBELUM)
    Lama = apps.get_model("bulanan", "Unduhan")
    isi = b"PK\x05\x06" + b"\x00" * 18
    nama_lama = default_storage.save(
        "bulanan/unduhan/2026/10/laporan-33.01-2026-10.zip", ContentFile(isi)
    )
    selesai = timezone.now() - datetime.timedelta(days=3)
    siap = Lama.objects.create(
        user_id=dunia.pengawas.user.pk,
        wilayah_id=dunia.kab_a.kode,
        bulan=datetime.date(2026, 10, 1),
        judul="Laporan bulanan Kabupaten A Oktober 2026 (ZIP)",
        status="siap",
        berkas=nama_lama,
        ukuran=len(isi),
        jumlah_laporan=4,
        pesan="4 laporan dalam satu berkas ZIP.",
        selesai=selesai,
    )
    Lama.objects.create(
        user_id=dunia.pd_a.user.pk,
        wilayah_id=dunia.kec_a.kode,
        bulan=datetime.date(2026, 9, 1),
        judul="Hilang",
        status="siap",
        berkas="bulanan/unduhan/2026/09/tidak-ada.zip",
        ukuran=10,
    )
    Lama.objects.create(
        user_id=dunia.pd_a.user.pk,
        wilayah_id=dunia.kec_a.kode,
        bulan=datetime.date(2026, 8, 1),
        judul="Menunggu",
        status="antre",
    )

    _migrasi(_terbaru())

    assert "bulanan_unduhan" not in connection.introspection.table_names()
    rows = {u.judul: u for u in Unduhan.objects.all()}
    assert set(rows) == {siap.judul, "Hilang", "Menunggu"}
    u = rows[siap.judul]
    assert (u.jenis, u.pengguna_id, u.status, u.jumlah, u.ukuran) == (
        "bulanan.zip",
        dunia.pengawas.user.pk,
        StatusUnduhan.SIAP,
        4,
        len(isi),
    )
    assert u.parameter == {"wilayah": dunia.kab_a.kode, "bulan": "2026-10-01"}
    assert u.selesai == selesai and u.pesan == "4 laporan dalam satu berkas ZIP."
    assert (u.nama_berkas, u.mime) == ("laporan-33.01-2026-10.zip", "application/zip")
    # the file now lives on the private storage, under the core's path; the original is gone
    assert u.berkas.name.startswith(f"unduhan/{selesai:%Y/%m}/{u.pk}/")
    assert os.path.realpath(u.berkas.path).startswith(
        os.path.realpath(penyimpanan_privat().location)
    )
    with u.berkas.open("rb") as fh:
        assert fh.read() == isi
    assert not default_storage.exists(nama_lama)
    for judul in ("Hilang", "Menunggu"):
        assert (
            rows[judul].status == StatusUnduhan.GAGAL and "minta sekali lagi" in rows[judul].pesan
        )
        assert not rows[judul].berkas
    # its owner downloads it from the core page; nobody else does
    resp = dunia.klien(dunia.pengawas).get(reverse("pendampingan:unduhan-ambil", args=[u.pk]))
    assert resp.status_code == 200 and b"".join(resp.streaming_content) == isi
    resp = dunia.klien(dunia.pd_a).get(reverse("pendampingan:unduhan-ambil", args=[u.pk]))
    assert resp.status_code == 404
