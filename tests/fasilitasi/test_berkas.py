"""Evidence files of fasilitasi: every upload URL refuses the five hostile files of issue 13 with
the one check's Indonesian message (never a 500, nothing stored); case documents live on the
private storage; the documents uploaded before sit under MEDIA_ROOT and the data migration moves
them there."""

import importlib
import inspect

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import get_resolver, reverse
from django.utils.html import escape

from fasilitasi import services
from fasilitasi.forms import DokumenForm, StatusImporForm
from fasilitasi.models import DokumenFasilitasi, ImporStatusDesa, IndeksStatus
from fasilitasi.services.dokumen import JENIS_DOKUMEN
from pendampingan.inti.berkas import XLSX_ATAU_CSV, periksa_berkas
from tests.inti import berkas_jahat

from .factories import berkas_pdf, buka_kasus

# the upload forms this walk covers (tests/inti/test_unggahan_lengkap.py checks none is missing)
FORM_DIUJI = {DokumenForm, StatusImporForm}

pytestmark = pytest.mark.django_db

# every URL of the app that takes a file: (who posts, the other fields, what the one check allows)
URL_UNGGAH = {
    "fasilitasi:kasus-dokumen": ("pld_a", {"nama": "Rancangan Perdes APB Desa"}, JENIS_DOKUMEN),
    "fasilitasi:status-impor": ("pengawas", {}, XLSX_ATAU_CSV),
}


def test_daftar_url_unggah_lengkap():
    """A view that reads ``request.FILES`` and is missing above fails here."""
    dengan_berkas = set()
    resolver = get_resolver()
    for pola in resolver.url_patterns:
        if getattr(pola, "namespace", None) != "fasilitasi":
            continue
        for p in pola.url_patterns:
            if "request.FILES" in inspect.getsource(p.callback):
                dengan_berkas.add(f"fasilitasi:{p.name}")
    assert dengan_berkas == set(URL_UNGGAH)


def _isi_privat(settings) -> list:
    akar = settings.BERKAS_PRIVAT_ROOT
    return [p for p in akar.rglob("*") if p.is_file()] if akar.exists() else []


@pytest.mark.parametrize("kunci", list(berkas_jahat.BERKAS))
@pytest.mark.parametrize("nama_url", list(URL_UNGGAH))
def test_berkas_jahat_ditolak_di_setiap_url_unggah(dunia, settings, nama_url, kunci):
    kasus = buka_kasus(dunia)
    siapa, data, jenis = URL_UNGGAH[nama_url]
    if nama_url == "fasilitasi:kasus-dokumen":
        url = reverse(nama_url, args=[kasus.pk])
    else:
        url = reverse(nama_url)
        data = {**data, "indeks": IndeksStatus.objects.get(kode="idm").pk}
    with pytest.raises(ValidationError) as e:
        periksa_berkas(berkas_jahat.unggahan(kunci), jenis)
    r = dunia.klien(getattr(dunia, siapa)).post(
        url, {**data, "berkas": berkas_jahat.unggahan(kunci)}
    )
    assert r.status_code in (200, 400)
    html = r.content.decode()
    for pesan in e.value.messages:
        assert escape(pesan) in html
    assert not DokumenFasilitasi.objects.exists()
    assert not ImporStatusDesa.objects.exists()
    assert _isi_privat(settings) == []


def test_dokumen_sah_tersimpan_privat_dengan_jenis_dari_isinya(dunia, settings):
    kasus = buka_kasus(dunia)
    c = dunia.klien(dunia.pld_a)
    r = c.post(
        reverse("fasilitasi:kasus-dokumen", args=[kasus.pk]),
        {"nama": "Rancangan Perdes APB Desa", "berkas": berkas_pdf("rancangan.docx")},
    )
    assert r.status_code == 302
    dok = DokumenFasilitasi.objects.get()
    # the bytes say PDF, whatever the name says
    assert (dok.jenis_mime, dok.ekstensi) == ("application/pdf", ".pdf")
    assert dok.berkas.name.endswith(".pdf") and dok.nama_asli == "rancangan.docx"
    assert _isi_privat(settings) == [settings.BERKAS_PRIVAT_ROOT / dok.berkas.name]


def test_migrasi_memindahkan_berkas_lama_dari_media_ke_privat(dunia, settings):
    migrasi = importlib.import_module("fasilitasi.migrations.0004_dokumen_ke_penyimpanan_privat")
    kasus = buka_kasus(dunia)
    lama = []
    for i in range(2):
        dok = services.dokumen_lampirkan(
            kasus=kasus,
            user=dunia.pld_a.user,
            nama=f"Lama {i}",
            berkas=berkas_pdf(isi=str(i).encode()),
        )
        # as before issue 13: the file under MEDIA_ROOT, nothing on the private storage
        privat = settings.BERKAS_PRIVAT_ROOT / dok.berkas.name
        media = settings.MEDIA_ROOT / dok.berkas.name
        media.parent.mkdir(parents=True, exist_ok=True)
        media.write_bytes(privat.read_bytes())
        privat.unlink()
        lama.append((dok, media, privat, media.read_bytes()))
    lama[1][1].unlink()  # one file already lost on disk: tolerated

    migrasi.ke_privat(apps, None)

    dok, media, privat, isi = lama[0]
    assert privat.read_bytes() == isi and not media.exists()
    dok.refresh_from_db()
    assert settings.BERKAS_PRIVAT_ROOT / dok.berkas.name == privat  # the name is kept
    r = dunia.klien(dunia.pld_a).get(reverse("fasilitasi:dokumen-unduh", args=[dok.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == isi
    hilang = lama[1][0]
    assert (
        dunia.klien(dunia.pld_a)
        .get(reverse("fasilitasi:dokumen-unduh", args=[hilang.pk]))
        .status_code
        == 404
    )

    migrasi.ke_privat(apps, None)  # run again: nothing moves twice, nothing lost
    assert privat.read_bytes() == isi

    migrasi.ke_media(apps, None)  # the reverse puts it back
    assert media.read_bytes() == isi and not privat.exists()
