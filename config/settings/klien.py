"""The client (issue 18): the login lockout (axes), the failed-login limit per address, sessions by
role, and the one trusted client address behind proxies (pendampingan/inti/alamat.py,
pendampingan/inti/masuk.py, pendampingan/inti/sesi.py; README "Deployment")."""

import ipaddress

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()

# ---------------------------------------------------------------- login lockout
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
# Locked out by the pair (username, address) only: wrong passwords from an attacker's address
# never lock the user out at their own. The address is the one trusted answer below.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "pendampingan.inti.alamat.alamat_klien"
# ... and per address, whatever the usernames: more failed logins than this from one address in
# MASUK_BATAS_JENDELA_DETIK and that address is refused for the rest of the window (a whole
# office behind one NAT shares it: keep it well above what people mistype).
MASUK_BATAS_GAGAL_PER_ALAMAT = env.int("MASUK_BATAS_GAGAL_PER_ALAMAT", default=30)
MASUK_BATAS_JENDELA_DETIK = env.int("MASUK_BATAS_JENDELA_DETIK", default=15 * 60)

# ---------------------------------------------------------------- sessions (issue 18)
# Sessions are in the database (Django's default SESSION_ENGINE; pendampingan.SesiPengguna hangs
# on its rows). Lifetime from login by role (pendampingan/inti/sesi.py): field staff (PLD, PD,
# Pendamping Teknis) on their own phone, supervisors and others, Django admin users.
SESI_UMUR_LAPANGAN_HARI = env.int("SESI_UMUR_LAPANGAN_HARI", default=30)
SESI_UMUR_PENGAWAS_JAM = env.int("SESI_UMUR_PENGAWAS_JAM", default=12)
SESI_UMUR_ADMIN_JAM = env.int("SESI_UMUR_ADMIN_JAM", default=8)
# a session's "last seen" and address are written at most this often (seconds)
SESI_SEGARKAN_DETIK = env.int("SESI_SEGARKAN_DETIK", default=300)
# sessions that are not signed in (the public complaint form's "sent" page) last a day
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=24 * 3600)

# ---------------------------------------------------------------- the client's address (issue 18)
# One answer for the lockout, every rate limit, the API throttles, the request log and the audit
# trail (pendampingan/inti/alamat.py). Without a trusted proxy X-Forwarded-For is ignored.
# PROXY_TEPERCAYA_JUMLAH: how many reverse proxies stand in front of gunicorn (nginx alone: 1;
# a cloud load balancer then nginx: 2). PROXY_TEPERCAYA_ALAMAT: their addresses or networks
# (X-Forwarded-For is then read only from them; with JUMLAH 0 every trusted hop is skipped).
PROXY_TEPERCAYA_JUMLAH = env.int("PROXY_TEPERCAYA_JUMLAH", default=0)
PROXY_TEPERCAYA_ALAMAT = [
    str(ipaddress.ip_network(a, strict=False))  # a typo stops the start, not every request
    for a in env.list("PROXY_TEPERCAYA_ALAMAT", default=[])
]
if env("PENGADUAN_PROXY_TEPERCAYA", default=None) is not None:
    raise ImproperlyConfigured(
        "PENGADUAN_PROXY_TEPERCAYA diganti PROXY_TEPERCAYA_JUMLAH (jumlah proxy di depan aplikasi) "
        "atau PROXY_TEPERCAYA_ALAMAT; lihat README, bagian Deployment."
    )
