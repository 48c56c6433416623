"""The summaries stay equal to the daily log through creates, edits, moves and deletes; the
requests for files built in the background and their builders."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.utils import timezone

from pendampingan.dasbor import services
from pendampingan.dasbor.models import AktivitasDesa, RingkasanHarian, RingkasanPendampingBulan
from pendampingan.dasbor.selectors import wilayah_nasional
from pendampingan.models import TataCara, Unduhan

from .factories import kegiatan

pytestmark = pytest.mark.django_db


def _jumlah(kode, tanggal=None):
    qs = RingkasanHarian.objects.filter(wilayah_id=kode)
    if tanggal:
        qs = qs.filter(tanggal=tanggal)
    return qs.aggregate(n=Sum("asistensi") + Sum("pengarahan"))["n"] or 0


def test_penyegaran_mengikuti_riwayat(dunia):
    hari_ini = timezone.localdate()
    kemarin = hari_ini - datetime.timedelta(days=1)
    services.ringkasan_segarkan()  # first run: full build of an empty log
    k = kegiatan(dunia.pld_a, dunia.desa_a, kemarin)
    kegiatan(dunia.pld_a, dunia.desa_a, kemarin, TataCara.PENGARAHAN)
    assert _jumlah(dunia.kec_a.kode) == 0
    assert services.ringkasan_segarkan()["kegiatan"] == 2
    assert _jumlah(dunia.kec_a.kode, kemarin) == 2
    assert _jumlah(dunia.kab_a.kode, kemarin) == 2
    assert _jumlah(dunia.provinsi.kode, kemarin) == 2
    assert AktivitasDesa.objects.get(desa=dunia.desa_a).terakhir == kemarin
    assert RingkasanPendampingBulan.objects.get(pendamping=dunia.pld_a).jumlah == 2
    # moved to another day and another desa: the old day is emptied
    lama = hari_ini - datetime.timedelta(days=20)
    k.tanggal = lama
    k.wilayah = dunia.desa_a2
    k.save()
    services.ringkasan_segarkan()
    assert _jumlah(dunia.kec_a.kode, kemarin) == 1
    assert _jumlah(dunia.kec_a.kode, lama) == 1
    assert AktivitasDesa.objects.get(desa=dunia.desa_a2).terakhir == lama
    # deleted
    k.delete()
    services.ringkasan_segarkan()
    assert _jumlah(dunia.kec_a.kode, lama) == 0
    assert not AktivitasDesa.objects.filter(desa=dunia.desa_a2).exists()
    # nothing changed: nothing recomputed
    assert services.ringkasan_segarkan()["kegiatan"] == 0


def test_bangun_ulang_sama_dengan_penyegaran(dunia):
    hari_ini = timezone.localdate()
    services.ringkasan_segarkan()
    for i in range(5):
        kegiatan(dunia.pld_a, dunia.desa_a, hari_ini - datetime.timedelta(days=i))
        kegiatan(dunia.pld_b, dunia.desa_b, hari_ini - datetime.timedelta(days=i * 7))
    services.ringkasan_segarkan()
    inkremental = sorted(
        RingkasanHarian.objects.values_list("wilayah_id", "tanggal", "asistensi", "menit")
    )
    services.ringkasan_bangun_ulang()
    penuh = sorted(
        RingkasanHarian.objects.values_list("wilayah_id", "tanggal", "asistensi", "menit")
    )
    assert inkremental == penuh
    # kecamatan and kabupaten rows: 5 days each for A and for B; the province: 9 days (day 0 shared)
    assert len(penuh) == 5 + 5 + 5 + 5 + 9


# ------------------------------------------------------------------ files built in the background
def _periode():
    from pendampingan.dasbor.periode import periode_default

    return periode_default()


def test_minta_berkas_di_luar_cakupan_ditolak(dunia):
    """The views answer 404 first; the services refuse on their own too (PermissionDenied)."""
    pd = dunia.pd_a.user
    with pytest.raises(PermissionDenied):
        services.pdf_minta(user=pd, wilayah=dunia.kab_b, periode=_periode())
    with pytest.raises(PermissionDenied):
        services.pdf_minta(user=pd, wilayah=wilayah_nasional(), periode=_periode())
    for f in ({"wilayah": dunia.kab_b.kode}, {"wilayah": "99.99"}, {"wilayah": ""}):
        with pytest.raises(PermissionDenied):
            services.ekspor_minta(user=pd, kunci="kegiatan", format="csv", filter=f)
    with pytest.raises(ValidationError):
        services.ekspor_minta(user=pd, kunci="tidak-ada", format="csv", filter={})
    with pytest.raises(ValidationError):
        services.ekspor_minta(user=pd, kunci="kegiatan", format="pdf", filter={})
    assert not Unduhan.objects.exists()


def test_minta_ekspor_menyimpan_filter_daftar(dunia):
    u, dibuat = services.ekspor_minta(
        user=dunia.pd_a.user,
        kunci="desa",
        format="xlsx",
        filter={"wilayah": dunia.kec_a.kode, "kondisi": "celah", "halaman": "3"},
    )
    assert dibuat and u.jenis == services.JENIS_EKSPOR
    assert u.parameter == {
        "ekspor": "desa",
        "format": "xlsx",
        "filter": {"wilayah": dunia.kec_a.kode, "kondisi": "celah"},
    }
    assert dunia.kec_a.nama in u.judul


def test_pembuat_ekspor_membaca_sebagai_pemiliknya(dunia):
    hari_ini = timezone.localdate()
    kegiatan(dunia.pld_a, dunia.desa_a, hari_ini, judul="@SUM(A1)")
    kegiatan(dunia.pld_b, dunia.desa_b, hari_ini, judul="Beta")
    u = Unduhan(
        pengguna=dunia.pengawas.user,
        jenis=services.JENIS_EKSPOR,
        parameter={"ekspor": "kegiatan", "format": "csv", "filter": {}},
    )
    hasil = services.buat_ekspor(u)
    assert (hasil.jumlah, hasil.mime) == (2, "text/csv; charset=utf-8")
    assert hasil.nama.endswith(".csv") and hasil.nama.startswith("kegiatan-33-")
    teks = hasil.isi.decode("utf-8-sig")
    assert "'@SUM(A1)" in teks and "Beta" in teks
    # the PD over kecamatan A: only A's, whatever the stored filter asks for
    u.pengguna = dunia.pd_a.user
    u.parameter["filter"] = {"wilayah": dunia.kec_a.kode}
    assert "Beta" not in services.buat_ekspor(u).isi.decode("utf-8-sig")
    u.parameter["filter"] = {"wilayah": dunia.kab_b.kode}
    with pytest.raises(PermissionDenied):
        services.buat_ekspor(u)


def test_pembuat_pdf_menolak_wilayah_di_luar_cakupan_saat_dibuat(dunia):
    p = _periode()
    u = Unduhan(
        pengguna=dunia.pd_a.user,
        jenis=services.JENIS_PDF,
        parameter={
            "wilayah": dunia.kab_a.kode,
            "dari": p.dari.isoformat(),
            "sampai": p.sampai.isoformat(),
        },
    )
    with pytest.raises(PermissionDenied):
        services.buat_pdf(u)
