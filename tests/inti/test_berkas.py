import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pendampingan.inti import berkas
from tests.inti import berkas_jahat


def _jpeg(**kw):
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), "blue").save(buf, "JPEG", **kw)
    return SimpleUploadedFile("a.jpg", buf.getvalue(), content_type="image/jpeg")


def _docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", "<w:document>halo</w:document>")
    return SimpleUploadedFile("a.docx", buf.getvalue())


@pytest.mark.parametrize("kunci", list(berkas_jahat.BERKAS))
@pytest.mark.parametrize("jenis", [berkas.FOTO, berkas.DOKUMEN, berkas.FOTO_ATAU_DOKUMEN])
def test_berkas_jahat_ditolak_dengan_pesan(kunci, jenis):
    with pytest.raises(ValidationError) as e:
        berkas.periksa_berkas(berkas_jahat.unggahan(kunci), jenis)
    assert e.value.messages and all(m for m in e.value.messages)


def test_png_raksasa_ditolak_sebelum_didekode(settings):
    with pytest.raises(ValidationError) as e:
        berkas.periksa_foto(berkas_jahat.unggahan("png-30000"))
    assert e.value.code == "terlalu_besar"
    assert len(berkas_jahat.isi("png-30000")) < 200_000


def test_bom_zip_dikenali_sebagai_bom():
    with pytest.raises(ValidationError) as e:
        berkas.periksa_dokumen(berkas_jahat.unggahan("bom-zip"))
    assert e.value.code == "bom_zip"


def test_foto_dan_dokumen_sah_diterima():
    f = berkas.periksa_berkas(_jpeg(), berkas.FOTO_ATAU_DOKUMEN)
    assert f.adalah_foto and f.mime == "image/jpeg" and f.thumbnail
    d = berkas.periksa_berkas(_docx(), berkas.FOTO_ATAU_DOKUMEN)
    assert not d.adalah_foto and d.jenis == "docx"


def test_jenis_yang_tidak_diminta_ditolak():
    with pytest.raises(ValidationError):
        berkas.periksa_berkas(_jpeg(), berkas.DOKUMEN)
    with pytest.raises(ValidationError):
        berkas.periksa_berkas(_docx(), berkas.XLSX)


def test_hasil_disimpan_pada_unggahan():
    u = _jpeg()
    assert berkas.periksa_foto(u) is berkas.periksa_foto(u)


@pytest.mark.django_db(transaction=True)
def test_berkas_dari_transaksi_yang_batal_dihapus(dunia, settings):
    """A photo saved inside a transaction that rolls back does not stay on disk."""
    import pathlib

    from django.db import transaction

    from pendampingan.kegiatan import services
    from tests.kegiatan.factories import (
        asistensi_lembaga,
        data_kegiatan,
        prinsip_lengkap,
        unggah_jpeg,
    )

    akar = pathlib.Path(settings.BERKAS_PRIVAT_ROOT)

    class Batal(Exception):
        pass

    with pytest.raises(Batal), transaction.atomic():
        services.kegiatan_buat(
            user=dunia.pld_a.user,
            data=data_kegiatan(dunia.desa_a),
            prinsip=prinsip_lengkap(),
            asistensi=asistensi_lembaga(),
            foto=[unggah_jpeg()],
        )
        assert any(p.is_file() for p in akar.rglob("*"))
        raise Batal
    berkas.bersihkan_tertunda()
    assert not any(p.is_file() for p in akar.rglob("*"))

    # committed: kept
    hasil = services.kegiatan_buat(
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
        foto=[unggah_jpeg()],
    )
    berkas.bersihkan_tertunda()
    assert hasil.foto and (akar / hasil.foto[0].berkas.name).is_file()


def test_csv_teks_diterima_biner_dan_skrip_ditolak():
    ok = berkas.periksa_berkas(SimpleUploadedFile("a.csv", b"kode;tahun\n1;2\n"), berkas.CSV)
    assert ok.jenis == "csv" and ok.mime == "text/csv"
    for isi in (b"a\x00b", b"\xff\xfe\xfa", b"kode\n<script>alert(1)</script>\n"):
        with pytest.raises(ValidationError):
            berkas.periksa_berkas(SimpleUploadedFile("a.csv", isi), berkas.CSV)
    with pytest.raises(ValidationError):  # a CSV is not a photo or a document
        berkas.periksa_berkas(
            SimpleUploadedFile("a.csv", b"kode;tahun\n"), berkas.FOTO_ATAU_DOKUMEN
        )
