"""One-time submission keys on the entry form (the reference create form)."""

import uuid

import pytest
from django.urls import reverse

from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.kegiatan import services
from pendampingan.models import Kegiatan, KegiatanPeristiwa
from tests.inti.bersamaan import hanya_postgresql, serentak
from tests.kegiatan.factories import asistensi_lembaga, data_kegiatan, prinsip_lengkap
from tests.kegiatan.test_views import _post_data

pytestmark = pytest.mark.django_db


def test_form_baru_membawa_kunci(dunia):
    html = dunia.klien(dunia.pld_a).get(reverse("pendampingan:kegiatan-buat")).content.decode()
    assert 'name="kunci_sekali"' in html


def test_klik_ganda_satu_kegiatan_dan_yang_pertama_ditampilkan(dunia):
    klien = dunia.klien(dunia.pld_a)
    data = _post_data(dunia, kunci_sekali=str(uuid.uuid4()))
    r1 = klien.post(reverse("pendampingan:kegiatan-buat"), data)
    r2 = klien.post(reverse("pendampingan:kegiatan-buat"), data, follow=True)
    assert Kegiatan.objects.count() == 1
    k = Kegiatan.objects.get()
    assert r1["Location"] == k.get_absolute_url()
    assert r2.redirect_chain[-1][0] == k.get_absolute_url()
    assert "sudah tersimpan" in r2.content.decode()
    assert KegiatanPeristiwa.objects.filter(kegiatan=k).count() == 1


def test_tanpa_kunci_tetap_bisa_menyimpan(dunia):
    klien = dunia.klien(dunia.pld_a)
    klien.post(reverse("pendampingan:kegiatan-buat"), _post_data(dunia))
    klien.post(reverse("pendampingan:kegiatan-buat"), _post_data(dunia, judul="Kedua"))
    assert Kegiatan.objects.count() == 2


def test_layanan_menolak_kunci_yang_sudah_dipakai(dunia):
    kunci = uuid.uuid4()
    arg = dict(
        user=dunia.pld_a.user,
        data=data_kegiatan(dunia.desa_a),
        prinsip=prinsip_lengkap(),
        asistensi=asistensi_lembaga(),
        kunci_sekali=kunci,
    )
    pertama = services.kegiatan_buat(**arg).kegiatan
    with pytest.raises(SudahTersimpan) as e:
        services.kegiatan_buat(**arg)
    assert e.value.obj == pertama


@hanya_postgresql
@pytest.mark.django_db(transaction=True)
def test_dua_kiriman_serentak_dengan_kunci_sama_satu_kegiatan(dunia):
    kunci = str(uuid.uuid4())
    data = _post_data(dunia, kunci_sekali=kunci)

    def kirim(i):
        return dunia.klien(dunia.pld_a).post(reverse("pendampingan:kegiatan-buat"), data)

    for r in serentak(kirim, 3):
        assert not isinstance(r, BaseException), r
        assert r.status_code == 302, r
    assert Kegiatan.objects.filter(kunci_sekali=kunci).count() == 1
