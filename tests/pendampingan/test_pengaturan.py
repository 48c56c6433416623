"""The stack's wiring: docker-compose services and their health checks, and production settings
that refuse to start without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_docker_compose_layanan_dan_kabelnya():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    svc = compose["services"]
    assert {"postgres", "redis", "web", "worker", "beat", "mailpit"} <= set(svc)
    for nama in ("postgres", "redis", "web", "worker", "mailpit"):
        assert "healthcheck" in svc[nama], nama
    for nama in ("web", "worker", "beat"):
        env = svc[nama]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:" in env["DATABASE_URL"]
        assert env["REDIS_URL"].startswith("redis://redis:")
        assert env["EMAIL_URL"].startswith("smtp://mailpit:")
        deps = svc[nama]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy"
        assert deps["redis"]["condition"] == "service_healthy"
    assert "gunicorn" in svc["web"]["command"]
    assert "worker" in svc["worker"]["command"] and "beat" in svc["beat"]["command"]


def _cek_produksi(env_tambahan):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env_tambahan})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_produksi_menolak_jalan_tanpa_rahasia_host_dan_database():
    lengkap = {
        "DJANGO_SECRET_KEY": "k" * 60 + "-rahasia-panjang",
        "DJANGO_ALLOWED_HOSTS": "desa.example.id",
        "DATABASE_URL": "sqlite:////tmp/produksi-uji.db",
    }
    for hilang in lengkap:
        r = _cek_produksi({k: v for k, v in lengkap.items() if k != hilang})
        assert r.returncode != 0, hilang
        assert hilang in r.stderr
    r = _cek_produksi(lengkap)
    assert r.returncode == 0, r.stderr
    assert "no issues" in r.stdout
