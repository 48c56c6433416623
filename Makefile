# Pendampingan Desa — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1:8000

.PHONY: run test fuzz fuzz-form venv deps npm db demo serve worker beat lint format lock bench clean

run: deps npm db demo serve  ## venv, locked dependencies, assets, database, regions, demo, site

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip uv

venv: $(PY)

# Installed again only when the lockfile changes.
$(VENV)/.deps: requirements.lock | $(PY)
	$(UV) pip install --python $(PY) --quiet -r requirements.lock
	touch $@

deps: $(VENV)/.deps

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

npm: node_modules/.package-lock.json

db: deps npm
	$(MANAGE) migrate --noinput
	$(MANAGE) impor_wilayah --sekali

# Demo data; the notifications these writes cause are not printed (dummy email backend), and the
# logins are printed last, where a newcomer sees them.
DEMO_ENV := EMAIL_URL=dummymail://
demo: db
	$(DEMO_ENV) $(MANAGE) muat_demo > /dev/null
	$(DEMO_ENV) $(MANAGE) muat_demo_kegiatan
	$(DEMO_ENV) $(MANAGE) muat_demo_forum
	$(DEMO_ENV) $(MANAGE) muat_demo_pengaduan
	$(MANAGE) ringkasan_bangun
	$(MANAGE) muat_demo

serve:
	@echo "Situs berjalan di http://$(HOST)/ (Ctrl+C untuk berhenti)"
	$(MANAGE) runserver $(HOST)

# The whole suite: SQLite in memory by default; PostgreSQL when DATABASE_URL says so.
test: deps npm
	$(PY) -m pytest $(PYTEST_ARGS)

# The fuzz suite (tests/fuzz) with the long hypothesis profile: thousands of hostile inputs per URL
# and per form class / FilterSet (CI runs the short "ci" profile inside `make test`).
# FUZZ_CONTOH=<n> sets the number per URL, FUZZ_CONTOH_FORM=<n> per form; `make fuzz-form` runs
# only the form layer (no HTTP), FUZZ_CATAT=<file> records examples and seconds per target.
fuzz: deps npm
	FUZZ_PROFIL=panjang $(PY) -m pytest tests/fuzz -p no:cacheprovider $(PYTEST_ARGS)

fuzz-form: deps
	FUZZ_PROFIL=panjang $(PY) -m pytest tests/fuzz/test_formulir.py -p no:cacheprovider $(PYTEST_ARGS)

worker: deps  ## a Celery worker (needs REDIS_URL)
	$(VENV)/bin/celery -A config.celery_app worker --loglevel=INFO --concurrency=2

beat: deps  ## Celery beat (needs REDIS_URL)
	$(VENV)/bin/celery -A config.celery_app beat --loglevel=INFO

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(MANAGE) makemigrations --check --dry-run

format: deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock:  ## re-resolve requirements.lock from pyproject.toml
	uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) node_modules db.sqlite3* staticfiles
