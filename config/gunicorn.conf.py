"""gunicorn's settings for the web node (``gunicorn -c config/gunicorn.conf.py config.wsgi``).

Every value can be changed by an environment variable of the same name prefixed ``GUNICORN_``
(e.g. ``GUNICORN_WORKERS=8``). Requests are logged by the application itself (one JSON line per
request with its request id), so gunicorn's access log stays off.
"""

import multiprocessing
import os


def _env(nama: str, bawaan):
    nilai = os.environ.get(f"GUNICORN_{nama.upper()}")
    if nilai is None:
        return bawaan
    if isinstance(bawaan, bool):
        return nilai.strip().lower() in {"1", "true", "ya", "yes"}
    return type(bawaan)(nilai)


wsgi_app = "config.wsgi:application"
bind = _env("bind", "0.0.0.0:8000")
# Threads keep a worker busy with one slow phone on weak signal from holding up the others.
worker_class = "gthread"
workers = _env("workers", multiprocessing.cpu_count() * 2 + 1)
threads = _env("threads", 4)
# A request that runs longer than this is killed and answered by the application's error page
# at the next one; no document is built inside a request, so 30 s is generous.
timeout = _env("timeout", 30)
# SIGHUP / SIGTERM: finish what is in flight for up to this long before stopping (graceful restart).
graceful_timeout = _env("graceful_timeout", 30)
keepalive = _env("keepalive", 5)
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = _env("max_requests", 2000)
max_requests_jitter = _env("max_requests_jitter", 200)
# Behind the load balancer: trust X-Forwarded-* only from the addresses it names.
forwarded_allow_ips = _env("forwarded_allow_ips", "127.0.0.1")
limit_request_line = 8190
accesslog = None
errorlog = "-"
loglevel = _env("loglevel", "info")
# gunicorn's runtime control socket (one path per user: two gunicorns on one machine would share
# it) is not used here; restarts go through signals (SIGHUP reloads, SIGTERM stops gracefully).
control_socket_disable = _env("control_socket_disable", True)
