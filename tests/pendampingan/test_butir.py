"""The butir table against the regulation's text (docs/regulasi/), and its admin."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from pendampingan.models import Butir, Regulasi

from .bab_ii import BERKAS, butir_dari_teks, judul_e, rapikan

pytestmark = pytest.mark.django_db

KODE_REGULASI = "kepmendes-pdtt-40-2021"


def _di_basis_data():
    return {b.kode: rapikan(b.bunyi) for b in Butir.objects.filter(regulasi__kode=KODE_REGULASI)}


def test_bunyi_setiap_butir_sama_dengan_teks_regulasi():
    teks = butir_dari_teks()
    data = _di_basis_data()
    hilang = sorted(set(teks) - set(data))
    assert not hilang, f"Butir dalam teks tetapi tidak di data: {hilang}"
    lebih = sorted(set(data) - set(teks))
    assert not lebih, f"Butir di data tetapi tidak ada dalam teks: {lebih}"
    beda = {k: (data[k], teks[k]) for k in teks if data[k] != teks[k]}
    assert not beda, f"Bunyi berbeda dari regulasi: {beda}"


def test_ujian_gagal_bila_bunyi_diubah():
    """The check above can fail: one changed word in the data is found."""
    Butir.objects.filter(regulasi__kode=KODE_REGULASI, kode="E1d").update(
        bunyi="tata kelola keuangan Desa, sebagai upaya untuk mewujudkan prinsip akuntabilitas"
    )
    with pytest.raises(AssertionError, match="E1d"):
        test_bunyi_setiap_butir_sama_dengan_teks_regulasi()
    Butir.objects.filter(regulasi__kode=KODE_REGULASI, kode="F9").delete()
    with pytest.raises(AssertionError, match="F9"):
        test_bunyi_setiap_butir_sama_dengan_teks_regulasi()


def test_pengurai_membaca_seluruh_struktur_bab_ii():
    kode = list(butir_dari_teks())
    per_awalan = {
        awalan: sum(1 for k in kode if k.startswith(awalan))
        for awalan in ["A", "BT", "BP", "BD", "C", "D", "E1", "E2", "E3", "E4", "E5", "F"]
    }
    assert per_awalan == {
        "A": 5, "BT": 4, "BP": 4, "BD": 8, "C": 7, "D": 1,
        "E1": 9, "E2": 5, "E3": 4, "E4": 13, "E5": 1, "F": 9,
    }  # fmt: skip
    assert len(kode) == 70
    assert "Diberdayakan" not in butir_dari_teks()["F9"]
    assert judul_e()["E5"] == "Fasilitasi Penanganan Pengaduan dan Masalah"


def test_susunan_dan_regulasi():
    regulasi = Regulasi.objects.get(kode=KODE_REGULASI)
    assert (BERKAS.parent.parent.parent / regulasi.berkas_teks).resolve() == BERKAS
    e1 = Butir.objects.get(regulasi=regulasi, kode="E1")
    assert e1.jenis == "kelompok"
    assert sorted(e1.anak.values_list("kode", flat=True)) == [f"E1{h}" for h in "abcdefgh"]
    assert Butir.objects.filter(regulasi=regulasi, tata_cara="bencana").count() == 9
    kode_urut = list(Butir.objects.filter(regulasi=regulasi).values_list("kode", flat=True))
    assert kode_urut == list(butir_dari_teks())


def test_regulasi_pengganti_menambah_baris_sendiri_dengan_kode_sama():
    lama = Regulasi.objects.get(kode=KODE_REGULASI)
    baru = Regulasi.objects.create(kode="kepmendes-143-2022", nama="Kepmendes 143/2022")
    Butir.objects.create(regulasi=baru, kode="A1", tata_cara="prinsip", bunyi="x", label="x")
    assert Butir.objects.filter(kode="A1").count() == 2
    assert Butir.objects.get(regulasi=lama, kode="A1").bunyi.startswith("Prinsip kemanusiaan")
    with pytest.raises(IntegrityError), transaction.atomic():
        Butir.objects.create(regulasi=baru, kode="A1", tata_cara="prinsip", bunyi="y", label="y")


def test_admin_bunyi_hanya_baca_setelah_dibuat(admin_client):
    butir = Butir.objects.get(regulasi__kode=KODE_REGULASI, kode="E4c")
    url = reverse("admin:pendampingan_butir_change", args=[butir.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="bunyi"' not in html
    assert 'name="label"' in html
    r = admin_client.post(url, {"label": "Pendirian BUM Desa", "urutan": 5, "aktif": "on"})
    assert r.status_code == 302, r.content.decode()[:2000]
    butir.refresh_from_db()
    assert butir.label == "Pendirian BUM Desa"
    assert butir.bunyi == "pendirian dan pengembangan BUM Desa/ BUM Desa Bersama"
    # the data migration writes no history row; the admin edit does
    assert butir.history.get().label == "Pendirian BUM Desa"
    cari = admin_client.get(
        reverse("admin:pendampingan_butir_changelist"),
        {"q": "Daily Report", "tata_cara": "bencana"},
    )
    assert cari.status_code == 200 and "F9" in cari.content.decode()


def test_butir_fasilitasi_menunjuk_butir_regulasi_dengan_bunyinya():
    from fasilitasi.models import ButirFasilitasi

    semua = list(ButirFasilitasi.objects.select_related("ruang_lingkup", "butir_regulasi"))
    assert len(semua) == 27
    for bf in semua:
        assert bf.butir_regulasi.kode == f"E{bf.kode}"
        assert bf.uraian == bf.butir_regulasi.bunyi
    e1d = next(bf for bf in semua if bf.kode == "1d")
    assert e1d.uraian.startswith("penatausahaan keuangan Desa")
    for kode in ["4c", "4d", "4i"]:
        assert "BUM Desa Bersama" in next(bf for bf in semua if bf.kode == kode).uraian


def test_prinsip_menunjuk_a1_sampai_a5_dengan_bunyinya():
    from pendampingan.models import Prinsip

    pasangan = list(Prinsip.objects.select_related("butir").values_list("butir__kode", "uraian"))
    assert [k for k, _ in pasangan] == ["A1", "A2", "A3", "A4", "A5"]
    teks = butir_dari_teks()
    assert all(uraian == teks[k] for k, uraian in pasangan)
