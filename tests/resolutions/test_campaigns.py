"""Campaigns: who has not reported (overdue first), reminders by e-mail, the staff page."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from resolutions.models import StudyCampaign
from resolutions.study import campaign_status
from tests.factories import (
    make_committee,
    make_document,
    make_reporter,
    make_staff,
    make_study_result,
    make_term,
)


class CampaignTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XXI", start_year=2025, end_year=2030)
        province = make_committee(name="Tỉnh ủy", level="province", term=cls.term)
        names = ["Xã An", "Xã Bình", "Xã Cường", "Xã Dương"]
        cls.communes = {
            name: make_committee(name=name, level="commune", parent=province, term=cls.term)
            for name in names
        }
        cls.cell = make_committee(
            name="Chi bộ 1", level="cell", parent=cls.communes["Xã An"], term=cls.term
        )
        cls.first = make_document(number="01-NQ/TU", term=cls.term)
        cls.second = make_document(number="02-NQ/TU", term=cls.term)
        today = timezone.localdate()
        cls.campaign = StudyCampaign.objects.create(
            name="Học tập hai nghị quyết",
            term=cls.term,
            levels=["commune"],
            deadline=today - datetime.timedelta(days=2),
        )
        cls.campaign.documents.add(cls.first, cls.second)
        on_time = timezone.now() - datetime.timedelta(days=5)
        late = timezone.now()
        # Xã An: both on time. Xã Bình: one late, one on time. Xã Cường: one of two.
        # Xã Dương: nothing.
        for committee, document, when in (
            ("Xã An", cls.first, on_time),
            ("Xã An", cls.second, on_time),
            ("Xã Bình", cls.first, late),
            ("Xã Bình", cls.second, on_time),
            ("Xã Cường", cls.first, on_time),
        ):
            result = make_study_result(committee=cls.communes[committee], document=document)
            result.reported_at = when
            result.save()
        cls.reporter = make_reporter(cls.communes["Xã Dương"], "capuy_duong")
        cls.reporter.email = "duong@example.vn"
        cls.reporter.save()
        # A reporter for the whole province's subtree is reminded too; one without an
        # address, and the reporter of a committee that reported, are not.
        cls.wide = make_reporter(province, "tinh", includes_subtree=True)
        cls.wide.email = "tinh@example.vn"
        cls.wide.save()
        done = make_reporter(cls.communes["Xã An"], "capuy_an")
        done.email = "an@example.vn"
        done.save()

    def test_overdue_first(self):
        """Not reported after the deadline first (most missing first), then late, then on time."""
        statuses = campaign_status(self.campaign)
        self.assertEqual(
            [(s.committee.name, s.label) for s in statuses],
            [
                ("Xã Dương", "Quá hạn, chưa báo cáo"),
                ("Xã Cường", "Quá hạn, chưa báo cáo"),
                ("Xã Bình", "Báo cáo muộn"),
                ("Xã An", "Đã báo cáo"),
            ],
        )
        self.assertEqual(statuses[1].missing, [self.second])

    def test_before_deadline(self):
        """Before the deadline the missing ones are "not yet reported", not overdue."""
        early = self.campaign.deadline - datetime.timedelta(days=1)
        self.assertEqual(campaign_status(self.campaign, today=early)[0].label, "Chưa báo cáo")

    def test_reminders_by_mail(self):
        """Each reporter of a late committee gets one e-mail naming what is missing."""
        from resolutions.study import campaign_send_reminders

        sent = campaign_send_reminders(campaign=self.campaign)
        self.assertEqual(sent, 2)
        by_address = {message.to[0]: message for message in mail.outbox}
        self.assertEqual(set(by_address), {"duong@example.vn", "tinh@example.vn"})
        self.assertIn("Xã Dương: 01-NQ/TU, 02-NQ/TU", by_address["duong@example.vn"].body)
        self.assertIn("Xã Cường: 02-NQ/TU", by_address["tinh@example.vn"].body)
        self.assertIn("quá hạn", by_address["tinh@example.vn"].subject)
        self.campaign.refresh_from_db()
        self.assertIsNotNone(self.campaign.last_reminded_at)

    def test_command_reminds_once_a_day(self):
        """The scheduled command reminds open campaigns, then not again within --every hours."""
        out = StringIO()
        call_command("send_campaign_reminders", stdout=out)
        self.assertEqual(len(mail.outbox), 2)
        call_command("send_campaign_reminders", stdout=out)
        self.assertEqual(len(mail.outbox), 2)
        self.campaign.is_open = False
        self.campaign.last_reminded_at = None
        self.campaign.save()
        call_command("send_campaign_reminders", stdout=out)
        self.assertEqual(len(mail.outbox), 2)

    def test_status_page_is_staff_only(self):
        """Approvers see the not-reported list and send reminders; reporters and readers don't."""
        url = reverse("admin:resolutions_studycampaign_status", args=[self.campaign.pk])
        self.assertEqual(self.client.get(url).status_code, 302)
        self.client.force_login(self.reporter)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.assertEqual(self.client.post(url).status_code, 403)
        self.assertEqual(len(mail.outbox), 0)
        self.client.force_login(make_staff("approver", "duyet"))
        response = self.client.get(url)
        content = response.content.decode()
        self.assertLess(content.index("Xã Dương"), content.index("Xã Cường"))
        self.assertIn("Quá hạn, chưa báo cáo", content)
        self.client.post(url)
        self.assertEqual(len(mail.outbox), 2)

    def test_not_reported_list_is_not_public(self):
        """The public reach page never names the committees that have not reported."""
        make_document(number="03-NQ/TU", term=self.term, is_thematic=True)
        content = self.client.get(reverse("resolutions:conference-reach")).content.decode()
        self.assertNotIn("Xã Dương", content)
        self.assertNotIn("Quá hạn", content)
