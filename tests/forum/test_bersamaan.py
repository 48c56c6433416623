"""Two people at the same moment on PostgreSQL (issue 13): two status moves of one forum give one
move and one event, the other is told; two sends of one meeting with the same one-time key give one
meeting and one daily-log entry."""

import datetime
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from pendampingan.forum import services
from pendampingan.forum.models import Forum, Pertemuan, RiwayatStatusForum, StatusForum
from pendampingan.inti.alur import PindahDitolak
from pendampingan.inti.sekali import SudahTersimpan
from pendampingan.models import Jabatan, Kegiatan
from tests.factories import pendamping_di
from tests.forum.factories import anggota_di, forum_di
from tests.inti.bersamaan import hanya_postgresql, serentak

pytestmark = [hanya_postgresql, pytest.mark.django_db(transaction=True)]


def _pengguna(pk):
    return get_user_model().objects.get(pk=pk)


def _dua_pld(dunia):
    lain = pendamping_di(dunia.desa_a.kode, Jabatan.PLD, username="pld_a_serentak")
    return [dunia.pld_a.user.pk, lain.user.pk]


@pytest.mark.parametrize(
    "tujuan", [("bubar", "bubar"), ("vakum", "bubar")], ids=["sama-sama-bubar", "vakum-dan-bubar"]
)
def test_dua_pengguna_mengubah_status_serentak_satu_peristiwa(dunia, tujuan):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    users = _dua_pld(dunia)

    def ubah(i):
        return services.forum_ubah_status(
            user=_pengguna(users[i]),
            forum=Forum.objects.get(pk=f.pk),
            status=tujuan[i],
            catatan=f"alasan {i}",
            dari=StatusForum.AKTIF,
        )

    hasil = serentak(ubah, 2)
    berhasil = [h for h in hasil if isinstance(h, Forum)]
    ditolak = [h for h in hasil if isinstance(h, PindahDitolak)]
    assert len(berhasil) == 1 and len(ditolak) == 1, hasil
    assert ditolak[0].code == "sudah_berubah"
    assert "oleh" in ditolak[0].messages[0]
    (ev,) = RiwayatStatusForum.objects.filter(forum=f)
    f.refresh_from_db()
    assert (ev.dari, ev.ke) == (StatusForum.AKTIF, f.status)


def test_pertemuan_dikirim_dua_kali_serentak_satu_pertemuan(dunia):
    f = forum_di(dunia.desa_a, dunia.pld_a)
    a = anggota_di(f, nama="Siti")
    kunci = uuid.uuid4()
    user_pk = dunia.pld_a.user.pk

    def catat(i):
        return services.pertemuan_catat(
            user=_pengguna(user_pk),
            forum=Forum.objects.get(pk=f.pk),
            tanggal=timezone.localdate(),
            jam_mulai=datetime.time(9),
            jam_selesai=datetime.time(11),
            judul="Rapat forum",
            hadir=[a],
            tamu={"tamu_laki": 1},
            kunci_sekali=kunci,
        )

    hasil = serentak(catat, 2)
    dibuat = [h for h in hasil if isinstance(h, Pertemuan)]
    ulang = [h for h in hasil if isinstance(h, SudahTersimpan)]
    assert len(dibuat) == 1 and len(ulang) == 1, hasil
    assert ulang[0].obj.pk == dibuat[0].pk
    assert Pertemuan.objects.count() == 1
    assert Kegiatan.objects.count() == 1  # the second entry was rolled back with its meeting
    assert list(Pertemuan.objects.get().hadir.all()) == [a]
