"""Migration ``dasbor.0005``: the dashboard's own downloads move into the core's one table and
their files from MEDIA_ROOT to the private storage; then the old model is gone."""

import datetime
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from pendampingan.models import StatusUnduhan, Unduhan
from pendampingan.notifikasi.models import Pesan, Saluran

pytestmark = pytest.mark.django_db(transaction=True)

SEBELUM = [("dasbor", "0004_ringkasantindaklanjut")]
SESUDAH = [("dasbor", "0005_unduhan_ke_inti")]


def _migrasi(target):
    ex = MigrationExecutor(connection)
    ex.loader.build_graph()
    ex.migrate(target)
    return ex.loader.project_state(target).apps


@pytest.fixture(autouse=True)
def _kembali_ke_ujung():
    """Leave the database at every app's latest migration (later migrations of dasbor, and of
    apps that depend on it, would otherwise stay unapplied for the tests after this one)."""
    yield
    ex = MigrationExecutor(connection)
    ex.loader.build_graph()
    ex.migrate(ex.loader.graph.leaf_nodes())


def test_unduhan_dasbor_pindah_ke_inti_dengan_berkasnya(dunia, settings):
    lama_apps = _migrasi(SEBELUM)
    Lama = lama_apps.get_model("dasbor", "Unduhan")
    pemilik = dunia.pd_a.user
    kemarin = timezone.now() - datetime.timedelta(days=1)
    nama = f"unduhan/{pemilik.pk}/202611/kegiatan-1.csv"
    publik = Path(settings.MEDIA_ROOT, nama)
    publik.parent.mkdir(parents=True)
    publik.write_bytes(b"\xef\xbb\xbfTanggal,Judul\r\n2026-11-02,Rapat\r\n")

    def buat(**kw):
        u = Lama.objects.create(
            pengguna_id=pemilik.pk,
            ekspor="kegiatan",
            format="csv",
            parameter={"wilayah": dunia.kec_a.kode, "status": "diajukan"},
            **kw,
        )
        Lama.objects.filter(pk=u.pk).update(dibuat=kemarin)
        return u.pk

    siap = buat(judul="Siap", status="siap", berkas=nama, jumlah_baris=1, selesai=kemarin)
    hilang = buat(judul="Hilang", status="siap", berkas=f"unduhan/{pemilik.pk}/x.csv")
    antre = buat(judul="Antre", status="antre")
    gagal = buat(judul="Gagal", status="gagal", pesan="ValueError", selesai=kemarin)
    ct_lama, _ = ContentType.objects.get_or_create(app_label="dasbor", model="unduhan")
    Pesan.objects.create(
        saluran=Saluran.IN_APP,
        peristiwa="dasbor.unduhan_siap",
        penerima_user=pemilik,
        subjek="Berkas ekspor siap",
        isi="…",
        kunci=f"dasbor.unduhan:{siap}:in_app:{pemilik.pk}",
        content_type=ct_lama,
        object_id=str(siap),
    )

    _migrasi(SESUDAH)

    baru = {u.parameter["dasbor_unduhan_id"]: u for u in Unduhan.objects.all()}
    assert set(baru) == {siap, hilang, antre, gagal}
    assert {u.jenis for u in baru.values()} == {"dasbor.ekspor"}
    assert {u.pengguna_id for u in baru.values()} == {pemilik.pk}
    u = baru[siap]
    assert (u.status, u.judul, u.jumlah, u.nama_berkas) == (
        StatusUnduhan.SIAP,
        "Siap",
        1,
        "kegiatan-1.csv",
    )
    assert u.parameter == {
        "ekspor": "kegiatan",
        "format": "csv",
        "filter": {"wilayah": dunia.kec_a.kode, "status": "diajukan"},
        "dasbor_unduhan_id": siap,
    }
    assert u.dibuat == kemarin and u.selesai == kemarin
    # the file: same name, now on the private storage, no longer under MEDIA_ROOT
    assert u.berkas.name == nama
    assert Path(settings.BERKAS_PRIVAT_ROOT, nama).read_bytes().endswith(b"Rapat\r\n")
    assert u.ukuran == Path(settings.BERKAS_PRIVAT_ROOT, nama).stat().st_size
    assert not publik.exists()
    # served by the core's owner-only page
    c = dunia.klien(dunia.pd_a)
    resp = c.get(reverse("pendampingan:unduhan-ambil", args=[u.pk]))
    assert b"".join(resp.streaming_content).endswith(b"Rapat\r\n")
    assert resp["Content-Type"].startswith("text/csv")
    lain = dunia.klien(dunia.pengawas)
    assert lain.get(reverse("pendampingan:unduhan-ambil", args=[u.pk])).status_code == 404
    # a missing file and a build the old pipeline will never finish: failed, asked again
    for pk in (hilang, antre):
        assert baru[pk].status == StatusUnduhan.GAGAL
        assert "silakan minta lagi" in baru[pk].pesan
        assert not baru[pk].berkas and baru[pk].selesai is not None
    assert (baru[gagal].status, baru[gagal].pesan) == (StatusUnduhan.GAGAL, "ValueError")
    # the notice now names the new row and links to it
    pesan = Pesan.objects.get()
    assert pesan.content_type == ContentType.objects.get_for_model(Unduhan)
    assert pesan.object_id == str(u.pk)
    assert pesan.tautan == u.get_absolute_url()
    # and the old table is gone
    assert "dasbor_unduhan" not in connection.introspection.table_names()
