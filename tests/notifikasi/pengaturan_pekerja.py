"""Settings of the Celery worker (and beat) that the real-services tests start: the test settings,
but tasks go through the broker in CELERY_BROKER_URL, and email to the SMTP sink in EMAIL_URL.
The database is the test database itself (DATABASE_URL, set by the fixture)."""

from config.settings.test import *  # noqa: F403
from config.settings.test import env

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
