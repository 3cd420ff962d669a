"""`manage.py delete_feedback_contacts`: erase senders' contact details after retention.

Run daily (docs/deploy.md). A question's name, phone and e-mail are erased once it has
been closed (answered or not published) for FEEDBACK_CONTACT_RETENTION_DAYS; the
question and its answer stay. History never held them (feedback/admin.py).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.models import Question
from feedback.services import contacts_delete


class Command(BaseCommand):
    help = "Xóa thông tin liên hệ của người gửi khi câu hỏi đã kết thúc quá thời hạn lưu giữ."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xóa gì.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.FEEDBACK_CONTACT_RETENTION_DAYS
        if dry_run:
            count = Question.objects.contacts_expired().count()
            self.stdout.write(
                f"Sẽ xóa thông tin liên hệ của {count} câu hỏi (kết thúc quá {days} ngày)."
            )
            return
        count = contacts_delete()
        self.stdout.write(
            f"Đã xóa thông tin liên hệ của {count} câu hỏi (kết thúc quá {days} ngày)."
        )
