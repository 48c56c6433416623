import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pendampingan.forum.models import Forum, Keputusan, Pertemuan

pytestmark = pytest.mark.django_db


def test_muat_demo_forum_sekali(dunia):
    call_command("muat_demo_forum", username="pld_a")
    f = Forum.objects.get(jenis="forum_mitra_desa")
    assert f.wilayah == dunia.desa_a and f.anggota.count() == 6
    p = Pertemuan.objects.get()
    assert p.hadir.count() == 4 and p.kegiatan.pendamping == dunia.pld_a
    assert Keputusan.objects.get().tindak_lanjut is not None
    call_command("muat_demo_forum", username="pld_a")  # second run: nothing new
    assert Forum.objects.count() == 1


def test_muat_demo_forum_akun_tidak_ada(db):
    with pytest.raises(CommandError, match="belum ada"):
        call_command("muat_demo_forum", username="tidak_ada")
