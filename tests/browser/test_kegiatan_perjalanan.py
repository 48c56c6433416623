"""The daily log's main path in a real browser, on a server configured like production for static
files: ``collectstatic`` into a temporary STATIC_ROOT with WhiteNoise's compressed manifest storage
(gzip/brotli files, hashed names cached for a year) and GZipMiddleware for the HTML.

A PLD logs an asistensi with a photo and the prinsip checklist and submits it; their PD sees the
flags in the verification queue and on the entry and verifies it; the PLD sees it verified.
Measured on the way: bytes transferred to open the new-entry form the first and the second time.
"""

import datetime
import json
import os

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread
from django.utils import timezone

from pendampingan.models import Kegiatan, StatusKegiatan
from tests.kegiatan.factories import jpeg

from .conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANGGARAN_FORM_PERTAMA = 150 * 1024


@pytest.fixture(scope="module")
def _statis_terkumpul(tmp_path_factory, django_db_blocker):
    """collectstatic once for the module (CompressedManifestStaticFilesStorage)."""
    from django.conf import settings as dj
    from django.test.utils import override_settings

    root = tmp_path_factory.mktemp("static_root")
    nm = dj.NODE_MODULES
    dirs = [
        dj.BASE_DIR / "static",
        ("vendor/bootstrap/css", nm / "bootstrap" / "dist" / "css"),
        ("vendor/htmx", nm / "htmx.org" / "dist"),
    ]
    storages = {
        **dj.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STATICFILES_DIRS=dirs, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root, dirs, storages


@pytest.fixture
def data_acuan(transactional_db):
    """The daily log's reference data (prinsip, SDGs Desa, lembaga, tahap/bidang, Dana Desa
    priorities). A transactional test ends by emptying every table, so a journey that follows
    another one re-seeds it with the data migration's own (idempotent) function."""
    from importlib import import_module

    from django.apps import apps

    import_module("pendampingan.migrations.0003_kegiatan_data_acuan").isi(apps, None)


@pytest.fixture
def server(_statis_terkumpul, settings, transactional_db, data_acuan):
    """A live server whose static files come from WhiteNoise (no test static handler)."""
    root, dirs, storages = _statis_terkumpul
    settings.STATIC_ROOT = root
    settings.STATICFILES_DIRS = dirs
    settings.STORAGES = storages
    settings.MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware", *settings.MIDDLEWARE]
    settings.ALLOWED_HOSTS = ["*"]
    override = {
        c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()
    }
    for c in override.values():
        c.inc_thread_sharing()
    thread = LiveServerThread(
        "127.0.0.1", static_handler=lambda app: app, connections_override=override, port=0
    )
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for c in override.values():
        c.dec_thread_sharing()


@pytest.fixture
def peramban(_browser, server):
    ctx = _browser.new_context(
        viewport={"width": 390, "height": 844}, locale="id-ID", base_url=server
    )
    page = ctx.new_page()
    page.set_default_timeout(20000)
    yield page
    ctx.close()


def _ukur(page, url):
    """Open ``url``; return (bytes transferred, [(url, bytes, encoding)]) of every request."""
    catatan = []

    def selesai(req):
        resp = req.response()
        s = req.sizes()
        catatan.append(
            (
                req.url,
                s["responseBodySize"] + s["responseHeadersSize"],
                (resp.headers.get("content-encoding", "") if resp else ""),
            )
        )

    page.on("requestfinished", selesai)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", selesai)
    return sum(n for _u, n, _e in catatan), catatan


def test_pld_mencatat_pd_memverifikasi(peramban, dunia, tmp_path):
    page = peramban
    foto = tmp_path / "rapat-bpd.jpg"
    foto.write_bytes(jpeg(waktu=timezone.now() - datetime.timedelta(days=3), ukuran=(800, 600)))

    # --- the PLD: open the form (measured twice), fill it on a phone, submit
    masuk(page, "pld_a")
    # the login page already loaded the stylesheet: empty the cache so "first" is a cold start
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.clearBrowserCache")
    pertama, rincian1 = _ukur(page, "/kegiatan/baru/")
    kedua, rincian2 = _ukur(page, "/kegiatan/baru/")
    laporan = {
        "pertama_bita": pertama,
        "kedua_bita": kedua,
        "pertama": rincian1,
        "kedua": rincian2,
    }
    (tmp_path / "ukuran.json").write_text(json.dumps(laporan, indent=1))
    print("UKURAN FORM KEGIATAN", json.dumps(laporan))
    if os.environ.get("UKURAN_KE"):
        with open(os.environ["UKURAN_KE"], "w") as fh:
            json.dump(laporan, fh, indent=1)
    css = [r for r in rincian1 if "bootstrap" in r[0]]
    assert css and css[0][2] in ("gzip", "br"), "CSS harus terkirim terkompresi"
    assert pertama < ANGGARAN_FORM_PERTAMA, f"form pertama {pertama} B melebihi anggaran"
    assert kedua < pertama / 2

    assert page.locator("#id_tanggal").input_value() == timezone.localdate().isoformat()
    assert page.locator("#id_wilayah").input_value() == dunia.desa_a.kode  # the only desa
    page.screenshot(path="/tmp/kegiatan-form-kosong.png", full_page=True)
    page.select_option("#id_tata_cara", "asistensi")
    assert page.locator("fieldset[data-tata-cara=asistensi]").is_visible()
    assert not page.locator("fieldset[data-tata-cara=pengarahan]").is_visible()
    page.fill("#id_jam_mulai", "09:00")
    page.fill("#id_jam_selesai", "11:00")
    page.fill("#id_judul", "Asistensi BPD menyusun Perdes")
    page.fill("#id_uraian", "Membaca rancangan Perdes bersama BPD.")
    page.check("input[name='asistensi-jenis_sasaran'][value=lembaga]")
    page.select_option("#id_asistensi-lembaga", label="Badan Permusyawaratan Desa (BPD)")
    page.select_option("#id_asistensi-bidang", label="Tahap pembangunan desa: Perencanaan")
    # the stage's butir is suggested, pre-ticked, in its open tata cara group; add an effect
    assert page.locator("#butir-BT2").is_checked()
    assert page.locator("details[data-kelompok=asistensi]").get_attribute("open") is not None
    assert not page.locator("#butir-D").is_checked()
    page.check("#butir-BD2")
    assert page.locator("details[data-kelompok=asistensi] .jumlah-butir").inner_text() == "2"
    page.locator("#butir-pilihan").screenshot(path="/tmp/kegiatan-butir-390.png")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator("#butir-pilihan").screenshot(path="/tmp/kegiatan-butir-1366.png")
    page.set_viewport_size({"width": 390, "height": 844})
    for kode in ["kemanusiaan", "keadilan", "kebhinekaan", "keseimbangan-alam"]:
        page.check(f"input[name='p-prinsip_{kode}'][value=dijunjung]")
    page.check("input[name='p-prinsip_kepentingan-nasional'][value=tidak_dijunjung]")
    assert page.locator("#id_p-prinsip_kepentingan-nasional_catatan").is_visible()
    page.fill("#id_p-prinsip_kepentingan-nasional_catatan", "Belum dibahas program nasional.")
    page.fill("#id_peserta_laki", "4")
    page.fill("#id_peserta_perempuan", "3")
    page.set_input_files("#id_foto", str(foto))
    # the viewport only: a full-page shot at 390 px resizes the page, and a click right after it
    # may land before the layout is back (the POST was never sent)
    page.screenshot(path="/tmp/kegiatan-form-terisi.png")
    with page.expect_navigation(timeout=120_000):  # a busy machine: wait for the POST's answer
        page.get_by_role("button", name="Simpan dan ajukan").click()
    page.wait_for_load_state()
    assert "Kegiatan disimpan dan diajukan untuk verifikasi." in page.content()
    assert page.locator(".status-diajukan").first.is_visible()
    page.screenshot(path="/tmp/kegiatan-detail-pld.png", full_page=True)
    k = Kegiatan.objects.get()
    assert k.status == StatusKegiatan.DIAJUKAN and k.foto.count() == 1
    assert page.get_by_text("BT2 · Perencanaan pembangunan").is_visible()
    assert page.get_by_text("BD2 · Perencanaan sesuai kondisi objektif").is_visible()
    assert sorted(k.tanda_butir.values_list("butir__kode", "sumber")) == [
        ("BD2", "dipilih"),
        ("BT2", "dipilih"),
    ]
    page.get_by_role("button", name="Keluar").click()

    # --- the PD: the queue shows the entry with its flag; verify it from the entry page
    masuk(page, "pd_a")
    page.get_by_role("link", name="Verifikasi").first.click()
    page.wait_for_load_state()
    assert "Asistensi BPD menyusun Perdes" in page.content()
    assert page.locator(".tanda-exif_waktu").first.is_visible()
    page.screenshot(path="/tmp/kegiatan-antrean.png", full_page=True)
    page.get_by_role("link", name="Periksa").click()
    page.wait_for_load_state()
    assert page.locator(".tanda-kotak .tanda-exif_waktu").is_visible()
    foto_ok = page.evaluate(
        "() => { const i = document.querySelector('img.thumb'); return i.complete && i.naturalWidth > 0; }"
    )
    assert foto_ok, "thumbnail foto tidak termuat"
    page.screenshot(path="/tmp/kegiatan-detail-pd.png", full_page=True)
    page.locator("section.card").get_by_role("button", name="Verifikasi").click()
    page.wait_for_load_state()
    assert "diverifikasi" in page.content()
    page.get_by_role("button", name="Keluar").click()

    # --- the PLD sees it verified in their log
    masuk(page, "pld_a")
    page.goto("/kegiatan/")
    assert page.locator(".status-diverifikasi").first.inner_text() == "Diverifikasi"
    page.screenshot(path="/tmp/kegiatan-log-pld.png", full_page=True)
    k.refresh_from_db()
    assert k.status == StatusKegiatan.DIVERIFIKASI and k.diverifikasi_oleh == dunia.pd_a
