"""The API base's write side on a tiny test-only viewset over follow-ups (TindakLanjut, whose
create service takes the one-time key): 400/403/409/412/429 in the error shape, Idempotency-Key
(invalid, replay, two at once on PostgreSQL), If-Match, throttles."""

import datetime
import threading
import uuid

import pytest
from django.db import connection
from django.shortcuts import get_object_or_404
from django.urls import include, path
from django.utils import timezone
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.routers import SimpleRouter
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

import config.urls
from pendampingan import services
from pendampingan.api.dasar import ApiViewSet
from pendampingan.api.services import token_buat
from pendampingan.inti.akses import pastikan
from pendampingan.inti.alur import PindahDitolak
from pendampingan.models import TindakLanjut, Wilayah

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


class TLSerializer(serializers.ModelSerializer):
    class Meta:
        model = TindakLanjut
        fields = ["id", "wilayah", "judul", "penanggung_jawab", "jatuh_tempo", "status", "diubah"]


class TLTulis(serializers.Serializer):
    wilayah = serializers.CharField(max_length=13)
    judul = serializers.CharField(allow_blank=True)
    penanggung_jawab = serializers.CharField(allow_blank=True)
    jatuh_tempo = serializers.DateField()


class TLViewSet(
    ApiViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = TLSerializer

    def get_queryset(self):
        return TindakLanjut.objects.visible_to(self.request.user)

    def create(self, request):
        s = TLTulis(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        wilayah = get_object_or_404(Wilayah.objects.visible_to(request.user), kode=d["wilayah"])
        tl = services.tindak_lanjut_buat(
            wilayah=wilayah,
            pendamping=request.user.pendamping,
            judul=d["judul"],
            penanggung_jawab=d["penanggung_jawab"],
            jatuh_tempo=d["jatuh_tempo"],
            kunci_sekali=self.kunci_sekali(),
        )
        return self.jawab(tl, 201)

    @action(detail=True, methods=["post"])
    def selesai(self, request, pk=None):
        tl = self.get_object()
        self.periksa_versi(tl)
        tl = services.tindak_lanjut_selesaikan(tindak_lanjut=tl, catatan="beres")
        return self.jawab(tl)

    @action(detail=True, methods=["post"])
    def terlarang(self, request, pk=None):
        self.get_object()
        pastikan(False, "Hanya pengawas yang boleh melakukan ini.")

    @action(detail=True, methods=["post"])
    def bentrok(self, request, pk=None):
        self.get_object()
        raise PindahDitolak("Status sudah diubah orang lain.", code="sudah_berubah")


router = SimpleRouter()
router.register("tl", TLViewSet, basename="uji-tl")
urlpatterns = [path("uji/", include(router.urls)), *config.urls.urlpatterns]

URL = "/uji/tl/"


def galat(r, status, kode=None):
    assert r.status_code == status, r.content
    g = r.json()["galat"]
    assert set(g) >= {"kode", "pesan", "rincian"} and g["pesan"]
    if kode:
        assert g["kode"] == kode, g
    return g


def _data(desa, **lain):
    besok = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    return {
        "wilayah": desa.kode,
        "judul": "Rapat ulang",
        "penanggung_jawab": "Kades",
        "jatuh_tempo": besok,
        **lain,
    }


def _tl(dunia):
    return services.tindak_lanjut_buat(
        wilayah=dunia.desa_a,
        pendamping=dunia.pld_a,
        judul="Cek RAB",
        penanggung_jawab="Sekdes",
        jatuh_tempo=timezone.localdate() + datetime.timedelta(days=3),
    )


# ----------------------------------------------------------------------------- error shape


def test_400_layanan_menolak_dengan_pesan_indonesia(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    g = galat(c.post(URL, _data(dunia.desa_a, judul=" "), format="json"), 400, "tidak_sah")
    assert g["rincian"]["judul"] == ["Tuliskan tindak lanjutnya."]
    assert g["pesan"] == "Data belum benar: Tuliskan tindak lanjutnya."
    g = galat(c.post(URL, _data(dunia.desa_a, jatuh_tempo="besok"), format="json"), 400)
    assert "jatuh_tempo" in g["rincian"]
    galat(c.post(URL, "{rusak", content_type="application/json"), 400)
    assert not TindakLanjut.objects.exists()


def test_403_predikat(dunia, api_klien):
    tl = _tl(dunia)
    g = galat(
        api_klien(dunia.pld_a.user).post(f"{URL}{tl.pk}/terlarang/"), 403, "permission_denied"
    )
    assert g["pesan"] == "Hanya pengawas yang boleh melakukan ini."


def test_404_baris_desa_lain(dunia, api_klien):
    tl = _tl(dunia)
    c = api_klien(dunia.pld_b.user)
    galat(c.get(f"{URL}{tl.pk}/"), 404)
    galat(c.post(f"{URL}{tl.pk}/selesai/"), 404)
    tl.refresh_from_db()
    assert tl.status == "terbuka"
    galat(c.post(URL, _data(dunia.desa_a), format="json"), 404)  # a desa out of scope
    assert api_klien(dunia.pengawas.user).get(f"{URL}{tl.pk}/").status_code == 200


def test_409_pindah_ditolak(dunia, api_klien):
    tl = _tl(dunia)
    g = galat(api_klien(dunia.pld_a.user).post(f"{URL}{tl.pk}/bentrok/"), 409, "sudah_berubah")
    assert g["pesan"] == "Status sudah diubah orang lain."


# ----------------------------------------------------------------------------- If-Match


def test_if_match_usang_412_dengan_terkini(dunia, api_klien):
    tl = _tl(dunia)
    c = api_klien(dunia.pld_a.user)
    etag = c.get(f"{URL}{tl.pk}/")["ETag"]
    TindakLanjut.objects.filter(pk=tl.pk).update(
        judul="Diubah orang lain", diubah=timezone.now() + datetime.timedelta(seconds=1)
    )
    r = c.post(f"{URL}{tl.pk}/selesai/", HTTP_IF_MATCH=etag)
    g = galat(r, 412, "versi_usang")
    assert g["terkini"]["judul"] == "Diubah orang lain"
    assert r["ETag"] != etag and r["ETag"] == c.get(f"{URL}{tl.pk}/")["ETag"]
    tl.refresh_from_db()
    assert tl.status == "terbuka"
    # with the current version the move goes through and answers the new version
    r = c.post(f"{URL}{tl.pk}/selesai/", HTTP_IF_MATCH=r["ETag"])
    assert r.status_code == 200 and r.json()["status"] == "selesai"
    assert r["ETag"] and r["ETag"] != etag


# ----------------------------------------------------------------------------- Idempotency-Key


def test_kunci_tidak_sah_400(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    g = galat(c.post(URL, _data(dunia.desa_a), format="json", HTTP_IDEMPOTENCY_KEY="abc"), 400)
    assert g["rincian"]["Idempotency-Key"] == ["Idempotency-Key harus sebuah UUID."]
    assert not TindakLanjut.objects.exists()


def test_kunci_diulang_satu_baris_200_replayed(dunia, api_klien):
    c = api_klien(dunia.pld_a.user)
    kunci = str(uuid.uuid4())
    r1 = c.post(URL, _data(dunia.desa_a), format="json", HTTP_IDEMPOTENCY_KEY=kunci)
    assert r1.status_code == 201 and "Idempotent-Replayed" not in r1
    r2 = c.post(URL, _data(dunia.desa_a, judul="lain"), format="json", HTTP_IDEMPOTENCY_KEY=kunci)
    assert r2.status_code == 200 and r2["Idempotent-Replayed"] == "true"
    assert r2.json() == r1.json() and r2["ETag"] == r1["ETag"]
    assert TindakLanjut.objects.count() == 1
    # without a key, two records
    c.post(URL, _data(dunia.desa_a), format="json")
    assert TindakLanjut.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_kunci_dua_sekaligus_satu_baris(dunia):
    if connection.vendor != "postgresql":
        pytest.skip("Dua permintaan bersamaan perlu PostgreSQL (SQLite uji berbagi satu koneksi).")
    _, rahasia = token_buat(user=dunia.pld_a.user, nama="HP")
    kunci = str(uuid.uuid4())
    mulai = threading.Barrier(2)
    hasil = []

    def kirim():
        from django.db import connections

        c = APIClient()
        c.credentials(HTTP_AUTHORIZATION=f"Token {rahasia}")
        mulai.wait()
        try:
            hasil.append(
                c.post(URL, _data(dunia.desa_a), format="json", HTTP_IDEMPOTENCY_KEY=kunci)
            )
        finally:
            connections.close_all()

    utas = [threading.Thread(target=kirim) for _ in range(2)]
    for t in utas:
        t.start()
    for t in utas:
        t.join(30)
    assert sorted(r.status_code for r in hasil) == [200, 201]
    assert TindakLanjut.objects.count() == 1
    assert len({r.json()["id"] for r in hasil}) == 1


# ----------------------------------------------------------------------------- throttles


@pytest.fixture
def batas(monkeypatch):
    from django.core.cache import cache

    cache.clear()

    def atur(**rates):
        semua = {"user": "1000/min", "anon": "1000/min", "alamat": "1000/min", **rates}
        for kelas in (SimpleRateThrottle, UserRateThrottle, AnonRateThrottle):
            monkeypatch.setattr(kelas, "THROTTLE_RATES", semua)

    yield atur
    cache.clear()


def test_429_per_pengguna(dunia, api_klien, batas):
    batas(user="2/min")
    c = api_klien(dunia.pld_a.user)
    assert [c.get("/api/v1/wilayah/").status_code for _ in range(2)] == [200, 200]
    r = c.get("/api/v1/wilayah/")
    g = galat(r, 429, "throttled")
    assert "Terlalu banyak permintaan" in g["pesan"] and int(r["Retry-After"]) > 0
    # another user (a second token of another person) is not held back
    assert api_klien(dunia.pld_b.user).get("/api/v1/wilayah/").status_code == 200


def test_429_per_alamat(dunia, api_klien, batas):
    batas(alamat="3/min")
    a, b = api_klien(dunia.pld_a.user), api_klien(dunia.pld_b.user)
    assert [k.get("/api/v1/wilayah/").status_code for k in (a, b, a)] == [200, 200, 200]
    galat(b.get("/api/v1/wilayah/"), 429)
    lain = api_klien(dunia.pd_a.user)
    assert lain.get("/api/v1/wilayah/", REMOTE_ADDR="10.9.9.9").status_code == 200


def test_429_anonim(batas):
    batas(anon="2/min")
    c = APIClient()
    # the catch-all 404 is open to anonymous clients, like the public complaint intake will be
    assert [c.get("/api/v1/tidak-ada/").status_code for _ in range(2)] == [404, 404]
    g = galat(c.get("/api/v1/tidak-ada/"), 429, "throttled")
    assert "Terlalu banyak permintaan" in g["pesan"]
