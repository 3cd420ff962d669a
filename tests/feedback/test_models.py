"""Questions (feedback/models.py) and their handling steps (feedback/services.py)."""

import datetime
import io
from unittest import mock

import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError
from django.test import TestCase, override_settings
from django.utils import timezone

from feedback import models as feedback_models
from feedback import services
from feedback.forms import normalise_code
from feedback.models import CODE_ALPHABET, Question, QuestionStatus
from tests.factories import make_committee, make_question, make_staff, make_unit


class QuestionTests(TestCase):
    def test_codes_are_short_unambiguous_and_unique(self):
        """GY- and six characters with no 0/O/1/I/L; a clash draws a new code."""
        self.assertFalse(set("01OIL") & set(CODE_ALPHABET))
        first = make_question()
        self.assertRegex(first.code, rf"^GY-[{CODE_ALPHABET}]{{6}}$")
        codes = iter([first.code, "GY-ABCDEF"])
        with mock.patch.object(feedback_models, "new_code", lambda: next(codes)):
            second = make_question()
        self.assertEqual(second.code, "GY-ABCDEF")
        self.assertEqual(normalise_code("gy abcdef"), "GY-ABCDEF")

    def test_published_needs_approval_and_consent(self):
        """Only answered questions whose sender agreed are public; withheld never."""
        public = make_question(answered=True)
        make_question(answered=True, consent_to_publish=False)
        make_question(
            status=QuestionStatus.IN_PROGRESS, answer="Chưa duyệt", consent_to_publish=True
        )
        make_question(status=QuestionStatus.WITHHELD, consent_to_publish=True)
        self.assertEqual(list(Question.objects.published()), [public])

    def test_days_to_answer_is_computed_on_save(self):
        """Whole days from receiving to approval; none while unanswered."""
        now = timezone.now()
        question = make_question(
            answered=True, received_at=now - datetime.timedelta(days=7, hours=3), answered_at=now
        )
        self.assertEqual(question.days_to_answer, 7)
        self.assertIsNone(make_question().days_to_answer)

    def test_one_assignee_at_most_in_the_database(self):
        """A unit and a committee at once is refused by the database too."""
        with self.assertRaises(IntegrityError):
            make_question(unit=make_unit(), committee=make_committee())


class ServiceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.handler = make_staff("feedback_handler", "tiepnhan")
        cls.reporter = make_staff("feedback_unit", "donvi")
        cls.unit = make_unit()
        cls.unit.reporters.add(cls.reporter)

    def test_the_whole_path_received_assigned_answered_approved(self):
        """Handler assigns, the unit answers, the handler approves: public, closed, dated."""
        question = make_question(consent_to_publish=True)
        question = services.question_assign(question=question, user=self.handler, unit=self.unit)
        self.assertEqual(question.status, QuestionStatus.IN_PROGRESS)
        question = services.answer_submit(question=question, user=self.reporter, answer="Trả lời.")
        self.assertFalse(question.is_public)
        question = services.answer_approve(question=question, user=self.handler)
        self.assertTrue(question.is_public)
        self.assertIsNotNone(question.closed_at)

    def test_a_unit_cannot_assign_approve_or_answer_for_another_unit(self):
        """Each step checks the acting user, whoever calls it."""
        question = make_question(status=QuestionStatus.IN_PROGRESS, unit=make_unit(), answer="x")
        with self.assertRaises(PermissionDenied):
            services.answer_submit(question=question, user=self.reporter, answer="Trả lời.")
        with self.assertRaises(PermissionDenied):
            services.answer_approve(question=question, user=self.reporter)
        with self.assertRaises(PermissionDenied):
            services.question_assign(question=question, user=self.reporter, unit=self.unit)
        with self.assertRaises(PermissionDenied):
            services.question_withhold(question=question, user=self.reporter, reason="x")

    def test_an_answer_is_approved_only_when_there_is_one(self):
        """Approving an empty answer, or a received question, is refused."""
        with self.assertRaises(ValidationError):
            services.answer_approve(question=make_question(), user=self.handler)


@override_settings(FEEDBACK_CONTACT_RETENTION_DAYS=365)
class RetentionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        contact = {
            "sender_name": "Ngô Văn A",
            "sender_phone": "0900 000 001",
            "sender_email": "a@example.vn",
        }
        cls.expired = make_question(
            answered=True, closed_at=now - datetime.timedelta(days=366), **contact
        )
        cls.recent = make_question(
            answered=True, closed_at=now - datetime.timedelta(days=300), **contact
        )
        cls.open = make_question(received_at=now - datetime.timedelta(days=800), **contact)

    def run_command(self, *args):
        out = io.StringIO()
        call_command("delete_feedback_contacts", *args, stdout=out)
        return out.getvalue()

    def test_contacts_are_erased_a_retention_period_after_closing(self):
        """Closed over 12 months ago: erased; closed recently or still open: kept."""
        self.assertIn("1 câu hỏi", self.run_command())
        for question, kept in ((self.expired, False), (self.recent, True), (self.open, True)):
            question.refresh_from_db()
            with self.subTest(question=question.subject):
                self.assertEqual(question.has_contact, kept)
        self.assertIsNotNone(self.expired.contact_deleted_at)
        self.assertEqual(self.expired.answer, "Câu trả lời của đơn vị.")  # the answer stays
        self.assertIn("0 câu hỏi", self.run_command())

    def test_dry_run_counts_and_erases_nothing(self):
        """--dry-run says how many and keeps them."""
        self.assertIn("1 câu hỏi", self.run_command("--dry-run"))
        self.expired.refresh_from_db()
        self.assertTrue(self.expired.has_contact)

    def test_the_period_follows_the_setting(self):
        """With a 30-day setting, the question closed 300 days ago is erased too."""
        with override_settings(FEEDBACK_CONTACT_RETENTION_DAYS=30):
            self.run_command()
        self.recent.refresh_from_db()
        self.assertFalse(self.recent.has_contact)

    @time_machine.travel(timezone.now() + datetime.timedelta(days=70), tick=False)
    def test_a_question_reaches_its_retention_date_by_itself(self):
        """No write needed: 70 days later the question closed 300 days before is past 365."""
        self.run_command()
        self.recent.refresh_from_db()
        self.assertFalse(self.recent.has_contact)
