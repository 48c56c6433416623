"""Issue 17: a fresh install warns whoever can add ministry recipients, on every page (the site
and the admin), until an active recipient takes ``bencana.*`` events; an environment setting seeds
one on ``migrate``, once. The warning costs a page at most one query (none once remembered) and
never touches Redis."""

import copy

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.core.management.sql import emit_post_migrate_signal
from django.test import Client, override_settings
from django.urls import reverse

from pendampingan.models import Jabatan
from pendampingan.notifikasi import kementerian
from pendampingan.notifikasi.models import JenisPenerima, PenerimaKementerian
from tests.factories import UserFactory, pendamping_di

from .factories import PenerimaEmailFactory, PenerimaWebhookFactory

pytestmark = pytest.mark.django_db

PENANDA = 'id="peringatan-penerima-kementerian"'


def _klien(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def admin():
    return UserFactory(username="admin_bpsdm", is_superuser=True, is_staff=True)


def _ada_peringatan(c, url=None) -> bool:
    r = c.get(url or reverse("pendampingan:beranda"))
    assert r.status_code == 200
    return PENANDA in r.content.decode()


def test_peringatan_tampil_tanpa_penerima_dan_hilang_dengan_satu(admin):
    c = _klien(admin)
    assert _ada_peringatan(c)
    assert _ada_peringatan(c, reverse("admin:index"))
    # an inactive one, or one for other events only, is no remedy
    PenerimaEmailFactory(peristiwa="bencana.*", aktif=False)
    PenerimaEmailFactory(peristiwa="pengaduan.*\nkegiatan.*")
    assert _ada_peringatan(c)
    # saving a recipient drops the remembered answer: the next page already knows
    PenerimaWebhookFactory(peristiwa="bencana.dilaporkan")
    assert not _ada_peringatan(c)
    assert not _ada_peringatan(c, reverse("admin:index"))


@pytest.mark.parametrize(
    "pola,cocok",
    [
        ("", True),
        ("*", True),
        ("bencana.*", True),
        ("bencana.dilaporkan", True),
        ("b*", True),
        ("pengaduan.*", False),
        ("bencana", False),
        ("kegiatan.diajukan\nbencana.laporan_versi", True),
    ],
)
def test_pola_peristiwa_yang_menerima_bencana(pola, cocok):
    assert kementerian.menerima_bencana([p for p in pola.splitlines() if p]) is cocok


def test_peringatan_hanya_untuk_yang_boleh_mengelola_penerima(dunia):
    assert not _ada_peringatan(_klien(dunia.pld_a.user))
    assert not _ada_peringatan(_klien(dunia.pengawas.user))
    pengelola = pendamping_di("33.01", Jabatan.TAPM_KABUPATEN).user
    pengelola.user_permissions.add(
        Permission.objects.get(
            codename="change_penerimakementerian", content_type__app_label="notifikasi"
        )
    )
    assert _ada_peringatan(_klien(pengelola))


def test_penerima_dihapus_peringatan_kembali(admin):
    r = PenerimaEmailFactory(peristiwa="bencana.*")
    c = _klien(admin)
    assert not _ada_peringatan(c)
    r.delete()
    assert _ada_peringatan(c)


def _tanpa_pemroses():
    templates = copy.deepcopy(settings.TEMPLATES)
    for t in templates:
        cp = t.get("OPTIONS", {}).get("context_processors", [])
        if "pendampingan.notifikasi.kementerian.peringatan" in cp:
            cp.remove("pendampingan.notifikasi.kementerian.peringatan")
    return templates


def test_jumlah_query_halaman_bertambah_paling_banyak_satu(admin, dunia, hitung_query):
    url = reverse("pendampingan:beranda")
    for user, tambah_dingin in ((admin, 1), (dunia.pld_a.user, 0)):
        c = _klien(user)
        c.get(url)  # warm the session and the user's permissions
        with override_settings(TEMPLATES=_tanpa_pemroses()):
            dasar = hitung_query(lambda: c.get(url))
        kementerian.lupakan()
        dingin = hitung_query(lambda: c.get(url))
        hangat = hitung_query(lambda: c.get(url))
        assert dingin == dasar + tambah_dingin, user
        assert hangat == dasar, user


def test_tidak_bergantung_pada_redis(admin, settings):
    """The answer lives in the process, not in the cache: with a cache that cannot be reached the
    banner is still right and the page answers."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        }
    }
    kementerian.lupakan()
    assert kementerian.ada_penerima_bencana() is False
    PenerimaEmailFactory(peristiwa="bencana.*")
    assert kementerian.ada_penerima_bencana() is True


def test_semai_dari_pengaturan_sekali_saja(settings):
    settings.PENERIMA_KEMENTERIAN_EMAIL = "pusdalops@kemendesa.go.id"
    # a host the webhook fence (notifikasi/pagar.py) lets through in tests: the seed is checked too
    settings.PENERIMA_KEMENTERIAN_WEBHOOK = "http://127.0.0.1:9/kemendesa/bencana"
    settings.PENERIMA_KEMENTERIAN_RAHASIA = "rahasia-uji"
    emit_post_migrate_signal(0, False, "default")
    emit_post_migrate_signal(0, False, "default")
    rows = {r.jenis: r for r in PenerimaKementerian.objects.all()}
    assert set(rows) == {JenisPenerima.EMAIL, JenisPenerima.WEBHOOK}
    assert rows[JenisPenerima.EMAIL].alamat_email == "pusdalops@kemendesa.go.id"
    assert rows[JenisPenerima.WEBHOOK].rahasia == "rahasia-uji"
    assert all(r.aktif and r.peristiwa == "bencana.*" for r in rows.values())
    assert kementerian.ada_penerima_bencana(segar=True)
    # an admin's later change is kept: a rerun neither re-creates nor re-activates it
    PenerimaKementerian.objects.filter(jenis=JenisPenerima.EMAIL).update(aktif=False)
    assert kementerian.penerima_kementerian_semai() == []
    assert PenerimaKementerian.objects.count() == 2
    assert not PenerimaKementerian.objects.get(jenis=JenisPenerima.EMAIL).aktif


def test_semai_tanpa_pengaturan_tidak_membuat_apa_pun():
    emit_post_migrate_signal(0, False, "default")
    assert not PenerimaKementerian.objects.exists()


def test_semai_alamat_salah_menghentikan_dengan_nama_pengaturan(settings):
    settings.PENERIMA_KEMENTERIAN_EMAIL = "bukan-email"
    with pytest.raises(ImproperlyConfigured) as e:
        kementerian.penerima_kementerian_semai()
    assert "PENERIMA_KEMENTERIAN_EMAIL" in str(e.value)
    assert not PenerimaKementerian.objects.exists()
