"""Where the dashboard plugs into the core — every registration of the app, called once from
``DasborConfig.ready``: its panels (the coverage matrix's from ``matriks``) and menu item (``registry``), the core lists' exports
(``pendampingan.ekspor``) and its two builders on the download pipeline (``inti.unduhan``)."""

from django.utils.translation import gettext_lazy as _

from pendampingan import registry
from pendampingan.ekspor import daftar_ekspor
from pendampingan.inti.unduhan import daftar_pembuat

PANEL = [
    # (kunci, judul, urutan); the function is panel.panel_<kunci>, the template
    # dasbor/panel/_<kunci>.html
    ("cakupan", _("Cakupan pendampingan"), 10),
    ("aktivitas", _("Kegiatan"), 20),
    ("sdgs", _("SDGs Desa yang dilayani"), 25),
    ("prinsip", _("Prinsip pendampingan"), 30),
    ("pendamping", _("Pendamping"), 40),
    ("tindak_lanjut", _("Tindak lanjut"), 50),
]


def daftarkan() -> None:
    from . import ekspor, matriks, panel, services

    for kunci, judul, urutan in PANEL:
        registry.daftar_panel_dasbor(
            registry.PanelDasbor(
                kunci,
                judul,
                f"dasbor/panel/_{kunci}.html",
                getattr(panel, f"panel_{kunci}"),
                urutan,
            )
        )
    registry.daftar_panel_dasbor(
        registry.PanelDasbor(
            "butir",
            _("Butir tata cara yang dilayani"),
            "dasbor/panel/_butir.html",
            matriks.panel_butir,
            27,
        )
    )
    registry.daftar_navigasi(
        "dasbor",
        registry.ItemNavigasi(_("Dasbor"), "dasbor:dasbor", urutan=5, hanya_pengawas=True),
    )
    for e in ekspor.EKSPOR:
        daftar_ekspor(e)
    daftar_pembuat(services.JENIS_EKSPOR, services.buat_ekspor)
    daftar_pembuat(services.JENIS_PDF, services.buat_pdf)
    daftar_pembuat(services.JENIS_MATRIKS, services.buat_matriks)
