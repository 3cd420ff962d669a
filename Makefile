# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run serve audit test test-browser lint bench bench-render bench-reach bench-search bench-scaleout backup restore clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Tests run with debug off, as production does; they need a (throw-away) secret key.
test test-browser: export DJANGO_SECRET_KEY ?= insecure-key-for-tests-only

# The site and its background worker (attachment text) together; stopping the site stops
# the worker. No autoreload for the worker, so it never outlives the site.
run: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	export DJANGO_DEBUG=1; \
	$(BIN)/python manage.py db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production setup on this machine: gunicorn, debug off, fingerprinted static files,
# public images with nginx's headers, the same database and demo content as `make run`.
serve: $(STAMP)
	PORT=$(PORT) scripts/serve.sh

# axe-core (1366 and 390 px) and the Nu checker on 20 public pages of a throw-away `make serve`;
# fails on any violation or error. LIGHTHOUSE=1 adds Lighthouse scores (scripts/audit.py).
audit: $(STAMP)
	$(BIN)/python scripts/audit.py

# The suite runs on every core (pytest-xdist, see addopts in pyproject.toml).
test: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/djlint templates --lint
	$(BIN)/pytest

# One process: the browser tests share one Chromium and one live server.
test-browser: $(STAMP)
	$(BIN)/pytest -p no:cacheprovider -n 0 tests/browser -m browser

# Render times and query counts of the main pages on a fresh demo database (docs/benchmarks.md).
bench-render: $(STAMP)
	rm -rf /tmp/ndportal-bench && mkdir -p /tmp/ndportal-bench
	export DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/ndportal-bench/db.sqlite3 \
		DJANGO_MEDIA_ROOT=/tmp/ndportal-bench/media; \
	$(BIN)/python manage.py migrate --noinput -v0 && \
	$(BIN)/python manage.py load_demo > /dev/null && \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	DJANGO_DEBUG= DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=testserver \
		$(BIN)/python manage.py bench

# Search latency on PostgreSQL at 100,000 articles (fills an empty database first, < 10 min).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/ndportal_bench
bench-search: $(STAMP)
	export DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} DJANGO_DEBUG= \
		DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=testserver DJANGO_PAGE_CACHE_SECONDS=0 \
		NDPORTAL_RATE_SEARCH=1000000/60; \
	$(BIN)/python manage.py migrate --noinput -v0 || { \
		echo "Cần một cơ sở dữ liệu PostgreSQL trống, ví dụ: createdb -h 127.0.0.1 -U postgres ndportal_bench"; \
		exit 1; }; \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py bench_search --generate-if-empty

# The reach page and the largest committee page on PostgreSQL with 1,000 committees and
# 10,000 study results (generated once into an empty database; docs/benchmarks.md).
bench-reach: $(STAMP)
	export DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} DJANGO_DEBUG= \
		DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=testserver; \
	$(BIN)/python manage.py migrate --noinput -v0 && \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	if ! $(BIN)/python manage.py shell -v0 -c "from resolutions.models import StudyResult as S; \
		raise SystemExit(0 if S.objects.exists() else 1)"; then \
		$(BIN)/python manage.py generate_bulk --articles 0 --documents 300 --conferences 300 \
			--committees 1000 --study-results 10000; fi && \
	$(BIN)/python manage.py bench --url /hoi-nghi/ket-qua-hoc-tap/ \
		--url /hoi-nghi/ket-qua-hoc-tap/du-lieu.csv \
		--url "$$($(BIN)/python manage.py shell -v0 -c "from django.db.models import Count; \
		from resolutions.models import Committee as C; \
		print(C.objects.annotate(n=Count('children')).order_by('-n').first().get_absolute_url())")"

# Throughput under load: gunicorn as in `make serve`, PostgreSQL and Redis, wrk (bench/README.md).
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/10
BENCH_PORT ?= 8100
bench: $(STAMP)
	DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) PORT=$(BENCH_PORT) \
		$(BIN)/python bench/load.py

# Two app servers sharing PostgreSQL and a Redis of their own; prints what each one saw.
SCALEOUT_PORTS ?= 8101 8102
bench-scaleout: $(STAMP)
	DATABASE_URL=$(BENCH_DATABASE_URL) PORTS="$(SCALEOUT_PORTS)" $(BIN)/python bench/scaleout.py

# The same checks as CI and .pre-commit-config.yaml (`$(BIN)/pre-commit install` to run them on commit).
# A consistent snapshot of the database and media (docs/security.md §20), and its
# restore into an EMPTY database: `make restore BACKUP=backups/20261201-2300`.
backup: $(STAMP)
	$(BIN)/python manage.py backup $(BACKUP)

restore: $(STAMP)
	test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=folder" && exit 2)
	$(BIN)/python manage.py restore $(BACKUP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

clean:
	rm -rf $(VENV) db.sqlite3 media
