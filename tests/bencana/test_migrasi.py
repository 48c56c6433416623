"""The migrations onto the platform layer keep every row: the status moves' actor becomes the
account (it was the facilitator), evidence files left under MEDIA_ROOT move to the private storage
under the same name, the append-only guard survives SQLite's table rebuilds."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from bencana.models import Bukti, Kronologi, PerubahanStatus

from .factories import pastikan_jenis

pytestmark = pytest.mark.django_db(transaction=True)

SEBELUM = [("bencana", "0002_jenis_kejadian_dan_pengaman")]


def _migrasi(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_data_lama_terbawa(dunia):
    pastikan_jenis()
    akhir = MigrationExecutor(connection).loader.graph.leaf_nodes()
    lama = _migrasi(SEBELUM)
    Kejadian = lama.get_model("bencana", "Kejadian")
    k = Kejadian.objects.create(
        kode="3301-101-20261101-01",
        jenis=lama.get_model("bencana", "JenisKejadian").objects.get(kode="101"),
        waktu=timezone.now() - datetime.timedelta(days=3),
        wilayah_id=dunia.desa_a.kode,
        ringkasan="Banjir lama",
        status="selesai",
        pelapor_id=dunia.pld_a.pk,
    )
    Perubahan = lama.get_model("bencana", "PerubahanStatus")
    Perubahan.objects.create(kejadian=k, dari="dilaporkan", ke="selesai", oleh_id=dunia.pd_a.pk)
    lama.get_model("bencana", "Kronologi").objects.create(
        kejadian=k, waktu=k.waktu, isi="Laporan cepat: banjir lama", oleh_id=dunia.pld_a.pk
    )
    media, privat = Path(settings.MEDIA_ROOT), Path(settings.BERKAS_PRIVAT_ROOT)
    berkas = {
        "di-media": "bencana/bukti/2026/11/di-media.png",
        "di-privat": "bencana/bukti/2026/11/di-privat.png",
        "hilang": "bencana/bukti/2026/11/hilang.png",
    }
    for akar, nama in [(media, berkas["di-media"]), (privat, berkas["di-privat"])]:
        (akar / nama).parent.mkdir(parents=True, exist_ok=True)
        (akar / nama).write_bytes(f"isi {nama}".encode())
    BuktiLama = lama.get_model("bencana", "Bukti")
    for nama in berkas.values():
        BuktiLama.objects.create(
            kejadian=k,
            jenis="foto",
            berkas=nama,
            nama_asli="foto.png",
            tipe_mime="image/png",
            ukuran=10,
            sha256="0" * 64,
            oleh_id=dunia.pld_a.pk,
        )

    _migrasi(akhir)

    p = PerubahanStatus.objects.get(kejadian_id=k.pk)
    assert p.oleh_id == dunia.pd_a.user_id and (p.dari, p.ke) == ("dilaporkan", "selesai")
    # files: moved under the same name, left alone, or missing (logged, the row kept)
    assert (privat / berkas["di-media"]).read_bytes() == f"isi {berkas['di-media']}".encode()
    assert not (media / berkas["di-media"]).exists()
    assert (privat / berkas["di-privat"]).is_file()
    assert Bukti.objects.filter(kejadian_id=k.pk).count() == 3
    b = Bukti.objects.get(berkas=berkas["di-media"])
    assert b.berkas.open("rb").read().startswith(b"isi ")
    # the append-only guard is still in the database after the tables were rebuilt
    e = Kronologi.objects.get(kejadian_id=k.pk)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE bencana_kronologi SET isi = %s WHERE id = %s", ["ubah", e.pk])


def test_dampak_lama_dan_versi_lama_terbawa_ke_0006(dunia):
    """Snapshots taken before severities keep their facility totals (severity 0 = unknown); the
    versions sent before keep their payload and become ``sistem``; the evacuation table and the
    rebuilt impact table are append-only in the database."""
    pastikan_jenis()
    akhir = MigrationExecutor(connection).loader.graph.leaf_nodes()
    lama = _migrasi([("bencana", "0005_bukti_berkas_privat")])
    Kejadian = lama.get_model("bencana", "Kejadian")
    k = Kejadian.objects.create(
        kode="3301-101-20261102-01",
        jenis=lama.get_model("bencana", "JenisKejadian").objects.get(kode="101"),
        waktu=timezone.now() - datetime.timedelta(days=2),
        wilayah_id=dunia.desa_a.kode,
        ringkasan="Banjir sebelum tingkat kerusakan",
        pelapor_id=dunia.pld_a.pk,
    )
    s = lama.get_model("bencana", "PenilaianDampak").objects.create(
        kejadian=k,
        wilayah_id=dunia.desa_a.kode,
        waktu=k.waktu,
        fasilitas_pendidikan=4,
        kantor=1,
        oleh_id=dunia.pld_a.pk,
    )
    lama.get_model("bencana", "LaporanVersi").objects.create(
        kejadian=k,
        nomor=1,
        pemicu="Laporan awal",
        isi={"kode": k.kode},
        dikirim_oleh_id=dunia.pld_a.pk,
    )

    _migrasi(akhir)

    from bencana.models import LaporanVersi, PenilaianDampak

    baru = PenilaianDampak.objects.get(pk=s.pk)
    assert (baru.fasilitas_pendidikan, baru.kantor) == (4, 1)
    assert baru.fasilitas_pendidikan_rusak_berat == baru.kantor_rusak_ringan == 0
    v = LaporanVersi.objects.get(kejadian_id=k.pk)
    assert v.saluran == "sistem" and v.isi == {"kode": k.kode} and v.waktu_lapor is None
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE bencana_penilaiandampak SET kantor = 9 WHERE id = %s", [s.pk])
