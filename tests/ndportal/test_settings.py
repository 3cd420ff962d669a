"""Settings come from the environment only, with safe defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

BASE_DIR = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json
from django.conf import settings  # reading a setting imports the module; no app is loaded
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ENGINE": settings.DATABASES["default"]["ENGINE"],
    "NAME": str(settings.DATABASES["default"]["NAME"]),
    "HOST": settings.DATABASES["default"].get("HOST", ""),
    "PORT": settings.DATABASES["default"].get("PORT", ""),
    "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
}))
"""


def load_settings(**environ):
    """Import the settings module in a fresh interpreter with only `environ` set."""
    env = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "ndportal.settings"}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


class EnvironmentTests(SimpleTestCase):
    def test_refuses_to_start_without_secret_key_when_debug_is_off(self):
        """With DJANGO_DEBUG unset and no DJANGO_SECRET_KEY the settings module raises."""
        result = load_settings()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("DJANGO_SECRET_KEY", result.stderr)

    def test_debug_off_values_are_false(self):
        """DJANGO_DEBUG=0 or =false still means production, so the key is still required."""
        for value in ["0", "false", "no", ""]:
            with self.subTest(value=value):
                self.assertNotEqual(load_settings(DJANGO_DEBUG=value).returncode, 0)

    def test_debug_mode_starts_without_secret_key(self):
        """DJANGO_DEBUG=1 (make run) works without a secret key."""
        result = load_settings(DJANGO_DEBUG="1")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(json.loads(result.stdout)["DEBUG"])

    def test_production_defaults(self):
        """With a key and nothing else: debug off, SQLite file in the project, no hosts allowed."""
        result = load_settings(DJANGO_SECRET_KEY="k" * 50)
        self.assertEqual(result.returncode, 0, result.stderr)
        values = json.loads(result.stdout)
        self.assertFalse(values["DEBUG"])
        self.assertEqual(values["ENGINE"], "django.db.backends.sqlite3")
        self.assertEqual(values["NAME"], str(BASE_DIR / "db.sqlite3"))
        self.assertEqual(values["ALLOWED_HOSTS"], [])

    def test_database_url_selects_postgresql(self):
        """A postgres:// DATABASE_URL selects the PostgreSQL backend with its parts."""
        result = load_settings(
            DJANGO_SECRET_KEY="k" * 50,
            DATABASE_URL="postgres://portal:secret@db.example:5433/ndportal",
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        values = json.loads(result.stdout)
        self.assertEqual(values["ENGINE"], "django.db.backends.postgresql")
        self.assertEqual(values["NAME"], "ndportal")
        self.assertEqual(values["HOST"], "db.example")
        self.assertEqual(values["PORT"], 5433)

    def test_hosts_and_media_root_from_environment(self):
        """DJANGO_ALLOWED_HOSTS (comma-separated) and DJANGO_MEDIA_ROOT are read."""
        result = load_settings(
            DJANGO_SECRET_KEY="k" * 50,
            DJANGO_ALLOWED_HOSTS="tinhuy.namdinh.vn, www.tinhuy.namdinh.vn",
            DJANGO_MEDIA_ROOT="/srv/ndportal/media",
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        values = json.loads(result.stdout)
        self.assertEqual(values["ALLOWED_HOSTS"], ["tinhuy.namdinh.vn", "www.tinhuy.namdinh.vn"])
        self.assertEqual(values["MEDIA_ROOT"], "/srv/ndportal/media")


class LocaleTests(SimpleTestCase):
    def test_vietnamese_language_and_time_zone(self):
        """The site speaks Vietnamese and keeps time in Asia/Ho_Chi_Minh, time-zone aware."""
        self.assertEqual(settings.LANGUAGE_CODE, "vi")
        self.assertEqual(settings.TIME_ZONE, "Asia/Ho_Chi_Minh")
        self.assertTrue(settings.USE_TZ)
        self.assertTrue(settings.USE_I18N)
