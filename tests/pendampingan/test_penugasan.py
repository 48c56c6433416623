import datetime

import pytest
from django.core.exceptions import ValidationError

from pendampingan import services
from pendampingan.models import Jabatan, JenisPenugasan, TindakLanjut
from tests.factories import PendampingFactory, wilayah_rantai

pytestmark = pytest.mark.django_db
D = datetime.date


def test_pld_hanya_di_desa():
    p = PendampingFactory(jabatan=Jabatan.PLD)
    with pytest.raises(ValidationError) as e:
        services.penugasan_buat(
            pendamping=p, wilayah=wilayah_rantai("33.01.01"), mulai=D(2025, 1, 1)
        )
    assert "wilayah" in e.value.message_dict
    services.penugasan_buat(
        pendamping=p, wilayah=wilayah_rantai("33.01.01.2001"), mulai=D(2025, 1, 1)
    )


def test_tapm_mengawasi_kabupaten():
    p = PendampingFactory(jabatan=Jabatan.TAPM_KABUPATEN)
    services.penugasan_buat(
        pendamping=p,
        wilayah=wilayah_rantai("33.01"),
        jenis=JenisPenugasan.SUPERVISI,
        mulai=D(2025, 1, 1),
    )
    with pytest.raises(ValidationError):
        services.penugasan_buat(
            pendamping=p,
            wilayah=wilayah_rantai("33.01.01"),
            jenis=JenisPenugasan.SUPERVISI,
            mulai=D(2025, 1, 1),
        )


def test_selesai_sebelum_mulai_ditolak():
    p = PendampingFactory()
    with pytest.raises(ValidationError) as e:
        services.penugasan_buat(
            pendamping=p,
            wilayah=wilayah_rantai("33.01.01.2001"),
            mulai=D(2025, 5, 1),
            selesai=D(2025, 4, 1),
        )
    assert "selesai" in e.value.message_dict


def test_penugasan_sama_yang_tumpang_tindih_ditolak_tetapi_berurutan_boleh():
    p = PendampingFactory()
    desa = wilayah_rantai("33.01.01.2001")
    services.penugasan_buat(pendamping=p, wilayah=desa, mulai=D(2025, 1, 1), selesai=D(2025, 6, 30))
    with pytest.raises(ValidationError) as e:
        services.penugasan_buat(pendamping=p, wilayah=desa, mulai=D(2025, 3, 1))
    assert "sudah ada" in e.value.message_dict["mulai"][0]
    services.penugasan_buat(pendamping=p, wilayah=desa, mulai=D(2025, 7, 1))


def test_pendamping_buat_masuk_grup_sesuai_jabatan():
    p = services.pendamping_buat(
        username="baru", nama="Baru", jabatan=Jabatan.TAPM_KABUPATEN, password="x-y-z-12345"
    )
    assert list(p.user.groups.values_list("name", flat=True)) == ["Pengawas"]
    assert p.user.has_perm("pendampingan.view_penugasan")
    p.jabatan = Jabatan.PLD
    p.save()
    services.pendamping_sinkronkan_grup(pendamping=p)
    assert list(p.user.groups.values_list("name", flat=True)) == ["Pendamping"]


def test_tindak_lanjut_buat_dan_selesaikan():
    p = PendampingFactory()
    desa = wilayah_rantai("33.01.01.2001")
    with pytest.raises(ValidationError):
        services.tindak_lanjut_buat(
            wilayah=desa,
            pendamping=p,
            judul="x",
            penanggung_jawab="Kades",
            jatuh_tempo=D(2000, 1, 1),
        )
    tl = services.tindak_lanjut_buat(
        wilayah=desa,
        pendamping=p,
        judul="Perbaiki papan informasi APB Desa",
        penanggung_jawab="Sekdes",
        jatuh_tempo=datetime.date.today() + datetime.timedelta(days=3),
        sumber=desa,
    )
    assert tl.sumber == desa
    with pytest.raises(ValidationError):
        services.tindak_lanjut_selesaikan(tindak_lanjut=tl, catatan="")
    services.tindak_lanjut_selesaikan(tindak_lanjut=tl, catatan="Sudah dipasang")
    assert TindakLanjut.objects.get().status == "selesai"
