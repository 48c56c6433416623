# Pendampingan Desa — one image for web (gunicorn), worker and beat.
FROM node:20-bookworm-slim AS aset
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
# Pango/HarfBuzz for WeasyPrint (PDF reports); fonts for Indonesian text; pg_dump/pg_restore for
# `manage.py cadangkan` / `pulihkan` (PostgreSQL 15 client, as the compose server).
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core curl postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir uv && uv pip install --system --no-cache -r requirements.lock
COPY --from=aset /app/node_modules ./node_modules
COPY . .
RUN DJANGO_SECRET_KEY=build DJANGO_ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.db \
    python manage.py collectstatic --noinput
RUN useradd --create-home --uid 1000 pendamping && mkdir -p /app/media /app/berkas_privat \
    && chown pendamping /app/media /app/berkas_privat
USER pendamping
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.conf.py"]
