"""The complaints' settings (issue 8; pengaduan/, docs/pengaduan.md): SLA, attachments, the public
form's guards and its security question."""

import environ

env = environ.Env()

# SLA in working days (weekends and national holidays skipped: pendampingan.kalender).
PENGADUAN_SLA_VERIFIKASI = env.int("PENGADUAN_SLA_VERIFIKASI", default=3)
PENGADUAN_SLA_RENCANA = env.int("PENGADUAN_SLA_RENCANA", default=5)
PENGADUAN_SLA_TUTUP = env.int("PENGADUAN_SLA_TUTUP", default=10)
PENGADUAN_SLA_PENGINGAT = env.int("PENGADUAN_SLA_PENGINGAT", default=1)  # days before a deadline
# Attachments and the public form's guards.
PENGADUAN_LAMPIRAN_MAKS_JUMLAH = 3
PENGADUAN_PERMINTAAN_MAKS_MB = env.int("PENGADUAN_PERMINTAAN_MAKS_MB", default=100)
PENGADUAN_BATAS_LAPOR_PER_JAM = env.int("PENGADUAN_BATAS_LAPOR_PER_JAM", default=5)
PENGADUAN_BATAS_CARI_PER_MENIT = env.int("PENGADUAN_BATAS_CARI_PER_MENIT", default=30)
PENGADUAN_BATAS_STATUS_PER_MENIT = env.int("PENGADUAN_BATAS_STATUS_PER_MENIT", default=20)
PENGADUAN_WAKTU_ISI_MIN_DETIK = env.int("PENGADUAN_WAKTU_ISI_MIN_DETIK", default=4)
# The public forms' security question: answered no sooner than PENGADUAN_WAKTU_ISI_MIN_DETIK, good
# for this long and for one send only (pengaduan/services/tantangan.py). A question that expires
# while someone types is replaced; what they typed stays.
PENGADUAN_TANTANGAN_MAKS_DETIK = env.int("PENGADUAN_TANTANGAN_MAKS_DETIK", default=3600)
