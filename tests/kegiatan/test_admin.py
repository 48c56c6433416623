import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from pendampingan.kegiatan import services
from tests.factories import KegiatanFactory

from .factories import unggah_jpeg

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [
        "kegiatan",
        "tujuansdgs",
        "prinsip",
        "lembagadesa",
        "bidangpendampingan",
        "prioritasdanadesa",
    ],
)
def test_admin_daftar_dan_ubah(client, dunia, model):
    admin = get_user_model().objects.create_superuser("admin-k3", "a@contoh.id", "sandi-admin-123")
    client.force_login(admin)
    k = KegiatanFactory(pendamping=dunia.pld_a, wilayah=dunia.desa_a)
    services.foto_tambah(kegiatan=k, berkas=unggah_jpeg(), user=dunia.pld_a.user)
    assert client.get(reverse(f"admin:pendampingan_{model}_changelist")).status_code == 200
    if model == "kegiatan":
        r = client.get(reverse("admin:pendampingan_kegiatan_change", args=[k.pk]))
        assert r.status_code == 200 and "SHA-256" in r.content.decode()
