"""axe-core (WCAG 2.1 A/AA) on the main pages of every role, at 390 and 1366 px: the public
complaint pages, a PLD's daily work (with an entry and a follow-up so lists and details have rows)
and a supervisor's dashboards and queues. No ``serious`` or ``critical`` violation is allowed; the
rest are printed (``-s``) for whoever improves the pages next."""

import pytest

from pendampingan.models import StatusKegiatan
from tests.factories import KegiatanFactory, TindakLanjutFactory

from .conftest import masuk, periksa_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIK = ["/akun/login/", "/pengaduan/lapor/", "/pengaduan/status/"]
PLD = [
    "/",
    "/kegiatan/",
    "/kegiatan/baru/",
    "/tindak-lanjut/",
    "/pengaduan/",
    "/pengaduan/baru/",
    "/bencana/",
    "/bencana/lapor/",
    "/forum/",
    "/fasilitasi/",
    "/bulanan/",
    "/notifikasi/",
    "/akun/token/",
    "/kalender/?tahun=2026",
]
PENGAWAS = [
    "/dasbor/",
    "/dasbor/kegiatan/",
    "/dasbor/desa/",
    "/dasbor/pendamping/",
    "/kegiatan/verifikasi/",
    "/pengaduan/papan/",
    "/bencana/rekap/",
]


def _periksa(halaman, halaman_url, catatan):
    for lebar in (390, 1366):
        halaman.set_viewport_size({"width": lebar, "height": 900})
        for url in halaman_url:
            r = halaman.goto(url)
            assert r.status == 200, url
            for v in periksa_axe(halaman):
                catatan.append(f"{lebar} {url}: {v['id']} ({v['impact']}) {v['nodes']}")


def test_halaman_utama_tanpa_pelanggaran_berat(halaman, dunia):
    k = KegiatanFactory(
        pendamping=dunia.pld_a, wilayah=dunia.desa_a, status=StatusKegiatan.DIAJUKAN
    )
    TindakLanjutFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, kegiatan=k)
    catatan: list[str] = []
    _periksa(halaman, PUBLIK, catatan)
    masuk(halaman, "pld_a")
    _periksa(halaman, [*PLD, f"/kegiatan/{k.pk}/"], catatan)
    halaman.context.clear_cookies()
    masuk(halaman, "korprov")
    _periksa(halaman, PENGAWAS, catatan)
    print("\n".join(catatan) or "axe: tidak ada pelanggaran")
