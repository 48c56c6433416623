"""Sign-in and page security (issue 18): two-factor sign-in (django-otp, pendampingan/masuk) and the
Content-Security-Policy (django-csp 4; docs/keamanan.md)."""

from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF

env = environ.Env()

# ---------------------------------------------------------------- two-factor sign-in
# TOTP with recovery codes (django-otp; pendampingan/masuk). Required for Django admin and for
# kabupaten-level roles and above (staff, superusers, the Admin group, jabatan of rank ≥ 3); PLD
# and PD may enrol on their account page. OTP_WAJIB=false lifts the requirement (never in
# production, which sets it True); a user who has a device is always asked for the code.
OTP_WAJIB = env.bool("OTP_WAJIB", default=True)
OTP_WAJIB_PERINGKAT_MIN = 3  # pendampingan.inti.akses.PERINGKAT_JABATAN: TAPM Kab / Korkab
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Pendampingan Desa")
# wrong codes in a row before each further try waits 1, 2, 4 … s × this factor (django-otp)
OTP_TOTP_THROTTLE_FACTOR = env.int("OTP_TOTP_THROTTLE_FACTOR", default=1)
OTP_STATIC_THROTTLE_FACTOR = env.int("OTP_STATIC_THROTTLE_FACTOR", default=1)
OTP_KODE_PEMULIHAN_JUMLAH = 10

# ---------------------------------------------------------------- Content-Security-Policy
# Everything is served from this site (assets from npm through static, no CDN); scripts and
# <style> blocks need the request's nonce ({{ CSP_NONCE }}); no inline event handler, style
# attribute or javascript: URL anywhere. The only outside source: the map's tile server
# (base.py passes BENCANA_PETA_TILE_URL to ``kebijakan_csp``). Report-only here and locally
# (violations are logged by /csp-laporan/, pendampingan/inti/csp.py); production.py enforces it.


def asal_ubin(url: str) -> str:
    """The origin of a tile URL template for img-src (``{s}`` subdomains become ``*.``)."""
    bagian = urlsplit(url.replace("{s}.", "x."))
    host = bagian.netloc.replace("x.", "*.", 1) if "{s}." in url else bagian.netloc
    return f"{bagian.scheme}://{host}" if bagian.scheme and host else ""


CSP_LAPORAN_URL = "/csp-laporan/"
CSP_LAPORAN_MAKS_BITA = 16 * 1024  # a report body larger than this is refused unread
CSP_LAPORAN_PER_MENIT = env.int("CSP_LAPORAN_PER_MENIT", default=60)  # logged per minute, site-wide
CSP_DITEGAKKAN = env.bool("CSP_DITEGAKKAN", default=False)


def kebijakan_csp(tile_url: str) -> dict:
    """The site's policy, with the map's tile server allowed as an image source."""
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, NONCE],
            "style-src": [SELF, NONCE],
            "img-src": [SELF, "data:", *filter(None, [asal_ubin(tile_url)])],
            "font-src": [SELF],
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
            "report-uri": CSP_LAPORAN_URL,
        },
    }
