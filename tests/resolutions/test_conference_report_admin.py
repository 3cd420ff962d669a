"""The conference report inline: its approval time reads in Hà Nội time."""

import datetime

from django.contrib.auth.models import User
from django.test import TestCase

from resolutions.models import ConferenceReport
from tests.admin_forms import admin_url
from tests.factories import make_conference


class ApprovalTimeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("quan-tri", password="mat-khau-thu")
        cls.conference = make_conference()
        ConferenceReport.objects.create(
            conference=cls.conference,
            conclusions="Kết luận.",
            is_approved=True,
            approved_by=cls.admin,
            # 02:30 UTC is 09:30 in Hà Nội (UTC+7).
            approved_at=datetime.datetime(2026, 3, 2, 2, 30, tzinfo=datetime.UTC),
        )

    def test_approval_time_is_local(self):
        """The change page says 02/03/2026 09:30, not the UTC 02:30."""
        self.client.force_login(self.admin)
        response = self.client.get(admin_url(self.conference))
        self.assertContains(response, "lúc 02/03/2026 09:30")
        self.assertNotContains(response, "02/03/2026 02:30")
