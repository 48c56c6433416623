"""The malformed inputs of issue 14, one by one: each answered with a message (the 400 page, or
the form with its error, or the list without the bad filter) — never a 500. They run on SQLite and
on PostgreSQL (where a NUL byte or an integer beyond the column really raises)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from bencana.models import PenilaianDampak as Dampak
from pendampingan.forum.models import Pertemuan
from pendampingan.models import Kegiatan
from tests.scope.test_url_scope import KASUS

pytestmark = pytest.mark.django_db

BESAR = str(2**31)


@pytest.mark.parametrize(
    "url",
    [
        "/bencana/?q=banjir%00",
        "/pengaduan/?kategori=%00",
        "/wilayah/cari/?tingkat=desa%00",
        "/dasbor/ekspor.csv?wilayah=33.01.01%00",
        "/fasilitasi/kasus/?status=%00",
        "/bencana/?q%00=banjir",  # in a key
        "/bencana/%00/",  # in the path
    ],
)
def test_nul_di_filter_400(dunia, url):
    resp = dunia.klien(dunia.pengawas).get(url)
    assert resp.status_code == 400


def test_nul_di_isian_post_400_sebelum_view(dunia):
    k = KASUS["bencana:kronologi-tambah"].buat(dunia, dunia.desa_a)
    url = reverse("bencana:kronologi-tambah", kwargs=k)
    resp = dunia.klien(dunia.pld_a).post(url, {"isi": "air naik\x00"})
    assert resp.status_code == 400


def _form(resp, nama):
    assert resp.status_code == 200, resp.status_code
    form = resp.context["form"]
    assert nama in form.errors, form.errors
    return form.errors[nama]


def test_tamu_pertemuan_2_pangkat_31(dunia):
    kw = KASUS["forum:pertemuan-create"].buat(dunia, dunia.desa_a)
    url = reverse("forum:pertemuan-create", kwargs=kw)
    sebelum = Pertemuan.objects.count()
    resp = dunia.klien(dunia.pld_a).post(
        url, {"tanggal": "2026-12-01", "agenda": "Rapat", "tamu_laki": BESAR, "tamu_perempuan": "0"}
    )
    assert "2147483647" in str(_form(resp, "tamu_laki"))
    assert Pertemuan.objects.count() == sebelum


def test_peserta_kegiatan_2_pangkat_31(dunia):
    sebelum = Kegiatan.objects.count()
    resp = dunia.klien(dunia.pld_a).post(
        reverse("pendampingan:kegiatan-buat"),
        {"judul": "Rapat", "peserta_laki": BESAR, "peserta_perempuan": "-1"},
    )
    assert "2147483647" in str(_form(resp, "peserta_laki"))
    assert "peserta_perempuan" in resp.context["form"].errors
    assert Kegiatan.objects.count() == sebelum


def test_dampak_bencana_2_pangkat_31(dunia):
    kw = KASUS["bencana:dampak-tambah"].buat(dunia, dunia.desa_a)
    url = reverse("bencana:dampak-tambah", kwargs=kw)
    sebelum = Dampak.objects.count()
    resp = dunia.klien(dunia.pld_a).post(url, {"waktu": "2026-12-01T10:00", "meninggal": BESAR})
    assert "2147483647" in str(_form(resp, "meninggal"))
    assert Dampak.objects.count() == sebelum


@pytest.mark.parametrize("panjang", [151, 256, 5000])
def test_login_nama_panjang(db, panjang):
    from axes.models import AccessAttempt

    resp = Client().post(reverse("login"), {"username": "x" * panjang, "password": "rahasia"})
    assert resp.status_code == 200
    assert "username" in resp.context["form"].errors
    assert not AccessAttempt.objects.filter(username__startswith="x" * 100).exists()


def test_login_admin_nama_panjang(db):
    resp = Client().post(reverse("admin:login"), {"username": "x" * 300, "password": "rahasia"})
    assert resp.status_code == 200
    assert "username" in resp.context["form"].errors


@pytest.mark.parametrize("q", ["?sampai=1900-01-01", "?sampai=2001-01-01", "?dari=2099-12-01"])
def test_dasbor_pendamping_periode_aneh(dunia, q):
    resp = dunia.klien(dunia.pengawas).get("/dasbor/pendamping/" + q)
    assert resp.status_code == 200


def test_aduan_publik_teks_panjang_dan_kendali(db, dunia):
    from django.core.cache import cache

    cache.clear()  # the public rate limit, after other tests' public posts
    resp = Client().post(reverse("pengaduan:lapor"), {"judul": "x" * 5000, "isi": "tolong\x07"})
    assert resp.status_code == 200
    errors = resp.context["form"].errors
    assert "judul" in errors and "isi" in errors, errors


def test_cek_status_publik_kode_panjang(db):
    resp = Client().get(reverse("pengaduan:status"), {"kode": "A" * 5000})
    assert resp.status_code == 200


@pytest.mark.parametrize("nxt", ["2147483647", "pesan-list", "https://jahat.example/"])
def test_baca_pemberitahuan_next_aneh(dunia, nxt):
    """Found by the fuzz suite: a ``next`` that is not a path was handed to ``redirect()``, which
    took it for a URL name (NoReverseMatch → 500)."""
    from pendampingan.notifikasi.models import Pesan
    from tests.scope.cases_notifikasi import KASUS as N

    kw = N["notifikasi:pesan-baca"].buat(dunia, dunia.desa_a)
    resp = dunia.klien(dunia.pld_a).post(reverse("notifikasi:pesan-baca", kwargs=kw), {"next": nxt})
    assert resp.status_code == 302
    assert resp["Location"] == reverse("notifikasi:pesan-list")
    assert Pesan.objects.get(pk=kw["pk"]).dibaca_pada is not None


def test_hadir_di_luar_64_bit_ditolak_form(dunia):
    """Found by the form fuzz: a ``hadir`` value beyond 64 bits reached the member query (SQLite:
    OverflowError, a 500). The form refuses it at the field."""
    from pendampingan.forum.forms.pertemuan import PertemuanIsiForm
    from tests.scope.cases_forum import _forum

    forum = _forum(dunia, dunia.desa_a)
    form = PertemuanIsiForm(
        {"hadir": [str(2**63)], "tamu_laki": "0", "tamu_perempuan": "0"},
        user=dunia.pld_a.user,
        forum=forum,
    )
    assert not form.is_valid()
    assert "hadir" in form.errors
