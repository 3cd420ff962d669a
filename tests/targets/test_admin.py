"""targets/admin.py: a reporting unit reports its own targets only, on every path; approval."""

from django.contrib.auth.models import User
from django.test import TestCase

from targets.models import Target, TargetReport
from tests.admin_forms import admin_url
from tests.factories import make_report, make_staff, make_target, make_unit


class ReportingUnitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.unit = make_unit(name="Sở Nông nghiệp và Môi trường")
        cls.other_unit = make_unit(name="Sở Xây dựng")
        cls.reporter = make_staff("reporting_unit", "donvi")
        cls.unit.reporters.add(cls.reporter)
        cls.own = make_target(name="Chỉ tiêu của sở mình", unit=cls.unit)
        cls.foreign = make_target(name="Chỉ tiêu của sở khác", unit=cls.other_unit)
        cls.foreign_report = make_report(cls.foreign, is_approved=False)

    def setUp(self):
        self.client.force_login(self.reporter)

    def post_report(self, target, **extra):
        data = {
            "target": target.pk,
            "period": "year",
            "year": 2023,
            "value": "12,5",
            "reported_on": "20/01/2024",
            "note": "",
            **extra,
        }
        return self.client.post(admin_url(TargetReport, "add"), data)

    def test_sees_only_own_targets_and_reports(self):
        response = self.client.get(admin_url(Target, "changelist"))
        self.assertContains(response, "Chỉ tiêu của sở mình")
        self.assertNotContains(response, "Chỉ tiêu của sở khác")
        response = self.client.get(admin_url(TargetReport, "changelist"))
        self.assertNotContains(response, "Chỉ tiêu của sở khác")
        self.assertEqual(self.client.get(admin_url(self.foreign_report)).status_code, 302)

    def test_cannot_edit_targets(self):
        """View only: a POST to a target's change page is refused."""
        response = self.client.post(admin_url(self.own), {"name": "Đổi tên"})
        self.assertEqual(response.status_code, 403)
        self.own.refresh_from_db()
        self.assertEqual(self.own.name, "Chỉ tiêu của sở mình")

    def test_reports_own_target_awaiting_approval(self):
        response = self.post_report(self.own)
        self.assertEqual(response.status_code, 302)
        report = TargetReport.objects.get(target=self.own)
        self.assertEqual(str(report.value), "12.5000")
        self.assertFalse(report.is_approved)
        self.assertEqual(report.reporter, self.reporter)

    def test_posting_another_units_target_is_refused(self):
        """The form does not offer it and a forged POST saves nothing."""
        response = self.post_report(self.foreign)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "errornote")
        self.assertFalse(TargetReport.objects.filter(target=self.foreign, year=2023).exists())

    def test_cannot_approve_own_report(self):
        """`is_approved` in the POST is ignored, and the approve action is not there."""
        self.post_report(self.own, is_approved="on")
        self.assertFalse(TargetReport.objects.get(target=self.own).is_approved)
        report = TargetReport.objects.get(target=self.own)
        response = self.client.post(
            admin_url(TargetReport, "changelist"),
            {"action": "approve", "_selected_action": [report.pk]},
        )
        report.refresh_from_db()
        self.assertFalse(report.is_approved)
        self.assertNotEqual(response.status_code, 500)

    def test_approved_report_is_corrected_not_edited(self):
        """Once approved a report is read-only to its unit; a new report supersedes it."""
        approved = make_report(self.own, year=2023, value=10)
        response = self.client.post(admin_url(approved), {"value": "99"})
        self.assertEqual(response.status_code, 403)
        self.post_report(self.own, value="11")
        correction = TargetReport.objects.get(target=self.own, value=11)
        self.assertEqual(correction.supersedes, approved)
        approved.refresh_from_db()
        self.assertEqual(approved.value, 10)

    def test_milestone_for_another_unit_is_refused(self):
        from targets.models import Milestone

        data = {
            "programme": self.foreign.programme.pk,
            "unit": self.other_unit.pk,
            "happened_on": "01/05/2024",
            "title": "Mốc giả",
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
            "files-TOTAL_FORMS": 0,
            "files-INITIAL_FORMS": 0,
        }
        self.client.post(admin_url(Milestone, "add"), data)
        self.assertFalse(Milestone.objects.filter(title="Mốc giả").exists())

    def test_no_other_content(self):
        from resolutions.models import Document

        self.assertEqual(self.client.get(admin_url(Document, "changelist")).status_code, 403)


class ApprovalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.approver = make_staff("approver", "duyet")
        cls.target = make_target()
        cls.report = make_report(cls.target, is_approved=False)

    def test_review_queue_on_admin_index(self):
        self.client.force_login(self.approver)
        response = self.client.get("/admin/")
        self.assertContains(response, "Số liệu chỉ tiêu chờ duyệt")
        self.assertContains(response, admin_url(self.report))

    def test_approver_approves_with_the_action(self):
        self.client.force_login(self.approver)
        self.client.post(
            admin_url(TargetReport, "changelist"),
            {"action": "approve", "_selected_action": [self.report.pk]},
        )
        self.report.refresh_from_db()
        self.assertTrue(self.report.is_approved)
        self.assertEqual(self.report.approved_by, self.approver)
        self.assertIsNotNone(self.report.approved_at)

    def test_public_at_once_setting(self):
        """With NDPORTAL_TARGET_REPORTS_PUBLIC_AT_ONCE a new report is approved when saved."""
        with self.settings(TARGET_REPORTS_PUBLIC_AT_ONCE=True):
            report = TargetReport.objects.create(
                target=self.target, period="year", year=2024, value=1
            )
        self.assertTrue(report.is_approved)

    def test_superuser_sees_every_unit(self):
        admin = User.objects.create_superuser("quantri")
        self.client.force_login(admin)
        response = self.client.get(admin_url(TargetReport, "changelist"))
        self.assertContains(response, str(self.target.name))


class NumberFieldTests(TestCase):
    def test_bad_number_is_a_form_error(self):
        """'12.5' (a dot for decimals) is refused with a Vietnamese message, not a 500."""
        admin = User.objects.create_superuser("quantri")
        target = make_target()
        self.client.force_login(admin)
        response = self.client.post(
            admin_url(TargetReport, "add"),
            {"target": target.pk, "period": "year", "year": 2023, "value": "12.5"},
        )
        self.assertContains(response, "dấu phẩy thập phân")
        self.assertFalse(TargetReport.objects.exists())
