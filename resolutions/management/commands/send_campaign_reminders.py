"""`python manage.py send_campaign_reminders`: e-mail the reporters of committees late in
an open campaign. Run it on a schedule (docs/deploy.md); each campaign is reminded at
most once within `--every` hours, so a frequent schedule does not flood anyone."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from resolutions.models import StudyCampaign
from resolutions.study import campaign_send_reminders


class Command(BaseCommand):
    help = "Gửi thư nhắc cán bộ báo cáo của các cấp ủy chưa báo cáo kết quả học tập."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            default=20,
            help="Không nhắc lại một đợt trong số giờ này (mặc định 20).",
        )
        parser.add_argument(
            "--before-deadline",
            type=int,
            default=3,
            help="Bắt đầu nhắc từ số ngày này trước hạn (mặc định 3).",
        )

    def handle(self, *args, every=20, before_deadline=3, **options):
        now = timezone.now()
        start = timezone.localdate() + datetime.timedelta(days=before_deadline)
        campaigns = StudyCampaign.objects.filter(is_open=True, deadline__lte=start).filter(
            Q(last_reminded_at__isnull=True)
            | Q(last_reminded_at__lte=now - datetime.timedelta(hours=every))
        )
        total = 0
        for campaign in campaigns:
            sent = campaign_send_reminders(campaign=campaign)
            total += sent
            self.stdout.write(f"{campaign}: {sent} thư nhắc.")
        self.stdout.write(f"Đã gửi {total} thư nhắc.")
