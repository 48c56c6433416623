"""The outbox services and selectors, with Django's own on-commit machinery and email backend."""

import hashlib
import hmac
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from pendampingan.notifikasi import selectors, services
from pendampingan.notifikasi.models import Pesan, Saluran, StatusPesan
from pendampingan.notifikasi.pengiriman import badan_webhook, tanda_tangan
from tests.notifikasi.factories import PenerimaEmailFactory, PenerimaWebhookFactory

pytestmark = pytest.mark.django_db


def _kirim(dunia, **kw):
    arg = {
        "peristiwa": "bencana.dilaporkan",
        "objek": dunia.desa_a,
        "wilayah_kode": dunia.desa_a.kode,
        "subjek": "Banjir di Desa Alpha",
        "isi": "Banjir setinggi 1 m.",
        "payload": {"korban": 3},
        "kunci": "bencana:1",
    }
    arg.update(kw)
    return services.notifikasi_kirim(**arg)


def test_in_app_dan_email_per_pengguna_dikirim_setelah_commit(
    dunia, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as cb:
        pesan = _kirim(dunia, pengguna=[dunia.pd_a.user, dunia.pengawas])
    assert len(cb) == 2  # hand the emails to Celery; forget the two bells' cached counts
    saluran = sorted((p.saluran, p.penerima_user_id) for p in pesan)
    assert saluran == sorted(
        [
            (Saluran.IN_APP, dunia.pd_a.user.pk),
            (Saluran.EMAIL, dunia.pd_a.user.pk),
            (Saluran.IN_APP, dunia.pengawas.user.pk),
            (Saluran.EMAIL, dunia.pengawas.user.pk),
        ]
    )
    # the email went out through Django's backend (locmem in tests), plain text and HTML
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [dunia.pd_a.user.email, dunia.pengawas.user.email]
    )
    m = mail.outbox[0]
    assert m.subject == "Banjir di Desa Alpha"
    assert "Banjir setinggi 1 m." in m.body
    assert m.alternatives and m.alternatives[0].mimetype == "text/html"
    assert "Banjir setinggi 1 m." in m.alternatives[0].content
    assert Pesan.objects.filter(status=StatusPesan.TERKIRIM).count() == 4


def test_tidak_ada_yang_dikirim_bila_transaksi_batal(dunia, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as cb:
        with pytest.raises(RuntimeError), transaction.atomic():
            _kirim(dunia, pengguna=[dunia.pd_a.user])
            raise RuntimeError("peristiwa gagal disimpan")
    assert cb == []
    assert mail.outbox == []
    assert not Pesan.objects.exists()


def test_kunci_sama_tidak_mengirim_dua_kali(dunia, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pertama = _kirim(dunia, pengguna=[dunia.pd_a.user], alamat_email=["pelapor@contoh.id"])
    with django_capture_on_commit_callbacks(execute=True) as cb:
        kedua = _kirim(dunia, pengguna=[dunia.pd_a.user], alamat_email=["PELAPOR@contoh.id"])
    assert cb == []  # nothing new to deliver
    assert [p.pk for p in kedua] == [p.pk for p in pertama]
    assert Pesan.objects.count() == 3
    assert len(mail.outbox) == 2
    kunci = sorted(Pesan.objects.values_list("kunci", flat=True))
    assert kunci == sorted(
        [
            f"bencana:1:in_app:{dunia.pd_a.user.pk}",
            f"bencana:1:email:{dunia.pd_a.user.email}",
            "bencana:1:email:pelapor@contoh.id",
        ]
    )


def test_penerima_kementerian_menurut_peristiwa_dan_tingkat(dunia):
    cocok = PenerimaWebhookFactory(peristiwa="bencana.*", tingkat="desa")
    semua = PenerimaEmailFactory()
    PenerimaWebhookFactory(peristiwa="pengaduan.diterima")  # other event
    PenerimaEmailFactory(tingkat="kabupaten")  # other level
    PenerimaEmailFactory(aktif=False)
    pesan = _kirim(dunia, kementerian=True)
    assert sorted((p.saluran, p.penerima_kementerian_id) for p in pesan) == sorted(
        [(Saluran.WEBHOOK, cocok.pk), (Saluran.EMAIL, semua.pk)]
    )
    assert all(p.status == StatusPesan.ANTRE for p in pesan)
    assert not _kirim(dunia, kunci="tanpa-kementerian", kementerian=False)


def test_payload_disalin_saat_peristiwa(dunia):
    import datetime

    data = {"tanggal": datetime.date(2026, 1, 2), "angka": [1, 2]}
    (p,) = _kirim(dunia, payload=data, alamat_email=["a@contoh.id"])
    data["angka"].append(3)
    p.refresh_from_db()
    assert p.payload == {"tanggal": "2026-01-02", "angka": [1, 2]}


def test_kunci_dan_peristiwa_wajib(dunia):
    with pytest.raises(ValidationError):
        _kirim(dunia, kunci="")
    with pytest.raises(ValidationError):
        _kirim(dunia, wilayah_kode="bukan-kode")


def test_kunci_panjang_dipendekkan_tetap_unik(dunia):
    a = _kirim(dunia, kunci="k" * 300, alamat_email=["a@contoh.id"])
    b = _kirim(dunia, kunci="k" * 299 + "x", alamat_email=["a@contoh.id"])
    assert len(a[0].kunci) <= 255 and a[0].kunci != b[0].kunci


def test_tanda_tangan_webhook_bisa_diperiksa_penerima(dunia):
    ep = PenerimaWebhookFactory(rahasia="s3cret")
    (p,) = _kirim(dunia, kementerian=True)
    badan = badan_webhook(p)
    harap = hmac.new(b"s3cret", b"1765000000." + badan, hashlib.sha256).hexdigest()
    assert tanda_tangan(ep.rahasia, 1765000000, badan) == f"v1={harap}"
    # another time, another signature: a captured one is worthless once its time is past
    assert tanda_tangan(ep.rahasia, 1765000301, badan) != f"v1={harap}"
    isi = json.loads(badan)
    assert isi["kunci"] == p.kunci and isi["data"] == {"korban": 3}
    assert isi["objek"] == {"tipe": "pendampingan.wilayah", "id": dunia.desa_a.kode}


def test_tandai_dibaca_hanya_milik_sendiri(dunia, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _kirim(dunia, pengguna=[dunia.pld_a.user, dunia.pld_b.user], email_pengguna=False)
    milik_b = Pesan.objects.get(penerima_user=dunia.pld_b.user)
    assert services.pesan_tandai_dibaca(user=dunia.pld_a.user, pesan_id=milik_b.pk) == 0
    assert selectors.jumlah_belum_dibaca(user=dunia.pld_a.user) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.pesan_tandai_dibaca(user=dunia.pld_a.user) == 1
    assert selectors.jumlah_belum_dibaca(user=dunia.pld_a.user) == 0
    assert selectors.jumlah_belum_dibaca(user=dunia.pld_b.user) == 1
