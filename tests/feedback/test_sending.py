"""Sending a question (feedback/views.py, feedback/forms.py): CSRF, honeypot, fill time,
rate limit and its cache-down behaviour, length and link caps, the cacheable form."""

import datetime
import time
from unittest import mock

import time_machine
from django.core import signing
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from feedback.forms import TIMESTAMP_SALT
from feedback.models import CODE_ALPHABET, Question, QuestionStatus
from ndportal import ratelimit
from ndportal.cache import content_version
from tests.factories import make_conference, make_document

SEND = reverse("feedback:send")
# One instant, inside one rate-limit window of 600 s.
NOW = datetime.datetime(2026, 11, 30, 3, 0, 5, tzinfo=datetime.UTC)


def stamp(seconds_ago):
    """The form's time stamp as if it had been shown `seconds_ago`."""
    return signing.Signer(salt=TIMESTAMP_SALT).sign(str(int(time.time() - seconds_ago)))


def question_data(**overrides):
    data = {
        "buoc": "gui",
        "kind": "question",
        "subject": "Hỗ trợ cánh đồng lớn",
        "message": "Hợp tác xã chúng tôi muốn tích tụ ruộng đất. Chính sách hỗ trợ thế nào?",
        "sender_name": "Nguyễn Văn Bình",
        "sender_phone": "0912 345 678",
        "sender_email": "binh@example.vn",
        "consent_to_publish": "on",
        "thoi_diem": stamp(60),
        "website": "",
    }
    data.update(overrides)
    return data


@time_machine.travel(NOW, tick=False)
@override_settings(FEEDBACK_RATE="100/600")
class SendTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(number="02-NQ/TU")

    def setUp(self):
        self.client = Client(enforce_csrf_checks=True)

    def token(self):
        """A CSRF token and its cookie, as the send page hands them out."""
        response = self.client.get(SEND)
        return response.context["csrf_token"]

    def send(self, **overrides):
        return self.client.post(SEND, question_data(csrfmiddlewaretoken=self.token(), **overrides))

    def test_the_send_page_carries_a_token_and_is_never_cached(self):
        """GET /hoi-dap/gui/: the form with its CSRF token, marked private and no-store."""
        response = self.client.get(SEND)
        self.assertContains(response, 'name="csrfmiddlewaretoken"')
        self.assertContains(response, 'name="thoi_diem"')
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])

    def test_a_question_is_saved_with_a_code_and_the_reader_sees_it(self):
        """A valid form is saved as received and the reader is sent to the lookup with the code."""
        response = self.send(document=self.document.pk)
        question = Question.objects.get()
        self.assertRedirects(
            response, f"{reverse('feedback:lookup')}?ma={question.code}&moi=1", 302
        )
        self.assertEqual(question.status, QuestionStatus.RECEIVED)
        self.assertEqual(question.document, self.document)
        self.assertEqual(question.sender_email, "binh@example.vn")
        self.assertRegex(question.code, rf"^GY-[{CODE_ALPHABET}]{{6}}$")
        page = self.client.get(response["Location"])
        self.assertContains(page, question.code)
        self.assertContains(page, "Đã tiếp nhận")

    def test_without_a_csrf_token_nothing_is_saved(self):
        """The sending step without a token is Django's CSRF refusal (403)."""
        response = self.client.post(SEND, question_data())
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Question.objects.exists())

    def test_the_honeypot_refuses_without_saving_or_reflecting(self):
        """A filled hidden field is a robot: 400, nothing saved, nothing it typed shown back."""
        response = self.send(website="http://spam.example", subject="Quảng cáo thuốc")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Question.objects.exists())
        self.assertNotContains(response, "Quảng cáo thuốc", status_code=400)
        self.assertNotContains(response, "spam.example", status_code=400)

    def test_a_form_sent_too_fast_is_not_saved_and_comes_back_filled(self):
        """Sent a second after it was shown: not saved; the filled form returns, newly stamped."""
        response = self.send(thoi_diem=stamp(1))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Question.objects.exists())
        self.assertContains(response, "quá nhanh")
        self.assertContains(response, "Hỗ trợ cánh đồng lớn")
        new_stamp = response.context["form"].data["thoi_diem"]
        self.assertNotEqual(new_stamp, question_data()["thoi_diem"])

    def test_a_forged_missing_or_stale_stamp_is_not_saved(self):
        """A stamp that is not ours, absent, or older than the maximum age is refused."""
        forged = signing.Signer(salt="other").sign(str(int(time.time() - 60)))
        for value in (forged, "", "12345", stamp(2 * 24 * 3600)):
            with self.subTest(stamp=value):
                response = self.send(thoi_diem=value)
                self.assertContains(response, "quá hạn")
        self.assertFalse(Question.objects.exists())

    def test_length_limits(self):
        """Message under 20 or over 4000 characters, subject over 200, name over 100: refused."""
        cases = {
            "message": "Quá ngắn",
            "subject": "T" * 201,
            "sender_name": "N" * 101,
            "sender_phone": "gọi tôi",
            "sender_email": "không-phải-thư",
        }
        cases_long = {"message": "Nghị quyết " * 400 + "."}
        for field, value in {**cases, **cases_long}.items():
            with self.subTest(field=field):
                response = self.send(**{field: value})
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.context["form"].errors.get(field))
        self.assertFalse(Question.objects.exists())

    def test_more_than_two_links_are_refused(self):
        """Three links in the message are refused; two are accepted."""
        three = "Xem https://a.example/1 và www.b.example và c-site.com để biết thêm chi tiết."
        response = self.send(message=three)
        self.assertContains(response, "quá nhiều liên kết")
        self.assertFalse(Question.objects.exists())
        two = "Xem https://a.example/1 và www.b.example để biết thêm chi tiết nhé."
        self.assertEqual(self.send(message=two).status_code, 302)

    def test_only_a_published_document_can_be_the_subject(self):
        """A draft document's id is refused: a question cannot reveal or attach to it."""
        draft = make_document(number="09-NQ/TU", status="draft")
        response = self.send(document=draft.pk)
        self.assertTrue(response.context["form"].errors.get("document"))
        self.assertFalse(Question.objects.exists())

    def test_typed_text_is_escaped_when_shown_back(self):
        """A subject holding markup is shown back as text on either step."""
        hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        for step in ("gui", "nhap"):
            with self.subTest(step=step):
                response = self.send(buoc=step, subject=hostile, message="ngắn")
                self.assertNotContains(response, "<script>alert")
                self.assertNotContains(response, "<img src=x")
                self.assertContains(response, "&lt;script&gt;")


@time_machine.travel(NOW, tick=False)
@override_settings(FEEDBACK_RATE="100/600")
class FirstStepTests(TestCase):
    """The form on cached pages has no token: its POST saves nothing and returns the form."""

    def test_a_post_without_token_from_a_cached_page_shows_the_form_back(self):
        """buoc=nhap: 200, nothing saved, the typed values, a token and a fresh stamp, no-store."""
        client = Client(enforce_csrf_checks=True)
        data = question_data(buoc="nhap", thoi_diem="")
        response = client.post(SEND, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Question.objects.exists())
        self.assertContains(response, "chưa được gửi")
        self.assertContains(response, 'name="csrfmiddlewaretoken"')
        self.assertContains(response, 'value="gui"')
        self.assertContains(response, "Nguyễn Văn Bình")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertTrue(response.context["form"].data["thoi_diem"])

    def test_the_honeypot_is_checked_on_the_first_step_too(self):
        """A robot filling the hidden field gets a 400 on the first step as well."""
        response = self.client.post(SEND, question_data(buoc="nhap", website="x"))
        self.assertEqual(response.status_code, 400)


@override_settings(FEEDBACK_RATE="2/600", FEEDBACK_OUTAGE_HOURLY_LIMIT=3)
class RateLimitTests(TestCase):
    @time_machine.travel(NOW, tick=False)
    def test_an_address_may_send_only_so_many_questions(self):
        """Past FEEDBACK_RATE one address gets the 429 page; another address still sends."""
        for _ in range(2):
            response = self.client.post(SEND, question_data(), REMOTE_ADDR="203.0.113.5")
            self.assertEqual(response.status_code, 302)
        refused = self.client.post(SEND, question_data(), REMOTE_ADDR="203.0.113.5")
        self.assertEqual(refused.status_code, 429)
        self.assertEqual(refused["Retry-After"], "600")
        self.assertEqual(Question.objects.count(), 2)
        other = self.client.post(SEND, question_data(), REMOTE_ADDR="198.51.100.7")
        self.assertEqual(other.status_code, 302)

    @time_machine.travel(NOW, tick=False)
    def test_with_the_cache_down_the_form_stays_open_up_to_a_site_wide_ceiling(self):
        """Cache raising: sending still works, up to FEEDBACK_OUTAGE_HOURLY_LIMIT an hour in all."""

        def down(*args, **kwargs):
            raise ConnectionError("cache down")

        content_version()  # the page cache's version exists: its bump needs no add()
        with (
            mock.patch.object(ratelimit.cache, "add", down),
            self.assertLogs("ndportal.ratelimit", "WARNING"),
        ):
            codes = [
                self.client.post(SEND, question_data(), REMOTE_ADDR=f"203.0.113.{n}").status_code
                for n in range(5)
            ]
        self.assertEqual(codes, [302, 302, 302, 429, 429])
        self.assertEqual(Question.objects.count(), 3)


@override_settings(PAGE_CACHE_SECONDS=60)
class CacheablePagesTests(TestCase):
    """Pages carrying the form are stored by the page cache: the form holds no token."""

    def test_document_conference_and_list_pages_with_the_form_are_cached(self):
        """Second request is a cache hit; the page has the form but no CSRF token."""
        document = make_document(number="03-NQ/TU")
        conference = make_conference()
        for url in (
            document.get_absolute_url(),
            conference.get_absolute_url(),
            reverse("feedback:question-list"),
        ):
            with self.subTest(url=url):
                first = self.client.get(url)
                self.assertContains(first, 'action="/hoi-dap/gui/"')
                self.assertContains(first, 'value="nhap"')
                self.assertNotContains(first, "csrfmiddlewaretoken")
                self.assertNotContains(first, 'name="thoi_diem" value="')
                self.assertEqual(first["X-Page-Cache"], "miss")
                self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")

    def test_the_form_on_a_document_page_names_the_document(self):
        """The include carries the related document, so the question is saved against it."""
        document = make_document(number="04-NQ/TU")
        response = self.client.get(document.get_absolute_url())
        self.assertContains(response, f'name="document" value="{document.pk}"', html=False)
