"""The Dana Desa priorities per year carry their earmarks (data, migration 0016 for 2022–2023)."""

import pytest

from pendampingan.models import PrioritasDanaDesa

pytestmark = pytest.mark.django_db


def _earmark(tahun):
    return {
        p.nama: p.regulasi
        for p in PrioritasDanaDesa.objects.filter(tahun=tahun, kelompok="Earmark")
    }


def test_earmark_2022_dengan_regulasinya():
    assert _earmark(2022) == {
        "BLT Desa (paling sedikit 40%)": "Permendesa PDTT 7/2021",
        "Ketahanan pangan dan hewani (paling sedikit 20%)": "Permendesa PDTT 7/2021",
        "Dukungan pendanaan penanganan COVID-19 (paling sedikit 8%)": "Permendesa PDTT 7/2021",
    }


def test_earmark_2023_dengan_regulasinya():
    assert _earmark(2023) == {
        "BLT Desa (paling banyak 25%)": "Permendesa PDTT 8/2022",
        "Ketahanan pangan dan hewani (paling sedikit 20%)": "Permendesa PDTT 8/2022",
    }


@pytest.mark.parametrize("tahun", [2022, 2023, 2024])
def test_earmark_sesudah_judul_prioritas_tahun_itu(tahun):
    """The earmarks follow the year's headings in the entry form's list, and no order repeats."""
    baris = list(PrioritasDanaDesa.objects.filter(tahun=tahun).order_by("urutan"))
    urutan = [p.urutan for p in baris]
    assert len(set(urutan)) == len(urutan)
    kelompok = [p.kelompok == "Earmark" for p in baris]
    assert kelompok == sorted(kelompok)  # all headings first, then the earmarks
    assert any(kelompok) and not all(kelompok)
