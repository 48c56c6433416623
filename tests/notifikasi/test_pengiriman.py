"""Delivery of one row in this process (a local webhook receiver and an aiosmtpd sink, no
broker): how each kind of error is sorted, the backoff, the claim, the sweep, "retry now", and
the status events every move writes."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pendampingan.notifikasi import pengiriman, services
from pendampingan.notifikasi.models import (
    HasilPercobaan,
    PeristiwaPesan,
    Pesan,
    Saluran,
    StatusPesan,
)
from tests.notifikasi.factories import PenerimaWebhookFactory
from tests.notifikasi.layanan import KotakSmtp, PenerimaWebhook, port_bebas

pytestmark = pytest.mark.django_db


@pytest.fixture
def webhook():
    w = PenerimaWebhook()
    yield w
    w.tutup()


@pytest.fixture
def smtp(settings):
    k = KotakSmtp()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", k.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield k
    k.tutup()


def _buat(dunia, **kw):
    """Write the rows without committing (so nothing is delivered until the test says so)."""
    arg = {
        "peristiwa": "pengaduan.diterima",
        "objek": dunia.desa_a,
        "wilayah_kode": dunia.desa_a.kode,
        "subjek": "Pengaduan baru",
        "isi": "Ada pengaduan baru.",
        "payload": {"nomor": "PD-1"},
        "kunci": "pengaduan:1",
    }
    arg.update(kw)
    return [p for p in services.notifikasi_kirim(**arg) if p.saluran != Saluran.IN_APP]


def _kirim(p):
    hasil = pengiriman.pesan_kirim(pesan_id=p.pk)
    p.refresh_from_db()
    return hasil


def _webhook(dunia, webhook, **kw):
    PenerimaWebhookFactory(url=webhook.url, **kw)
    (p,) = _buat(dunia, kementerian=True)
    return p


def _peristiwa(p):
    """The message's status events as (from, to, attempt, by)."""
    return list(
        PeristiwaPesan.objects.filter(pesan=p)
        .order_by("waktu", "pk")
        .values_list("dari", "ke", "percobaan", "oleh_id")
    )


def _admin():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("admin", "admin@contoh.id", "rahasia-123")


@pytest.mark.parametrize("kode", [500, 502, 503, 429, 408])
def test_http_sementara_diulang_dengan_jeda(dunia, webhook, kode, settings):
    settings.NOTIFIKASI_BACKOFF_DASAR_DETIK = 30
    webhook.jawaban = [kode, 200]
    p = _webhook(dunia, webhook)
    sebelum = timezone.now()
    assert _kirim(p).status == StatusPesan.GAGAL_SEMENTARA
    assert p.percobaan == 1 and f"HTTP {kode}" in p.galat_terakhir
    assert p.coba_lagi_pada >= sebelum + datetime.timedelta(seconds=29)
    # not due yet: a second call does nothing
    assert _kirim(p).status == StatusPesan.GAGAL_SEMENTARA
    assert len(webhook.diterima) == 1
    Pesan.objects.filter(pk=p.pk).update(coba_lagi_pada=timezone.now())
    assert _kirim(p).status == StatusPesan.TERKIRIM
    assert p.percobaan == 2 and p.galat_terakhir == ""
    assert len(webhook.diterima) == 2
    # every move wrote its event, tied to its attempt (the not-yet-due call moved nothing)
    assert _peristiwa(p) == [
        ("antre", "dikirim", 1, None),
        ("dikirim", "gagal_sementara", 1, None),
        ("gagal_sementara", "dikirim", 2, None),
        ("dikirim", "terkirim", 2, None),
    ]
    assert f"HTTP {kode}" in PeristiwaPesan.objects.get(pesan=p, ke="gagal_sementara").catatan


@pytest.mark.parametrize("kode", [400, 401, 403, 404, 410, 422])
def test_http_4xx_gagal_seketika(dunia, webhook, kode):
    webhook.jawaban = [kode]
    p = _webhook(dunia, webhook)
    assert _kirim(p).status == StatusPesan.GAGAL
    assert p.percobaan == 1 and p.coba_lagi_pada is None
    assert list(p.percobaan_list.values_list("hasil", "kode_http")) == [
        (HasilPercobaan.PERMANEN, kode)
    ]
    assert _peristiwa(p) == [("antre", "dikirim", 1, None), ("dikirim", "gagal", 1, None)]
    # the supervisors of the desa are told in-app, once
    tahu = Pesan.objects.filter(peristiwa="notifikasi.gagal")
    assert sorted(tahu.values_list("penerima_user_id", flat=True)) == sorted(
        [dunia.pd_a.user.pk, dunia.pengawas.user.pk]
    )
    assert all(t.object_id == str(p.pk) for t in tahu)


def test_sambungan_ditolak_sementara(dunia):
    PenerimaWebhookFactory(url=f"http://127.0.0.1:{port_bebas()}/tidak-ada")
    (p,) = _buat(dunia, kementerian=True)
    assert _kirim(p).status == StatusPesan.GAGAL_SEMENTARA
    assert "Tidak bisa tersambung" in p.galat_terakhir


def test_waktu_habis_sementara(dunia, webhook, settings):
    settings.NOTIFIKASI_WEBHOOK_TIMEOUT = 0.3
    webhook.tahan()
    p = _webhook(dunia, webhook)
    try:
        assert _kirim(p).status == StatusPesan.GAGAL_SEMENTARA
    finally:
        webhook.lepas()
    assert "Waktu habis" in p.galat_terakhir


def test_menyerah_setelah_batas_percobaan(dunia, webhook, settings):
    settings.NOTIFIKASI_PERCOBAAN_MAKS = 3
    webhook.jawaban = [503]
    p = _webhook(dunia, webhook)
    for _ in range(3):
        Pesan.objects.filter(pk=p.pk).update(coba_lagi_pada=None)
        _kirim(p)
    assert p.status == StatusPesan.GAGAL and p.percobaan == 3
    assert "menyerah setelah 3 percobaan" in p.galat_terakhir


def test_jeda_eksponensial_dengan_batas(settings):
    settings.NOTIFIKASI_BACKOFF_DASAR_DETIK = 10
    settings.NOTIFIKASI_BACKOFF_MAKS_DETIK = 100
    assert [pengiriman.jeda_ulang(n) for n in range(1, 7)] == [10, 20, 40, 80, 100, 100]


def test_endpoint_dihapus_gagal_permanen(dunia, webhook):
    p = _webhook(dunia, webhook)
    p.penerima_kementerian.delete()
    assert _kirim(p).status == StatusPesan.GAGAL
    assert "dihapus" in p.galat_terakhir and webhook.diterima == []


def test_email_alamat_tidak_valid_gagal_seketika(dunia):
    (p,) = _buat(dunia, alamat_email=["bukan alamat"])
    assert _kirim(p).status == StatusPesan.GAGAL
    assert "tidak valid" in p.galat_terakhir and mail.outbox == []


def test_email_lewat_smtp_teks_dan_html(dunia, smtp):
    (p,) = _buat(dunia, alamat_email=["pelapor@contoh.id"])
    assert _kirim(p).status == StatusPesan.TERKIRIM
    ((rcpt, mentah),) = smtp.surat
    assert rcpt == ["pelapor@contoh.id"]
    assert b"text/html" in mentah and b"text/plain" in mentah


@pytest.mark.parametrize(
    "jawaban,status",
    [
        ("451 4.3.0 coba lagi nanti", StatusPesan.GAGAL_SEMENTARA),
        ("550 5.1.1 kotak surat tidak ada", StatusPesan.GAGAL),
    ],
)
def test_email_ditolak_smtp(dunia, smtp, jawaban, status):
    smtp.tolak_penerima = jawaban
    (p,) = _buat(dunia, alamat_email=["pelapor@contoh.id"])
    assert _kirim(p).status == status
    assert "ditolak" in p.galat_terakhir


def test_server_smtp_mati_sementara(dunia, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port_bebas()
    (p,) = _buat(dunia, alamat_email=["pelapor@contoh.id"])
    assert _kirim(p).status == StatusPesan.GAGAL_SEMENTARA


def test_klaim_mencegah_kirim_ulang(dunia, webhook):
    p = _webhook(dunia, webhook)
    assert _kirim(p).status == StatusPesan.TERKIRIM
    assert _kirim(p).status == StatusPesan.TERKIRIM  # delivered rows stay delivered
    # a claim held by another worker on a live lease is not taken
    Pesan.objects.filter(pk=p.pk).update(
        status=StatusPesan.DIKIRIM,
        diklaim_pada=timezone.now(),
        sewa_sampai=timezone.now() + datetime.timedelta(seconds=10),
    )
    assert _kirim(p).status == StatusPesan.DIKIRIM
    assert len(webhook.diterima) == 1


def test_klaim_yang_sewanya_habis_diambil_alih(dunia, webhook):
    p = _webhook(dunia, webhook)
    Pesan.objects.filter(pk=p.pk).update(
        status=StatusPesan.DIKIRIM,
        diklaim_pada=timezone.now() - datetime.timedelta(seconds=12),
        sewa_sampai=timezone.now() - datetime.timedelta(seconds=1),
        token_klaim="pekerja-mati",
        percobaan=1,
    )
    assert _kirim(p).status == StatusPesan.TERKIRIM
    assert p.percobaan == 2 and len(webhook.diterima) == 1
    assert p.sewa_sampai is None and p.token_klaim != "pekerja-mati"  # the claim ended
    assert _peristiwa(p) == [("dikirim", "dikirim", 2, None), ("dikirim", "terkirim", 2, None)]
    ambil_alih = PeristiwaPesan.objects.filter(pesan=p).first()
    assert "Sewa klaim habis; diambil alih" in ambil_alih.catatan


@pytest.mark.parametrize("status", [StatusPesan.GAGAL, StatusPesan.DIBATALKAN])
def test_klaim_hanya_status_yang_diizinkan_peta(dunia, webhook, status):
    """The claim asks the map (``Pesan.alur``): a failed or cancelled row is not taken."""
    p = _webhook(dunia, webhook)
    Pesan.objects.filter(pk=p.pk).update(status=status)
    assert _kirim(p).status == status
    assert webhook.diterima == [] and _peristiwa(p) == [] and p.percobaan == 0


def test_hasil_tidak_dicatat_bila_klaim_diambil_alih(dunia, webhook):
    """A worker whose claim was taken over meanwhile records its attempt, never the status."""
    p = _webhook(dunia, webhook)
    pesan, _alasan = pengiriman._klaim(p.pk, "pekerja-lambat")
    Pesan.objects.filter(pk=p.pk).update(token_klaim="pekerja-lain")
    hasil = pengiriman._catat(pesan, kode_http=200, galat=None)
    assert hasil.status == "klaim_hilang"
    p.refresh_from_db()
    assert p.status == StatusPesan.DIKIRIM and p.terkirim_pada is None
    assert _peristiwa(p) == [("antre", "dikirim", 1, None)]
    assert p.percobaan_list.get().hasil == HasilPercobaan.BERHASIL


def test_sapu_mengantrekan_yang_tertinggal(
    dunia, webhook, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFIKASI_ANTRE_TENGGANG_DETIK = 60
    settings.NOTIFIKASI_TUGAS_BATAS_DETIK = 120
    PenerimaWebhookFactory(url=webhook.url)
    lalu = timezone.now() - datetime.timedelta(minutes=10)
    baris = {}
    for nama in [
        "antre_lama",
        "antre_baru",
        "sementara_jatuh",
        "sementara_nanti",
        "klaim_basi",
        "klaim_baru",
        "klaim_lama_basi",
        "klaim_lama_baru",
        "gagal",
        "terkirim",
    ]:
        (baris[nama],) = _buat(dunia, kunci=nama, kementerian=True)
    ubah = {
        "antre_lama": {"diubah": lalu},
        "sementara_jatuh": {"status": StatusPesan.GAGAL_SEMENTARA, "coba_lagi_pada": lalu},
        "sementara_nanti": {
            "status": StatusPesan.GAGAL_SEMENTARA,
            "coba_lagi_pada": timezone.now() + datetime.timedelta(minutes=5),
        },
        # the lease ran out 1 s ago / is live for 10 s more
        "klaim_basi": {
            "status": StatusPesan.DIKIRIM,
            "diklaim_pada": timezone.now() - datetime.timedelta(seconds=20),
            "sewa_sampai": timezone.now() - datetime.timedelta(seconds=1),
        },
        "klaim_baru": {
            "status": StatusPesan.DIKIRIM,
            "diklaim_pada": lalu,  # claimed long ago, but its worker keeps renewing the lease
            "sewa_sampai": timezone.now() + datetime.timedelta(seconds=10),
        },
        # claimed before the lease existed (an upgrade): dead once older than the task's limit
        "klaim_lama_basi": {"status": StatusPesan.DIKIRIM, "diklaim_pada": lalu},
        "klaim_lama_baru": {"status": StatusPesan.DIKIRIM, "diklaim_pada": timezone.now()},
        "gagal": {"status": StatusPesan.GAGAL},
        "terkirim": {"status": StatusPesan.TERKIRIM},
    }
    for nama, u in ubah.items():
        Pesan.objects.filter(pk=baris[nama].pk).update(**u)
    tersapu = ["antre_lama", "sementara_jatuh", "klaim_basi", "klaim_lama_basi"]
    ids = services.pesan_sapu()
    assert sorted(ids) == sorted(baris[n].pk for n in tersapu)
    # (tasks run inline here, so the swept rows were delivered)
    assert sorted(webhook.kunci_diterima()) == sorted(baris[n].kunci for n in tersapu)
    # the stale claim was first put back in the queue by the sweep (its event says so)
    assert _peristiwa(baris["klaim_basi"]) == [
        ("dikirim", "antre", None, None),
        ("antre", "dikirim", 1, None),
        ("dikirim", "terkirim", 1, None),
    ]
    pertama = PeristiwaPesan.objects.filter(pesan=baris["klaim_basi"]).first()
    assert "Sewa klaim habis" in pertama.catatan
    # a live lease is left to its worker, however old the claim; so is a fresh lease-less claim
    assert _peristiwa(baris["klaim_baru"]) == [] and _peristiwa(baris["klaim_lama_baru"]) == []


def test_kirim_ulang_dari_admin(dunia, webhook, django_capture_on_commit_callbacks):
    webhook.jawaban = [404, 200]
    p = _webhook(dunia, webhook)
    _kirim(p)
    assert p.status == StatusPesan.GAGAL
    admin = _admin()
    from django.test import Client

    c = Client()
    c.force_login(admin)
    daftar = c.get(reverse("admin:notifikasi_pesan_changelist") + "?perhatian=gagal")
    assert daftar.status_code == 200 and "HTTP 404" in daftar.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post(
            reverse("admin:notifikasi_pesan_changelist"),
            {"action": "kirim_ulang_sekarang", "_selected_action": [p.pk]},
            follow=True,
        )
    assert "1 pesan dimasukkan lagi ke antrean." in resp.content.decode()
    p.refresh_from_db()
    assert p.status == StatusPesan.TERKIRIM and p.percobaan == 2
    assert _peristiwa(p) == [
        ("antre", "dikirim", 1, None),
        ("dikirim", "gagal", 1, None),
        ("gagal", "antre", None, admin.pk),  # who put it back, and when
        ("antre", "dikirim", 2, None),
        ("dikirim", "terkirim", 2, None),
    ]
    halaman = c.get(reverse("admin:notifikasi_pesan_change", args=[p.pk]))
    assert (
        halaman.status_code == 200 and "Kirim ulang sekarang (admin)." in halaman.content.decode()
    )
    assert c.get(reverse("admin:notifikasi_penerimakementerian_changelist")).status_code == 200


def test_kirim_ulang_tidak_menyentuh_yang_terkirim(dunia, webhook):
    p = _webhook(dunia, webhook)
    _kirim(p)
    hasil = services.pesan_kirim_ulang(pesan_ids=[p.pk], oleh=_admin())
    assert hasil.ids == [] and "Terkirim" in hasil.ditolak[0]
    p.refresh_from_db()
    assert p.status == StatusPesan.TERKIRIM and len(_peristiwa(p)) == 2


def test_batalkan_dari_admin_lalu_kirim_ulang(dunia, webhook, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model
    from django.test import Client

    webhook.jawaban = [503, 200]
    p = _webhook(dunia, webhook)
    _kirim(p)
    assert p.status == StatusPesan.GAGAL_SEMENTARA
    admin = _admin()
    c = Client()
    c.force_login(admin)
    url = reverse("admin:notifikasi_pesan_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post(url, {"action": "batalkan", "_selected_action": [p.pk]}, follow=True)
    assert "1 pesan dibatalkan." in resp.content.decode()
    p.refresh_from_db()
    assert p.status == StatusPesan.DIBATALKAN and p.coba_lagi_pada is None
    # a cancelled row is not due: the sweep and a stray task leave it alone
    assert p.pk not in services.pesan_sapu()
    assert _kirim(p).status == StatusPesan.DIBATALKAN and len(webhook.diterima) == 1
    # cancelling it again moves nothing: a no-op for the same admin, and for another admin a
    # refusal that says who cancelled it
    resp = c.post(url, {"action": "batalkan", "_selected_action": [p.pk]}, follow=True)
    assert "0 pesan dibatalkan." in resp.content.decode()
    lain = Client()
    lain.force_login(
        get_user_model().objects.create_superuser("admin2", "admin2@contoh.id", "rahasia-123")
    )
    resp = lain.post(url, {"action": "batalkan", "_selected_action": [p.pk]}, follow=True)
    assert "0 pesan dibatalkan." in resp.content.decode()
    assert "Status sudah diubah menjadi Dibatalkan oleh admin pada" in resp.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        c.post(url, {"action": "kirim_ulang_sekarang", "_selected_action": [p.pk]})
    p.refresh_from_db()
    assert p.status == StatusPesan.TERKIRIM
    assert [(d, k) for d, k, *_ in _peristiwa(p)] == [
        ("antre", "dikirim"),
        ("dikirim", "gagal_sementara"),
        ("gagal_sementara", "dibatalkan"),
        ("dibatalkan", "antre"),
        ("antre", "dikirim"),
        ("dikirim", "terkirim"),
    ]


def test_pesan_sedang_dikirim_tidak_diubah_admin(dunia, webhook):
    p = _webhook(dunia, webhook)
    Pesan.objects.filter(pk=p.pk).update(
        status=StatusPesan.DIKIRIM, sewa_sampai=timezone.now() + datetime.timedelta(seconds=10)
    )
    admin = _admin()
    for fn in (services.pesan_kirim_ulang, services.pesan_batalkan):
        hasil = fn(pesan_ids=[p.pk], oleh=admin)
        assert hasil.ids == [] and "sedang dikirim" in hasil.ditolak[0]
    assert _peristiwa(p) == []


def test_kelola_pesan_butuh_izin(dunia, webhook):
    """Seeing the outbox (view) does not let a staff user re-queue or cancel messages."""
    from django.contrib.auth.models import Permission
    from django.core.exceptions import PermissionDenied
    from django.test import Client

    from tests.factories import UserFactory

    p = _webhook(dunia, webhook)
    Pesan.objects.filter(pk=p.pk).update(status=StatusPesan.GAGAL)
    staf = UserFactory(username="staf", is_staff=True)
    # admin is for national scope only (pendampingan/admin.py): the Admin group's permission
    staf.user_permissions.add(
        Permission.objects.get(codename="view_pesan"),
        Permission.objects.get(codename="lihat_nasional"),
    )
    for fn in (services.pesan_kirim_ulang, services.pesan_batalkan):
        with pytest.raises(PermissionDenied):
            fn(pesan_ids=[p.pk], oleh=staf)
    c = Client()
    c.force_login(staf)
    url = reverse("admin:notifikasi_pesan_changelist")
    daftar = c.get(url)
    assert daftar.status_code == 200
    assert "kirim_ulang_sekarang" not in daftar.content.decode()
    c.post(url, {"action": "kirim_ulang_sekarang", "_selected_action": [p.pk]})
    p.refresh_from_db()
    assert p.status == StatusPesan.GAGAL and _peristiwa(p) == []
    # with the permission the actions are offered
    staf.user_permissions.add(Permission.objects.get(codename="kelola_pesan"))
    c.force_login(staf)
    html = c.get(url).content.decode()
    assert "kirim_ulang_sekarang" in html and "batalkan" in html
