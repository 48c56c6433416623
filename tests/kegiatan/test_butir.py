"""The butir an entry served: what is offered and suggested, the owner's choice, the automatic
tags of linked records (idempotent, removed with the link, one row beside a chosen one), the
submit rule, the form (no JavaScript), the pages' query counts and the API."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pendampingan import registry
from pendampingan.kegiatan import services
from pendampingan.kegiatan.butir import butir_ditawarkan, butir_saran, kelompokkan, regulasi_kini
from pendampingan.models import (
    BidangPendampingan,
    Butir,
    Kegiatan,
    KegiatanButir,
    LembagaDesa,
    StatusKegiatan,
)
from tests.factories import KegiatanFactory

from .factories import asistensi_lembaga, data_kegiatan, prinsip_lengkap

pytestmark = pytest.mark.django_db


def _tanda(k) -> dict[str, str]:
    return dict(KegiatanButir.objects.filter(kegiatan=k).values_list("butir__kode", "sumber"))


def _buat(dunia, **kw):
    data = kw.pop("data", None) or data_kegiatan(dunia.desa_a)
    kw.setdefault("prinsip", prinsip_lengkap())
    return services.kegiatan_buat(user=dunia.pld_a.user, data=data, **kw)


@pytest.fixture
def sumber_uji():
    """A registered source the test controls: the butir codes it answers for every entry."""
    kode: set[str] = set()

    def sumber(kegiatan):
        return set(Butir.objects.filter(kode__in=kode).values_list("pk", flat=True))

    registry.daftar_sumber_butir("uji", sumber)
    yield kode
    registry.sumber_butir.pop("uji", None)


# ------------------------------------------------------------------------ offered, suggested
def test_yang_ditawarkan_butir_aktif_regulasi_kini_tanpa_prinsip_dan_judul_lingkup():
    kode = set(butir_ditawarkan().values_list("kode", flat=True))
    assert {"BT1", "BP4", "BD8", "C1", "C7", "D", "E1a", "E4l", "E5", "F1", "F9"} <= kode
    assert not kode & {"A1", "A5", "E1", "E2", "E3", "E4"}
    assert regulasi_kini().kode == "kepmendes-pdtt-40-2021"
    Butir.objects.filter(kode="E1h").update(aktif=False)
    assert "E1h" not in set(butir_ditawarkan().values_list("kode", flat=True))
    judul = [k.tata_cara for k in kelompokkan(butir_ditawarkan())]
    assert judul == ["asistensi", "pengorganisasian", "pengarahan", "fasilitasi", "bencana"]


@pytest.mark.parametrize(
    ("tata_cara", "bidang", "harap"),
    [
        ("asistensi", "perencanaan", ["BT2"]),
        ("asistensi", "budaya", ["BP4"]),
        ("asistensi", None, []),
        ("pengarahan", None, ["D"]),
        ("bencana", None, ["F9"]),
        ("pengorganisasian", None, []),
        ("fasilitasi", None, []),
    ],
)
def test_saran_dari_tata_cara_dan_tahap(tata_cara, bidang, harap):
    b = BidangPendampingan.objects.get(kode=bidang) if bidang else None
    assert [x.kode for x in butir_saran(tata_cara=tata_cara, bidang=b)] == harap


# ------------------------------------------------------------------------------- services
def test_tanpa_pilihan_layanan_memakai_saran(dunia):
    k = _buat(dunia, asistensi=asistensi_lembaga(kode_bidang="pendataan")).kegiatan
    assert _tanda(k) == {"BT1": "dipilih"}


def test_pilihan_pemilik_disimpan_apa_adanya_dan_diubah(dunia):
    pilih = Butir.objects.filter(kode__in=["BD1", "E1a"])
    k = _buat(dunia, asistensi=asistensi_lembaga(), butir=pilih).kegiatan
    assert _tanda(k) == {"BD1": "dipilih", "E1a": "dipilih"}
    services.kegiatan_ubah(
        kegiatan=k,
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
        butir=Butir.objects.filter(kode="BD7"),
    )
    assert _tanda(k) == {"BD7": "dipilih"}
    # ``butir=None`` on an edit keeps what was chosen
    services.kegiatan_ubah(
        kegiatan=k,
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a, tata_cara="pengarahan"),
        prinsip=prinsip_lengkap(),
        pengarahan={"bidang": BidangPendampingan.objects.first(), "penerima": "Kepala Desa"},
    )
    assert _tanda(k) == {"BD7": "dipilih"}


def test_butir_di_luar_tawaran_ditolak_dengan_pesan(dunia):
    with pytest.raises(ValidationError) as e:
        _buat(dunia, asistensi=asistensi_lembaga(), butir=Butir.objects.filter(kode="A1"))
    assert "Butir ini tidak dapat dipilih: A1." in e.value.message_dict["butir"]
    assert not Kegiatan.objects.exists()


def test_draf_boleh_tanpa_butir_pengajuan_tidak(dunia):
    hasil = _buat(
        dunia,
        data=data_kegiatan(dunia.desa_a, tata_cara="pengorganisasian"),
        ajukan=True,
    )
    k = hasil.kegiatan
    assert k.status == StatusKegiatan.DRAF and _tanda(k) == {}
    assert hasil.belum_diajukan == [
        "Pilih paling sedikit satu butir tata cara yang dilayani kegiatan ini."
    ]
    with pytest.raises(ValidationError, match="paling sedikit satu butir"):
        services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user)
    services.kegiatan_butir_atur(kegiatan=k, dipilih=Butir.objects.filter(kode="C7"))
    assert services.kegiatan_ajukan(kegiatan=k, user=dunia.pld_a.user).status == "diajukan"


def test_tanda_otomatis_idempoten_dan_hilang_bersama_tautannya(dunia, sumber_uji):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    sumber_uji.update({"E5", "F9"})
    services.kegiatan_butir_segarkan(kegiatan=k)
    services.kegiatan_butir_segarkan(kegiatan=k)
    assert _tanda(k) == {"E5": "otomatis", "F9": "otomatis"}
    assert KegiatanButir.objects.filter(kegiatan=k).count() == 2
    sumber_uji.discard("F9")
    services.kegiatan_butir_segarkan(kegiatan=k)
    assert _tanda(k) == {"E5": "otomatis"}


def test_otomatis_tidak_menggandakan_pilihan_dan_pilihan_tetap_setelah_tautan_hilang(
    dunia, sumber_uji
):
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    services.kegiatan_butir_atur(kegiatan=k, dipilih=Butir.objects.filter(kode="E5"))
    sumber_uji.add("E5")
    services.kegiatan_butir_segarkan(kegiatan=k)
    assert _tanda(k) == {"E5": "dipilih"}
    # the owner unticks it: the link still gives it, so it stays — as otomatis
    services.kegiatan_butir_atur(kegiatan=k, dipilih=[])
    assert _tanda(k) == {"E5": "otomatis"}
    # chosen again, then the link goes: the chosen one stays
    services.kegiatan_butir_atur(kegiatan=k, dipilih=Butir.objects.filter(kode="E5"))
    sumber_uji.clear()
    services.kegiatan_butir_segarkan(kegiatan=k)
    assert _tanda(k) == {"E5": "dipilih"}


def test_riwayat_tanda_tercatat(dunia):
    k = _buat(dunia, asistensi=asistensi_lembaga()).kegiatan
    services.kegiatan_butir_atur(kegiatan=k, dipilih=Butir.objects.filter(kode="BD2"))
    jenis = list(
        KegiatanButir.history.filter(kegiatan_id=k.pk)
        .order_by("history_date")
        .values_list("butir__kode", "history_type")
    )
    assert jenis == [("BT2", "+"), ("BT2", "-"), ("BD2", "+")]


# ---------------------------------------------------------------------------------- form
def _post(dunia, **ubah):
    data = {
        "tanggal": timezone.localdate().isoformat(),
        "jam_mulai": "09:00",
        "jam_selesai": "11:00",
        "wilayah": dunia.desa_a.kode,
        "tata_cara": "asistensi",
        "judul": "Asistensi BPD",
        "uraian": "Membahas rancangan Perdes.",
        "peserta_laki": "3",
        "peserta_perempuan": "2",
        "asistensi-jenis_sasaran": "lembaga",
        "asistensi-lembaga": str(LembagaDesa.objects.get(kode="bpd").pk),
        "asistensi-bidang": str(BidangPendampingan.objects.get(kode="pelaksanaan").pk),
        "simpan": "1",
    }
    for p in prinsip_lengkap():
        from pendampingan.models import Prinsip

        data[f"p-prinsip_{Prinsip.objects.get(pk=p).kode}"] = "dijunjung"
    data.update(ubah)
    return data


def test_form_baru_mencentang_saran_tata_cara_terakhir(dunia):
    KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a, tata_cara="pengarahan")
    r = dunia.klien(dunia.pld_a).get(reverse("pendampingan:kegiatan-buat"))
    html = r.content.decode()
    assert 'value="D" id="butir-D" checked' in html
    assert 'name="butir_saran" value="D"' in html
    assert 'value="F9" id="butir-F9">' in html  # offered, not ticked


def test_form_tanpa_js_saran_mengikuti_tata_cara_yang_dipilih(dunia):
    # the page suggested D (last tata cara pengarahan); the owner switched to asistensi without
    # touching the checklist: the server suggests from what was finally chosen
    klien = dunia.klien(dunia.pld_a)
    r = klien.post(
        reverse("pendampingan:kegiatan-buat"), _post(dunia, butir=["D"], butir_saran="D")
    )
    assert r.status_code == 302
    assert _tanda(Kegiatan.objects.get()) == {"BT3": "dipilih"}


def test_form_centang_yang_diubah_diambil_apa_adanya(dunia):
    klien = dunia.klien(dunia.pld_a)
    r = klien.post(
        reverse("pendampingan:kegiatan-buat"),
        _post(dunia, butir=["BT3", "BD7"], butir_saran="BT3"),
    )
    assert r.status_code == 302
    assert _tanda(Kegiatan.objects.get()) == {"BT3": "dipilih", "BD7": "dipilih"}


def test_form_butir_tak_dikenal_pesan_jelas_dan_isian_tetap(dunia):
    klien = dunia.klien(dunia.pld_a)
    r = klien.post(
        reverse("pendampingan:kegiatan-buat"),
        _post(dunia, butir=["BT3", "Z9"], judul="Judul yang diketik"),
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert "Butir Z9 tidak dapat dipilih." in html
    assert 'value="BT3" id="butir-BT3" checked' in html and "Judul yang diketik" in html
    assert not Kegiatan.objects.exists()


def test_form_ubah_menampilkan_otomatis_terkunci(dunia, sumber_uji):
    k = _buat(dunia, asistensi=asistensi_lembaga()).kegiatan
    sumber_uji.add("E5")
    services.kegiatan_butir_segarkan(kegiatan=k)
    r = dunia.klien(dunia.pld_a).get(reverse("pendampingan:kegiatan-ubah", args=[k.pk]))
    html = r.content.decode()
    assert 'value="E5" id="butir-E5" checked disabled' in html
    assert 'value="BT2" id="butir-BT2" checked>' in html
    # saving the form without touching keeps both, each with its source
    r = dunia.klien(dunia.pld_a).post(
        reverse("pendampingan:kegiatan-ubah", args=[k.pk]),
        _post(dunia, butir=["BT2"], butir_saran="", **{"asistensi-bidang": ""}),
    )
    assert r.status_code == 200  # the asistensi stage is required: shown again, nothing lost
    assert _tanda(k) == {"BT2": "dipilih", "E5": "otomatis"}


def _tambah_butir(n):
    """``n`` more active butir in the current regulation (the form must not grow with them)."""
    reg = regulasi_kini()
    Butir.objects.bulk_create(
        Butir(regulasi=reg, kode=f"X{i}", tata_cara="fasilitasi", bunyi="uji", label=f"Uji {i}")
        for i in range(n)
    )


def test_form_jumlah_query_tidak_bertambah_dengan_jumlah_butir(dunia, hitung_query):
    klien = dunia.klien(dunia.pld_a)
    url = reverse("pendampingan:kegiatan-buat")
    klien.get(url)
    sedikit = hitung_query(lambda: klien.get(url))
    _tambah_butir(40)
    r = klien.get(url)
    assert 'id="butir-X39"' in r.content.decode()
    assert hitung_query(lambda: klien.get(url)) == sedikit


def test_daftar_dan_detail_menampilkan_butir_dengan_query_tetap(dunia, hitung_query):
    klien = dunia.klien(dunia.pld_a)
    url = reverse("pendampingan:kegiatan-list")

    def isi(n):
        for _ in range(n):
            k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
            services.kegiatan_butir_atur(
                kegiatan=k, dipilih=Butir.objects.filter(kode__in=["BT2", "BD7"])
            )

    isi(3)
    klien.get(url)
    kecil = hitung_query(lambda: klien.get(url))
    isi(6)
    r = klien.get(url)
    assert r.content.decode().count(">BD7</abbr>") == 9
    assert hitung_query(lambda: klien.get(url)) == kecil
    k = Kegiatan.objects.first()
    html = klien.get(reverse("pendampingan:kegiatan-detail", args=[k.pk])).content.decode()
    assert "BT2 · Perencanaan pembangunan" in html and "BD7 · Partisipasi masyarakat" in html
