"""Queue every document file to be read again: its kind, its text and its reading status.

The reading itself is done by the worker (`manage.py db_worker`), in bounded child
processes; this command only adds the tasks, so it is quick at any number of files.
"""

from django.core.management.base import BaseCommand

from resolutions.attachments import Extraction
from resolutions.models import DocumentFile
from resolutions.tasks import extract_file_text


class Command(BaseCommand):
    help = (
        "Xếp mọi tệp đính kèm văn bản vào hàng đợi đọc lại nội dung (sau khi nâng cấp thư "
        "viện đọc tệp, hoặc cho tệp còn chờ đọc). Tiến trình nền db_worker sẽ đọc."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only-flagged",
            action="store_true",
            help="Chỉ xử lý các tệp đang bị đánh dấu không đọc được chữ.",
        )
        parser.add_argument(
            "--pending",
            action="store_true",
            help="Chỉ xử lý các tệp còn chờ đọc nội dung.",
        )

    def handle(self, *args, only_flagged=False, pending=False, **options):
        files = DocumentFile.objects.order_by("pk")
        if only_flagged:
            files = files.exclude(extraction__in=[Extraction.OK, Extraction.PENDING])
        if pending:
            files = files.filter(extraction=Extraction.PENDING)
        count = 0
        for pk, name in files.values_list("pk", "file").iterator():
            extract_file_text.enqueue(DocumentFile._meta.label, pk, name)
            count += 1
        self.stdout.write(f"Đã xếp {count} tệp vào hàng đợi đọc nội dung.")
