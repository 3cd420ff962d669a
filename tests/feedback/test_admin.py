"""The handling desk (feedback/admin.py): units see and answer only what is theirs, on every
path; handlers assign, approve and withhold; history keeps no contact detail."""

from django.contrib.auth.models import User
from django.test import TestCase
from reversion.models import Version

from feedback.models import Question, QuestionStatus
from tests.admin_forms import admin_url, form_data
from tests.factories import make_question, make_staff, make_unit


class AdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.handler = make_staff("feedback_handler", "tiepnhan")
        cls.reporter = make_staff("feedback_unit", "donvi")
        cls.unit = make_unit(name="Sở Nông nghiệp và Môi trường")
        cls.unit.reporters.add(cls.reporter)
        cls.other_unit = make_unit(name="Sở Xây dựng")
        cls.mine = make_question(
            subject="Kênh tưới tiêu",
            status=QuestionStatus.IN_PROGRESS,
            unit=cls.unit,
            consent_to_publish=True,
            sender_name="Phạm Văn Nông",
            sender_phone="0911 111 111",
        )
        cls.theirs = make_question(
            subject="Cấp phép xây dựng",
            status=QuestionStatus.IN_PROGRESS,
            unit=cls.other_unit,
            sender_name="Đỗ Thị Xây",
        )
        cls.new = make_question(subject="Câu hỏi mới chưa giao", sender_email="moi@example.vn")


class UnitScopeTests(AdminTestCase):
    def setUp(self):
        self.client.force_login(self.reporter)

    def test_the_changelist_lists_only_the_units_questions(self):
        """A unit's reporter sees the questions assigned to their unit and no others."""
        response = self.client.get(admin_url(Question, "changelist"))
        self.assertEqual(list(response.context["cl"].result_list), [self.mine])
        self.assertNotContains(response, "Cấp phép xây dựng")
        self.assertNotContains(response, "Câu hỏi mới chưa giao")

    def test_another_units_question_cannot_be_opened_or_changed(self):
        """Change page, direct POST, history and revert of another unit's question are refused."""
        self.assertEqual(self.client.get(admin_url(self.theirs)).status_code, 302)
        self.client.post(admin_url(self.theirs), {"answer": "Tôi trả lời hộ."})
        self.theirs.refresh_from_db()
        self.assertEqual(self.theirs.answer, "")
        self.assertEqual(self.client.get(admin_url(self.theirs, "history")).status_code, 404)
        version_url = admin_url(self.theirs, "history") + "1/"
        self.assertEqual(self.client.get(version_url).status_code, 403)
        self.assertEqual(self.client.post(version_url, {}).status_code, 403)

    def test_the_unit_sees_the_contact_of_its_own_question(self):
        """The people handling an item see its sender's contact details."""
        response = self.client.get(admin_url(self.mine))
        self.assertContains(response, "Phạm Văn Nông")
        self.assertContains(response, "0911 111 111")

    def test_the_unit_may_write_the_answer_and_nothing_else(self):
        """A crafted POST changing subject, status or assignee changes only the answer."""
        data = form_data(self.client.get(admin_url(self.mine)))
        data.update(
            answer="Đã đưa vào kế hoạch nạo vét.",
            subject="Đổi tiêu đề",
            status=QuestionStatus.ANSWERED,
            unit=self.other_unit.pk,
            decision="approve",
            consent_to_publish="",
        )
        response = self.client.post(admin_url(self.mine), data)
        self.assertEqual(response.status_code, 302)
        self.mine.refresh_from_db()
        self.assertEqual(self.mine.answer, "Đã đưa vào kế hoạch nạo vét.")
        self.assertEqual(self.mine.subject, "Kênh tưới tiêu")
        self.assertEqual(self.mine.status, QuestionStatus.IN_PROGRESS)
        self.assertEqual(self.mine.unit, self.unit)
        self.assertTrue(self.mine.consent_to_publish)
        self.assertEqual(self.mine.answer_submitted_by, self.reporter)
        self.assertFalse(self.mine.is_public)  # approval is the handler's
        self.assertFalse(Question.objects.published().exists())

    def test_the_unit_cannot_add_delete_or_approve_in_bulk(self):
        """No add page, no delete, and the approve action is not the unit's."""
        self.assertEqual(self.client.get(admin_url(Question, "add")).status_code, 403)
        self.assertEqual(self.client.post(admin_url(self.mine, "delete")).status_code, 403)
        self.mine.answer = "Trả lời"
        self.mine.answer_submitted_at = self.mine.received_at
        self.mine.save()
        self.client.post(
            admin_url(Question, "changelist"),
            {"action": "approve_selected", "_selected_action": [self.mine.pk]},
        )
        self.mine.refresh_from_db()
        self.assertEqual(self.mine.status, QuestionStatus.IN_PROGRESS)

    def test_an_editor_has_no_access_to_questions(self):
        """The editorial roles are not handlers: the changelist is 403."""
        self.client.force_login(make_staff("editor", "bientap"))
        self.assertEqual(self.client.get(admin_url(Question, "changelist")).status_code, 403)


class HandlerTests(AdminTestCase):
    def setUp(self):
        self.client.force_login(self.handler)

    def post_change(self, question, **changes):
        data = form_data(self.client.get(admin_url(question)))
        data.update(changes)
        return self.client.post(admin_url(question), data)

    def test_view_on_site_only_for_a_published_question(self):
        """ "Xem trên trang web" links a published question's page, and nothing else."""
        published = make_question(answered=True, unit=self.unit)
        self.assertContains(self.client.get(admin_url(published)), published.get_absolute_url())
        unpublished = self.client.get(admin_url(self.new))
        self.assertFalse(unpublished.context["has_absolute_url"])
        self.assertNotContains(unpublished, "Xem trên trang web")

    def test_the_queue_lists_new_questions(self):
        """?hang_cho=moi lists received, unassigned questions."""
        response = self.client.get(admin_url(Question, "changelist") + "?hang_cho=moi")
        self.assertEqual(list(response.context["cl"].result_list), [self.new])

    def test_assigning_puts_the_question_in_progress(self):
        """Choosing a unit and saving assigns it: đang xử lý, and the unit then sees it."""
        response = self.post_change(self.new, unit=self.unit.pk)
        self.assertEqual(response.status_code, 302)
        self.new.refresh_from_db()
        self.assertEqual(self.new.status, QuestionStatus.IN_PROGRESS)
        self.assertIsNotNone(self.new.assigned_at)
        self.assertIn(self.new, Question.objects.for_user(self.reporter))

    def test_a_unit_and_a_committee_together_are_refused(self):
        """One assignee only: a unit and a committee at once is a form error."""
        from tests.factories import make_committee

        response = self.post_change(self.new, unit=self.unit.pk, committee=make_committee().pk)
        self.assertEqual(response.status_code, 200)
        self.new.refresh_from_db()
        self.assertEqual(self.new.status, QuestionStatus.RECEIVED)

    def test_approving_publishes_the_answer(self):
        """Approving the unit's answer: đã trả lời, dated, and public since the sender agreed."""
        self.mine.answer = "Đã đưa vào kế hoạch nạo vét."
        self.mine.save()
        response = self.post_change(self.mine, decision="approve")
        self.assertEqual(response.status_code, 302)
        self.mine.refresh_from_db()
        self.assertEqual(self.mine.status, QuestionStatus.ANSWERED)
        self.assertEqual(self.mine.answer_approved_by, self.handler)
        self.assertTrue(self.mine.is_public)
        self.assertEqual(self.client.get(self.mine.get_absolute_url()).status_code, 200)

    def test_approval_needs_an_answer_and_an_assignee(self):
        """No answer, or no unit: approval is a form error and nothing changes."""
        for question in (self.theirs, self.new):
            with self.subTest(question=question.subject):
                response = self.post_change(question, decision="approve", answer="")
                self.assertEqual(response.status_code, 200)
                question.refresh_from_db()
                self.assertNotEqual(question.status, QuestionStatus.ANSWERED)

    def test_withholding_needs_a_reason_kept_internal(self):
        """Không công bố needs a reason; the reason never shows on the lookup."""
        response = self.post_change(self.new, decision="withhold", withheld_reason="")
        self.assertEqual(response.status_code, 200)
        response = self.post_change(
            self.new, decision="withhold", withheld_reason="Trùng lặp nội bộ"
        )
        self.assertEqual(response.status_code, 302)
        self.new.refresh_from_db()
        self.assertEqual(self.new.status, QuestionStatus.WITHHELD)
        self.assertIsNotNone(self.new.closed_at)
        lookup = self.client.get("/hoi-dap/tra-cuu/", {"ma": self.new.code})
        self.assertContains(lookup, "Không công bố")
        self.assertNotContains(lookup, "Trùng lặp nội bộ")

    def test_reopening_takes_an_answer_off_the_site(self):
        """Mở lại: the question is in progress again and its page is a 404."""
        published = make_question(answered=True, unit=self.unit)
        response = self.post_change(published, decision="reopen")
        self.assertEqual(response.status_code, 302)
        published.refresh_from_db()
        self.assertEqual(published.status, QuestionStatus.IN_PROGRESS)
        self.assertEqual(self.client.get(published.get_absolute_url()).status_code, 404)

    def test_history_keeps_every_change_but_no_contact_detail(self):
        """Each admin save is a version; the stored versions hold no name, phone or e-mail."""
        self.post_change(self.mine, subject="Kênh tưới tiêu xã Hải Anh")
        self.post_change(self.mine, answer="Trả lời.", decision="approve")
        versions = Version.objects.get_for_object(self.mine)
        self.assertEqual(versions.count(), 2)
        for version in versions:
            self.assertNotIn("Phạm Văn Nông", version.serialized_data)
            self.assertNotIn("0911", version.serialized_data)
        self.assertEqual(self.client.get(admin_url(self.mine, "history")).status_code, 200)

    def test_bulk_approval_reports_what_it_refused(self):
        """The bulk action approves answered items and names the ones without an answer."""
        self.mine.answer = "Trả lời."
        self.mine.save()
        response = self.client.post(
            admin_url(Question, "changelist"),
            {"action": "approve_selected", "_selected_action": [self.mine.pk, self.new.pk]},
            follow=True,
        )
        self.mine.refresh_from_db()
        self.assertEqual(self.mine.status, QuestionStatus.ANSWERED)
        self.assertContains(response, "Đã duyệt 1 câu trả lời")
        self.assertContains(response, self.new.code)

    def test_a_handler_adds_a_question_received_by_phone(self):
        """The add page works for handlers; the new question gets its code."""
        response = self.client.get(admin_url(Question, "add"))
        data = form_data(response)
        data.update(
            kind="question",
            subject="Nhận qua điện thoại",
            message="Người dân gọi điện hỏi về chính sách hỗ trợ giống lúa.",
            sender_phone="0912 000 000",
        )
        response = self.client.post(admin_url(Question, "add"), data)
        self.assertEqual(
            response.status_code,
            302,
            getattr(response, "context", None) and response.context["adminform"].form.errors,
        )
        self.assertTrue(Question.objects.get(subject="Nhận qua điện thoại").code.startswith("GY-"))


class SuperuserTests(AdminTestCase):
    def test_a_superuser_handles_everything(self):
        """Quản trị (every permission) sees every question."""
        admin = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        self.client.force_login(admin)
        response = self.client.get(admin_url(Question, "changelist"))
        self.assertEqual(len(response.context["cl"].result_list), 3)
