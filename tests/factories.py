"""Region-aware factories. ``wilayah_rantai("33.01.01.2001")`` creates the desa and every region
above it (with real-looking names), so any test can stand in any corner of the country."""

import datetime

import factory
from django.contrib.auth import get_user_model

from pendampingan import services
from pendampingan.models import (
    Jabatan,
    JenisPenugasan,
    Kegiatan,
    Pendamping,
    Penugasan,
    TataCara,
    TindakLanjut,
    Wilayah,
)
from pendampingan.wilayah_kode import jenis_dari_kode, kode_induk, leluhur, tingkat_dari_kode


def wilayah_rantai(kode: str, nama: str | None = None) -> Wilayah:
    """Get or create the region ``kode`` and all its ancestors."""
    for k in [*leluhur(kode), kode]:
        Wilayah.objects.get_or_create(
            kode=k,
            defaults={
                "nama": nama if (k == kode and nama) else f"Wilayah {k}",
                "tingkat": tingkat_dari_kode(k),
                "jenis": jenis_dari_kode(k),
                "induk_id": kode_induk(k),
            },
        )
    return Wilayah.objects.get(kode=kode)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@contoh.desa.id")
    password = factory.django.Password("rahasia-uji-123")


class PendampingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pendamping
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    nama = factory.Sequence(lambda n: f"Pendamping {n}")
    jabatan = Jabatan.PLD

    @factory.post_generation
    def grup(obj, create, extracted, **kwargs):
        if create:
            services.pendamping_sinkronkan_grup(pendamping=obj)


def pendamping_di(
    kode: str | None,
    jabatan: str = Jabatan.PLD,
    jenis: str | None = None,
    username: str | None = None,
    mulai: datetime.date | None = None,
    selesai: datetime.date | None = None,
) -> Pendamping:
    """A facilitator with an active assignment on region ``kode`` (created with its ancestors);
    ``kode`` None: a national assignment (TA Pusat, Koordinator Nasional)."""
    wilayah = wilayah_rantai(kode) if kode is not None else None
    if jenis is None:
        jenis = (
            JenisPenugasan.LAPANGAN
            if jabatan in (Jabatan.PLD, Jabatan.PD, Jabatan.PENDAMPING_TEKNIS)
            else JenisPenugasan.SUPERVISI
        )
    kw = {"user__username": username} if username else {}
    p = PendampingFactory(jabatan=jabatan, **kw)
    Penugasan.objects.create(
        pendamping=p,
        wilayah=wilayah,
        jenis=jenis,
        mulai=mulai or datetime.date(2020, 1, 1),
        selesai=selesai,
    )
    return p


class KegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kegiatan

    pendamping = factory.SubFactory(PendampingFactory)
    wilayah = factory.LazyFunction(lambda: wilayah_rantai("33.01.01.2001"))
    tanggal = factory.LazyFunction(datetime.date.today)
    jam_mulai = datetime.time(9, 0)
    jam_selesai = datetime.time(11, 0)
    tata_cara = TataCara.ASISTENSI
    judul = factory.Sequence(lambda n: f"Kegiatan uji {n}")


class TindakLanjutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TindakLanjut

    pendamping = factory.SubFactory(PendampingFactory)
    wilayah = factory.LazyFunction(lambda: wilayah_rantai("33.01.01.2001"))
    judul = factory.Sequence(lambda n: f"Tindak lanjut {n}")
    penanggung_jawab = "Kepala Desa"
    jatuh_tempo = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=7))
