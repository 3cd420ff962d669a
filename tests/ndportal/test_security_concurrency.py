"""Concurrent saves: the loser meets the optimistic lock, never "database is locked"."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

EDITORS = 4


def database_url(tmp_path):
    """A fresh SQLite file, or the PostgreSQL test database this test runs on."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'concurrency.sqlite3'}"
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_simultaneous_saves_queue_and_the_losers_get_the_stale_message(tmp_path):
    """Four editors press Save at once: one save lands, three get the clean refusal."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(tmp_path),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.ndportal.concurrent_saves", str(EDITORS)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["vendor"] == connection.vendor
    assert outcome["other"] == []  # no "database is locked", no 500
    assert outcome["saved"] == 1
    assert outcome["stale"] == EDITORS - 1
    assert outcome["stored_title"].startswith("Bản sửa của biên tập viên")


def test_sqlite_options_are_wal_immediate_with_a_busy_timeout():
    """The SQLite connection options that make the test above pass are in settings."""
    if connection.vendor != "sqlite":
        assert connection.vendor == "postgresql"
        assert "transaction_mode" not in settings.DATABASES["default"].get("OPTIONS", {})
        return
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 5
