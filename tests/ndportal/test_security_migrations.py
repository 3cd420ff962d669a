"""Migrations are reversible: each app goes down to its first migration and back up."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from news.models import Article
from resolutions.models import Document
from tests.factories import make_article, make_conference, make_document

APPS = ["news", "resolutions"]


def applied(app):
    loader = MigrationLoader(connection)
    return sorted(name for label, name in loader.applied_migrations if label == app)


@pytest.mark.django_db(transaction=True)
def test_every_app_migrates_down_to_its_first_migration_and_back():
    """With rows in place, unapplying and reapplying every later migration succeeds."""
    make_article(title="Bài trước khi hạ cấp")
    make_document(number="01-NQ/TU")
    make_conference()
    latest = {app: applied(app) for app in APPS}
    assert all(len(names) > 1 for names in latest.values())
    for app in APPS:
        call_command("migrate", app, latest[app][0], verbosity=0)
        assert applied(app) == [latest[app][0]]
    call_command("migrate", verbosity=0)
    assert {app: applied(app) for app in APPS} == latest
    # The rows the first migrations' tables hold survive the round trip.
    assert Article.objects.filter(title="Bài trước khi hạ cấp").exists()
    assert Document.objects.filter(number="01-NQ/TU").exists()
