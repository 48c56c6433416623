import time
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from pendampingan.models import Jabatan
from tests.factories import pendamping_di, wilayah_rantai

SANDI = "rahasia-uji-123"


@pytest.fixture(autouse=True)
def _wajib(settings):
    """Two-factor sign-in as in production (the suite's other tests run with it off)."""
    settings.OTP_WAJIB = True


def kode_untuk(perangkat: TOTPDevice, geser: int = 0) -> str:
    """The device's code now (``geser`` steps later: a code not yet used)."""
    totp = TOTP(perangkat.bin_key, perangkat.step, perangkat.t0, perangkat.digits, perangkat.drift)
    totp.time = time.time() + geser * perangkat.step
    return f"{totp.token():06d}"


def kode_kunci(kunci_hex: str, geser: int = 0) -> str:
    return kode_untuk(TOTPDevice(key=kunci_hex), geser)


def masuk(client: Client, user) -> object:
    """Sign in with the password, as a person does (the sign-in signal marks the session)."""
    return client.post("/akun/login/", {"username": user.username, "password": SANDI})


def perangkat_untuk(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=True)


@pytest.fixture
def orang(db):
    """A PLD, a PD, a koordinator kabupaten, a koordinator provinsi and a superuser admin."""
    desa = wilayah_rantai("33.01.01.2001", "Desa Alpha")
    kec, kab = desa.induk, desa.induk.induk
    return SimpleNamespace(
        pld=pendamping_di(desa.kode, Jabatan.PLD, username="pld").user,
        pd=pendamping_di(kec.kode, Jabatan.PD, jenis="supervisi", username="pd").user,
        korkab=pendamping_di(kab.kode, Jabatan.KOORDINATOR_KABUPATEN, username="korkab").user,
        korprov=pendamping_di(
            kab.induk.kode, Jabatan.KOORDINATOR_PROVINSI, username="korprov"
        ).user,
        admin=get_user_model().objects.create_user(
            "admin", "admin@example.org", SANDI, is_staff=True, is_superuser=True
        ),
    )
