# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-browser lint bench backup restore clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Tests run with debug off, as production does; they need a (throw-away) secret key.
test test-browser: export DJANGO_SECRET_KEY ?= insecure-key-for-tests-only

run: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/pytest

test-browser: $(STAMP)
	$(BIN)/pytest -p no:cacheprovider tests/browser -m browser

# Render times and query counts of the main pages on a fresh demo database (docs/benchmarks.md).
bench: $(STAMP)
	rm -rf /tmp/ndportal-bench && mkdir -p /tmp/ndportal-bench
	export DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/ndportal-bench/db.sqlite3 \
		DJANGO_MEDIA_ROOT=/tmp/ndportal-bench/media; \
	$(BIN)/python manage.py migrate --noinput -v0 && \
	$(BIN)/python manage.py load_demo > /dev/null && \
	DJANGO_DEBUG= DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=testserver \
		$(BIN)/python manage.py bench

# A consistent snapshot of the database and media (docs/security-hardening.md), and its
# restore into an EMPTY database: `make restore BACKUP=backups/20261201-2300`.
backup: $(STAMP)
	$(BIN)/python manage.py backup $(BACKUP)

restore: $(STAMP)
	test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=folder" && exit 2)
	$(BIN)/python manage.py restore $(BACKUP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 media
