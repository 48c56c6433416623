"""A PLD reports a flood with a photo from a phone-sized window; their supervisor sees it in-app;
the ministry's webhook receiver (a local http.server) gets the signed report; the PLD adds an
impact snapshot and a chronology entry; the supervisor prints the chronology report (HTML, and the
PDF through the download pipeline)."""

import hashlib
import hmac
import io
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from PIL import Image
from pypdf import PdfReader

from bencana.models import Kejadian
from tests.bencana.factories import pastikan_jenis
from tests.notifikasi.factories import PenerimaWebhookFactory

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RAHASIA = "rahasia-pusdalops"


@pytest.fixture
def penerima():
    diterima = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            n = int(self.headers.get("Content-Length", 0))
            diterima.append((dict(self.headers), self.rfile.read(n)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_port}/bencana", diterima
    server.shutdown()
    server.server_close()


def _foto(tmp_path):
    p = tmp_path / "banjir.jpg"
    Image.new("RGB", (64, 48), (60, 110, 180)).save(p, format="JPEG")
    return p


def _keluar(page):
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state()


def test_pld_melaporkan_banjir_sampai_pengawas_mencetak(halaman, dunia, penerima, tmp_path):
    url_webhook, diterima = penerima
    pastikan_jenis()
    PenerimaWebhookFactory(url=url_webhook, rahasia=RAHASIA, peristiwa="bencana.*")
    page = halaman
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": -7.7123, "longitude": 109.0151, "accuracy": 12})

    # 1. the PLD reports a flood from a phone, with a photo
    masuk(page, "pld_a")
    page.goto("/bencana/lapor/")
    page.wait_for_function("document.querySelector('[name=lintang]').value !== ''")
    assert page.input_value("[name=bujur]") == "109.015100"
    page.select_option("[name=jenis]", label="Banjir (101)")
    assert page.input_value("[name=desa]") == dunia.desa_a.kode
    page.fill("[name=ringkasan]", "Sungai meluap, air setinggi 1 m di RT 02")
    page.set_input_files("[name=foto]", str(_foto(tmp_path)))
    page.screenshot(path="/tmp/bencana-1-lapor.png", full_page=True)
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url(re.compile(r"/bencana/\d+/$"))
    k = Kejadian.objects.get()
    assert page.get_by_text(k.kode).first.is_visible()
    bukti = k.bukti.get()
    assert bukti.jenis == "foto" and bukti.sha256 in page.content()
    assert page.get_by_text("Laporan awal").is_visible()
    page.screenshot(path="/tmp/bencana-2-kejadian.png", full_page=True)

    # 2. the ministry's webhook got the signed report (delivered after the commit)
    assert len(diterima) == 1
    header, badan = diterima[0]
    waktu = header["X-Pendampingan-Timestamp"].encode()
    assert (
        header["X-Pendampingan-Signature"]
        == "v1=" + hmac.new(RAHASIA.encode(), waktu + b"." + badan, hashlib.sha256).hexdigest()
    )
    isi = json.loads(badan)
    assert isi["peristiwa"] == "bencana.dilaporkan" and isi["data"]["kode"] == k.kode
    assert isi["data"]["bukti"] == [] or isi["data"]["bukti"][0]["sha256"] == bukti.sha256

    # 3. the PLD adds an impact snapshot and a chronology entry
    page.get_by_role("link", name="Catat penilaian dampak").click()
    page.fill("[name=meninggal]", "-1")
    page.fill("[name=mengungsi]", "85")
    page.get_by_role("button", name="Simpan").click()
    assert page.get_by_text("Angka dampak tidak boleh kurang dari nol.").is_visible()
    page.fill("[name=meninggal]", "0")
    page.fill("[name=rumah_terendam]", "23")
    page.screenshot(path="/tmp/bencana-3-dampak.png", full_page=True)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r"/bencana/\d+/#dampak$"))
    assert page.locator("#dampak").get_by_text("85").first.is_visible()
    page.get_by_role("link", name="Tambah entri kronologi").click()
    page.fill("[name=isi]", "Warga RT 02 dievakuasi ke balai desa")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r"/bencana/\d+/#kronologi$"))
    assert page.get_by_text("Warga RT 02 dievakuasi ke balai desa").is_visible()
    _keluar(page)

    # 4. the supervisor (PD over the kecamatan) sees it in-app, opens it and prints the report
    page.set_viewport_size({"width": 1280, "height": 900})
    masuk(page, "pd_a")
    page.locator("a.lonceng").click()
    page.wait_for_load_state()
    assert page.get_by_text(k.kode).first.is_visible()
    page.screenshot(path="/tmp/bencana-4-lonceng.png", full_page=True)
    page.goto(f"/bencana/{k.pk}/")
    assert "Warga RT 02 dievakuasi" in page.content()
    page.get_by_role("link", name="Laporan kronologi (cetak)").click()
    page.wait_for_load_state()
    teks = page.content()
    for harap in [k.kode, "Warga RT 02 dievakuasi ke balai desa", bukti.sha256, "Rumah terendam"]:
        assert harap in teks, harap
    page.emulate_media(media="print")
    page.screenshot(path="/tmp/bencana-5-cetak.png", full_page=True)
    page.emulate_media(media="screen")
    # the PDF is built by the download pipeline: the button queues it, the download page offers it
    page.get_by_role("button", name="Unduh PDF").click()
    page.wait_for_url(re.compile(r"/unduhan/[0-9a-f-]+/$"))
    tombol = page.get_by_role("link", name=re.compile(f"Unduh kronologi-{k.kode}"))
    tombol.wait_for()
    with page.expect_download() as unduh:
        tombol.click()
    isi_pdf = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(open(unduh.value.path(), "rb").read())).pages
    )
    assert k.kode in isi_pdf and "dievakuasi" in isi_pdf
    page.goto("/bencana/rekap/")
    assert page.get_by_text("85").first.is_visible()
    page.screenshot(path="/tmp/bencana-6-rekap.png", full_page=True)
