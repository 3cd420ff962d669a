"""Database connections are reused, and PostgreSQL cancels a statement that runs too long."""

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import skipUnless

from django.db import connection
from django.test import SimpleTestCase, TestCase

BASE_DIR = Path(__file__).resolve().parents[2]
PG = "postgres://postgres@127.0.0.1:5432/ndportal"
PRINT_DATABASE = """
import json, django
from django.conf import settings
django.setup()
config = settings.DATABASES["default"]
print(json.dumps({key: config.get(key) for key in ("CONN_MAX_AGE", "OPTIONS")}))
"""


def load_settings(**environ):
    """The default database settings, imported in a fresh interpreter with only `environ` set."""
    env = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "ndportal.settings"}
    env.update(environ)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_DATABASE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


class ConnectionSettingsTests(SimpleTestCase):
    def test_connections_are_reused_with_health_checks(self):
        """By default a connection lives 60 s and is checked before reuse."""
        from django.conf import settings

        config = settings.DATABASES["default"]
        self.assertEqual(config["CONN_MAX_AGE"], 60)
        self.assertTrue(config["CONN_HEALTH_CHECKS"])

    def test_postgres_gets_a_statement_timeout(self):
        """DJANGO_DB_STATEMENT_TIMEOUT_MS reaches PostgreSQL as a connection option; no JIT."""
        loaded = load_settings(
            DJANGO_DEBUG="1", DATABASE_URL=PG, DJANGO_DB_STATEMENT_TIMEOUT_MS="1234"
        )
        self.assertEqual(loaded["OPTIONS"], {"options": "-c statement_timeout=1234 -c jit=off"})

    def test_conn_max_age_comes_from_the_environment(self):
        """DJANGO_CONN_MAX_AGE=0 closes connections after each request."""
        loaded = load_settings(DJANGO_DEBUG="1", DATABASE_URL=PG, DJANGO_CONN_MAX_AGE="0")
        self.assertEqual(loaded["CONN_MAX_AGE"], 0)

    def test_sqlite_gets_no_postgres_options(self):
        """The option is PostgreSQL's; SQLite is left alone."""
        self.assertNotIn("options", load_settings(DJANGO_DEBUG="1")["OPTIONS"])


class StatementTimeoutTests(TestCase):
    @skipUnless(connection.vendor == "postgresql", "PostgreSQL only")
    def test_live_connection_has_the_timeout(self):
        """The test database connection really runs with a 5 s statement timeout."""
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            self.assertEqual(cursor.fetchone()[0], "5s")


class SharedCacheCheckTests(SimpleTestCase):
    def test_deploy_check_warns_about_a_per_process_page_cache(self):
        """check --deploy warns when pages are cached in local memory (not shared)."""
        from django.core.checks import run_checks

        with self.settings(
            CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        ):
            ids = [message.id for message in run_checks(include_deployment_checks=True)]
        self.assertIn("ndportal.W001", ids)

    def test_no_warning_with_redis(self):
        """With a Redis cache the page cache is shared and the check is quiet."""
        from django.core.checks import run_checks

        redis = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
        with self.settings(CACHES={"default": redis}):
            ids = [message.id for message in run_checks(include_deployment_checks=True)]
        self.assertNotIn("ndportal.W001", ids)
