"""An event notifies a PD: the bell shows the count, the list opens, messages are marked read.
A webhook that refused the event shows as failed (and the PD is told); the admin sends it again.
("Buka" — mark read and go to the record — is covered in tests/notifikasi/test_views.py.)"""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from pendampingan.notifikasi import services
from pendampingan.notifikasi.models import Pesan, Saluran, StatusPesan
from tests.notifikasi.factories import PenerimaWebhookFactory
from tests.notifikasi.layanan import PenerimaWebhook

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def webhook():
    w = PenerimaWebhook(jawaban=[400, 200])
    yield w
    w.tutup()


def test_pengawas_menerima_membaca_dan_admin_mengirim_ulang(halaman, dunia, webhook):
    PenerimaWebhookFactory(url=webhook.url, nama="Pusdatin Kemendes")
    with transaction.atomic():  # the event; delivered inline after commit (embedded default)
        services.notifikasi_kirim(
            peristiwa="bencana.dilaporkan",
            objek=dunia.desa_a,
            wilayah_kode=dunia.desa_a.kode,
            subjek="Banjir di Desa Alpha",
            isi="Banjir setinggi 1 m; 3 rumah rusak.",
            payload={"rumah_rusak": 3},
            kunci="uji-peramban",
            pengguna=[dunia.pd_a.user],
            kementerian=True,
        )
    wh = Pesan.objects.get(saluran=Saluran.WEBHOOK)
    assert wh.status == StatusPesan.GAGAL  # 400 from the receiver: failed for good

    masuk(halaman, "pd_a")
    lonceng = halaman.locator("a.lonceng")
    # the event itself, and the notice that the webhook failed for good
    assert lonceng.locator("[data-lonceng-jumlah]").inner_text() == "2"
    halaman.screenshot(path="/tmp/notifikasi_lonceng.png")
    lonceng.click()
    halaman.wait_for_load_state()
    assert halaman.get_by_role("heading", level=1).inner_text() == "Pemberitahuan"
    halaman.screenshot(path="/tmp/notifikasi_daftar.png", full_page=True)
    gagal = halaman.locator("li", has_text="Pemberitahuan gagal terkirim")
    gagal.get_by_role("button", name="Tandai sudah dibaca").click()
    halaman.wait_for_load_state()
    assert halaman.locator("a.lonceng [data-lonceng-jumlah]").inner_text() == "1"
    halaman.get_by_role("button", name="Tandai semua sudah dibaca").click()
    halaman.wait_for_load_state()
    assert "1 pemberitahuan ditandai sudah dibaca." in halaman.content()
    assert halaman.locator("a.lonceng [data-lonceng-jumlah]").count() == 0
    halaman.screenshot(path="/tmp/notifikasi_dibaca.png", full_page=True)

    # admin: the failure is listed with its reason; "Kirim ulang sekarang" delivers it
    get_user_model().objects.create_superuser("admin", "admin@contoh.id", "rahasia-uji-123")
    halaman.context.clear_cookies()
    halaman.set_viewport_size({"width": 1280, "height": 900})
    masuk(halaman, "admin")
    halaman.goto("/admin/notifikasi/pesan/?perhatian=gagal")
    assert "HTTP 400" in halaman.content()
    halaman.screenshot(path="/tmp/notifikasi_admin_gagal.png", full_page=True)
    halaman.locator(f"input[name=_selected_action][value='{wh.pk}']").check()
    halaman.select_option("select[name=action]", "kirim_ulang_sekarang")
    halaman.locator("button[name=index]").first.click()  # "Buka" / "Go": run the action
    halaman.wait_for_load_state()
    assert "1 pesan dimasukkan lagi ke antrean." in halaman.content()
    wh.refresh_from_db()
    assert wh.status == StatusPesan.TERKIRIM and wh.percobaan == 2
    assert webhook.kunci_diterima() == [wh.kunci, wh.kunci]
