"""Photos and documents of an entry through the API: multipart upload through ``foto_tambah`` /
``dokumen_tambah`` (the same file checks), metadata, and downloads through the scoped file views."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pendampingan.inti.berkas import periksa_foto
from pendampingan.models import DokumenKegiatan, FotoKegiatan, StatusKegiatan
from tests.factories import KegiatanFactory
from tests.inti.berkas_jahat import unggahan
from tests.kegiatan.factories import jpeg, pdf_bytes, unggah_jpeg

pytestmark = pytest.mark.django_db


def _unggah(klien, k, jenis, berkas, **h):
    url = reverse(f"api:kegiatan-{jenis}", kwargs={"pk": k.pk})
    return klien.post(url, {"berkas": berkas}, format="multipart", **h)


def _isi(resp) -> bytes:
    return b"".join(resp.streaming_content)


def test_unggah_foto_dan_unduh(dunia, api_klien):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    klien = api_klien(dunia.pld_a.user)
    isi = jpeg(warna=(10, 200, 10))
    r = _unggah(klien, k, "foto", SimpleUploadedFile("kebun.jpg", isi, "image/jpeg"))
    assert r.status_code == 201, r.json()
    foto = FotoKegiatan.objects.get(kegiatan=k)
    d = r.json()
    assert (d["id"], d["nama_asli"], d["lebar"]) == (foto.pk, "kebun.jpg", 64)
    # the link in the metadata downloads the file through the scoped view
    unduh = klien.get(d["unduh"])
    assert unduh.status_code == 200 and _isi(unduh) == isi
    assert unduh["X-Content-Type-Options"] == "nosniff"
    kecil = klien.get(d["thumbnail"])
    assert kecil.status_code == 200 and _isi(kecil)[:2] == b"\xff\xd8"
    # the entry's detail lists it; the metadata endpoint answers it
    detail = klien.get(reverse("api:kegiatan-detail", kwargs={"pk": k.pk})).json()
    assert [f["id"] for f in detail["foto"]] == [foto.pk]
    meta = klien.get(reverse("api:foto-kegiatan-detail", kwargs={"pk": foto.pk}))
    assert meta.status_code == 200 and meta.json()["sha256"] == foto.sha256
    # a supervisor above sees and downloads it; another kabupaten gets 404 for both
    assert api_klien(dunia.pd_a.user).get(d["unduh"]).status_code == 200
    lain = api_klien(dunia.pld_b.user)
    for url in (d["unduh"], reverse("api:foto-kegiatan-detail", kwargs={"pk": foto.pk})):
        r = lain.get(url)
        assert r.status_code == 404 and r.json()["galat"]["kode"] == "not_found"
    # the same photo twice: the service's refusal
    r = _unggah(klien, k, "foto", SimpleUploadedFile("lagi.jpg", isi, "image/jpeg"))
    assert r.status_code == 400 and "sudah terlampir" in r.json()["galat"]["pesan"]


@pytest.mark.parametrize("kunci", ["html-jpg", "jpeg-skrip", "png-30000"])
def test_foto_jahat_400_dengan_pesan_pemeriksa(dunia, api_klien, kunci):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    with pytest.raises(ValidationError) as e:
        periksa_foto(unggahan(kunci))
    r = _unggah(api_klien(dunia.pld_a.user), k, "foto", unggahan(kunci))
    assert r.status_code == 400
    assert r.json()["galat"]["pesan"].endswith(" ".join(e.value.messages))
    assert not FotoKegiatan.objects.filter(kegiatan=k).exists()


def test_unggah_dokumen_dan_unduh(dunia, api_klien):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    klien = api_klien(dunia.pld_a.user)
    r = _unggah(klien, k, "dokumen", SimpleUploadedFile("notulen.pdf", pdf_bytes()))
    assert r.status_code == 201, r.json()
    dok = DokumenKegiatan.objects.get(kegiatan=k)
    assert r.json()["jenis"] == "pdf"
    unduh = klien.get(reverse("api:dokumen-kegiatan-unduh", kwargs={"pk": dok.pk}))
    assert unduh.status_code == 200 and _isi(unduh) == pdf_bytes()
    assert "attachment" in unduh["Content-Disposition"]
    url = reverse("api:dokumen-kegiatan-unduh", kwargs={"pk": dok.pk})
    assert api_klien(dunia.pld_b.user).get(url).status_code == 404
    r = _unggah(klien, k, "dokumen", unggahan("bom-zip"))
    assert r.status_code == 400 and r.json()["galat"]["pesan"]
    assert DokumenKegiatan.objects.filter(kegiatan=k).count() == 1


def test_unggah_hanya_pemilik_entri_yang_dapat_diubah(dunia, api_klien):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    r = _unggah(api_klien(dunia.pd_a.user), k, "foto", unggah_jpeg())
    assert r.status_code == 403 and "pemilik" in r.json()["galat"]["pesan"]
    assert _unggah(api_klien(dunia.pld_b.user), k, "foto", unggah_jpeg()).status_code == 404
    r = _unggah(api_klien(dunia.pld_a.user), k, "foto", "")
    assert r.status_code == 400 and "berkas" in r.json()["galat"]["rincian"]
    # stale If-Match on the entry: 412
    r = _unggah(api_klien(dunia.pld_a.user), k, "foto", unggah_jpeg(), HTTP_IF_MATCH='"1-1"')
    assert r.status_code == 412
    k.status = StatusKegiatan.DIVERIFIKASI
    k.save()
    r = _unggah(api_klien(dunia.pld_a.user), k, "foto", unggah_jpeg())
    assert r.status_code == 400 and "diverifikasi" in r.json()["galat"]["pesan"]
    assert not FotoKegiatan.objects.exists()


@pytest.mark.parametrize("jenis", ["foto", "dokumen"])
def test_unggah_dua_kali_dengan_kunci_satu_berkas(dunia, api_klien, jenis):
    import uuid

    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    klien, kunci = api_klien(dunia.pld_a.user), str(uuid.uuid4())
    model = FotoKegiatan if jenis == "foto" else DokumenKegiatan

    def berkas():
        if jenis == "foto":
            return unggah_jpeg()
        return SimpleUploadedFile("n.pdf", pdf_bytes())

    r1 = _unggah(klien, k, jenis, berkas(), HTTP_IDEMPOTENCY_KEY=kunci)
    r2 = _unggah(klien, k, jenis, berkas(), HTTP_IDEMPOTENCY_KEY=kunci)
    assert (r1.status_code, r2.status_code) == (201, 200)
    assert r2["Idempotent-Replayed"] == "true" and r2.json()["id"] == r1.json()["id"]
    assert model.objects.filter(kegiatan=k).count() == 1
    # the key of another user's file on an entry out of their scope answers nothing of it
    lain = KegiatanFactory(pendamping=dunia.pld_b, wilayah=dunia.desa_b)
    r = _unggah(api_klien(dunia.pld_b.user), lain, jenis, berkas(), HTTP_IDEMPOTENCY_KEY=kunci)
    assert r.status_code == 404


def test_berkas_baru_atau_dihapus_menggeser_versi_entri(dunia, api_klien):
    """A photo or document added or removed is a change of the entry: its ETag moves and a device
    syncing with ``updated_since`` (a time after the entry was written) gets it again."""
    from django.utils import timezone

    from pendampingan.kegiatan import services

    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    klien = api_klien(dunia.pld_a.user)
    detail = reverse("api:kegiatan-detail", kwargs={"pk": k.pk})
    daftar = reverse("api:kegiatan-list")

    def sinkron(sejak):
        r = klien.get(daftar, {"updated_since": sejak.isoformat()})
        return [e["id"] for e in r.json()["results"]]

    etag = klien.get(detail)["ETag"]
    sejak = timezone.now()
    assert sinkron(sejak) == []
    r = _unggah(klien, k, "foto", unggah_jpeg())
    assert r.status_code == 201
    assert sinkron(sejak) == [k.pk]
    etag_foto = klien.get(detail)["ETag"]
    assert etag_foto != etag

    sejak = timezone.now()
    r = _unggah(klien, k, "dokumen", SimpleUploadedFile("rab.pdf", pdf_bytes(), "application/pdf"))
    assert r.status_code == 201 and sinkron(sejak) == [k.pk]
    etag_dok = klien.get(detail)["ETag"]
    assert etag_dok != etag_foto

    sejak = timezone.now()
    services.foto_hapus(foto=FotoKegiatan.objects.get(kegiatan=k), user=dunia.pld_a.user)
    assert sinkron(sejak) == [k.pk] and klien.get(detail)["ETag"] != etag_dok
    sejak = timezone.now()
    services.dokumen_hapus(dokumen=DokumenKegiatan.objects.get(kegiatan=k), user=dunia.pld_a.user)
    assert sinkron(sejak) == [k.pk]
