"""The SSRF fence of webhook URLs: a webhook never reaches the server's own network.

A webhook URL is an address an administrator types, and the server then connects to it; pointed
at ``127.0.0.1:6379``, ``169.254.169.254`` or ``10.0.0.5`` it would make the server talk to its own
Redis, the cloud's metadata service or a machine behind the firewall. So a URL is refused when its
host resolves to any address that is not public — loopback, link-local, private (RFC 1918, ULA,
CGNAT), multicast, reserved, unspecified, documentation ranges — IPv4 or IPv6, including IPv4
addresses carried inside IPv6 (IPv4-mapped ``::ffff:a.b.c.d``, 6to4, Teredo, NAT64 ``64:ff9b::``).

The check runs twice:

- **at save time** (``validasi_url_webhook``, the validator of ``PenerimaKementerian.url``, so the
  admin form says why in Indonesian), and
- **at send time** (``kirim_terpagar``): the host is resolved once, every address is checked, and
  the connection goes to the checked address itself (the URL's host is replaced by the address;
  ``Host`` header, TLS SNI and certificate check keep the name). A name that resolved to a public
  address when it was saved and to a private one when the message is sent (DNS rebinding) is
  refused then, and ``requests`` never resolves the name a second time. No redirect is followed
  and no proxy from the environment is used (a proxy would resolve the name itself).

Hosts named in ``WEBHOOK_HOST_DIIZINKAN`` (exact names or IP literals, e.g. an internal receiver
``penerima.internal``) skip the address check; they are still resolved once and pinned.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NewConnectionError

Alamat = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")

# the one refusal a later try may not get (DNS may answer again); every other one is final
HOST_TIDAK_DITEMUKAN = "host_tidak_ditemukan"


def _ipv4_di_dalam(ip: Alamat) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64)."""
    if ip.version != 6:
        return []
    dalam = []
    if ip.ipv4_mapped:
        dalam.append(ip.ipv4_mapped)
    if ip.sixtofour:
        dalam.append(ip.sixtofour)
    if ip.teredo:
        dalam.extend(ip.teredo)
    if ip in _NAT64:
        dalam.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return dalam


def alasan_terlarang(ip: Alamat) -> str | None:
    """Why ``ip`` may not be a webhook's address (an Indonesian phrase), or None if it is public."""
    for v4 in _ipv4_di_dalam(ip):
        alasan = alasan_terlarang(v4)
        if alasan:
            return _("%(alasan)s (IPv4 %(v4)s di dalam alamat IPv6)") % {"alasan": alasan, "v4": v4}
    if ip.is_unspecified:
        return _("alamat tidak ditentukan")
    if ip.is_loopback:
        return _("alamat loopback")
    if ip.is_link_local:
        return _("alamat link-local")
    if ip.is_multicast:
        return _("alamat multicast")
    if ip.is_private or (ip.version == 6 and ip.is_site_local):
        return _("alamat jaringan privat")
    if ip.is_reserved:
        return _("alamat cadangan")
    if not ip.is_global:
        return _("bukan alamat publik")
    return None


def host_diizinkan(host: str) -> bool:
    """Is ``host`` named in ``WEBHOOK_HOST_DIIZINKAN`` (case and a trailing dot ignored)?"""
    bersih = host.lower().rstrip(".")
    return bersih in {h.lower().rstrip(".") for h in settings.WEBHOOK_HOST_DIIZINKAN}


def _getaddrinfo(host: str, port: int):
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def resolusi(host: str, port: int) -> list[Alamat]:
    """Every address ``host`` resolves to now (an IP literal is itself), without repeats."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        hasil = _getaddrinfo(host, port)
    except (socket.gaierror, UnicodeError, OSError) as e:
        raise ValidationError(
            _("Nama host %(host)s tidak dapat ditemukan (%(e)s)."),
            params={"host": host, "e": e},
            code=HOST_TIDAK_DITEMUKAN,
        ) from e
    alamat: list[Alamat] = []
    for _keluarga, _tipe, _proto, _nama, sockaddr in hasil:
        ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if ip not in alamat:
            alamat.append(ip)
    if not alamat:
        raise ValidationError(
            _("Nama host %(host)s tidak punya alamat."),
            params={"host": host},
            code=HOST_TIDAK_DITEMUKAN,
        )
    return alamat


@dataclass(frozen=True)
class Tujuan:
    """A checked webhook URL: its parts and the addresses it may be sent to."""

    skema: str
    host: str
    port: int
    path: str
    alamat: tuple[Alamat, ...]

    def url_ke(self, ip: Alamat) -> str:
        """The URL with its host replaced by ``ip`` (the address the connection goes to)."""
        netloc = f"[{ip}]:{self.port}" if ip.version == 6 else f"{ip}:{self.port}"
        return urlunsplit((self.skema, netloc, self.path, "", ""))

    @property
    def header_host(self) -> str:
        baku = {"http": 80, "https": 443}[self.skema]
        if ":" in self.host:
            nama = f"[{self.host}]"
        else:
            try:
                nama = self.host.encode("idna").decode("ascii")
            except UnicodeError:
                nama = self.host
        return nama if self.port == baku else f"{nama}:{self.port}"


def periksa_url(url: str) -> Tujuan:
    """Parse ``url``, resolve its host and check every address; raise ``ValidationError`` (in
    Indonesian) when the URL is unusable or reaches a non-public address of a host not allowed."""
    try:
        bagian = urlsplit(url)
        port = bagian.port
    except ValueError as e:
        raise ValidationError(_("URL webhook tidak valid: %(e)s"), params={"e": e}) from e
    skema = bagian.scheme.lower()
    if skema not in ("http", "https"):
        raise ValidationError(_("URL webhook harus diawali http:// atau https://."))
    if bagian.username is not None or bagian.password is not None:
        raise ValidationError(
            _(
                "URL webhook tidak boleh memuat nama pengguna atau kata sandi; "
                "gunakan rahasia HMAC untuk membuktikan pengirim."
            )
        )
    host = (bagian.hostname or "").rstrip(".")
    if not host:
        raise ValidationError(_("URL webhook tidak memuat nama host."))
    port = port or (443 if skema == "https" else 80)
    alamat = resolusi(host, port)
    if not host_diizinkan(host):
        for ip in alamat:
            alasan = alasan_terlarang(ip)
            if alasan:
                raise ValidationError(
                    _(
                        "URL webhook ditolak: %(host)s mengarah ke %(ip)s (%(alasan)s). Webhook "
                        "hanya boleh dikirim ke alamat publik, kecuali host yang diizinkan di "
                        "WEBHOOK_HOST_DIIZINKAN."
                    ),
                    params={"host": host, "ip": ip, "alasan": alasan},
                    code="alamat_terlarang",
                )
    path = bagian.path or "/"
    if bagian.query:
        path = f"{path}?{bagian.query}"
    return Tujuan(skema=skema, host=host, port=port, path=path, alamat=tuple(alamat))


def validasi_url_webhook(url: str) -> None:
    """The save-time check of a webhook URL (a model field validator)."""
    if url:
        periksa_url(url)


class _AdapterTerpin(HTTPAdapter):
    """Connects to the address in the URL but speaks TLS to the name: SNI and the certificate's
    host check use ``nama``. No retries of its own (the outbox retries)."""

    def __init__(self, nama: str):
        self._nama = nama
        super().__init__(max_retries=0)

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = self._nama
            pool_kwargs["assert_hostname"] = self._nama
        return host_params, pool_kwargs


def _gagal_sambung(e: requests.RequestException) -> bool:
    """Did ``e`` happen before anything was sent (so the next address may be tried)?"""
    if isinstance(e, requests.ConnectTimeout):
        return True
    alasan = getattr(e.args[0], "reason", None) if e.args else None
    return isinstance(e, requests.ConnectionError) and isinstance(alasan, NewConnectionError)


def kirim_terpagar(
    url: str, *, data: bytes, headers: dict, timeout, verify: bool | str = True
) -> requests.Response:
    """POST ``data`` to ``url`` through the fence: resolve once, refuse a non-public address
    (``ValidationError``), connect to a checked address (the next one only if connecting failed),
    never follow a redirect. Raises what ``requests`` raises for network errors."""
    tujuan = periksa_url(url)
    with requests.Session() as sesi:
        sesi.trust_env = False  # no proxy, netrc or CA bundle from the environment
        sesi.mount("http://", _AdapterTerpin(tujuan.host))
        sesi.mount("https://", _AdapterTerpin(tujuan.host))

        def kirim(ip: Alamat) -> requests.Response:
            return sesi.post(
                tujuan.url_ke(ip),
                data=data,
                headers={**headers, "Host": tujuan.header_host},
                timeout=timeout,
                allow_redirects=False,
                verify=verify,
            )

        *cadangan, terakhir = tujuan.alamat
        for ip in cadangan:
            try:
                return kirim(ip)
            except requests.RequestException as e:
                if not _gagal_sambung(e):
                    raise
        return kirim(terakhir)
