from django.core.management.base import BaseCommand

from news.reads import flush_reads


class Command(BaseCommand):
    help = "Cộng các lượt đọc đang đếm trong bộ nhớ đệm vào cơ sở dữ liệu (news/reads.py)."

    def handle(self, *args, **options):
        stored = flush_reads()
        self.stdout.write(f"Đã lưu {stored} lượt đọc.")
