"""Two at once on PostgreSQL (each thread its own connection and transaction): two workers handed
the same message, two admins acting on the same message, the sweep racing a worker over a stale
claim. The message is sent once, each move is one event row, the loser is told or does nothing,
and nobody gets an exception of another kind."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from pendampingan.notifikasi import pengiriman, services
from pendampingan.notifikasi.models import PercobaanKirim, PeristiwaPesan, Pesan, Saluran
from pendampingan.notifikasi.models import StatusPesan as S
from tests.inti.bersamaan import hanya_postgresql, serentak
from tests.notifikasi.factories import PenerimaWebhookFactory
from tests.notifikasi.layanan import PenerimaWebhook

pytestmark = [hanya_postgresql, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def webhook():
    w = PenerimaWebhook()
    yield w
    w.tutup()


def _pesan(webhook, kunci: str, **kw) -> Pesan:
    """A committed webhook row, not handed to any worker yet."""
    ep = PenerimaWebhookFactory(url=webhook.url)
    return Pesan.objects.create(
        saluran=Saluran.WEBHOOK,
        peristiwa="uji.bersamaan",
        penerima_kementerian=ep,
        alamat=webhook.url,
        subjek=f"Uji {kunci}",
        isi="isi",
        kunci=kunci,
        **kw,
    )


def _gerak(p) -> list[tuple[str, str]]:
    return list(
        PeristiwaPesan.objects.filter(pesan=p).order_by("waktu", "pk").values_list("dari", "ke")
    )


def _tanpa_galat_lain(hasil, *boleh):
    for h in hasil:
        assert not isinstance(h, BaseException) or isinstance(h, boleh), repr(h)


@pytest.mark.parametrize("n", [2, 4])
def test_pekerja_serentak_mengklaim_pesan_yang_sama_terkirim_sekali(webhook, n):
    for ulang in range(3):
        p = _pesan(webhook, f"klaim-{n}-{ulang}")
        hasil = serentak(lambda i: pengiriman.pesan_kirim(pesan_id=p.pk, pekerja=f"p{i}"), n)
        _tanpa_galat_lain(hasil)
        assert sum(h.dikirim for h in hasil) == 1, hasil
        assert [h.status for h in hasil].count(S.TERKIRIM) == 1, hasil
        p.refresh_from_db()
        assert p.status == S.TERKIRIM and p.percobaan == 1
        assert PercobaanKirim.objects.filter(pesan=p).count() == 1
        assert _gerak(p) == [(S.ANTRE, S.DIKIRIM), (S.DIKIRIM, S.TERKIRIM)]
    assert sorted(webhook.kunci_diterima()) == sorted(f"klaim-{n}-{u}" for u in range(3))


def _dua_admin():
    User = get_user_model()
    return [
        User.objects.create_superuser(f"admin{i}", f"admin{i}@contoh.id", "rahasia-123")
        for i in range(2)
    ]


def _sapu_sisa(settings):
    """The inline delivery after the winner's commit may have found the row still locked by the
    loser (and skipped it): the sweep delivers what is left, as it would in production."""
    settings.NOTIFIKASI_ANTRE_TENGGANG_DETIK = 0
    services.pesan_sapu()


def test_dua_admin_kirim_ulang_serentak_satu_perpindahan(webhook, settings):
    admin = _dua_admin()
    p = _pesan(webhook, "ulang", status=S.GAGAL, percobaan=1)
    hasil = serentak(lambda i: services.pesan_kirim_ulang(pesan_ids=[p.pk], oleh=admin[i]), 2)
    _tanpa_galat_lain(hasil)
    assert sorted(len(h.ids) for h in hasil) == [0, 1], hasil
    kalah = next(h for h in hasil if not h.ids)
    assert kalah.ditolak, hasil  # told what happened (moved by the other admin, or being sent)
    assert _gerak(p).count((S.GAGAL, S.ANTRE)) == 1, _gerak(p)
    _sapu_sisa(settings)
    p.refresh_from_db()
    assert p.status == S.TERKIRIM
    assert webhook.kunci_diterima() == ["ulang"]  # queued by one admin, delivered once


def test_batal_dan_kirim_ulang_serentak_hanya_satu_yang_terjadi(webhook, settings):
    admin = _dua_admin()
    p = _pesan(webhook, "batal-ulang", status=S.GAGAL, percobaan=1)
    aksi = [services.pesan_batalkan, services.pesan_kirim_ulang]
    hasil = serentak(lambda i: aksi[i](pesan_ids=[p.pk], oleh=admin[i]), 2)
    _tanpa_galat_lain(hasil)
    assert sorted(len(h.ids) for h in hasil) == [0, 1], hasil
    dari_gagal = [g for g in _gerak(p) if g[0] == S.GAGAL]
    assert len(dari_gagal) == 1, _gerak(p)  # cancelled or re-queued, never both
    kalah = next(h for h in hasil if not h.ids)
    assert kalah.ditolak, hasil
    _sapu_sisa(settings)
    p.refresh_from_db()
    if dari_gagal[0][1] == S.DIBATALKAN:
        assert p.status == S.DIBATALKAN and webhook.diterima == []
    else:
        assert p.status == S.TERKIRIM and webhook.kunci_diterima() == ["batal-ulang"]


def test_penyapuan_dan_pekerja_serentak_atas_klaim_basi_terkirim_sekali(webhook, settings):
    lama = timezone.now() - datetime.timedelta(seconds=15)
    p = _pesan(
        webhook,
        "basi",
        status=S.DIKIRIM,
        diklaim_pada=lama,
        sewa_sampai=lama + datetime.timedelta(seconds=10),
        token_klaim="mati",
        percobaan=1,
    )

    def jalan(i):
        if i == 0:
            return services.pesan_sapu()
        return pengiriman.pesan_kirim(pesan_id=p.pk, pekerja="pekerja-hidup")

    hasil = serentak(jalan, 2)
    _tanpa_galat_lain(hasil)
    p.refresh_from_db()
    assert p.status == S.TERKIRIM
    assert webhook.kunci_diterima() == ["basi"]
    assert _gerak(p)[-1] == (S.DIKIRIM, S.TERKIRIM)
    assert [g for g in _gerak(p) if g[1] == S.TERKIRIM] == [(S.DIKIRIM, S.TERKIRIM)]
