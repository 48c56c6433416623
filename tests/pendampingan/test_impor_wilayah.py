import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pendampingan.models import ImporWilayah, Penugasan, Wilayah
from tests.factories import PendampingFactory

pytestmark = pytest.mark.django_db
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "wilayah"


def test_impor_membuat_hierarki_dan_jenis():
    call_command("impor_wilayah", folder=str(FIXTURE), verbosity=0)
    assert Wilayah.objects.count() == 2 + 3 + 3 + 5
    desa = Wilayah.objects.get(kode="33.01.01.2001")
    assert (desa.tingkat, desa.jenis, desa.induk_id) == ("desa", "desa", "33.01.01")
    assert Wilayah.objects.get(kode="33.71").jenis == "kota"
    assert Wilayah.objects.get(kode="33.71.01.1001").jenis == "kelurahan"
    assert Wilayah.objects.get(kode="34.01.01.3001").jenis == "desa_adat"
    log = ImporWilayah.objects.get()
    assert log.ditambah == 13


def test_impor_ulang_memperbarui_nama_tanpa_duplikat_dan_tanpa_menghapus(tmp_path):
    call_command("impor_wilayah", folder=str(FIXTURE), verbosity=0)
    # a region that records point to, which the next source no longer has
    p = PendampingFactory()
    Penugasan.objects.create(
        pendamping=p, wilayah_id="34.01.01.3001", jenis="lapangan", mulai="2024-01-01"
    )
    for f in FIXTURE.glob("*.csv"):
        (tmp_path / f.name).write_text(f.read_text())
    v = tmp_path / "villages.csv"
    v.write_text(
        v.read_text()
        .replace("Matenggeng", "Matenggeng Baru")
        .replace("34.01.01.3001,34.01.01,Desa Adat Contoh\n", "")
        + "33.01.01.2003,33.01.01,Desa Ketiga\n"
    )
    call_command("impor_wilayah", folder=str(tmp_path), verbosity=0)
    assert Wilayah.objects.get(kode="33.01.01.2001").nama == "Matenggeng Baru"
    assert Wilayah.objects.filter(kode="33.01.01.2003").exists()
    assert Wilayah.objects.filter(kode="34.01.01.3001").exists()
    log = ImporWilayah.objects.first()
    assert (log.ditambah, log.diubah, log.tidak_ada_lagi) == (1, 1, 1)
    assert Wilayah.objects.count() == 14


def test_sekali_tidak_mengimpor_lagi():
    call_command("impor_wilayah", folder=str(FIXTURE), verbosity=0)
    call_command("impor_wilayah", folder=str(FIXTURE), sekali=True, verbosity=0)
    # the fixture has no package.json: its version reads "tidak diketahui" — still recorded once
    assert ImporWilayah.objects.count() == 1


@pytest.mark.parametrize("rusak", ["berkas-hilang", "kode-rusak"])
def test_berkas_rusak_ditolak_dan_tabel_tidak_berubah(tmp_path, rusak):
    call_command("impor_wilayah", folder=str(FIXTURE), verbosity=0)
    sebelum = set(Wilayah.objects.values_list("kode", "nama"))
    folder = tmp_path if rusak == "berkas-hilang" else FIXTURE / "rusak"
    if rusak == "berkas-hilang":
        (tmp_path / "provinces.csv").write_text("code,name\n35,Jawa Timur\n")
    with pytest.raises(CommandError) as e:
        call_command("impor_wilayah", folder=str(folder), verbosity=0)
    assert "tidak ditemukan" in str(e.value) or "tidak sah" in str(e.value)
    assert set(Wilayah.objects.values_list("kode", "nama")) == sebelum
    assert ImporWilayah.objects.count() == 1


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres")
    and not os.environ.get("IMPOR_PENUH"),
    reason="Impor daftar nasional penuh (91.599 wilayah) dijalankan di PostgreSQL (CI) atau dengan IMPOR_PENUH=1.",
)
def test_impor_daftar_nasional_penuh():
    from django.conf import settings

    call_command(
        "impor_wilayah",
        folder=str(Path(settings.NODE_MODULES) / "idn-area-data" / "data"),
        verbosity=0,
    )
    assert Wilayah.objects.filter(tingkat="provinsi").count() == 38
    assert Wilayah.objects.filter(tingkat="kabupaten").count() == 514
    assert Wilayah.objects.filter(tingkat="kecamatan").count() == 7285
    assert Wilayah.objects.filter(tingkat="desa").count() == 83762
    assert Wilayah.objects.filter(jenis="kota").count() == 98
    assert ImporWilayah.objects.get().detik < 30
