"""Re-read every document file: its kind, its text and its extraction flag."""

from django.core.management.base import BaseCommand

from resolutions.models import DocumentFile


class Command(BaseCommand):
    help = "Trích xuất lại chữ từ mọi tệp đính kèm văn bản (sau khi nâng cấp thư viện đọc tệp)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only-flagged",
            action="store_true",
            help="Chỉ xử lý các tệp đang bị đánh dấu không đọc được chữ.",
        )

    def handle(self, *args, only_flagged=False, **options):
        files = DocumentFile.objects.order_by("pk")
        if only_flagged:
            files = files.exclude(extraction="ok")
        counts = {}
        for document_file in files.iterator():
            try:
                document_file.reextract()
            except OSError as error:
                self.stderr.write(f"Tệp #{document_file.pk}: không mở được ({error}).")
                counts["missing"] = counts.get("missing", 0) + 1
                continue
            counts[document_file.extraction] = counts.get(document_file.extraction, 0) + 1
        summary = ", ".join(f"{key}: {value}" for key, value in sorted(counts.items()))
        self.stdout.write(f"Đã xử lý {sum(counts.values())} tệp. {summary}")
