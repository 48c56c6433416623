"""Notifications through the outbox: who gets what, once; the reporter's mail carries the code and
the public status link, never an internal link; the facilitator complained about gets nothing."""

import datetime

import pytest
from django.utils import timezone

from pendampingan.notifikasi.models import Pesan
from pengaduan import services
from pengaduan.models import StatusPengaduan

from .factories import diterima_pada, pengaduan_buat

pytestmark = pytest.mark.django_db
S = StatusPengaduan
EMAIL = "warga@contoh.id"


def _penerima(peristiwa):
    return {
        (p.saluran, p.penerima_user.username if p.penerima_user else p.alamat)
        for p in Pesan.objects.filter(peristiwa=peristiwa)
    }


def test_pengaduan_baru_ke_pengawas_terdekat_dan_kode_ke_pelapor(
    dunia, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        p = pengaduan_buat(dunia.desa_a, pelapor_email=EMAIL)
    assert ("in_app", "pd_a") in _penerima("pengaduan.diterima")
    assert ("email", EMAIL) in _penerima("pengaduan.diterima")
    assert not {u for _s, u in _penerima("pengaduan.diterima")} & {"pld_a", "korprov"}
    surat = [m for m in mailoutbox if EMAIL in m.to]
    assert len(surat) == 1
    teks = surat[0].body
    assert p.kode in surat[0].subject and p.kode in teks
    assert f"/pengaduan/status/?kode={p.kode}" in teks
    assert f"/pengaduan/{p.pk}/" not in teks  # no internal link to the reporter
    assert "Siti Pelapor" not in teks
    staf = Pesan.objects.get(
        peristiwa="pengaduan.diterima", penerima_user=dunia.pd_a.user, saluran="in_app"
    )
    assert staf.tautan == f"/pengaduan/{p.pk}/" and "Siti Pelapor" not in staf.isi


def test_tanpa_email_tidak_ada_surat_ke_pelapor(
    dunia, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pengaduan_buat(dunia.desa_a)
    assert not Pesan.objects.filter(saluran="email", penerima_user__isnull=True).exists()


def test_rahasia_judul_tidak_di_pesan_staf(dunia):
    pengaduan_buat(dunia.desa_a, judul="Judul sangat rahasia", rahasia=True)
    assert not Pesan.objects.filter(isi__contains="Judul sangat rahasia").exists()


def test_tolak_tugaskan_balas(dunia, mailoutbox, django_capture_on_commit_callbacks):
    p = pengaduan_buat(dunia.desa_a, pelapor_email=EMAIL)
    q = pengaduan_buat(dunia.desa_a, pelapor_email=EMAIL)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.pengaduan_verifikasi(
            pengaduan=q, user=dunia.pd_a.user, keputusan=S.DITOLAK, alasan="Bukan masalah desa."
        )
    assert any("Bukan masalah desa." in m.body and EMAIL in m.to for m in mailoutbox)
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)
    assert ("in_app", "pld_a") in _penerima("pengaduan.ditugaskan")
    n = Pesan.objects.filter(peristiwa="pengaduan.balasan").count()
    services.pengaduan_balas(pengaduan=p, user=dunia.pld_a.user, isi="Catatan dalam", publik=False)
    assert Pesan.objects.filter(peristiwa="pengaduan.balasan").count() == n
    services.pengaduan_balas(
        pengaduan=p, user=dunia.pld_a.user, isi="Kami datang Senin", publik=True
    )
    assert (
        Pesan.objects.filter(
            peristiwa="pengaduan.balasan", isi__contains="Kami datang Senin"
        ).count()
        == 1
    )


def test_pendamping_teradu_tidak_diberi_tahu(dunia):
    p = pengaduan_buat(dunia.desa_a, kategori_kode="pendampingan")
    services.pengaduan_verifikasi(
        pengaduan=p, user=dunia.pengawas.user, keputusan=S.DIVERIFIKASI, teradu=dunia.pd_a
    )
    p.refresh_from_db()
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pengawas.user, penangan=dunia.pengawas)
    p.refresh_from_db()
    p.tenggat = timezone.localdate() - datetime.timedelta(days=1)
    p.save(update_fields=["tenggat"])
    services.pengaduan_sla_periksa()
    assert (
        not Pesan.objects.filter(penerima_user=dunia.pd_a.user, peristiwa__startswith="pengaduan.")
        .exclude(peristiwa="pengaduan.diterima")
        .exists()
    )
    # (the new-complaint notice went out before the facilitator was named; after that, nothing)
    assert Pesan.objects.filter(
        penerima_user=dunia.pengawas.user, peristiwa="pengaduan.sla"
    ).exists()


def test_sla_lewat_outbox_sekali(dunia):
    p = pengaduan_buat(dunia.desa_a, diterima_pada=diterima_pada(datetime.date(2026, 8, 12)))
    services.pengaduan_sla_periksa(hari_ini=datetime.date(2026, 8, 14))
    # before the deadline: the nearest supervisor (no handler yet), in-app and by email
    assert _penerima("pengaduan.sla") == {("in_app", "pd_a"), ("email", "pd_a")}
    services.pengaduan_sla_periksa(hari_ini=datetime.date(2026, 8, 19))
    services.pengaduan_sla_periksa(hari_ini=datetime.date(2026, 8, 20))
    lewat = Pesan.objects.filter(peristiwa="pengaduan.sla", payload__tahap="lewat")
    assert {x.penerima_user.username for x in lewat if x.saluran == "in_app"} == {"pd_a", "korprov"}
    assert lewat.filter(saluran="in_app").count() == 2  # once each, though the task ran twice
    assert all(p.kode in x.subjek for x in lewat)


def test_tugas_beat_lewat_celery(dunia):
    from pengaduan.tasks import pengaduan_sla_periksa_task

    pengaduan_buat(dunia.desa_a, diterima_pada=diterima_pada(datetime.date(2020, 1, 6)))
    hasil = pengaduan_sla_periksa_task.delay().get()
    assert hasil["lewat"] == 1
    assert pengaduan_sla_periksa_task.delay().get()["lewat"] == 0


def test_panel_pengiriman_menyembunyikan_alamat_pelapor_anonim(dunia):
    p = pengaduan_buat(dunia.desa_a, pelapor_email=EMAIL)
    services.pengaduan_verifikasi(pengaduan=p, user=dunia.pd_a.user, keputusan=S.DIVERIFIKASI)
    services.pengaduan_tugaskan(pengaduan=p, user=dunia.pd_a.user, penangan=dunia.pld_a)
    url = f"/pengaduan/{p.pk}/"
    pd = dunia.klien(dunia.pd_a).get(url).content.decode()
    assert "Status pemberitahuan" in pd and EMAIL in pd
    pld = dunia.klien(dunia.pld_a).get(url).content.decode()
    assert "Status pemberitahuan" in pld and EMAIL not in pld
