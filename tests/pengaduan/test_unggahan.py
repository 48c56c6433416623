"""Attachments: the five hostile files on both upload URLs (the public form and a facilitator's
intake), good files on the private storage served only by the scoped view, and the data migration
that moves the old files out of MEDIA_ROOT."""

import importlib
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from pendampingan.models import Jabatan
from pengaduan.forms import PengaduanInternalForm, PengaduanPublikForm
from pengaduan.models import Lampiran, Pengaduan, Saluran
from tests.factories import pendamping_di
from tests.inti import berkas_jahat

from .factories import URL_LAPOR, isian_publik, kategori, pengaduan_buat

# the upload forms this walk covers (tests/inti/test_unggahan_lengkap.py checks none is missing)
FORM_DIUJI = {PengaduanPublikForm, PengaduanInternalForm}

pytestmark = pytest.mark.django_db

# what each hostile file is told (the message of inti.berkas.periksa_berkas, on the field)
PESAN = {
    "png-30000": "Resolusi foto terlalu besar",
    "jpeg-skrip": "kode atau skrip tersembunyi",
    "html-jpg": "Jenis berkas tidak dikenali",
    "60mb": "terlalu besar",
    "bom-zip": "bom zip",
}


def _png(nama="bukti.png") -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", (16, 12), "red").save(buf, "PNG")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="image/png")


def _pdf(nama="surat.pdf") -> SimpleUploadedFile:
    isi = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def _berkas_tersimpan(settings) -> list[Path]:
    akar = [Path(settings.BERKAS_PRIVAT_ROOT), Path(settings.MEDIA_ROOT)]
    return [f for a in akar if a.exists() for f in a.rglob("*") if f.is_file()]


def _isian_internal(dunia, **ubah):
    data = {
        "saluran": Saluran.LANGSUNG,
        "diterima_tanggal": timezone.localdate().isoformat(),
        "jenis": "pengaduan",
        "kategori": kategori().pk,
        "desa": dunia.desa_a.kode,
        "judul": "Dana posyandu dipotong",
        "isi": "Kader posyandu menerima kurang dari yang dianggarkan.",
        "anonim": "on",
    }
    data.update(ubah)
    return data


@pytest.mark.parametrize("kunci", list(berkas_jahat.BERKAS))
def test_berkas_jahat_di_formulir_publik(dunia, settings, kunci):
    c = Client()
    resp = c.post(URL_LAPOR, {**isian_publik(c, dunia), "lampiran": berkas_jahat.unggahan(kunci)})
    assert resp.status_code in (200, 400)
    html = resp.content.decode()
    assert PESAN[kunci] in html
    assert "BLT tidak sampai" in html and "Bu Warsini" in html  # the rest of the form is kept
    assert not Pengaduan.objects.exists() and not Lampiran.objects.exists()
    assert _berkas_tersimpan(settings) == []


@pytest.mark.parametrize("kunci", list(berkas_jahat.BERKAS))
def test_berkas_jahat_di_pencatatan_internal(dunia, settings, kunci):
    c = dunia.klien(dunia.pld_a)
    data = {**_isian_internal(dunia), "lampiran": berkas_jahat.unggahan(kunci)}
    resp = c.post(reverse("pengaduan:baru"), data)
    assert resp.status_code in (200, 400)
    html = resp.content.decode()
    assert PESAN[kunci] in html
    assert "Dana posyandu dipotong" in html  # the rest of the form is kept
    assert not Pengaduan.objects.exists() and not Lampiran.objects.exists()
    assert _berkas_tersimpan(settings) == []


def test_berkas_jahat_di_antara_yang_sah_ditolak_semua(dunia, settings):
    c = Client()
    berkas = [_png(), berkas_jahat.unggahan("jpeg-skrip")]
    resp = c.post(URL_LAPOR, {**isian_publik(c, dunia), "lampiran": berkas})
    html = resp.content.decode()
    assert (
        "foto.jpg: Berkas ini memuat kode" in html and "bukti.png" not in html.split("foto.jpg")[0]
    )
    assert not Pengaduan.objects.exists() and _berkas_tersimpan(settings) == []


def test_lampiran_sah_di_penyimpanan_privat_dan_dilayani_berlingkup(dunia, settings):
    c = dunia.klien(dunia.pld_a)
    resp = c.post(
        reverse("pengaduan:baru"), {**_isian_internal(dunia), "lampiran": [_png(), _pdf()]}
    )
    assert resp.status_code == 302
    foto, dok = Lampiran.objects.order_by("pk")
    assert (foto.jenis_mime, foto.ekstensi, dok.jenis_mime) == (
        "image/png",
        ".png",
        "application/pdf",
    )
    assert len(foto.sha256) == 64
    privat = Path(settings.BERKAS_PRIVAT_ROOT)
    assert (privat / foto.berkas.name).is_file() and (privat / dok.berkas.name).is_file()
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*.*"))
    with pytest.raises(ValueError):
        foto.berkas.url  # noqa: B018 - the private storage has no public URL
    # served to who sees the complaint: the stored type, never sniffed; a photo inline
    r = dunia.klien(dunia.pd_a).get(reverse("pengaduan:lampiran", args=[foto.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "image/png"
    assert r["X-Content-Type-Options"] == "nosniff" and "inline" in r["Content-Disposition"]
    r = dunia.klien(dunia.pd_a).get(reverse("pengaduan:lampiran", args=[dok.pk]))
    assert r["Content-Type"] == "application/pdf" and "attachment" in r["Content-Disposition"]
    assert b"".join(r.streaming_content).startswith(b"%PDF")
    # never to the public, never outside the scope
    assert Client().get(reverse("pengaduan:lampiran", args=[foto.pk])).status_code == 302
    assert (
        dunia.klien(dunia.pld_b).get(reverse("pengaduan:lampiran", args=[foto.pk])).status_code
        == 404
    )


def test_lampiran_pengaduan_tentang_pendamping_tidak_untuk_teradu(dunia):
    """The child queryset applies the complaint's rule: the facilitator complained about cannot
    fetch its attachment by id, though it is in their desa."""
    rekan = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a_rekan")
    p = pengaduan_buat(
        dunia.desa_a, kategori_kode="pendampingan", lampiran=[_png()], teradu_peran="pld"
    )
    url = reverse("pengaduan:lampiran", args=[p.lampiran.get().pk])
    assert dunia.klien(dunia.pld_a).get(url).status_code == 404
    assert dunia.klien(rekan).get(url).status_code == 404
    assert dunia.klien(dunia.pd_a).get(url).status_code == 200


def test_berkas_hilang_404_bukan_500(dunia, settings):
    p = pengaduan_buat(dunia.desa_a, lampiran=[_png()])
    lamp = p.lampiran.get()
    (Path(settings.BERKAS_PRIVAT_ROOT) / lamp.berkas.name).unlink()
    assert (
        dunia.klien(dunia.pd_a).get(reverse("pengaduan:lampiran", args=[lamp.pk])).status_code
        == 404
    )


def test_migrasi_memindahkan_berkas_dari_media_root(
    dunia, settings, django_capture_on_commit_callbacks
):
    migrasi = importlib.import_module("pengaduan.migrations.0006_lampiran_ke_penyimpanan_privat")
    p = pengaduan_buat(dunia.desa_a)
    media, privat = Path(settings.MEDIA_ROOT), Path(settings.BERKAS_PRIVAT_ROOT)
    ada, hilang = "pengaduan/2026/01/aaaabbbbccccddddeeeeffff.png", "pengaduan/2026/01/hilang.pdf"
    (media / ada).parent.mkdir(parents=True)
    (media / ada).write_bytes(b"isi lama")
    for nama in (ada, hilang):
        Lampiran.objects.create(
            pengaduan=p,
            berkas=nama,
            nama_asli="x",
            jenis_mime="image/png",
            ekstensi=".png",
            ukuran=8,
        )
    with django_capture_on_commit_callbacks(execute=True):
        migrasi.ke_privat(apps, None)
    assert (privat / ada).read_bytes() == b"isi lama"  # same name: the row still points at it
    assert not (media / ada).exists()  # no public copy left
    assert not (privat / hilang).exists()  # a missing file is skipped
    lamp = Lampiran.objects.get(berkas=ada)
    assert (
        dunia.klien(dunia.pd_a).get(reverse("pengaduan:lampiran", args=[lamp.pk])).status_code
        == 200
    )
    with django_capture_on_commit_callbacks(execute=True):
        migrasi.ke_media(apps, None)  # reversible
    assert (media / ada).read_bytes() == b"isi lama" and not (privat / ada).exists()
