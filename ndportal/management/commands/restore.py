"""manage.py restore FOLDER: bring a snapshot back into an empty database, then check it."""

from django.core.management.base import BaseCommand, CommandError

from ndportal import backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống và kiểm tra số dòng, tệp media."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, folder, **options):
        try:
            manifest = backup.restore(folder)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Đã khôi phục {rows} dòng trong {len(manifest['tables'])} bảng "
            f"và {len(manifest['media'])} tệp media; đã kiểm tra khớp bản sao lưu."
        )
