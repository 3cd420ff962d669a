"""Backups restore: counts, sample rows and media checksums match after `manage.py restore`."""

import hashlib
import io
import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files import File
from django.db import connection

from ndportal import backup
from resolutions.models import DocumentFile
from tests.document_files import pdf_bytes
from tests.factories import make_article, make_conference, make_document

pytestmark = pytest.mark.django_db(transaction=True)

SAMPLE = {
    "resolutions_document": "SELECT number, title FROM resolutions_document ORDER BY id",
    "news_article": "SELECT title, body FROM news_article ORDER BY id",
    "resolutions_documentfile": "SELECT file, size FROM resolutions_documentfile ORDER BY id",
}


@pytest.fixture
def content():
    """A few published items and a stored attachment, committed (the dump sees them)."""
    documents = [make_document(title=f"về chuyển đổi số, phần {n}") for n in range(3)]
    make_article(body="<p>Nội dung có dấu: Tỉnh ủy Nam Định</p>")
    make_conference()
    DocumentFile.objects.create(
        document=documents[0], file=File(io.BytesIO(pdf_bytes()), name="nghi-quyet.pdf")
    )


def empty_database(tmp_path):
    """DATABASE_URL of a new, empty database of the same kind, and a way to query it."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"

        def query(sql):
            with sqlite3.connect(path) as db:
                return db.execute(sql).fetchall()

        return f"sqlite:///{path}", query, lambda: None
    import psycopg2

    db = connection.settings_dict
    name = f"{db['NAME']}_restore"
    admin = psycopg2.connect(
        dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432,
        password=db["PASSWORD"] or None,
    )  # fmt: skip
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')

    def query(sql):
        with psycopg2.connect(
            dbname=name, user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432,
            password=db["PASSWORD"] or None,
        ) as restored, restored.cursor() as cursor:  # fmt: skip
            cursor.execute(sql)
            return cursor.fetchall()

    def drop():
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    url = f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    return url, query, drop


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_backup_restores_into_an_empty_database(content, tmp_path):
    """Every table's count, sample rows and every media file's checksum come back."""
    snapshot = backup.create(tmp_path / "snapshot")
    url, query, drop = empty_database(tmp_path)
    restored_media = tmp_path / "restored-media"
    try:
        result = run_manage(
            "restore", str(snapshot), DATABASE_URL=url, DJANGO_MEDIA_ROOT=str(restored_media)
        )
        assert result.returncode == 0, result.stderr[-3000:]
        assert "đã kiểm tra khớp" in result.stdout
        for table, count in backup.table_counts().items():
            assert query(f'SELECT COUNT(*) FROM "{table}"') == [(count,)], table
        with connection.cursor() as cursor:
            for table, sql in SAMPLE.items():
                cursor.execute(sql)
                assert [tuple(row) for row in cursor.fetchall()] == query(sql), table
        originals = backup.media_checksums(settings.MEDIA_ROOT)
        assert originals and backup.media_checksums(restored_media) == originals
        stored = DocumentFile.objects.get().file.name
        digest = hashlib.sha256((restored_media / stored).read_bytes()).hexdigest()
        assert digest == hashlib.sha256(pdf_bytes()).hexdigest()
        # A second restore into the now populated database is refused, not merged.
        again = run_manage(
            "restore", str(snapshot), DATABASE_URL=url, DJANGO_MEDIA_ROOT=str(restored_media)
        )
        assert again.returncode != 0 and "cơ sở dữ liệu trống" in again.stderr
    finally:
        drop()
