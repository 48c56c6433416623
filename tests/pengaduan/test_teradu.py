"""Complaints about a facilitator (issue 18): the PLD, the PD and the TAPM of a desa as the accused.

For each: the complaint goes to the supervisor above the accused; the accused and everyone below
the handler see nothing of it — no page (404 on the detail, the attachment, the musyawarah page),
no list row, no count on the board or the dashboard (nor its export), no notification or bell
number, no API row or detail, nothing on the desa page; the handler and those above see it; the
reporter's identity only to the handler and only when not anonim. A complaint found at verification
to be about a facilitator moves up at once. Every opening of protected data leaves one audit row.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from pendampingan.api.services import token_buat
from pendampingan.models import Jabatan
from pendampingan.notifikasi.models import Pesan, Saluran
from pendampingan.notifikasi.selectors import jumlah_belum_dibaca
from pengaduan import selectors, services
from pengaduan.models import (
    JejakAkses,
    JenisPeristiwa,
    Pengaduan,
    PeristiwaPengaduan,
    StatusPengaduan,
    TambahSaja,
)
from tests.factories import pendamping_di
from tests.pengaduan.factories import URL_LAPOR, isian_publik, pengaduan_buat
from tests.pengaduan.test_unggahan import _png

pytestmark = pytest.mark.django_db
S = StatusPengaduan


class Dunia18:
    """``dunia`` plus a second PLD in desa A, a TAPM over kabupaten A (``dunia.pengawas`` is the
    koordinator provinsi above them), and per accused role: who is accused, who handles it, who is
    below the handler (sees nothing) and who is above (sees it, never the reporter)."""

    def __init__(self, dunia):
        self.d = dunia
        self.pld_rekan = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a2")
        self.tapm = pendamping_di(dunia.kab_a.kode, Jabatan.TAPM_KABUPATEN, username="tapm_a")
        d = dunia
        self.peran = {
            "pld": {
                "teradu": [d.pld_a, self.pld_rekan],
                "penangan": d.pd_a,
                "bawah": [],
                "atas": [self.tapm, d.pengawas],
            },
            "pd": {
                "teradu": [d.pd_a],
                "penangan": self.tapm,
                "bawah": [d.pld_a, self.pld_rekan],
                "atas": [d.pengawas],
            },
            "tapm": {
                "teradu": [self.tapm],
                "penangan": d.pengawas,
                "bawah": [d.pd_a, d.pld_a, self.pld_rekan],
                "atas": [],
            },
        }


@pytest.fixture
def d18(dunia):
    return Dunia18(dunia)


def _api(user) -> APIClient:
    c = APIClient()
    _token, rahasia = token_buat(user=user, nama="HP uji")
    c.credentials(HTTP_AUTHORIZATION=f"Token {rahasia}")
    return c


def _aduan(dunia, peran, **kw):
    data = {"kategori_kode": "pendampingan", "judul": "Pendamping minta uang", "anonim": False}
    data.update(kw)
    return pengaduan_buat(dunia.desa_a, teradu_peran=peran, **data)


def _pesan_tentang(p, user):
    ct = ContentType.objects.get_for_model(Pengaduan)
    return Pesan.objects.filter(content_type=ct, object_id=str(p.pk), penerima_user=user)


def _csv_dasbor(klien, wilayah) -> dict:
    resp = klien.get(reverse("dasbor:dasbor-ekspor", args=["csv"]), {"wilayah": wilayah})
    if resp.status_code != 200:
        return {}
    isi = b"".join(resp.streaming_content) if resp.streaming else resp.content
    return {r[0]: r[1] for r in csv.reader(io.StringIO(isi.decode("utf-8-sig"))) if len(r) > 1}


@pytest.mark.parametrize("peran", ["pld", "pd", "tapm"])
def test_teradu_dan_penangan_dicatat_saat_diterima(d18, peran, django_capture_on_commit_callbacks):
    k = d18.peran[peran]
    with django_capture_on_commit_callbacks(execute=True):
        p = _aduan(d18.d, peran)
    assert p.teradu_peran == peran and p.tentang_pendamping
    assert set(p.teradu.all()) == set(k["teradu"])
    assert p.penangan == k["penangan"]
    assert PeristiwaPengaduan.objects.filter(pengaduan=p, jenis=JenisPeristiwa.PENUGASAN).exists()
    # the new-complaint notice goes to the handler only
    penerima = set(
        Pesan.objects.filter(
            object_id=str(p.pk),
            content_type=ContentType.objects.get_for_model(Pengaduan),
            saluran=Saluran.IN_APP,
        ).values_list("penerima_user_id", flat=True)
    )
    assert penerima == {k["penangan"].user_id}


@pytest.mark.parametrize("peran", ["pld", "pd", "tapm"])
def test_yang_diadukan_dan_di_bawah_penangan_tidak_melihat_apa_pun(d18, peran):
    d, k = d18.d, d18.peran[peran]
    p = _aduan(d, peran, judul="Judul khusus aduan pendamping")
    p_lamp = _aduan(d, peran, judul="Dengan lampiran", lampiran=[_png()])
    url_lampiran = reverse("pengaduan:lampiran", args=[p_lamp.lampiran.get().pk])
    hari = timezone.localdate()
    for orang in k["teradu"] + k["bawah"]:
        c = d.klien(orang)
        assert c.get(p.get_absolute_url()).status_code == 404
        assert c.get(reverse("pengaduan:musyawarah", args=[p.pk])).status_code == 404
        assert c.get(url_lampiran).status_code == 404
        assert p.pk not in [x.pk for x in selectors.pengaduan_daftar(user=orang.user)]
        daftar = c.get(reverse("pengaduan:daftar"))
        assert b"Judul khusus aduan pendamping" not in daftar.content
        assert p.kode.encode() not in c.get(reverse("pengaduan:papan")).content
        assert selectors.papan_pengawas(user=orang.user)["umur"]["semua"] == 0
        panel = selectors.panel_dasbor(d.desa_a, (hari, hari), orang.user)
        assert panel["angka"]["masuk"] == 0
        assert _csv_dasbor(c, d.desa_a.kode).get("Pengaduan masuk dalam periode", "0") == "0"
        desa = c.get(reverse("pendampingan:wilayah-detail", args=[d.desa_a.kode]))
        assert p.kode.encode() not in desa.content
        assert not _pesan_tentang(p, orang.user).exists()
        cache.clear()
        assert jumlah_belum_dibaca(user=orang.user) == 0
        assert p.kode.encode() not in c.get(reverse("notifikasi:pesan-list")).content
        api = _api(orang.user)
        assert p.pk not in [
            r["id"] for r in api.get(reverse("api:pengaduan-list")).json()["results"]
        ]
        assert api.get(reverse("api:pengaduan-detail", args=[p.pk])).status_code == 404
        assert (
            api.get(reverse("api:pengaduan-lampiran-detail", args=[p_lamp.lampiran.get().pk]))
        ).status_code == 404
        assert not JejakAkses.objects.filter(pengguna=orang.user).exists()
    for orang in [k["penangan"], *k["atas"]]:
        c = d.klien(orang)
        assert c.get(p.get_absolute_url()).status_code == 200
        assert c.get(url_lampiran).status_code == 200
        assert p.pk in [x.pk for x in selectors.pengaduan_daftar(user=orang.user)]
        assert selectors.papan_pengawas(user=orang.user)["umur"]["semua"] == 2
        assert selectors.panel_dasbor(d.desa_a, (hari, hari), orang.user)["angka"]["masuk"] == 2
        api = _api(orang.user)
        assert api.get(reverse("api:pengaduan-detail", args=[p.pk])).status_code == 200


@pytest.mark.parametrize("peran", ["pld", "pd", "tapm"])
def test_identitas_pelapor_hanya_untuk_penangan_bila_tidak_anonim(d18, peran):
    d, k = d18.d, d18.peran[peran]
    terbuka = _aduan(d, peran, anonim=False, pelapor_nama="Bu Warsini Terbuka")
    anonim = _aduan(d, peran, anonim=True, pelapor_nama="Pak Anonim Sekali")
    c = d.klien(k["penangan"])
    assert b"Bu Warsini Terbuka" in c.get(terbuka.get_absolute_url()).content
    assert b"Pak Anonim Sekali" not in c.get(anonim.get_absolute_url()).content
    detail = _api(k["penangan"].user).get(reverse("api:pengaduan-detail", args=[terbuka.pk]))
    assert detail.json()["pelapor"]["nama"] == "Bu Warsini Terbuka"
    # the list never carries a protected identity
    baris = _api(k["penangan"].user).get(reverse("api:pengaduan-list")).json()["results"]
    assert all(b["pelapor"] is None for b in baris)
    for orang in k["atas"]:
        resp = d.klien(orang).get(terbuka.get_absolute_url())
        assert resp.status_code == 200 and b"Bu Warsini Terbuka" not in resp.content
        api = _api(orang.user).get(reverse("api:pengaduan-detail", args=[terbuka.pk]))
        assert api.json()["pelapor"] is None


def test_status_publik_tidak_menyebut_teradu(d18):
    p = _aduan(d18.d, "pd")
    hasil = selectors.status_publik(kode=p.kode)
    assert hasil.status == S.DITERIMA
    assert "Pendamping" not in str(hasil.balasan)


def test_formulir_publik_pd_desa_ini(d18, client, django_capture_on_commit_callbacks):
    d = d18.d
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(
            URL_LAPOR,
            isian_publik(client, d, teradu_peran="pd", judul="PD jarang datang", anonim=None),
        )
    assert resp.status_code == 302
    p = Pengaduan.objects.get(judul="PD jarang datang")
    assert p.teradu_peran == "pd" and p.penangan == d18.tapm and list(p.teradu.all()) == [d.pd_a]
    assert d.klien(d.pd_a).get(p.get_absolute_url()).status_code == 404


def test_formulir_publik_peran_tak_dikenal_ditolak_isian_tetap(d18, client):
    d = d18.d
    resp = client.post(URL_LAPOR, isian_publik(client, d, teradu_peran="camat", judul="Tetap"))
    assert resp.status_code in (200, 400)
    assert "teradu_peran" in resp.context["form"].errors
    assert b"Tetap" in resp.content and not Pengaduan.objects.exists()


def test_api_publik_teradu_peran(d18, django_capture_on_commit_callbacks):
    d = d18.d
    c = APIClient()
    f = c.get(reverse("api:pengaduan-publik-formulir")).json()
    assert [r["kode"] for r in f["teradu_peran"]] == ["pld", "pd", "tapm"]
    from django.core import signing

    from pengaduan.forms import GARAM_TANTANGAN

    soal = signing.loads(f["tantangan"], salt=GARAM_TANTANGAN)
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(
            reverse("api:pengaduan-publik-list"),
            {
                "kategori": f["kategori"][0]["id"],
                "teradu_peran": "tapm",
                "desa": d.desa_a.kode,
                "judul": "TAPM tidak menanggapi",
                "isi": "Sudah tiga kali kami lapor.",
                "tantangan": f["tantangan"],
                "jawaban": soal["a"] + soal["b"],
            },
            format="json",
        )
    assert r.status_code == 201, r.content
    p = Pengaduan.objects.get(kode=r.json()["kode"])
    assert p.teradu_peran == "tapm" and p.penangan == d.pengawas
    assert list(p.teradu.all()) == [d18.tapm]
    bad = c.post(
        reverse("api:pengaduan-publik-list"),
        {"kategori": 1, "teradu_peran": "bupati", "desa": d.desa_a.kode, "judul": "x", "isi": "y"},
        format="json",
    )
    assert bad.status_code == 400 and "teradu_peran" in bad.json()["galat"]["rincian"]


def test_formulir_internal_teradu_peran(d18):
    """The PLD types in a complaint about their PD: it goes to the TAPM; the PLD lands on the list
    with a note (the complaint is out of their sight now)."""
    d = d18.d
    c = d.klien(d.pld_a)
    form = c.get(reverse("pengaduan:baru")).context["form"]
    resp = c.post(
        reverse("pengaduan:baru"),
        {
            "saluran": "langsung",
            "diterima_tanggal": timezone.localdate().isoformat(),
            "jenis": "pengaduan",
            "kategori": form.fields["kategori"].queryset.get(kode="dana-desa").pk,
            "teradu_peran": "pd",
            "desa": d.desa_a.kode,
            "judul": "PD meminta imbalan",
            "isi": "Diceritakan warga di balai desa.",
            "anonim": "on",
            "kunci_sekali": str(form.initial["kunci_sekali"]),
        },
    )
    assert resp.status_code == 302 and resp["Location"] == reverse("pengaduan:daftar"), resp
    p = Pengaduan.objects.get(judul="PD meminta imbalan")
    assert p.teradu_peran == "pd" and p.tentang_pendamping and p.penangan == d18.tapm
    assert c.get(p.get_absolute_url()).status_code == 404


def test_ditemukan_saat_verifikasi_langsung_naik(d18, django_capture_on_commit_callbacks):
    """An ordinary complaint reaches the PD; verifying it, the PD records it is about "the PD of
    this desa": it moves to the TAPM at once, the PD loses it (page, list, bell), the TAPM is told,
    and the timeline says so."""
    d = d18.d
    with django_capture_on_commit_callbacks(execute=True):
        p = pengaduan_buat(d.desa_a, judul="Dana desa dan pendamping")
    assert _pesan_tentang(p, d.pd_a.user).exists()
    c = d.klien(d.pd_a)
    assert c.get(p.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post(
            reverse("pengaduan:verifikasi", args=[p.pk]),
            {"keputusan": S.DIVERIFIKASI, "teradu_peran": "pd", "dari": S.DITERIMA},
        )
    assert resp.status_code == 302 and resp["Location"] == reverse("pengaduan:daftar")
    p.refresh_from_db()
    assert p.status == S.DIVERIFIKASI and p.teradu_peran == "pd" and p.penangan == d18.tapm
    assert list(p.teradu.all()) == [d.pd_a]
    assert c.get(p.get_absolute_url()).status_code == 404
    # the in-app notice is withdrawn (an email already delivered cannot be recalled)
    assert not _pesan_tentang(p, d.pd_a.user).filter(saluran=Saluran.IN_APP).exists()
    cache.clear()
    assert jumlah_belum_dibaca(user=d.pd_a.user) == 0
    dialihkan = _pesan_tentang(p, d18.tapm.user).filter(peristiwa="pengaduan.dialihkan")
    assert dialihkan.filter(saluran=Saluran.IN_APP).count() == 1
    ev = PeristiwaPengaduan.objects.filter(pengaduan=p, jenis=JenisPeristiwa.PENUGASAN).last()
    assert d18.tapm.nama in ev.catatan and not ev.publik
    assert d.klien(d18.tapm).get(p.get_absolute_url()).status_code == 200


def test_verifikasi_menyebut_nama_memberi_peran_dan_naik(d18, django_capture_on_commit_callbacks):
    d = d18.d
    with django_capture_on_commit_callbacks(execute=True):
        p = pengaduan_buat(d.desa_a, kategori_kode="pendampingan")
    with django_capture_on_commit_callbacks(execute=True):
        services.pengaduan_verifikasi(
            pengaduan=p, user=d.pengawas.user, keputusan=S.DIVERIFIKASI, teradu=d.pld_a
        )
    p.refresh_from_db()
    assert p.teradu_peran == "pld" and list(p.teradu.all()) == [d.pld_a]
    assert p.penangan == d.pd_a
    # the other PLD of the desa is not accused, but below the handler: out of sight too
    assert d.klien(d18.pld_rekan).get(p.get_absolute_url()).status_code == 404


def test_verifikasi_peran_dan_nama_tidak_cocok_ditolak(d18):
    from django.core.exceptions import ValidationError

    d = d18.d
    p = pengaduan_buat(d.desa_a, kategori_kode="pendampingan")
    with pytest.raises(ValidationError) as e:
        services.pengaduan_verifikasi(
            pengaduan=p,
            user=d.pengawas.user,
            keputusan=S.DIVERIFIKASI,
            teradu=d.pld_a,
            teradu_peran="pd",
        )
    assert "teradu_peran" in e.value.error_dict


def test_penangan_pilihan_hanya_di_atas_teradu(d18):
    d = d18.d
    p = _aduan(d, "pd")
    pilihan = set(services.penangan_pilihan(p))
    assert d.pd_a not in pilihan and d.pld_a not in pilihan
    assert {d18.tapm, d.pengawas} <= pilihan


def test_yang_diadukan_tidak_dapat_bertindak(d18):
    from django.core.exceptions import PermissionDenied

    d = d18.d
    p = _aduan(d, "pd")
    with pytest.raises(PermissionDenied):
        services.pengaduan_verifikasi(pengaduan=p, user=d.pd_a.user, keputusan=S.DIVERIFIKASI)


# ------------------------------------------------------------------------------ audit trail
def test_jejak_satu_baris_per_pembukaan(d18):
    d = d18.d
    p = _aduan(d, "pd", anonim=False)
    c = d.klien(d18.tapm)
    c.get(p.get_absolute_url(), REMOTE_ADDR="203.0.113.9")
    assert JejakAkses.objects.filter(pengaduan=p).count() == 1
    j = JejakAkses.objects.get(pengaduan=p)
    assert j.pengguna == d18.tapm.user and j.identitas and not j.rahasia
    assert j.alamat == "203.0.113.9" and j.pintu == JejakAkses.Pintu.HALAMAN
    c.get(p.get_absolute_url())
    assert JejakAkses.objects.filter(pengaduan=p).count() == 2
    _api(d18.tapm.user).get(reverse("api:pengaduan-detail", args=[p.pk]))
    assert JejakAkses.objects.filter(pengaduan=p, pintu=JejakAkses.Pintu.API).count() == 1
    # the koordinator provinsi above the handler opens it: identity not shown, nothing protected
    # opened, no row; they see the trail
    resp = d.klien(d.pengawas).get(p.get_absolute_url())
    assert JejakAkses.objects.filter(pengaduan=p).count() == 3
    assert b'id="jejak-akses"' in resp.content and b"203.0.113.9" in resp.content
    # the handler does not see the trail of their own openings
    assert b'id="jejak-akses"' not in c.get(p.get_absolute_url()).content


def test_jejak_rahasia_dan_anonim_biasa(dunia):
    rahasia = pengaduan_buat(dunia.desa_a, rahasia=True, anonim=False)
    anonim = pengaduan_buat(dunia.desa_a, anonim=True)
    biasa = pengaduan_buat(dunia.desa_a, anonim=False)
    pd = dunia.klien(dunia.pd_a)
    for p in (rahasia, anonim, biasa):
        pd.get(p.get_absolute_url())
    assert JejakAkses.objects.get(pengaduan=rahasia).rahasia
    assert JejakAkses.objects.get(pengaduan=anonim).identitas
    assert not JejakAkses.objects.filter(pengaduan=biasa).exists()
    # the PLD sees the ordinary rahasia complaint (field scope): opening it is written too
    dunia.klien(dunia.pld_a).get(rahasia.get_absolute_url())
    assert JejakAkses.objects.filter(pengaduan=rahasia, pengguna=dunia.pld_a.user).count() == 1
    # the trail of an unassigned complaint is for the ranks above the first supervisor (the PD)
    assert b'id="jejak-akses"' not in pd.get(anonim.get_absolute_url()).content
    assert b'id="jejak-akses"' in dunia.klien(dunia.pengawas).get(anonim.get_absolute_url()).content


def test_jejak_hanya_ditambah(dunia):
    p = pengaduan_buat(dunia.desa_a, rahasia=True)
    dunia.klien(dunia.pd_a).get(p.get_absolute_url())
    j = JejakAkses.objects.get()
    with pytest.raises(TambahSaja):
        j.save()
    with pytest.raises(TambahSaja):
        j.delete()
    with pytest.raises(TambahSaja):
        JejakAkses.objects.update(alamat=None)
    with pytest.raises(TambahSaja):
        JejakAkses.objects.all().delete()


def test_jejak_admin_hanya_baca(admin_client, dunia):
    p = pengaduan_buat(dunia.desa_a, rahasia=True)
    dunia.klien(dunia.pd_a).get(p.get_absolute_url())
    j = JejakAkses.objects.get()
    assert admin_client.get(reverse("admin:pengaduan_jejakakses_changelist")).status_code == 200
    halaman = admin_client.get(reverse("admin:pengaduan_jejakakses_change", args=[j.pk]))
    assert halaman.status_code == 200 and b'name="alamat"' not in halaman.content
    assert admin_client.get(reverse("admin:pengaduan_jejakakses_add")).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:pengaduan_jejakakses_delete", args=[j.pk]), {"post": "yes"}
        )
    ).status_code == 403
    assert JejakAkses.objects.count() == 1


# ------------------------------------------------------------------------------ query counts
@pytest.mark.parametrize("halaman", ["situs", "api"])
def test_daftar_penangan_query_tetap(d18, hitung_query, halaman):
    d = d18.d
    c = d.klien(d18.tapm) if halaman == "situs" else _api(d18.tapm.user)
    url = reverse("pengaduan:daftar") if halaman == "situs" else reverse("api:pengaduan-list")

    def isi(n):
        for i in range(n):
            _aduan(d, "pd", judul=f"Aduan {i}")
            pengaduan_buat(d.desa_a, judul=f"Biasa {i}")

    isi(2)
    c.get(url)  # warm: the token's first use, content types
    sedikit = hitung_query(lambda: c.get(url))
    isi(4)
    banyak = hitung_query(lambda: c.get(url))
    assert banyak == sedikit


def test_detail_query_tetap_dengan_banyak_teradu(d18, hitung_query):
    d = d18.d
    p1 = _aduan(d, "pld")
    for i in range(4):
        pendamping_di(d.desa_a.kode, Jabatan.PLD, username=f"pld_tambahan{i}")
    p2 = _aduan(d, "pld")
    assert p2.teradu.count() == 6
    c = d.klien(d.pd_a)
    assert hitung_query(lambda: c.get(p1.get_absolute_url())) == hitung_query(
        lambda: c.get(p2.get_absolute_url())
    )


def test_penangan_yang_sudah_di_atas_peran_tetap(d18):
    """Received as about the PD (the TAPM handles it); the verifier finds it is about the PLD: the
    TAPM, already above, keeps it — it never moves down to the PD, who stays accused."""
    d = d18.d
    p = _aduan(d, "pd")
    services.pengaduan_verifikasi(
        pengaduan=p, user=d.pengawas.user, keputusan=S.DIVERIFIKASI, teradu_peran="pld"
    )
    p.refresh_from_db()
    assert p.teradu_peran == "pld" and p.penangan == d18.tapm
    assert set(p.teradu.all()) == {d.pd_a, d.pld_a, d18.pld_rekan}
    assert d.klien(d.pd_a).get(p.get_absolute_url()).status_code == 404
