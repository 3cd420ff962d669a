"""The public Hỏi đáp pages (feedback/views.py), the counts on a document page
(feedback/templatetags/feedback.py) and questions in the site search (feedback/search.py)."""

import datetime

from django.template import Context, Template
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from feedback.models import QuestionStatus
from ndportal.search import run_search
from tests.factories import make_conference, make_document, make_question, make_unit

LIST = reverse("feedback:question-list")


@override_settings(PAGE_CACHE_SECONDS=0)
class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.nq02 = make_document(number="02-NQ/TU")
        cls.nq05 = make_document(number="05-NQ/TU")
        cls.agriculture = make_unit(name="Sở Nông nghiệp và Môi trường")
        cls.science = make_unit(name="Sở Khoa học và Công nghệ")
        cls.published = make_question(
            answered=True,
            subject="Thủ tục cấp mã số vùng trồng",
            answer="Nộp hồ sơ tại Chi cục Trồng trọt.",
            document=cls.nq02,
            unit=cls.agriculture,
        )
        cls.other = make_question(
            answered=True, subject="Chữ ký số cho người dân", document=cls.nq05, unit=cls.science
        )
        cls.no_consent = make_question(
            answered=True, consent_to_publish=False, subject="Không đồng ý công bố"
        )
        cls.awaiting = make_question(
            subject="Chờ duyệt câu trả lời",
            status=QuestionStatus.IN_PROGRESS,
            unit=cls.agriculture,
            answer="Chưa duyệt",
            consent_to_publish=True,
            document=cls.nq02,
        )
        cls.withheld = make_question(
            subject="Không công bố",
            status=QuestionStatus.WITHHELD,
            withheld_reason="Lý do nội bộ bí mật",
            consent_to_publish=True,
        )

    def test_the_list_shows_only_published_answers(self):
        """Approved answers with consent appear; no consent, unapproved and withheld do not."""
        response = self.client.get(LIST)
        self.assertContains(response, "Thủ tục cấp mã số vùng trồng")
        self.assertContains(response, "Chữ ký số cho người dân")
        for hidden in ("Không đồng ý công bố", "Chờ duyệt câu trả lời", "Lý do nội bộ"):
            self.assertNotContains(response, hidden)

    def test_the_list_filters_by_resolution_and_by_unit(self):
        """?van_ban= and ?don_vi= narrow the list; each offers only choices with answers."""
        by_document = self.client.get(LIST, {"van_ban": self.nq02.pk})
        self.assertEqual(list(by_document.context["questions"]), [self.published])
        by_unit = self.client.get(LIST, {"don_vi": self.science.pk})
        self.assertEqual(list(by_unit.context["questions"]), [self.other])
        choices = by_unit.context["filter_form"].fields["van_ban"].queryset
        self.assertCountEqual(choices, [self.nq02, self.nq05])

    def test_a_bad_filter_value_is_a_400_with_the_filter_dropped(self):
        """An unknown or non-numeric value: 400, a message, the unfiltered list; never a 500."""
        for value in ("abc", "999999", "1' OR 1=1"):
            with self.subTest(value=value):
                response = self.client.get(LIST, {"van_ban": value})
                self.assertEqual(response.status_code, 400)
                self.assertEqual(len(response.context["questions"]), 2)

    def test_the_detail_page_shows_question_answer_unit_and_resolution(self):
        """The published question's page: text, answer, unit, date and the related resolution."""
        response = self.client.get(self.published.get_absolute_url())
        self.assertContains(response, "Thủ tục cấp mã số vùng trồng")
        self.assertContains(response, "Nộp hồ sơ tại Chi cục Trồng trọt.")
        self.assertContains(response, "Sở Nông nghiệp và Môi trường")
        self.assertContains(response, self.nq02.get_absolute_url())

    def test_unpublished_questions_are_404(self):
        """No consent, unapproved and withheld questions have no public page."""
        for question in (self.no_consent, self.awaiting, self.withheld):
            with self.subTest(question=question.subject):
                self.assertEqual(self.client.get(question.get_absolute_url()).status_code, 404)

    def test_the_send_page_prefills_the_related_item_from_the_query_string(self):
        """/hoi-dap/gui/?van_ban=<id> relates the new question to that published document."""
        response = self.client.get(reverse("feedback:send"), {"van_ban": self.nq02.pk})
        self.assertContains(response, f'name="document" value="{self.nq02.pk}"')
        self.assertEqual(reverse("feedback:send"), "/hoi-dap/gui/")
        bad = self.client.get(reverse("feedback:send"), {"hoi_nghi": "x"})
        self.assertEqual(bad.status_code, 400)

    def test_main_navigation_links_to_hoi_dap(self):
        """Every page's main navigation has "Hỏi đáp – Góp ý", marked current on its pages."""
        home = self.client.get(reverse("home"))
        self.assertContains(home, f'<a href="{LIST}">Hỏi đáp – Góp ý</a>', html=True)
        page = self.client.get(LIST)
        self.assertContains(
            page, f'<a href="{LIST}" aria-current="page">Hỏi đáp – Góp ý</a>', html=True
        )

    def test_the_sitemap_lists_published_questions_only(self):
        """sitemap-questions.xml has the published questions' pages and no other."""
        response = self.client.get("/sitemap-questions.xml")
        for question in (self.published, self.other):
            self.assertContains(response, f"http://testserver{question.get_absolute_url()}")
        for question in (self.no_consent, self.awaiting, self.withheld):
            self.assertNotContains(response, question.get_absolute_url())

    def test_search_finds_published_answers_only(self):
        """The site search finds a published question by its answer, never an unpublished one."""
        results = run_search("chi cuc trong trot")
        self.assertIn(self.published.get_absolute_url(), [hit.url for hit in results.hits])
        self.assertEqual(run_search("chua duyet").total, 0)
        self.assertEqual(run_search("khong dong y cong bo").total, 0)


class QuestionCountsTests(TestCase):
    def test_counts_received_answered_and_average_days_in_one_query(self):
        """Received counts every question, answered the approved ones, average their days."""
        document = make_document(number="03-NQ/TU")
        now = timezone.now()
        for days in (4, 9):
            make_question(
                answered=True,
                document=document,
                received_at=now - datetime.timedelta(days=days + 1),
                answered_at=now - datetime.timedelta(days=1),
            )
        make_question(document=document)
        make_question(document=make_document(number="04-NQ/TU"))
        template = Template("{% load feedback %}{% question_counts document %}")
        with self.assertNumQueries(1):
            html = template.render(Context({"document": document}))
        self.assertInHTML("<dd>3</dd>", html)
        self.assertInHTML("<dd>2</dd>", html)
        self.assertInHTML("<dd>6,5 ngày</dd>", html)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_the_document_page_shows_the_counts_and_a_conference_page_the_form(self):
        """A document page carries the counts and the form; a conference page the form."""
        document = make_document(number="05-NQ/TU")
        make_question(answered=True, document=document)
        page = self.client.get(document.get_absolute_url())
        self.assertContains(page, "Câu hỏi, góp ý đã nhận")
        self.assertContains(page, f"{LIST}?van_ban={document.pk}")
        conference = make_conference()
        page = self.client.get(conference.get_absolute_url())
        self.assertContains(page, f'name="conference" value="{conference.pk}"')
