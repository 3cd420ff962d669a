"""targets/models.py: the rules a report and a target keep wherever they are saved."""

from django.core.exceptions import ValidationError
from django.test import TestCase

from targets.models import Direction, Target, TargetReport
from targets.services import report_submit
from tests.factories import make_report, make_staff, make_target, make_unit


class ReportRuleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.target = make_target()

    def test_year_must_be_in_the_term(self):
        report = TargetReport(target=self.target, period="year", year=2019, value=1)
        with self.assertRaises(ValidationError):
            report.full_clean()

    def test_milestone_takes_zero_or_one(self):
        milestone = make_target(direction=Direction.MILESTONE, goal_value=1)
        with self.assertRaises(ValidationError):
            TargetReport(target=milestone, period="year", year=2022, value=2).full_clean()

    def test_correction_must_match_target_period_and_year(self):
        first = make_report(self.target, year=2022)
        wrong = TargetReport(
            target=self.target, period="year", year=2023, value=1, supersedes=first
        )
        with self.assertRaises(ValidationError):
            wrong.full_clean()

    def test_public_reports_are_approved_of_published_programmes(self):
        shown = make_report(self.target, year=2022)
        make_report(self.target, year=2023, is_approved=False)
        self.assertEqual(list(TargetReport.objects.public()), [shown])

    def test_target_needs_a_term(self):
        from tests.factories import make_document

        target = Target(
            resolution=make_document(term=None),
            programme=self.target.programme,
            unit=self.target.unit,
            name="x",
            goal_value=1,
        )
        with self.assertRaises(ValidationError):
            target.full_clean()


class ReportSubmitTests(TestCase):
    def test_refused_for_another_units_target(self):
        """The service itself refuses, whatever path calls it (shell, import, admin)."""
        from django.core.exceptions import PermissionDenied

        reporter = make_staff("reporting_unit", "donvi")
        make_unit().reporters.add(reporter)
        foreign = make_target()
        with self.assertRaises(PermissionDenied):
            report_submit(user=reporter, target=foreign, period="year", year=2022, value=1)
        self.assertFalse(TargetReport.objects.exists())
