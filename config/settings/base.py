"""Settings shared by every environment. One ``env`` reads the environment; nothing else does."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from pendampingan.inti.log import konfigurasi as log_konfigurasi

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
env.read_env(str(BASE_DIR / ".env"), overwrite=False) if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

# ---------------------------------------------------------------- apps
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "django_celery_beat",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
LOCAL_APPS = [
    # the core and its sub-domains (each its own migration graph)
    "pendampingan",
    "pendampingan.notifikasi",
    "pendampingan.bulanan",
    "pendampingan.forum",
    "pendampingan.dasbor",
    "pendampingan.api",
    "pendampingan.masuk",
    # the apps that plug into the core
    "fasilitasi",
    "pengaduan",
    "bencana",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    # the request id and the one log line per request (first: every other layer logs with it)
    "pendampingan.inti.log.IdPermintaanMiddleware",
    # /sehat/ and /siap/ answered before anything that may redirect, refuse the host or need the
    # database (pendampingan/inti/kesehatan.py)
    "pendampingan.inti.kesehatan.KesehatanMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # the Content-Security-Policy header and the request's nonce (CONTENT_SECURITY_POLICY below)
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 400 for NUL/control characters in the path, query string or POST body (inti/masukan.py)
    "pendampingan.inti.masukan.MasukanMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # every signed-in session recorded (device, address, last seen), lifetimes by role (inti/sesi.py)
    "pendampingan.inti.sesi.SesiMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # two-factor sign-in: request.user.is_verified(), then the requirement per role (pendampingan/masuk)
    "django_otp.middleware.OTPMiddleware",
    "pendampingan.masuk.middleware.DuaLangkahMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "pendampingan.middleware.ZonaWaktuMiddleware",
    "pendampingan.middleware.PlatformMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# The CSRF refusal is one of the error pages that cannot fail (pendampingan/errors.py).
CSRF_FAILURE_VIEW = "pendampingan.errors.csrf_gagal"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pendampingan.context_processors.navigasi",
                "pendampingan.notifikasi.kementerian.peringatan",
                "csp.context_processors.nonce",
            ],
        },
    }
]

# ---------------------------------------------------------------- data
# Connections that come back by themselves after a database restart (issue 14):
# * CONN_MAX_AGE: seconds a connection is kept between requests (0: one per request);
# * CONN_HEALTH_CHECKS: a kept connection is pinged before a request uses it, so one dropped by a
#   PostgreSQL restart is replaced instead of failing that request;
# * DB_CONNECT_TIMEOUT: seconds a connection attempt to an unanswering server waits before the
#   request gives up with the 503 page, instead of holding a worker thread until gunicorn's timeout.
DB_CONNECT_TIMEOUT = env.int("DB_CONNECT_TIMEOUT", default=5)


def sambungan_tahan(db: dict, *, conn_max_age: int) -> dict:
    """``db`` (one entry of DATABASES) with the request transaction and the settings above."""
    db["ATOMIC_REQUESTS"] = True
    db["CONN_MAX_AGE"] = conn_max_age
    db["CONN_HEALTH_CHECKS"] = True
    if db["ENGINE"] == "django.db.backends.postgresql":
        db.setdefault("OPTIONS", {}).setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    return db


DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
sambungan_tahan(DATABASES["default"], conn_max_age=env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    # BEGIN IMMEDIATE: a transaction that reads then writes waits for the lock instead of failing
    # with "database is locked" when another process (the Celery worker) wrote in between.
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# With REDIS_URL the cache is Redis through pendampingan.inti.cache.ResilientRedisCache: an
# accelerator, never the record. Unreachable, it answers a miss (the bell counts from the database),
# remembers the keys it could not invalidate and deletes them when Redis answers again, and the
# public rate limit counts in the database. Short socket timeouts (seconds) so a dead or hung Redis
# costs a fraction of a second, once per breaker period (CACHE_PEMUTUS_DETIK), not per request.
CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://pendampingan")
    if not env("REDIS_URL", default="")
    else {
        "BACKEND": "pendampingan.inti.cache.ResilientRedisCache",
        "LOCATION": env("REDIS_URL"),
        "OPTIONS": {
            "socket_connect_timeout": env.float("CACHE_TIMEOUT_SAMBUNG", default=0.25),
            "socket_timeout": env.float("CACHE_TIMEOUT", default=0.5),
            "PEMUTUS_DETIK": env.float("CACHE_PEMUTUS_DETIK", default=5),
            "PERINGATAN_DETIK": env.float("CACHE_PERINGATAN_DETIK", default=60),
        },
    }
}

# ---------------------------------------------------------------- auth
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # failed logins per address, whatever the usernames (pendampingan/inti/masuk.py)
    "pendampingan.inti.masuk.BatasAlamatBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "pendampingan:beranda"
LOGOUT_REDIRECT_URL = "login"
# Lockout, failed logins per address, sessions by role, the client's address: settings/klien.py

# Two-factor sign-in (django-otp) and the Content-Security-Policy: settings/keamanan.py

# ---------------------------------------------------------------- i18n
LANGUAGE_CODE = "id"
# Indonesian only: the app's own text is Indonesian, so offering English to a phone set to English
# gave a mixed page (Django's weekday names and form errors in English, everything else not).
LANGUAGES = [("id", _("Bahasa Indonesia"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------- files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
UNGGAHAN_MAKS_MB = env.int("UNGGAHAN_MAKS_MB", default=10)
# Images whose header announces more pixels than this are refused before decoding.
UNGGAHAN_PIKSEL_MAKS = env.int("UNGGAHAN_PIKSEL_MAKS", default=80_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# ---------------------------------------------------------------- forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# ---------------------------------------------------------------- email
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Pendampingan Desa <noreply@pendampingan.desa.id>"
)

# ---------------------------------------------------------------- celery
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not bool(REDIS_URL) and not env("CELERY_BROKER_URL", default="")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The worker reconnects to a broker that went away every 0.5 s, then 1, 1.5, 2, 2 … s (not
# kombu's 2 … 30 s), so it is back at work within about 2 s of Redis' return (celery_konsumen.py).
CELERY_WORKER_CONSUMER = "config.celery_konsumen:KonsumenSigap"
CELERY_SAMBUNG_ULANG_AWAL_DETIK = env.float("CELERY_SAMBUNG_ULANG_AWAL_DETIK", default=0.5)
CELERY_SAMBUNG_ULANG_MAKS_DETIK = env.float("CELERY_SAMBUNG_ULANG_MAKS_DETIK", default=2)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# ---------------------------------------------------------------- logging (issue 14)
# One line per request and per Celery task, each line with the request id
# (pendampingan/inti/log.py). LOG_FORMAT "teks": readable lines (the default here and in
# development); "json": one JSON object a line for a log collector (the default in production).
LOG_FORMAT = env("LOG_FORMAT", default="teks")
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = log_konfigurasi(LOG_FORMAT, LOG_LEVEL)
# Celery workers log through LOGGING above too (not Celery's own format).
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# ---------------------------------------------------------------- error reporting (issue 14)
# Sentry when SENTRY_DSN is set (nothing is sent otherwise); started by PendampinganConfig.ready.
SENTRY_DSN = env("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", default="lokal")
SENTRY_RELEASE = env("SENTRY_RELEASE", default="")
# share of requests/tasks traced for performance (0: errors only)
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)

# ---------------------------------------------------------------- health (issue 14)
# /siap/ answers 503 when a due outbox message has waited longer than this (the worker or beat is
# stalled); 0 turns the check off (the figures are still shown).
SIAP_ANTREAN_UMUR_MAKS_DETIK = env.int("SIAP_ANTREAN_UMUR_MAKS_DETIK", default=600)
# ... or when more messages than this wait ("antre" or "gagal_sementara"); 0: no limit.
SIAP_ANTREAN_MAKS = env.int("SIAP_ANTREAN_MAKS", default=0)
# The checks whose failure makes /siap/ answer 503 (the node is taken out of the pool). The others
# are reported ("terdegradasi", 200): pages work with Redis down and with the outbox waiting, so
# by default a dead Redis or a stalled worker does not take every web node out at once. Add
# "redis", "broker" or "antrean" (SIAP_WAJIB=basis_data,migrasi,antrean) to be stricter.
SIAP_WAJIB = env.list("SIAP_WAJIB", default=["basis_data", "migrasi"])
# How long each check may take (database statement, Redis connect/answer), in seconds.
SIAP_BATAS_WAKTU_DETIK = env.float("SIAP_BATAS_WAKTU_DETIK", default=1.5)

# ---------------------------------------------------------------- the product
# Default pagination size of every list.
HALAMAN_UKURAN = 25

# ---------------------------------------------------------------- notifikasi (outbox)
from .notifikasi import *  # noqa: E402, F403
from .notifikasi import NOTIFIKASI_SAPU_DETIK  # noqa: E402 — the sweep's beat entry below

# the queue tasks go to (deployments or test runs sharing one Redis keep apart with their own)
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_BEAT_SCHEDULE = {
    "notifikasi-sapu": {
        "task": "pendampingan.notifikasi.tasks.sapu_pesan_task",
        "schedule": NOTIFIKASI_SAPU_DETIK,
        # a sweep not run within its period is dropped: with no worker up, beat's sweeps do not
        # pile up in Redis (the next one does the same work)
        "options": {"expire_seconds": max(int(NOTIFIKASI_SAPU_DETIK), 1)},
    },
}

# ---------------------------------------------------------------- downloads (inti.unduhan)
# A download still queued after this many seconds was never handed to the broker (it was down at
# commit time) or its task was lost with the broker's queue: the sweep hands it again.
UNDUHAN_ANTRE_TENGGANG_DETIK = env.float("UNDUHAN_ANTRE_TENGGANG_DETIK", default=60)
UNDUHAN_SAPU_DETIK = env.float("UNDUHAN_SAPU_DETIK", default=60)
CELERY_BEAT_SCHEDULE["unduhan-sapu"] = {
    "task": "pendampingan.tasks.unduhan_sapu_task",
    "schedule": UNDUHAN_SAPU_DETIK,
}

# ---------------------------------------------------------------- pendampingan: daily log (issue 3)
# Evidence (photos, documents) lives outside MEDIA_ROOT and is served only by scoped views.
BERKAS_PRIVAT_ROOT = env.path("BERKAS_PRIVAT_ROOT", default=BASE_DIR / "berkas_privat")
# Flags on an entry (they inform the supervisor; they never block).
KEGIATAN_EXIF_SELISIH_JAM = env.int("KEGIATAN_EXIF_SELISIH_JAM", default=24)
KEGIATAN_GPS_JARAK_KM = env.float("KEGIATAN_GPS_JARAK_KM", default=5.0)
KEGIATAN_GPS_MIN_RIWAYAT = env.int("KEGIATAN_GPS_MIN_RIWAYAT", default=3)
KEGIATAN_JAM_MAKS_SEHARI = env.int("KEGIATAN_JAM_MAKS_SEHARI", default=16)

# ---------------------------------------------------------------- forms rendering (issue 5)
# Widget templates come from the project's template tree too (WilayahField's autocomplete widget
# lives in templates/pendampingan/widgets/); Django's own widget templates via "django.forms".
INSTALLED_APPS += ["django.forms"]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# ---------------------------------------------------------------- dasbor
from celery.schedules import crontab  # noqa: E402

# Exports with more rows than this run in the background and leave a download.
DASBOR_EKSPOR_BATAS_LANGSUNG = env.int("DASBOR_EKSPOR_BATAS_LANGSUNG", default=5000)
# Days without an entry after which a desa counts in the coverage gap.
DASBOR_HARI_CAKUPAN = 30
CELERY_BEAT_SCHEDULE["dasbor-segarkan-ringkasan"] = {
    "task": "pendampingan.dasbor.tasks.ringkasan_segarkan_task",
    "schedule": 300.0,
}
CELERY_BEAT_SCHEDULE["dasbor-bangun-ulang-ringkasan"] = {
    "task": "pendampingan.dasbor.tasks.ringkasan_bangun_ulang_task",
    "schedule": crontab(hour=2, minute=15),
}

# ---------------------------------------------------------------- pengaduan (issue 8)
from .pengaduan import *  # noqa: E402, F403

CELERY_BEAT_SCHEDULE["pengaduan-sla-harian"] = {
    "task": "pengaduan.tasks.pengaduan_sla_periksa_task",
    "schedule": 60 * 60 * 6,  # every 6 hours; reminders are sent once per deadline
}

# ---------------------------------------------------------------- bulanan (monthly report)
# Entries of a month may be corrected until this day of the next month; then the month locks.
BULANAN_HARI_TENGGAT = env.int("BULANAN_HARI_TENGGAT", default=3)
BULANAN_KUNCI_AKTIF = env.bool("BULANAN_KUNCI_AKTIF", default=True)
# The letterhead of the report PDF and the recap XLSX, one line each.
BULANAN_KOP = env.list(
    "BULANAN_KOP",
    default=[
        "KEMENTERIAN DESA DAN PEMBANGUNAN DAERAH TERTINGGAL",
        "BADAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "Tenaga Pendamping Profesional Program Pembangunan dan Pemberdayaan Masyarakat Desa",
    ],
)
# At most this many photos (thumbnails, one per entry) in a monthly report.
BULANAN_FOTO_MAKS = env.int("BULANAN_FOTO_MAKS", default=24)

# ---------------------------------------------------------------- bencana (issue 9)
# Map tiles of the incident map (the only thing there that needs the internet; the list does not).
BENCANA_PETA_TILE_URL = env(
    "BENCANA_PETA_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
BENCANA_PETA_TILE_ATRIBUSI = env(
    "BENCANA_PETA_TILE_ATRIBUSI", default="© kontributor OpenStreetMap"
)

# ---------------------------------------------------------------- sign-in and page security (issue 18)
from .keamanan import *  # noqa: E402, F403
from .keamanan import CSP_DITEGAKKAN, kebijakan_csp  # noqa: E402

CSP_KEBIJAKAN = kebijakan_csp(BENCANA_PETA_TILE_URL)
CONTENT_SECURITY_POLICY = CSP_KEBIJAKAN if CSP_DITEGAKKAN else None
CONTENT_SECURITY_POLICY_REPORT_ONLY = None if CSP_DITEGAKKAN else CSP_KEBIJAKAN

# ---------------------------------------------------------------- api
from .api import *  # noqa: E402, F403
from .klien import *  # noqa: E402, F403
