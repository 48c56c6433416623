"""The SSRF fence of webhook URLs (``pendampingan/notifikasi/pagar.py``): every non-public range
refused at save and at send, an allowed host let through, the connection pinned to the address
that was checked (a name that turns private between save and send is refused), no redirect.

Names under ``.test`` (reserved, never resolvable) are given addresses by replacing the fence's
one DNS call (``pagar._getaddrinfo``): the names of a rebinding attacker do not exist here. The
connections themselves are real, to receivers on 127.0.0.1."""

import http.server
import ipaddress
import socket
import ssl
import subprocess
import threading

import pytest
import requests
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from pendampingan.notifikasi import pagar, pengiriman, services
from pendampingan.notifikasi.models import PenerimaKementerian, Pesan, Saluran, StatusPesan
from tests.notifikasi.factories import PenerimaWebhookFactory
from tests.notifikasi.layanan import PenerimaWebhook

pytestmark = pytest.mark.django_db

TERLARANG_V4 = [
    "0.0.0.0/8",  # "this network", incl. the unspecified address
    "10.0.0.0/8",
    "100.64.0.0/10",  # carrier-grade NAT
    "127.0.0.0/8",
    "169.254.0.0/16",  # link-local, incl. the cloud metadata service 169.254.169.254
    "172.16.0.0/12",
    "192.0.0.0/29",
    "192.0.2.0/24",
    "192.168.0.0/16",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",  # multicast
    "240.0.0.0/4",  # reserved, incl. the broadcast address
]
TERLARANG_V6 = [
    "::/128",
    "::1/128",
    "fe80::/10",  # link-local
    "fc00::/7",  # unique local
    "fec0::/10",  # site-local (deprecated)
    "ff00::/8",  # multicast
    "2001:db8::/32",  # documentation
    "100::/64",  # discard
    "::/96",  # IPv4-compatible (deprecated)
]


def _alamat(jaringan: str):
    return st.ip_addresses(network=jaringan)


alamat_terlarang = st.one_of(
    *[_alamat(j) for j in TERLARANG_V4 + TERLARANG_V6],
    # IPv4 inside IPv6: mapped, 6to4, NAT64
    st.one_of(*[_alamat(j) for j in TERLARANG_V4]).map(
        lambda v4: ipaddress.IPv6Address(f"::ffff:{v4}")
    ),
    st.one_of(*[_alamat(j) for j in TERLARANG_V4]).map(
        lambda v4: ipaddress.IPv6Address((0x2002 << 112) | (int(v4) << 80))
    ),
    st.one_of(*[_alamat(j) for j in TERLARANG_V4]).map(
        lambda v4: ipaddress.IPv6Address(int(ipaddress.IPv6Address("64:ff9b::")) | int(v4))
    ),
)


def _url(ip, port=80, path="/webhook"):
    host = f"[{ip}]" if ip.version == 6 else str(ip)
    return f"http://{host}:{port}{path}"


@given(ip=alamat_terlarang)
@hsettings(max_examples=400, deadline=None)
def test_setiap_rentang_bukan_publik_ditolak(ip):
    with override_settings(WEBHOOK_HOST_DIIZINKAN=[]):
        assert pagar.alasan_terlarang(ip), ip
        with pytest.raises(ValidationError) as e:
            pagar.periksa_url(_url(ip))
    assert "URL webhook ditolak" in e.value.messages[0] and str(ip) in e.value.messages[0]


@given(ip=st.ip_addresses().filter(lambda a: a.is_global and not (a.is_multicast or a.is_reserved)))
@hsettings(max_examples=300, deadline=None)
def test_alamat_publik_diterima(ip):
    if any(pagar.alasan_terlarang(v4) for v4 in pagar._ipv4_di_dalam(ip)):
        return  # a global IPv6 carrying a private IPv4 (6to4, Teredo): refused on purpose
    with override_settings(WEBHOOK_HOST_DIIZINKAN=[]):
        assert pagar.alasan_terlarang(ip) is None, ip
        assert pagar.periksa_url(_url(ip)).alamat == (ip,)


def test_contoh_rentang_yang_dikenal(settings):
    settings.WEBHOOK_HOST_DIIZINKAN = []
    for teks, kata in [
        ("127.0.0.1", "loopback"),
        ("169.254.169.254", "link-local"),
        ("10.1.2.3", "privat"),
        ("239.1.1.1", "multicast"),
        ("0.0.0.0", "tidak ditentukan"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("fd00::5", "privat"),
        ("100.64.1.1", "bukan alamat publik"),
    ]:
        assert kata in pagar.alasan_terlarang(ipaddress.ip_address(teks)), teks
    for teks in ("8.8.8.8", "2606:4700:4700::1111"):
        assert pagar.alasan_terlarang(ipaddress.ip_address(teks)) is None


def _dns(monkeypatch, jawaban):
    """Give ``.test`` names addresses: ``jawaban`` maps a name to a list of lists of addresses,
    one list per lookup in turn (the last one repeats). Returns the list of names looked up."""
    ditanya = []

    def getaddrinfo(host, port):
        ditanya.append(host)
        daftar = jawaban[host]
        ips = daftar[min(ditanya.count(host), len(daftar)) - 1]
        return [
            (
                socket.AF_INET6 if ":" in ip else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (ip, port),
            )
            for ip in ips
        ]

    monkeypatch.setattr(pagar, "_getaddrinfo", getaddrinfo)
    return ditanya


def test_nama_yang_mengarah_ke_privat_ditolak_saat_simpan(settings, monkeypatch):
    settings.WEBHOOK_HOST_DIIZINKAN = []
    _dns(monkeypatch, {"dalam.test": [["93.184.216.34", "10.0.0.7"]]})  # one bad address is enough
    p = PenerimaKementerian(nama="Pusdatin", jenis="webhook", url="http://dalam.test/hook")
    with pytest.raises(ValidationError) as e:
        p.full_clean()
    assert "dalam.test mengarah ke 10.0.0.7" in e.value.message_dict["url"][0]


def test_skema_kredensial_dan_nama_tak_dikenal_ditolak(settings):
    settings.WEBHOOK_HOST_DIIZINKAN = []
    for url, pesan in [
        ("ftp://8.8.8.8/x", "http:// atau https://"),
        ("http://pengguna:sandi@8.8.8.8/x", "nama pengguna atau kata sandi"),
        ("http://tidak-ada.test/x", "tidak dapat ditemukan"),
    ]:
        with pytest.raises(ValidationError) as e:
            pagar.periksa_url(url)
        assert pesan in e.value.messages[0], url


def test_admin_menolak_url_loopback_dengan_pesan(settings, dunia):
    settings.WEBHOOK_HOST_DIIZINKAN = []
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("admin-pagar", "a@contoh.id", "x")
    c = Client()
    c.force_login(admin)
    url = reverse("admin:notifikasi_penerimakementerian_add")
    data = {"nama": "Metadata", "jenis": "webhook", "aktif": "on", "tingkat": ""}
    resp = c.post(url, {**data, "url": "http://169.254.169.254/latest/meta-data/"})
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "URL webhook ditolak" in teks and "alamat link-local" in teks
    assert not PenerimaKementerian.objects.exists()
    # the same form with an allowed host is saved
    settings.WEBHOOK_HOST_DIIZINKAN = ["169.254.169.254"]
    resp = c.post(url, {**data, "url": "http://169.254.169.254/hook"})
    assert resp.status_code == 302 and PenerimaKementerian.objects.count() == 1


@pytest.fixture
def webhook():
    w = PenerimaWebhook()
    yield w
    w.tutup()


def _pesan_webhook(dunia, url):
    PenerimaWebhookFactory(url=url, rahasia="r")
    (p,) = [
        p
        for p in services.notifikasi_kirim(
            peristiwa="bencana.dilaporkan",
            objek=dunia.desa_a,
            wilayah_kode=dunia.desa_a.kode,
            subjek="Banjir",
            isi="Banjir di desa.",
            payload={},
            kunci="bencana:pagar",
            kementerian=True,
        )
        if p.saluran == Saluran.WEBHOOK
    ]
    return p


def test_host_diizinkan_dikirim_ke_alamat_yang_diperiksa(settings, monkeypatch, dunia, webhook):
    """``penerima.test`` exists only in the fence's lookup: the delivery reaching the receiver
    proves the connection went to the address the fence resolved, not to a second lookup."""
    port = webhook.server.server_address[1]
    settings.WEBHOOK_HOST_DIIZINKAN = ["penerima.test"]
    ditanya = _dns(monkeypatch, {"penerima.test": [["127.0.0.1"]]})
    url = f"http://penerima.test:{port}/webhook"
    PenerimaKementerian(nama="Internal", jenis="webhook", url=url).full_clean()
    p = _pesan_webhook(dunia, url)
    pengiriman.pesan_kirim(pesan_id=p.pk)
    p.refresh_from_db()
    assert p.status == StatusPesan.TERKIRIM, p.galat_terakhir
    assert [r.header["Host"] for r in webhook.diterima] == [f"penerima.test:{port}"]
    assert ditanya == ["penerima.test", "penerima.test"]  # once at save, once at send


def test_rebinding_publik_saat_simpan_privat_saat_kirim_ditolak(
    settings, monkeypatch, dunia, webhook
):
    port = webhook.server.server_address[1]
    settings.WEBHOOK_HOST_DIIZINKAN = []
    _dns(monkeypatch, {"licik.test": [["93.184.216.34"], ["127.0.0.1"]]})
    url = f"http://licik.test:{port}/webhook"
    PenerimaKementerian(nama="Licik", jenis="webhook", url=url).full_clean()  # public: saved
    p = _pesan_webhook(dunia, url)
    pengiriman.pesan_kirim(pesan_id=p.pk)
    p.refresh_from_db()
    assert webhook.diterima == []  # nothing reached the server's own address
    assert p.status == StatusPesan.GAGAL  # for good, and the supervisors are told
    assert "licik.test mengarah ke 127.0.0.1 (alamat loopback)" in p.galat_terakhir
    assert Pesan.objects.filter(peristiwa="notifikasi.gagal").exists()


def test_nama_hilang_saat_kirim_dicoba_lagi(settings, monkeypatch, dunia):
    settings.WEBHOOK_HOST_DIIZINKAN = []
    p = _pesan_webhook(dunia, "http://hilang.test/webhook")
    pengiriman.pesan_kirim(pesan_id=p.pk)
    p.refresh_from_db()
    assert p.status == StatusPesan.GAGAL_SEMENTARA and "tidak dapat ditemukan" in p.galat_terakhir


def test_pengalihan_tidak_diikuti(dunia):
    tujuan = PenerimaWebhook()
    try:

        class Alihkan(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(307)
                self.send_header("Location", tujuan.url)
                self.end_headers()

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Alihkan)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        p = _pesan_webhook(dunia, f"http://127.0.0.1:{server.server_address[1]}/")
        pengiriman.pesan_kirim(pesan_id=p.pk)
        p.refresh_from_db()
        server.shutdown()
        server.server_close()
    finally:
        tujuan.tutup()
    assert tujuan.diterima == [] and p.status == StatusPesan.GAGAL
    assert "HTTP 307" in p.galat_terakhir


@pytest.fixture
def server_tls(tmp_path):
    """An HTTPS receiver on 127.0.0.1 whose certificate is for ``penerima.test`` only."""
    kunci, sertifikat = tmp_path / "kunci.pem", tmp_path / "sertifikat.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(kunci), "-out", str(sertifikat), "-subj", "/CN=penerima.test"]
        + ["-addext", "subjectAltName=DNS:penerima.test"],
        check=True,
        capture_output=True,
    )
    diterima = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            diterima.append(
                (self.headers["Host"], self.rfile.read(int(self.headers["Content-Length"])))
            )
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    konteks = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    konteks.load_cert_chain(sertifikat, kunci)
    server.socket = konteks.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], str(sertifikat), diterima
    server.shutdown()
    server.server_close()


def test_https_terpin_memakai_nama_untuk_sni_dan_sertifikat(settings, monkeypatch, server_tls):
    port, sertifikat, diterima = server_tls
    settings.WEBHOOK_HOST_DIIZINKAN = ["penerima.test", "lain.test"]
    _dns(monkeypatch, {"penerima.test": [["127.0.0.1"]], "lain.test": [["127.0.0.1"]]})
    r = pagar.kirim_terpagar(
        f"https://penerima.test:{port}/hook", data=b"{}", headers={}, timeout=5, verify=sertifikat
    )
    assert r.status_code == 200 and diterima == [(f"penerima.test:{port}", b"{}")]
    # the same address under a name the certificate is not for: refused by the TLS check
    with pytest.raises(requests.exceptions.SSLError):
        pagar.kirim_terpagar(
            f"https://lain.test:{port}/hook", data=b"{}", headers={}, timeout=5, verify=sertifikat
        )
    assert len(diterima) == 1


def test_alamat_berikutnya_dicoba_jika_sambungan_ditolak(settings, monkeypatch, webhook):
    port = webhook.server.server_address[1]
    settings.WEBHOOK_HOST_DIIZINKAN = ["dua.test"]
    _dns(monkeypatch, {"dua.test": [["127.0.0.2", "127.0.0.1"]]})  # nothing listens on .2
    r = pagar.kirim_terpagar(f"http://dua.test:{port}/webhook", data=b"x", headers={}, timeout=5)
    assert r.status_code == 200 and len(webhook.diterima) == 1
