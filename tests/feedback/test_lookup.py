"""The lookup by reference code (feedback/views.py QuestionLookupView): a wrong code reveals
nothing, the answer shows only once approved, and lookups are rate-limited."""

import re

from django.test import TestCase, override_settings
from django.urls import reverse

from feedback.models import QuestionStatus
from tests.factories import make_question, make_unit

LOOKUP = reverse("feedback:lookup")


def without_code(response, code):
    """The page with the typed code (echoed in the box) taken out, for comparing answers."""
    html = response.content.decode()
    return re.sub(r'value="[^"]*"', 'value=""', html.replace(code, "CODE"))


class LookupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.question = make_question(
            subject="Kênh tưới tiêu xuống cấp",
            status=QuestionStatus.IN_PROGRESS,
            unit=make_unit(name="Sở Nông nghiệp và Môi trường"),
            answer="Bản nháp câu trả lời chưa duyệt.",
            sender_name="Trần Thị Hoa",
        )

    def test_the_right_code_shows_the_status_and_no_contact(self):
        """The sender's code shows subject, status and unit; not their name; not a draft answer."""
        response = self.client.get(LOOKUP, {"ma": self.question.code})
        self.assertContains(response, "Kênh tưới tiêu xuống cấp")
        self.assertContains(response, "Đang xử lý")
        self.assertContains(response, "Sở Nông nghiệp và Môi trường")
        self.assertNotContains(response, "Trần Thị Hoa")
        self.assertNotContains(response, "Bản nháp câu trả lời")

    def test_the_code_is_read_in_any_case_and_spacing(self):
        """'gy 7k3f9q' and '7K3F9Q' find GY-7K3F9Q."""
        body = self.question.code[3:]
        for typed in (body.lower(), f"gy {body.lower()}", f" GY-{body} "):
            with self.subTest(typed=typed):
                self.assertContains(self.client.get(LOOKUP, {"ma": typed}), "Đang xử lý")

    def test_a_wrong_code_reveals_nothing(self):
        """An unknown and a malformed code get the same page, naming no question."""
        unknown = "GY-ZZZZZZ"
        malformed = "GY-0O1IL!"
        first = self.client.get(LOOKUP, {"ma": unknown})
        second = self.client.get(LOOKUP, {"ma": malformed})
        self.assertEqual(first.status_code, second.status_code)
        self.assertContains(first, "Không tìm thấy")
        self.assertNotContains(first, "Kênh tưới tiêu")
        self.assertNotContains(first, "Đang xử lý")
        self.assertEqual(without_code(first, unknown), without_code(second, malformed))

    def test_an_approved_answer_shows_to_the_sender_even_without_consent(self):
        """Answered without consent to publish: the code still shows the answer."""
        question = make_question(answered=True, consent_to_publish=False, answer="Đã nạo vét.")
        response = self.client.get(LOOKUP, {"ma": question.code})
        self.assertContains(response, "Đã trả lời")
        self.assertContains(response, "Đã nạo vét.")
        self.assertNotContains(response, question.get_absolute_url())

    def test_the_lookup_is_never_cached(self):
        """The page is private, no-store, noindex: the code is the sender's."""
        response = self.client.get(LOOKUP, {"ma": self.question.code})
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertNotIn("X-Page-Cache", response)

    def test_the_typed_code_is_escaped(self):
        """Markup typed as a code is shown as text."""
        response = self.client.get(LOOKUP, {"ma": '"><script>x</script>'})
        self.assertNotContains(response, "<script>x")

    @override_settings(RATE_LIMITS={"feedback:lookup": ("GET,HEAD", "3/60")})
    def test_lookups_are_rate_limited_per_address(self):
        """Past the limit an address gets 429, even with the right code."""
        for _ in range(3):
            self.client.get(LOOKUP, {"ma": "GY-ZZZZZZ"}, REMOTE_ADDR="203.0.113.8")
        refused = self.client.get(LOOKUP, {"ma": self.question.code}, REMOTE_ADDR="203.0.113.8")
        self.assertEqual(refused.status_code, 429)
        self.assertNotContains(refused, "Kênh tưới tiêu", status_code=429)
