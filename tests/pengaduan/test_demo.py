import io

import pytest
from django.core.management import call_command

from pengaduan.models import Pengaduan, StatusPengaduan

from .factories import kategori

pytestmark = pytest.mark.django_db


def test_muat_demo_pengaduan_sekali(dunia):
    kategori()
    out = io.StringIO()
    call_command("muat_demo_pengaduan", username="pld_a", stdout=out)
    status = dict(Pengaduan.objects.values_list("judul", "status"))
    assert len(status) == 5
    assert status["Papan informasi APB Desa tidak dipasang"] == StatusPengaduan.SELESAI
    assert status["BLT Dana Desa belum diterima tiga keluarga"] == StatusPengaduan.DITANGANI
    tentang = Pengaduan.objects.get(tentang_pendamping=True)
    assert list(tentang.teradu.all()) == [dunia.pld_a] and tentang.teradu_peran == "pld"
    assert not Pengaduan.objects.visible_to(dunia.pld_a.user).filter(pk=tentang.pk).exists()
    assert "PD-" in out.getvalue()
    call_command("muat_demo_pengaduan", username="pld_a", stdout=io.StringIO())
    assert Pengaduan.objects.count() == 5
