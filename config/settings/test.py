"""Settings for the test suite: SQLite in memory unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "uji-tidak-rahasia"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / ".media-uji"))
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests run tasks inline unless a test starts a real worker itself.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
AXES_ENABLED = True
# The suite's own webhook receivers listen on 127.0.0.1: allowed through the fence explicitly (the
# fence's tests set this to [] to see it refuse).
WEBHOOK_HOST_DIIZINKAN = ["127.0.0.1"]
# Two-factor sign-in is off for the suite's many tests that sign supervisors in with force_login;
# its own tests (tests/masuk, the browser journeys) turn it on with override_settings/settings.
# A user who has a device is asked for the code either way.
OTP_WAJIB = False
