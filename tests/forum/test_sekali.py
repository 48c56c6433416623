"""One-time keys on every create page of pengorganisasian: the page carries a key made when it is
shown; the same POST twice (a double click, a resend after a timeout) creates one record and the
second answer shows the first record with a notice."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from pendampingan.forum.models import (
    AktivitasForum,
    Anggota,
    Forum,
    Keputusan,
    Pertemuan,
    Sarana,
)
from pendampingan.models import Kegiatan, TindakLanjut
from tests.forum.factories import anggota_di, forum_di, pertemuan_di, unsur

pytestmark = pytest.mark.django_db

HARI_INI = timezone.localdate()


def _dua_kali(klien, url, data):
    data = {**data, "kunci_sekali": str(uuid.uuid4())}
    r1 = klien.post(url, data)
    r2 = klien.post(url, data)
    assert r1.status_code == 302, r1.content.decode()[:2000]
    assert r2.status_code == 302
    assert r2["Location"] == r1["Location"]  # the first record's page
    return r1, r2


def _pesan_ulang(klien, r) -> bool:
    return "sudah tersimpan sebelumnya" in klien.get(r["Location"]).content.decode()


def test_forum_dua_kali_satu_forum(dunia):
    k = dunia.klien(dunia.pld_a)
    url = reverse("forum:forum-create")
    assert 'name="kunci_sekali"' in k.get(url).content.decode()
    _, r2 = _dua_kali(
        k,
        url,
        {
            "nama": "Forum Mitra Desa Alpha",
            "jenis": "forum_mitra_desa",
            "wilayah": dunia.desa_a.kode,
            "tanggal_dibentuk": "2026-01-05",
        },
    )
    f = Forum.objects.get()
    assert r2["Location"] == f.get_absolute_url()
    assert _pesan_ulang(k, r2)


def test_anggota_dua_kali_satu_anggota(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    k = dunia.klien(dunia.pld_a)
    url = reverse("forum:anggota-create", args=[f.pk])
    assert 'name="kunci_sekali"' in k.get(url).content.decode()
    _, r2 = _dua_kali(
        k, url, {"nama": "Siti", "jenis_kelamin": "P", "unsur": unsur("kelompok-perempuan").pk}
    )
    assert Anggota.objects.filter(forum=f).count() == 1
    assert _pesan_ulang(k, r2)  # not "Siti sudah tercatat sebagai anggota"


def test_ubah_anggota_tanpa_kunci(dunia):
    a = anggota_di(forum_di(dunia.desa_a, dunia.pld_a), nama="Siti")
    r = dunia.klien(dunia.pld_a).get(reverse("forum:anggota-update", args=[a.pk]))
    assert 'name="kunci_sekali"' not in r.content.decode()


def test_sarana_dua_kali_satu_sarana(dunia):
    k = dunia.klien(dunia.pld_a)
    url = reverse("forum:sarana-create")
    assert 'name="kunci_sekali"' in k.get(url).content.decode()
    _, r2 = _dua_kali(
        k,
        url,
        {"wilayah": dunia.desa_a.kode, "jenis": "lapangan", "nama": "Lapangan", "kondisi": "baik"},
    )
    assert Sarana.objects.count() == 1
    assert _pesan_ulang(k, r2)


def test_pertemuan_dua_kali_satu_pertemuan_satu_kegiatan(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    a = anggota_di(f, nama="Siti")
    k = dunia.klien(dunia.pld_a)
    url = reverse("forum:pertemuan-create", args=[f.pk])
    assert 'name="kunci_sekali"' in k.get(url).content.decode()
    _, r2 = _dua_kali(
        k,
        url,
        {
            "tanggal": HARI_INI.isoformat(),
            "jam_mulai": "09:00",
            "jam_selesai": "11:00",
            "judul": "Rapat perdana",
            "hadir": [a.pk],
            "tamu_laki": 1,
            "tamu_perempuan": 0,
            "tamu_disabilitas": 0,
            "tamu_lansia": 0,
            "tamu_miskin": 0,
        },
    )
    p = Pertemuan.objects.get()
    assert r2["Location"] == p.get_absolute_url()
    assert Kegiatan.objects.count() == 1
    assert _pesan_ulang(k, r2)


def test_keputusan_dua_kali_satu_keputusan_satu_tindak_lanjut(dunia):
    p = pertemuan_di(forum_di(dunia.desa_a, dunia.pld_a), dunia.pld_a)
    k = dunia.klien(dunia.pld_a)
    halaman = k.get(reverse("forum:pertemuan-detail", args=[p.pk])).content.decode()
    assert 'name="kunci_sekali"' in halaman
    _, r2 = _dua_kali(
        k,
        reverse("forum:keputusan-create", args=[p.pk]),
        {
            "isi": "Perbaiki jalan usaha tani",
            "jadikan_tindak_lanjut": "on",
            "penanggung_jawab": "Kaur Pembangunan",
            "jatuh_tempo": (HARI_INI + datetime.timedelta(days=7)).isoformat(),
        },
    )
    assert Keputusan.objects.count() == 1 and TindakLanjut.objects.count() == 1
    assert _pesan_ulang(k, r2)


def test_aktivitas_dua_kali_satu_aktivitas(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    k = dunia.klien(dunia.pld_a)
    url = reverse("forum:aktivitas-create", args=[f.pk])
    assert 'name="kunci_sekali"' in k.get(url).content.decode()
    _, r2 = _dua_kali(
        k,
        url,
        {
            "jenis": "pengabdian",
            "bidang": "agama",
            "tanggal": HARI_INI.isoformat(),
            "jam_mulai": "13:00",
            "jam_selesai": "15:00",
            "judul": "Pengajian bersama",
        },
    )
    assert AktivitasForum.objects.count() == 1 and Kegiatan.objects.count() == 1
    assert _pesan_ulang(k, r2)


def test_tanpa_kunci_tetap_tercatat(dunia):
    """An old page (no key in the POST) still works: the form makes a fresh key."""
    k = dunia.klien(dunia.pld_a)
    r = k.post(
        reverse("forum:sarana-create"),
        {"wilayah": dunia.desa_a.kode, "jenis": "taman", "nama": "Taman", "kondisi": "baik"},
    )
    assert r.status_code == 302
    assert Sarana.objects.get().kunci_sekali is not None
