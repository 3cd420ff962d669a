"""Consistent snapshots of the database and the media, and their restore into an empty database.

A snapshot is a folder: `database.sqlite3` (SQLite's online backup API, consistent while
the site runs) or `database.dump` (`pg_dump --format=custom`, one transaction), then
`media.tar.gz` and `manifest.json` with the row count of every table and the SHA-256 of
every media file, which `restore` checks after bringing the snapshot back.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone


class BackupError(Exception):
    """A snapshot cannot be written or restored; the message says why, in Vietnamese."""


def table_counts(conn=None) -> dict[str, int]:
    """Rows per table of the project's database (Django's own tables included)."""
    conn = conn or connection
    with conn.cursor() as cursor:
        return {
            table: _count(cursor, conn, table) for table in sorted(conn.introspection.table_names())
        }


def _count(cursor, conn, table):
    cursor.execute(f"SELECT COUNT(*) FROM {conn.ops.quote_name(table)}")
    return cursor.fetchone()[0]


def media_checksums(root: Path) -> dict[str, str]:
    root = Path(root)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _pg_env(db):
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return env, args


def create(destination: Path) -> Path:
    """Write a snapshot of the default database and MEDIA_ROOT into `destination`."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=False)
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(destination / "database.sqlite3")
        with target:
            connection.connection.backup(target)  # online and consistent, WAL included
        target.close()
    elif connection.vendor == "postgresql":
        env, args = _pg_env(db)
        dump = destination / "database.dump"
        command = ["pg_dump", *args, "--format=custom", "--no-owner", "--file", str(dump)]
        _run([*command, db["NAME"]], env)
    else:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(destination / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    manifest = {
        "created": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "tables": table_counts(),
        "media": media_checksums(media),
    }
    (destination / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return destination


def restore(source: Path, *, database: str = "default", media_root: Path | None = None) -> dict:
    """Bring the snapshot in `source` back into the (empty) database `database`.

    Refuses a database that already has tables: a restore never merges into, or
    overwrites, live data by accident. Returns the manifest, checked against the result.
    """
    source = Path(source)
    manifest = json.loads((source / "manifest.json").read_text())
    conn = connections[database]
    if conn.vendor != manifest["vendor"]:
        raise BackupError(
            f"Bản sao lưu là của {manifest['vendor']}, cơ sở dữ liệu đích là {conn.vendor}."
        )
    if conn.introspection.table_names():
        raise BackupError(
            "Cơ sở dữ liệu đích đã có bảng: chỉ khôi phục vào cơ sở dữ liệu trống "
            "(tạo mới rồi chạy lại lệnh)."
        )
    db = conn.settings_dict
    if conn.vendor == "sqlite":
        conn.ensure_connection()
        snapshot = sqlite3.connect(source / "database.sqlite3")
        with snapshot:
            snapshot.backup(conn.connection)
        snapshot.close()
    else:
        env, args = _pg_env(db)
        command = ["pg_restore", *args, "--no-owner", "--exit-on-error", "--single-transaction"]
        _run([*command, "--dbname", db["NAME"], str(source / "database.dump")], env)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tarfile.open(source / "media.tar.gz", "r:gz") as archive:
        staging = media_root.parent / f".{media_root.name}-restore"
        shutil.rmtree(staging, ignore_errors=True)
        archive.extractall(staging, filter="data")  # no absolute paths, links or ../
    restored_media = staging / "media"
    media_root.mkdir(parents=True, exist_ok=True)
    if restored_media.exists():
        shutil.copytree(restored_media, media_root, dirs_exist_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
    problems = _differences(manifest, table_counts(conn), media_checksums(media_root))
    if problems:
        raise BackupError("Khôi phục không khớp bản sao lưu: " + "; ".join(problems))
    return manifest


def _differences(manifest, tables, media):
    problems = [
        f"bảng {table}: {count} dòng thay vì {manifest['tables'][table]}"
        for table, count in tables.items()
        if manifest["tables"].get(table) != count
    ]
    problems += [f"thiếu bảng {table}" for table in manifest["tables"].keys() - tables.keys()]
    problems += [
        f"tệp {name} khác hoặc thiếu"
        for name, digest in manifest["media"].items()
        if media.get(name) != digest
    ]
    return problems


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} thất bại: {result.stderr.strip()[-2000:]}")
