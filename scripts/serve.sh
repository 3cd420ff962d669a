#!/bin/sh
# The production setup on this machine in one command (`make serve`): debug off, gunicorn
# with workers from the CPU count, fingerprinted and compressed static files, the public
# images served by Django with nginx's headers, the same database and demo content as
# `make run`. Environment: PORT, WORKERS, DATABASE_URL, REDIS_URL, SKIP_DEMO=1.
set -eu
BIN=${BIN:-.venv/bin}
PORT=${PORT:-8000}
WORKERS=${WORKERS:-$((2 * $(nproc) + 1))}

if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
    DJANGO_SECRET_KEY=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')
    echo "serve: DJANGO_SECRET_KEY is not set; using a throw-away key for this run" \
        "(sessions and signed links end when the server stops)." >&2
fi
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1}"
# Plain http on loopback: secure-only cookies would make the admin login impossible.
export DJANGO_SECURE_COOKIES="${DJANGO_SECURE_COOKIES:-0}"
export NDPORTAL_SERVE_MEDIA="${NDPORTAL_SERVE_MEDIA:-1}"
unset DJANGO_DEBUG

# load_demo refuses to run with debug off (its admin password is public): debug on for it only.
DJANGO_DEBUG=1 "$BIN/python" manage.py migrate --noinput -v0
if [ -z "${SKIP_DEMO:-}" ]; then
    DJANGO_DEBUG=1 "$BIN/python" manage.py load_demo
fi
"$BIN/python" manage.py collectstatic --noinput -v0

worker_pid=
if "$BIN/python" manage.py help db_worker >/dev/null 2>&1; then
    "$BIN/python" manage.py db_worker &
    worker_pid=$!
    trap 'kill "$worker_pid" 2>/dev/null' EXIT INT TERM
fi

echo "serve: http://127.0.0.1:$PORT/ ($WORKERS gunicorn workers, debug off)" >&2
# No control socket: its default path is one per user, and two instances would share it.
"$BIN/gunicorn" ndportal.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --timeout 30 \
    --no-control-socket --access-logfile "${ACCESS_LOG:--}"
