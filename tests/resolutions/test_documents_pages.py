"""The document page: relations both ways, diagram, contents, timeline, print, JSON, old URLs."""

import datetime
import json

from django.test import TestCase
from django.urls import reverse

from ndportal.publishing import Status
from resolutions.models import DocumentAlias, DocumentRelation, RelationKind
from tests.factories import make_document, make_document_type, make_staff

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
        staff = make_staff("bt", password="x")
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
