"""The client's address: one answer for the whole site (login lockout, every rate limit, the API
throttles, the request log, the audit trail).

Behind reverse proxies (a load balancer, nginx) ``REMOTE_ADDR`` is the nearest proxy, and every
proxy appends the address it received the request from to ``X-Forwarded-For``. Only the entries
the trusted proxies wrote can be believed; anything further left was sent by the client and may be
forged. So the client is found by counting from the right of the chain
``X-Forwarded-For + REMOTE_ADDR``:

* ``PROXY_TEPERCAYA_JUMLAH`` (default 0): how many proxies stand in front of the app. With 0,
  X-Forwarded-For is ignored and ``REMOTE_ADDR`` is the client. With N, the client is the N-th entry
  from the right of the chain (``REMOTE_ADDR`` being the first proxy).
* ``PROXY_TEPERCAYA_ALAMAT`` (default empty): the proxies' addresses or networks (``10.0.0.0/8``,
  ``192.168.1.5``). When set, X-Forwarded-For is read only for a request whose ``REMOTE_ADDR`` is
  one of them (a request that reached the app around the proxy keeps its own address), and with
  ``PROXY_TEPERCAYA_JUMLAH`` left at 0 every trusted entry at the right of the chain is skipped
  (the client is the right-most address that is not a trusted proxy).

The chain is parsed by django-ipware (ports, IPv6 brackets, ``unknown`` entries); a chain shorter
than the configured number of proxies (the request did not come through all of them) answers
``REMOTE_ADDR``. The answer is cached on the request.
"""

from __future__ import annotations

import functools
import ipaddress
import types

from django.conf import settings
from ipware import get_client_ip

_ATRIBUT = "_alamat_klien"
_XFF = "HTTP_X_FORWARDED_FOR"


@functools.lru_cache(maxsize=8)
def _jaringan(alamat: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(a.strip(), strict=False) for a in alamat if a.strip())


def _tepercaya(ip: str, jaringan: tuple) -> bool:
    try:
        alamat = ipaddress.ip_address(ip.strip().strip("[]"))
    except ValueError:
        return False
    return any(alamat in j for j in jaringan)


def _jumlah_proxy(rantai: list[str], remote: str) -> int:
    """How many entries at the right of ``rantai`` (which ends with ``remote``) are proxies."""
    jumlah = getattr(settings, "PROXY_TEPERCAYA_JUMLAH", 0) or 0
    jaringan = _jaringan(tuple(getattr(settings, "PROXY_TEPERCAYA_ALAMAT", ()) or ()))
    if jaringan:
        if not _tepercaya(remote, jaringan):
            return 0  # not through a trusted proxy: its X-Forwarded-For is the client's own words
        if not jumlah:
            jumlah = 0
            for ip in reversed(rantai[1:]):  # the left-most entry is always a candidate
                if not _tepercaya(ip, jaringan):
                    break
                jumlah += 1
    return jumlah


def alamat_klien(request) -> str:
    """The client's address as the trusted proxies saw it (see the module docstring); "" when the
    request carries none."""
    sudah = getattr(request, _ATRIBUT, None)
    if sudah is not None:
        return sudah
    meta = request.META
    remote = (meta.get("REMOTE_ADDR") or "").strip()
    hasil = remote
    xff = (meta.get(_XFF) or "").strip()
    if xff and (
        getattr(settings, "PROXY_TEPERCAYA_JUMLAH", 0)
        or getattr(settings, "PROXY_TEPERCAYA_ALAMAT", ())
    ):
        rantai_teks = f"{xff}, {remote}" if remote else xff
        rantai = [bagian.strip() for bagian in rantai_teks.split(",")]
        jumlah = _jumlah_proxy(rantai, remote)
        if jumlah:
            ip, _rute = get_client_ip(
                types.SimpleNamespace(META={_XFF: rantai_teks}),
                proxy_count=jumlah,
                request_header_order=[_XFF],
                strict=False,
            )
            if ip is not None:
                hasil = ip
    try:
        setattr(request, _ATRIBUT, hasil)
    except AttributeError:  # an object that takes no attributes: answer without caching
        pass
    return hasil


def alamat_ip(request) -> str | None:
    """``alamat_klien`` for a ``GenericIPAddressField`` (the audit trail, the session record):
    None when the request carries no valid address."""
    try:
        return str(ipaddress.ip_address(alamat_klien(request)))
    except ValueError:
        return None
