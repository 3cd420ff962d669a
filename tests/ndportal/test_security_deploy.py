"""`manage.py check --deploy` passes with the production environment of the README."""

import os
import subprocess
import sys

from django.conf import settings

# The production environment of the README configuration table (the "production" values).
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k3V9-pQx!7zL0mW2@rT8#yN4$uB6%hJ1^cF5&dS3*gA9(eR7)vX2_qZ8+wE4=tY6",
    "DJANGO_ALLOWED_HOSTS": "nghiquyet.namdinh.gov.vn",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://nghiquyet.namdinh.gov.vn",
    "DJANGO_BEHIND_TLS_PROXY": "1",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_HSTS_PRELOAD": "1",
    # Several workers share one page cache (ndportal.W001); the check does not connect.
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}


def check_deploy(**overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV, **overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warning_in_production():
    """With the documented production variables, no warning at all (only ckeditor.W001
    is silenced, with its reason in settings and the README)."""
    result = check_deploy()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_check_deploy_still_warns_without_the_hsts_variables():
    """The check is real: dropping includeSubDomains and preload brings W005 and W021 back."""
    result = check_deploy(DJANGO_HSTS_INCLUDE_SUBDOMAINS="", DJANGO_HSTS_PRELOAD="")
    assert result.returncode != 0
    assert "security.W005" in result.stderr and "security.W021" in result.stderr
