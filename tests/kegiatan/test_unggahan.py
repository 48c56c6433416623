"""The five hostile files on the entry form's upload fields (create and edit): refused by the one
check with its message, never a 500, nothing stored; the entry itself (typed text) is kept."""

import pathlib

import pytest
from django.urls import reverse

from pendampingan.models import DokumenKegiatan, FotoKegiatan, Kegiatan
from tests.inti import berkas_jahat
from tests.kegiatan.test_views import _post_data

# the entry form takes its files outside the form class (request.FILES in the view)
FORM_DIUJI = set()

pytestmark = pytest.mark.django_db


def _berkas_tersimpan(settings) -> list:
    akar = pathlib.Path(settings.BERKAS_PRIVAT_ROOT)
    return [p for p in akar.rglob("*") if p.is_file()] if akar.exists() else []


@pytest.mark.parametrize("kunci", list(berkas_jahat.BERKAS))
@pytest.mark.parametrize("field", ["foto", "dokumen"])
def test_berkas_jahat_di_form_baru(dunia, settings, kunci, field):
    klien = dunia.klien(dunia.pld_a)
    data = _post_data(dunia, judul=f"Uji {kunci}")
    data[field] = berkas_jahat.unggahan(kunci)
    r = klien.post(reverse("pendampingan:kegiatan-buat"), data, follow=True)
    assert r.status_code == 200
    teks = r.content.decode()
    assert "ditolak" in teks and berkas_jahat.BERKAS[kunci][0] in teks
    assert not FotoKegiatan.objects.exists() and not DokumenKegiatan.objects.exists()
    assert Kegiatan.objects.get().judul == f"Uji {kunci}"  # what was typed is kept
    assert _berkas_tersimpan(settings) == []


@pytest.mark.parametrize("kunci", list(berkas_jahat.BERKAS))
def test_berkas_jahat_di_form_ubah(dunia, settings, kunci):
    klien = dunia.klien(dunia.pld_a)
    klien.post(reverse("pendampingan:kegiatan-buat"), _post_data(dunia))
    k = Kegiatan.objects.get()
    data = _post_data(dunia, judul="Diubah")
    data["foto"] = berkas_jahat.unggahan(kunci)
    r = klien.post(reverse("pendampingan:kegiatan-ubah", args=[k.pk]), data, follow=True)
    assert r.status_code == 200 and "ditolak" in r.content.decode()
    assert not FotoKegiatan.objects.exists()
    k.refresh_from_db()
    assert k.judul == "Diubah"
    assert _berkas_tersimpan(settings) == []
