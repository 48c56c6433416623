"""Two requests for a file with the same one-time key at the same moment (a double click that
reaches two workers): one download, and the other request is shown that one (PostgreSQL)."""

import uuid

import pytest
from django.db import transaction

from pendampingan.dasbor import services
from pendampingan.dasbor.periode import periode_default
from pendampingan.models import Unduhan
from tests.inti.bersamaan import hanya_postgresql, serentak

pytestmark = [hanya_postgresql, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("jenis", ["ekspor", "pdf"])
def test_dua_permintaan_serentak_satu_unduhan(dunia, jenis):
    kunci = str(uuid.uuid4())
    user_id = dunia.pd_a.user.pk

    def minta(_i):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(pk=user_id)  # each request has its own user object
        with transaction.atomic():
            if jenis == "pdf":
                return services.pdf_minta(
                    user=user, wilayah=dunia.kec_a, periode=periode_default(), kunci_sekali=kunci
                )
            return services.ekspor_minta(
                user=user,
                kunci="kegiatan",
                format="csv",
                filter={"wilayah": dunia.kec_a.kode},
                kunci_sekali=kunci,
            )

    hasil = serentak(minta, 2)
    assert not [h for h in hasil if isinstance(h, BaseException)], hasil
    assert Unduhan.objects.count() == 1
    u = Unduhan.objects.get()
    assert sorted(dibuat for _u, dibuat in hasil) == [False, True]
    assert {h[0].pk for h in hasil} == {u.pk}
