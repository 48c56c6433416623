"""Region-aware rows of pengorganisasian for tests (direct ORM: fast, no service rules)."""

import datetime

from django.utils import timezone

from pendampingan.forum.models import (
    Anggota,
    Forum,
    JenisForum,
    Keputusan,
    Pertemuan,
    Sarana,
    UnsurMasyarakat,
)
from pendampingan.models import Kegiatan, TataCara, TindakLanjut


def unsur(kode: str) -> UnsurMasyarakat:
    return UnsurMasyarakat.objects.get(kode=kode)


def forum_di(desa, pendamping=None, nama=None, jenis=JenisForum.FORUM_MITRA_DESA, **kw) -> Forum:
    return Forum.objects.create(
        nama=nama or f"Forum Mitra {desa.nama} {Forum.objects.count() + 1}",
        jenis=jenis,
        wilayah=desa,
        tanggal_dibentuk=kw.pop("tanggal_dibentuk", datetime.date(2025, 1, 10)),
        pendamping=pendamping,
        **kw,
    )


def anggota_di(forum, nama=None, jk="P", kode_unsur="kelompok-perempuan", **kw) -> Anggota:
    return Anggota.objects.create(
        forum=forum,
        nama=nama or f"Anggota {Anggota.objects.count() + 1}",
        jenis_kelamin=jk,
        unsur=unsur(kode_unsur),
        **kw,
    )


def sarana_di(desa, nama=None, **kw) -> Sarana:
    return Sarana.objects.create(
        wilayah=desa,
        jenis=kw.pop("jenis", "balai_desa"),
        nama=nama or f"Balai {desa.nama} {Sarana.objects.count() + 1}",
        **kw,
    )


def pertemuan_di(forum, pendamping, tanggal=None, hadir=(), **kw) -> Pertemuan:
    k = Kegiatan.objects.create(
        pendamping=pendamping,
        wilayah=forum.wilayah,
        tanggal=tanggal or timezone.localdate(),
        jam_mulai=datetime.time(9),
        jam_selesai=datetime.time(11),
        tata_cara=TataCara.PENGORGANISASIAN,
        judul=kw.pop("judul", f"Pertemuan {forum.nama}"),
    )
    p = Pertemuan.objects.create(kegiatan=k, forum=forum, **kw)
    p.hadir.set(hadir)
    return p


def keputusan_di(pertemuan, isi="Memperbaiki saluran air", tindak_lanjut=False) -> Keputusan:
    tl = None
    if tindak_lanjut:
        tl = TindakLanjut.objects.create(
            wilayah=pertemuan.forum.wilayah,
            pendamping=pertemuan.kegiatan.pendamping,
            kegiatan=pertemuan.kegiatan,
            judul=isi,
            penanggung_jawab="Ketua forum",
            jatuh_tempo=timezone.localdate() + datetime.timedelta(days=14),
        )
    return Keputusan.objects.create(pertemuan=pertemuan, isi=isi, tindak_lanjut=tl)
