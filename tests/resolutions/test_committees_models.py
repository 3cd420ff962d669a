"""The committee tree per term, reporters' reach in it, and the checks on a study result."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import TestCase

from resolutions.models import Committee, StudyResult
from tests.factories import (
    make_committee,
    make_conference,
    make_document,
    make_reporter,
    make_staff,
    make_term,
)


class CommitteeTreeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.xx = make_term(name="XX", start_year=2020, end_year=2025)
        cls.xxi = make_term(name="XXI", start_year=2025, end_year=2030)
        cls.province = make_committee(name="Tỉnh ủy", level="province", term=cls.xxi)
        cls.commune = make_committee(
            name="Đảng ủy xã Hải Hậu", level="commune", parent=cls.province, term=cls.xxi
        )
        cls.cell = make_committee(
            name="Chi bộ xóm 1", level="cell", parent=cls.commune, term=cls.xxi
        )
        cls.other = make_committee(
            name="Đảng ủy xã Giao Thủy", level="commune", parent=cls.province, term=cls.xxi
        )

    def test_parent_in_another_term_is_refused(self):
        """A committee's parent belongs to the same term's tree."""
        committee = Committee(name="Huyện ủy", level="district", parent=self.province, term=self.xx)
        with self.assertRaisesMessage(ValidationError, "cùng nhiệm kỳ"):
            committee.full_clean()

    def test_same_name_in_two_terms(self):
        """The same name may exist once per term under the same parent (a new tree per term)."""
        committee = Committee(name="Tỉnh ủy", level="province", term=self.xx)
        committee.full_clean()
        committee.save()

    def test_subtree(self):
        """A committee's subtree holds itself and everything under it, nothing beside it."""
        self.assertEqual(self.commune.subtree_ids(), {self.commune.pk, self.cell.pk})
        self.assertEqual(len(self.province.subtree_ids()), 4)

    def test_for_user(self):
        """A reporter reaches their committee, with its subtree only by their setting;
        other staff reach all; a plain user none."""
        own = make_reporter(self.commune, "own")
        wide = make_reporter(self.other, "wide", includes_subtree=True)
        make_committee(name="Chi bộ 2", level="cell", parent=self.other, term=self.xxi)
        self.assertEqual(list(Committee.objects.for_user(own)), [self.commune])
        self.assertEqual(Committee.objects.for_user(wide).count(), 2)
        self.assertEqual(Committee.objects.for_user(make_staff("approver")).count(), 5)
        self.assertEqual(Committee.objects.for_user(User.objects.create_user("x")).count(), 0)


class StudyResultCheckTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.committee = make_committee(level="commune")
        cls.document = make_document()

    def result(self, **values):
        return StudyResult(committee=self.committee, document=self.document, **values)

    def test_studied_above_members(self):
        """More members studied than there are members is refused."""
        with self.assertRaisesMessage(ValidationError, "lớn hơn số đảng viên"):
            self.result(members=10, members_studied=11).full_clean()

    def test_absences_above_those_not_studied(self):
        """The absent, by reason, cannot outnumber the members who did not study."""
        with self.assertRaisesMessage(ValidationError, "Tổng số vắng (3)"):
            self.result(members=10, members_studied=8, absent_sick=2, absent_other=1).full_clean()

    def test_grades_above_reports(self):
        """Graded reports cannot outnumber the reports written, nor reports the members studied."""
        with self.assertRaisesMessage(ValidationError, "đã xếp loại (6)"):
            self.result(
                members=10, members_studied=8, reports_written=5, grade_good=3, grade_fair=3
            ).full_clean()
        with self.assertRaisesMessage(ValidationError, "Số bài thu hoạch (9)"):
            self.result(members=10, members_studied=8, reports_written=9).full_clean()

    def test_conference_of_another_committee(self):
        """The conference of a result is one its own committee held."""
        conference = make_conference(level="commune", committee=make_committee(level="commune"))
        with self.assertRaisesMessage(ValidationError, "chính cấp ủy này"):
            self.result(members=10, members_studied=8, conference=conference).full_clean()

    def test_valid_result(self):
        """Consistent figures pass."""
        self.result(
            members=10,
            members_studied=8,
            absent_sick=1,
            absent_work=1,
            reports_written=8,
            grade_good=5,
            grade_fair=2,
            grade_average=1,
        ).full_clean()
