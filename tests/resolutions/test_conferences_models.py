"""Conference model rules and the totals computed from connected sites."""

import datetime

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone

from resolutions.models import CommitteeCount, ConferenceReport, ConnectedSite
from tests.factories import make_committee, make_conference, make_term


class ConferenceRulesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.province = make_conference(level="province")

    def test_end_before_start_is_refused(self):
        """An end time before the start time is a validation error on the end field."""
        conference = make_conference()
        conference.ends_at = conference.starts_at - datetime.timedelta(hours=1)
        with self.assertRaises(ValidationError) as caught:
            conference.full_clean()
        self.assertIn("ends_at", caught.exception.message_dict)

    def test_attendance_above_invited_needs_confirmation(self):
        """Attendance above the invited count is refused until the editor confirms it."""
        conference = make_conference(invited_count=100, attendance=120)
        with self.assertRaises(ValidationError) as caught:
            conference.full_clean()
        self.assertIn("120", caught.exception.message_dict["attendance_confirmed"][0])
        conference.attendance_confirmed = True
        conference.full_clean()

    def test_parent_must_be_a_higher_level(self):
        """A conference's parent must be at a higher level, which also rules out loops."""
        district = make_conference(level="district", parent=self.province)
        district.full_clean()
        self.province.parent = district
        with self.assertRaises(ValidationError) as caught:
            self.province.full_clean()
        self.assertIn("parent", caught.exception.message_dict)

    def test_committee_must_match_level(self):
        """The committee that held a conference is at the conference's level."""
        conference = make_conference(level="commune", committee=make_committee(level="district"))
        with self.assertRaises(ValidationError) as caught:
            conference.full_clean()
        self.assertIn("committee", caught.exception.message_dict)

    def test_committee_parent_must_be_higher(self):
        """A committee cannot sit under a committee of its own or a lower level."""
        district = make_committee(level="district")
        other = make_committee(level="district", parent=district)
        with self.assertRaises(ValidationError):
            other.full_clean()

    def test_one_committee_count_per_term_and_level(self):
        """The number of committees is recorded once per term and level."""
        term = make_term()
        CommitteeCount.objects.create(term=term, level="district", count=10)
        duplicate = CommitteeCount(term=term, level="district", count=11)
        with self.assertRaises(ValidationError):
            duplicate.validate_constraints()


class SiteTotalsTests(TestCase):
    def test_totals_follow_the_sites(self):
        """Attendance and the number of sites are the sums over the connected sites."""
        conference = make_conference(attendance=5)
        ConnectedSite.objects.create(conference=conference, name="Hải Hậu", attendance=120)
        site = ConnectedSite.objects.create(conference=conference, name="Giao Thủy", attendance=80)
        conference.update_attendance_from_sites()
        conference.refresh_from_db()
        self.assertEqual((conference.attendance, conference.site_count), (200, 2))
        site.attendance = 90
        site.save()
        conference.update_attendance_from_sites()
        conference.refresh_from_db()
        self.assertEqual(conference.attendance, 210)

    def test_without_sites_the_entered_attendance_stays(self):
        """A conference without sites keeps the attendance the editor entered."""
        conference = make_conference(attendance=75)
        conference.update_attendance_from_sites()
        conference.refresh_from_db()
        self.assertEqual((conference.attendance, conference.site_count), (75, 0))

    def test_unapproving_a_report_clears_the_stamp(self):
        """A report taken back from approval loses its approval time."""
        report = ConferenceReport.objects.create(conference=make_conference(), is_approved=True)
        self.assertIsNotNone(report.approved_at)
        self.assertLessEqual(report.approved_at, timezone.now())
        report.is_approved = False
        report.save()
        self.assertIsNone(report.approved_at)
