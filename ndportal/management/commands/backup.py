"""manage.py backup [FOLDER]: a consistent snapshot of the database and the media."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ndportal import backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu (pg_dump hoặc SQLite online backup) và thư mục media."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="thư mục mới (mặc định backups/<thời điểm>)")

    def handle(self, folder=None, **options):
        folder = Path(folder or f"backups/{timezone.now():%Y%m%d-%H%M%S}")
        try:
            backup.create(folder)
        except (backup.BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã sao lưu vào {folder}")
