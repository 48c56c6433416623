"""Settings of the gunicorn that the fault rehearsals start (``tests/keandalan/web.py``): the
production settings (DEBUG off, the secret, hosts and database from the environment, kept and
health-checked connections, the error pages), with only what a test on 127.0.0.1 must differ in."""

from config.settings.production import *  # noqa: F403

# plain HTTP: no TLS terminator in front of a test's gunicorn
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# the hasher the test factories write passwords with (a login costs no PBKDF2 rounds)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# no collectstatic in a test: WhiteNoise serves the files from the finders, as in production
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
