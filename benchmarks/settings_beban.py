"""The load benchmark's settings: production's, unchanged, except that static files are served
without the hashed manifest when ``collectstatic`` has not been run (a fresh checkout, CI) — the
only difference is how ``{% static %}`` names a file; the views measured are the same."""

from config.settings.production import *  # noqa: F403
from config.settings.production import STATIC_ROOT, STORAGES

if not (STATIC_ROOT / "staticfiles.json").exists():
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
