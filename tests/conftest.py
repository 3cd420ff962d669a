"""Test-wide settings: a fast password hasher, throw-away media and a cache of one's own.

The suite runs in parallel (pytest-xdist, `-n auto` in pyproject.toml). Each worker gets
its own test database from pytest-django (test_<name>_gw0, _gw1, ...), and here its own
MEDIA_ROOT and cache key prefix, so two workers never read each other's files or keys.
"""

import os

import pytest
from django.core.cache import cache
from django.test import override_settings

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _session_settings(tmp_path_factory):
    """Settings for the whole run, in place before any setUpTestData creates a user or file."""
    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    caches = {
        alias: {**config, "KEY_PREFIX": f"{config.get('KEY_PREFIX', '')}-test-{worker}"}
        for alias, config in settings.CACHES.items()
    }
    with override_settings(
        PASSWORD_HASHERS=FAST_HASHERS,
        # WhiteNoise walks every static file (CKEditor's thousands) each time a test client
        # starts, a third of the suite's time; the tests that fetch /static/ turn it back on.
        WHITENOISE_USE_FINDERS=False,
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        CACHES=caches,
        # Background tasks run in the test's own process when enqueued (after the commit).
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


@pytest.fixture(autouse=True)
def _fresh_media_and_cache(settings, tmp_path):
    """Each test starts with an empty MEDIA_ROOT and an empty cache (its worker's keys only)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Rate-limit counters and cached exports live in the cache: no test sees another's.
    _clear_worker_cache()
    yield
    _clear_worker_cache()


def _clear_worker_cache():
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")  # django-redis: only keys under this worker's prefix
    else:
        cache.clear()  # local memory: one process, one worker


def pytest_sessionstart(session):
    """Collect garbage less often, and never rescan what Django and the apps made at import
    (they live as long as the run): about 15% less CPU for the suite."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
