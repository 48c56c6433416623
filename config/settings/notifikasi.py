"""The outbox's settings: delivery, leases, the sweep, the ministry recipient
(pendampingan/notifikasi, docs/notifikasi.md)."""

import environ

env = environ.Env()

# Delivery of outbox rows: attempts, exponential backoff, timeouts, and the periodic sweep.
NOTIFIKASI_PERCOBAAN_MAKS = env.int("NOTIFIKASI_PERCOBAAN_MAKS", default=6)
NOTIFIKASI_BACKOFF_DASAR_DETIK = env.float("NOTIFIKASI_BACKOFF_DASAR_DETIK", default=30)
NOTIFIKASI_BACKOFF_MAKS_DETIK = env.float("NOTIFIKASI_BACKOFF_MAKS_DETIK", default=3600)
NOTIFIKASI_WEBHOOK_TIMEOUT_SAMBUNG = env.float("NOTIFIKASI_WEBHOOK_TIMEOUT_SAMBUNG", default=5)
NOTIFIKASI_WEBHOOK_TIMEOUT = env.float("NOTIFIKASI_WEBHOOK_TIMEOUT", default=15)
NOTIFIKASI_EMAIL_TIMEOUT = env.float("NOTIFIKASI_EMAIL_TIMEOUT", default=20)
# Hosts a webhook may reach although they resolve to a non-public address (notifikasi/pagar.py)
WEBHOOK_HOST_DIIZINKAN = env.list("WEBHOOK_HOST_DIIZINKAN", default=[])
NOTIFIKASI_TUGAS_BATAS_DETIK = env.int("NOTIFIKASI_TUGAS_BATAS_DETIK", default=120)
# The lease of a claimed message (pendampingan/notifikasi/sewa.py): the sending worker renews it
# every _PERPANJANG_DETIK while it waits on the receiver; a lease that ran out (its worker died) is
# taken over. Renew at most a third of the lease, so one slow renewal does not lose it. A killed
# worker's message is sent again at most SEWA + SAPU (+ the hand-off) seconds after its last
# renewal: 15 s with these defaults (the issue asks for 30).
NOTIFIKASI_SEWA_DETIK = env.float("NOTIFIKASI_SEWA_DETIK", default=10)
NOTIFIKASI_SEWA_PERPANJANG_DETIK = env.float("NOTIFIKASI_SEWA_PERPANJANG_DETIK", default=3)
# an "antre" row older than this was never handed to the broker (it was down at commit time); the
# normal hand-off happens right after commit, so a few seconds are enough
NOTIFIKASI_ANTRE_TENGGANG_DETIK = env.float("NOTIFIKASI_ANTRE_TENGGANG_DETIK", default=5)
# sweep period (beat) and the most rows one sweep re-queues (three index scans over unfinished rows)
NOTIFIKASI_SAPU_DETIK = env.float("NOTIFIKASI_SAPU_DETIK", default=5)
NOTIFIKASI_SAPU_BATAS = env.int("NOTIFIKASI_SAPU_BATAS", default=500)
NOTIFIKASI_SITUS_URL = env("NOTIFIKASI_SITUS_URL", default="http://127.0.0.1:8000")
# The ministry recipient of disaster/KLB reports (bencana.*), created once by `migrate` when set
# (pendampingan/notifikasi/kementerian.py); until an active one exists, admins see a warning on
# every page. An email address and/or a webhook URL (with its HMAC secret).
PENERIMA_KEMENTERIAN_EMAIL = env("PENERIMA_KEMENTERIAN_EMAIL", default="")
PENERIMA_KEMENTERIAN_WEBHOOK = env("PENERIMA_KEMENTERIAN_WEBHOOK", default="")
PENERIMA_KEMENTERIAN_RAHASIA = env("PENERIMA_KEMENTERIAN_RAHASIA", default="")
PENERIMA_KEMENTERIAN_NAMA = env(
    "PENERIMA_KEMENTERIAN_NAMA", default="Kementerian Desa dan Pembangunan Daerah Tertinggal"
)
