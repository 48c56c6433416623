"""Production: no defaults for secrets, hosts or the database — it refuses to start without them."""

from .base import *  # noqa: F403
from .base import CSP_KEBIJAKAN, LOG_LEVEL, env, log_konfigurasi, sambungan_tahan

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
DATABASES = {"default": env.db("DATABASE_URL")}
# kept connections (health-checked, so a PostgreSQL restart costs no request once it is back)
sambungan_tahan(DATABASES["default"], conn_max_age=env.int("CONN_MAX_AGE", default=60))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# The health probes are answered before SecurityMiddleware (pendampingan.inti.kesehatan); listed
# here too so that no reordering of MIDDLEWARE ever sends a load balancer's plain-HTTP probe a 301.
SECURE_REDIRECT_EXEMPT = [r"^sehat/$", r"^siap/$"]

# JSON log lines by default (LOG_FORMAT=teks for readable ones).
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING = log_konfigurasi(LOG_FORMAT, LOG_LEVEL)
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", default="produksi")

# The Content-Security-Policy is enforced (base.py: report-only elsewhere), and two-factor sign-in
# is required for admin and for kabupaten-level roles and above, whatever the environment says.
CONTENT_SECURITY_POLICY = CSP_KEBIJAKAN
CONTENT_SECURITY_POLICY_REPORT_ONLY = None
OTP_WAJIB = True
