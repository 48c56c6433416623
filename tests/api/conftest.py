"""Clients of the API: ``api_klien(user)`` signs in with a device token (as a phone does)."""

import pytest
from rest_framework.test import APIClient

from pendampingan.api.services import token_buat


@pytest.fixture
def api_klien():
    def buat(user=None, *, nama="HP uji"):
        c = APIClient()
        if user is not None:
            token, rahasia = token_buat(user=user, nama=nama)
            c.credentials(HTTP_AUTHORIZATION=f"Token {rahasia}")
            c.token = token
        return c

    return buat
