"""Factories of the outbox."""

import factory

from pendampingan.notifikasi.models import JenisPenerima, PenerimaKementerian, Pesan, Saluran


class PenerimaWebhookFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PenerimaKementerian

    nama = factory.Sequence(lambda n: f"Pusdatin {n}")
    jenis = JenisPenerima.WEBHOOK
    url = "http://127.0.0.1:9/webhook"
    rahasia = factory.Sequence(lambda n: f"rahasia-{n}")


class PenerimaEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PenerimaKementerian

    nama = factory.Sequence(lambda n: f"Direktorat {n}")
    jenis = JenisPenerima.EMAIL
    alamat_email = factory.Sequence(lambda n: f"direktorat{n}@kemendesa.go.id")


class PesanInAppFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pesan

    saluran = Saluran.IN_APP
    peristiwa = "uji.peristiwa"
    subjek = factory.Sequence(lambda n: f"Subjek uji {n}")
    isi = "Isi pemberitahuan"
    kunci = factory.Sequence(lambda n: f"uji:{n}:in_app")
    status = "terkirim"
