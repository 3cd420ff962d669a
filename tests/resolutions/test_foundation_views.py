"""Document and conference pages: content, cross links both ways, no unpublished links."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from resolutions.models import DocumentRelation, RelationKind
from tests.factories import make_article, make_conference, make_document


class DocumentPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(
            number="01-NQ/TU",
            title="về đẩy mạnh chuyển đổi số tỉnh Nam Định",
            signer="Phạm Gia Túc",
            signer_title="Bí thư Tỉnh ủy",
            summary="Mục tiêu đến năm 2025.",
            body="<h2>I. Mục tiêu</h2><p>Toàn văn nghị quyết.</p>",
        )
        cls.conference = make_conference(title="Hội nghị học tập Nghị quyết 01")
        cls.draft_conference = make_conference(
            title="Hội nghị cấp huyện chưa duyệt", status=Status.DRAFT, published_at=None
        )
        cls.article = make_article(title="Tin về Nghị quyết 01")
        cls.draft_article = make_article(title="Tin nháp về Nghị quyết 01", status=Status.DRAFT)
        cls.scheduled_article = make_article(
            title="Tin hẹn giờ về Nghị quyết 01",
            published_at=timezone.now() + datetime.timedelta(days=1),
        )
        for conference in [cls.conference, cls.draft_conference]:
            conference.documents.add(cls.document)
        for article in [cls.article, cls.draft_article, cls.scheduled_article]:
            article.documents.add(cls.document)
        cls.plan = make_document(number="15-KH/TU", title="thực hiện Nghị quyết 01")
        cls.draft_plan = make_document(
            number="16-KH/TU", title="kế hoạch còn nháp", status=Status.DRAFT, published_at=None
        )
        for plan in [cls.plan, cls.draft_plan]:
            DocumentRelation.objects.create(
                source=plan, kind=RelationKind.IMPLEMENTS, target=cls.document
            )

    def test_metadata_and_text(self):
        """The page shows number, title, issuer, signer, date, summary and full text."""
        response = self.client.get(self.document.get_absolute_url())
        for text in [
            "01-NQ/TU",
            "về đẩy mạnh chuyển đổi số tỉnh Nam Định",
            "Tỉnh ủy Nam Định",
            "Phạm Gia Túc",
            "Bí thư Tỉnh ủy",
            "30/07/2021",
            "Mục tiêu đến năm 2025.",
            "<h2>I. Mục tiêu</h2>",
        ]:
            with self.subTest(text=text):
                self.assertContains(response, text)

    def test_shows_conferences_that_studied_it_and_news(self):
        """The document links the conference that studied it and the news about it."""
        response = self.client.get(self.document.get_absolute_url())
        self.assertContains(response, self.conference.get_absolute_url())
        self.assertContains(response, self.article.get_absolute_url())

    def test_hides_unpublished_conferences_and_news(self):
        """A draft conference, a draft article and a scheduled article are not shown."""
        response = self.client.get(self.document.get_absolute_url())
        for obj in [self.draft_conference, self.draft_article, self.scheduled_article]:
            with self.subTest(obj=str(obj)):
                self.assertNotContains(response, obj.title)

    def test_relations_show_published_documents_only(self):
        """The implementing plan shows; a draft plan does not."""
        response = self.client.get(self.document.get_absolute_url())
        self.assertContains(response, "15-KH/TU")
        self.assertNotContains(response, "16-KH/TU")
        self.assertNotContains(response, self.draft_plan.title)

    def test_draft_document_is_404(self):
        """The draft plan's own page is a 404 for anonymous readers."""
        self.assertEqual(self.client.get(self.draft_plan.get_absolute_url()).status_code, 404)

    def test_wrong_type_or_year_is_404(self):
        """The type and year in the URL must match the document."""
        for kwargs in [
            {"type_slug": "chi-thi", "year": 2021, "slug": self.document.slug},
            {"type_slug": "nghi-quyet", "year": 2019, "slug": self.document.slug},
        ]:
            with self.subTest(kwargs=kwargs):
                url = reverse("resolutions:document-detail", kwargs=kwargs)
                self.assertIn(self.client.get(url).status_code, {301, 404})

    def test_query_count_does_not_grow_with_links(self):
        """More linked conferences and articles do not add queries (no N+1)."""
        with CaptureQueriesContext(connection) as before:
            self.client.get(self.document.get_absolute_url())
        for index in range(4):
            make_conference(title=f"Hội nghị thêm {index}").documents.add(self.document)
            make_article(title=f"Tin thêm {index}").documents.add(self.document)
        with CaptureQueriesContext(connection) as after:
            response = self.client.get(self.document.get_absolute_url())
        self.assertContains(response, "Tin thêm 3")
        self.assertEqual(len(after), len(before), [q["sql"][:120] for q in after])


class ConferencePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(number="03-NQ/TU", title="về phát triển nông nghiệp")
        cls.draft_document = make_document(
            number="04-NQ/TU", title="nghị quyết chưa công bố", status=Status.DRAFT
        )
        cls.conference = make_conference(
            title="Hội nghị quán triệt các nghị quyết chuyên đề",
            place="Hội trường Tỉnh ủy",
            chair="Đồng chí Bí thư Tỉnh ủy",
        )
        cls.conference.documents.add(cls.document, cls.draft_document)
        cls.article = make_article(title="Tin về hội nghị quán triệt")
        cls.draft_article = make_article(title="Tin nháp về hội nghị", status=Status.REVIEW)
        for article in [cls.article, cls.draft_article]:
            article.conferences.add(cls.conference)
        cls.child = make_conference(title="Hội nghị cấp huyện Hải Hậu", parent=cls.conference)
        cls.draft_child = make_conference(
            title="Hội nghị cấp xã chưa duyệt", parent=cls.conference, status=Status.DRAFT
        )
        cls.draft_parent = make_conference(title="Hội nghị cấp trên nháp", status=Status.DRAFT)
        cls.orphan = make_conference(title="Hội nghị có cấp trên nháp", parent=cls.draft_parent)

    def test_details(self):
        """The page shows title, place, chair and level."""
        response = self.client.get(self.conference.get_absolute_url())
        self.assertContains(response, self.conference.title)
        self.assertContains(response, "Hội trường Tỉnh ủy")
        self.assertContains(response, "Đồng chí Bí thư Tỉnh ủy")
        self.assertContains(response, "Cấp tỉnh")

    def test_shows_its_documents_and_news(self):
        """The conference links the documents it studied and the news about it."""
        response = self.client.get(self.conference.get_absolute_url())
        self.assertContains(response, self.document.get_absolute_url())
        self.assertContains(response, self.article.get_absolute_url())
        self.assertContains(response, self.child.get_absolute_url())

    def test_hides_unpublished_links(self):
        """A draft document, an article under review and a draft child are not shown."""
        response = self.client.get(self.conference.get_absolute_url())
        self.assertNotContains(response, "04-NQ/TU")
        for obj in [self.draft_document, self.draft_article, self.draft_child]:
            with self.subTest(obj=str(obj)):
                self.assertNotContains(response, obj.title)

    def test_hides_unpublished_parent(self):
        """A conference under a draft parent does not link the parent."""
        response = self.client.get(self.orphan.get_absolute_url())
        self.assertNotContains(response, self.draft_parent.title)
        self.assertNotContains(response, self.draft_parent.get_absolute_url())

    def test_unknown_slug_is_404(self):
        """A conference slug that does not exist is a 404."""
        url = reverse("resolutions:conference-detail", kwargs={"slug": "khong-co"})
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_query_count_does_not_grow_with_links(self):
        """More documents and articles on a conference do not add queries (no N+1)."""
        with CaptureQueriesContext(connection) as before:
            self.client.get(self.conference.get_absolute_url())
        for index in range(4):
            self.conference.documents.add(make_document(number=f"{50 + index}-KH/TU"))
            make_article(title=f"Tin thêm {index}").conferences.add(self.conference)
        with CaptureQueriesContext(connection) as after:
            response = self.client.get(self.conference.get_absolute_url())
        self.assertContains(response, "53-KH/TU")
        self.assertEqual(len(after), len(before), [q["sql"][:120] for q in after])
