"""The document page: relations both ways, diagram, contents, timeline, print, JSON, old URLs,
links to the conferences and news about it (published ones only), accessible markup."""

import datetime
import json

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from resolutions.models import (
    DocumentAlias,
    DocumentRelation,
    RelationKind,
)
from tests.factories import (
    make_article,
    make_conference,
    make_document,
    make_document_type,
    make_staff,
)

LONG_BODY = (
    "<h2>I. Mục tiêu</h2><p>Một.</p><h3>1. Mục tiêu chung</h3><p>Hai.</p>"
    '<h2 style="text-align:center">II. Nhiệm vụ &amp; giải pháp</h2><p>Ba.</p>'
)


class DocumentPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        kh = make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach")
        cls.old = make_document(number="03-NQ/TU", title="về chuyển đổi số giai đoạn đầu")
        cls.document = make_document(
            number="01-NQ/TU",
            title="về chuyển đổi số",
            issued_on=datetime.date(2022, 1, 10),
            effective_on=datetime.date(2022, 1, 10),
            body=LONG_BODY,
        )
        cls.amendment = make_document(number="07-NQ/TU", issued_on=datetime.date(2023, 5, 4))
        cls.plan = make_document(number="15-KH/TU", doc_type=kh, title="thực hiện NQ 01")
        cls.draft = make_document(number="09-NQ/TU", status=Status.DRAFT, published_at=None)
        DocumentRelation.objects.create(
            source=cls.document, kind=RelationKind.REPLACES, target=cls.old
        )
        DocumentRelation.objects.create(
            source=cls.amendment, kind=RelationKind.AMENDS, target=cls.document
        )
        DocumentRelation.objects.create(
            source=cls.plan, kind=RelationKind.IMPLEMENTS, target=cls.document
        )
        DocumentRelation.objects.create(
            source=cls.draft, kind=RelationKind.REPEALS, target=cls.document
        )

    def get(self, document=None, **query):
        return self.client.get((document or self.document).get_absolute_url(), query)

    def test_relations_both_ways_grouped(self):
        """Outgoing and incoming relations appear under their own labels; drafts do not."""
        response = self.get()
        groups = dict(response.context["relation_groups"])
        self.assertEqual(groups["Thay thế"], [self.old])
        self.assertEqual(groups["Được sửa đổi, bổ sung bởi"], [self.amendment])
        self.assertEqual(groups["Được triển khai thực hiện bởi"], [self.plan])
        self.assertNotIn("Bị bãi bỏ bởi", groups)
        self.assertNotContains(response, "09-NQ/TU")

    def test_replaced_document_links_to_replacement(self):
        """The replaced document reads expired and links to what replaced it."""
        response = self.get(self.old)
        self.assertContains(response, "Hết hiệu lực")
        self.assertContains(response, "Bị thay thế bởi")
        self.assertContains(response, f'href="{self.document.get_absolute_url()}"')

    def test_plans_listed(self):
        """Plans implementing the document are listed with their numbers."""
        response = self.get()
        self.assertEqual(list(response.context["implementing"]), [self.plan])
        self.assertContains(response, "Chương trình, kế hoạch thực hiện")

    def test_diagram_is_server_drawn_svg(self):
        """An SVG with one link per related published document."""
        response = self.get()
        self.assertContains(response, "<svg", count=1)
        self.assertEqual(len(response.context["diagram"]["nodes"]), 3)
        self.assertContains(response, f'<a href="{self.plan.get_absolute_url()}">')

    def test_table_of_contents(self):
        """Headings get ids server-side and a contents list links to them."""
        response = self.get()
        self.assertContains(response, '<h2 id="muc-1">I. Mục tiêu</h2>', html=True)
        self.assertContains(response, 'id="muc-3"')
        self.assertContains(
            response, '<a href="#muc-3">II. Nhiệm vụ &amp; giải pháp</a>', html=True
        )

    def test_short_text_has_no_contents(self):
        """A text with fewer than three headings gets no contents list."""
        response = self.get(self.old)
        self.assertEqual(response.context["toc"], [])

    def test_timeline(self):
        """Issued, effective and amended events in date order."""
        timeline = self.get().context["timeline"]
        self.assertEqual(
            [(date, label) for date, label, _ in timeline],
            [
                (datetime.date(2022, 1, 10), "Ban hành"),
                (datetime.date(2022, 1, 10), "Có hiệu lực"),
                (datetime.date(2023, 5, 4), "Được sửa đổi, bổ sung bởi"),
            ],
        )

    def test_print_view_and_citation(self):
        """?in=1 renders the print template with the citation and no site navigation."""
        response = self.get(**{"in": "1"})
        self.assertTemplateUsed(response, "resolutions/document_print.html")
        self.assertContains(response, "Trích dẫn:")
        self.assertContains(response, "Nghị quyết số 01-NQ/TU ngày 10/01/2022")
        self.assertNotContains(response, 'class="site-nav"')

    def test_document_json(self):
        """The JSON shows metadata, relations both ways, and no draft relation."""
        url = reverse(
            "resolutions:document-json",
            kwargs={"type_slug": "nghi-quyet", "year": 2022, "slug": self.document.slug},
        )
        data = json.loads(self.client.get(url).content)
        self.assertEqual(data["so_ky_hieu"], "01-NQ/TU")
        numbers = {(r["chieu"], r["so_ky_hieu"]) for r in data["quan_he"]}
        self.assertEqual(numbers, {("di", "03-NQ/TU"), ("den", "07-NQ/TU"), ("den", "15-KH/TU")})

    def test_draft_is_404_everywhere(self):
        """A draft's page and JSON are 404 to readers, 200 to staff."""
        json_url = self.draft.get_absolute_url() + "du-lieu.json"
        for url in [self.draft.get_absolute_url(), json_url]:
            self.assertEqual(self.client.get(url).status_code, 404)
        staff = make_staff(username="bt", password="x")
        self.client.force_login(staff)
        self.assertEqual(self.client.get(self.draft.get_absolute_url()).status_code, 200)

    def test_old_address_redirects(self):
        """An alias left by a renumbering answers 301 to the current address."""
        DocumentAlias.objects.create(
            document=self.document, type_slug="nghi-quyet", year=2022, slug="1-nq-tu"
        )
        response = self.client.get("/van-ban/nghi-quyet/2022/1-nq-tu/")
        self.assertRedirects(
            response,
            self.document.get_absolute_url(),
            status_code=301,
            fetch_redirect_response=False,
        )

    def test_alias_of_draft_is_404(self):
        """An old address of a document that is now a draft does not reveal it."""
        DocumentAlias.objects.create(
            document=self.draft, type_slug="nghi-quyet", year=2021, slug="10-nq-tu"
        )
        self.assertEqual(self.client.get("/van-ban/nghi-quyet/2021/10-nq-tu/").status_code, 404)


class DocumentLinksTests(TestCase):
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


class AccessibleMarkupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.new = make_document(number="01-NQ/TU")
        cls.old = make_document(number="02-NQ/TU", issued_on=datetime.date(2016, 1, 1))
        DocumentRelation.objects.create(source=cls.new, kind=RelationKind.REPLACES, target=cls.old)

    def test_diagram_with_links_is_a_group(self):
        """The relation diagram holds links, so it is a labelled group, not an image."""
        response = self.client.get(self.new.get_absolute_url())
        content = response.content.decode()
        diagram = content[content.index('<figure class="relation-diagram">') :]
        diagram = diagram[: diagram.index("</figure>")]
        self.assertIn('role="group" aria-labelledby="diagram-title"', diagram)
        self.assertNotIn('role="img"', diagram)
        self.assertIn(f'href="{self.old.get_absolute_url()}"', diagram)

    def test_registry_results_section_has_a_heading(self):
        """The results section is labelled by a heading of its own."""
        response = self.client.get(reverse("resolutions:document-list"))
        self.assertContains(
            response,
            '<section class="registry-results" aria-labelledby="registry-heading">\n'
            '    <h2 class="visually-hidden" id="registry-heading">',
        )
