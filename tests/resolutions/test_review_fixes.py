"""Fixes after the reviewer's visit: exports validate like the page, Vietnamese validity
values, the relation diagram's role, Vietnamese digit grouping, batch photo alt text."""

import datetime
import json

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from ndportal.alt_text import alt_text_problems, pending_alt
from ndportal.publishing import Status
from ndportal.workflow import TransitionRefused, item_publish
from resolutions.models import ConferencePhoto, DocumentRelation, RelationKind, Validity
from resolutions.reach import percent
from tests.factories import make_conference, make_document, make_document_type, make_term
from tests.image_files import image_bytes, upload
from tests.resolutions.test_conferences_admin import form_data

LIST_URL = reverse("resolutions:document-list")
CSV_URL = reverse("resolutions:document-list-csv")
JSON_URL = reverse("resolutions:document-list-json")


class RegistryExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XX")
        cls.in_force = make_document(number="01-NQ/TU", term=cls.term)
        cls.expired = make_document(number="02-NQ/TU", term=cls.term)
        cls.plan = make_document(
            number="03-KH/TU",
            doc_type=make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach", order=2),
        )
        # 01 replaces 02, so 02 has expired.
        DocumentRelation.objects.create(
            source=cls.in_force, kind=RelationKind.REPLACES, target=cls.expired
        )

    def test_bad_filter_refuses_the_export_like_the_page(self):
        """A bad value gives the page and both exports a 400, the exports in plain Vietnamese."""
        bad = [
            {"loai": "nghi-quyet", "nhiem_ky": "XXX", "hieu_luc": "con-hieu-luc"},
            {"nam": "99999"},
            {"hieu_luc": "draft"},
            {"tu_ngay": "2024-05-01", "den_ngay": "2024-01-01"},
        ]
        for query in bad:
            with self.subTest(query=query):
                self.assertEqual(self.client.get(LIST_URL, query).status_code, 400)
                for url in (CSV_URL, JSON_URL):
                    response = self.client.get(url, query)
                    self.assertEqual(response.status_code, 400)
                    self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
                    text = response.content.decode()
                    self.assertIn("Điều kiện lọc không hợp lệ", text)
                    self.assertNotIn("01-NQ/TU", text)

    def test_names_the_bad_field(self):
        """The export's message says which filter was wrong."""
        response = self.client.get(CSV_URL, {"nam": "99999"})
        self.assertContains(response, "Năm ban hành: Năm phải nằm trong khoảng", status_code=400)

    def test_good_filters_export_only_what_was_asked(self):
        """Vietnamese validity value plus term: only the documents in force of that term."""
        query = {"loai": "nghi-quyet", "nhiem_ky": "XX", "hieu_luc": "con-hieu-luc"}
        response = self.client.get(CSV_URL, query)
        self.assertEqual(response.status_code, 200)
        self.assertIn("01-NQ/TU", response.content.decode())
        self.assertNotIn("02-NQ/TU", response.content.decode())
        data = json.loads(self.client.get(JSON_URL, query).content)
        self.assertEqual([row["so_ky_hieu"] for row in data["van_ban"]], ["01-NQ/TU"])
        self.assertEqual(data["van_ban"][0]["ma_hieu_luc"], "con-hieu-luc")


class ValiditySlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.new = make_document(number="01-NQ/TU")
        cls.old = make_document(number="02-NQ/TU", issued_on=datetime.date(2016, 1, 1))
        DocumentRelation.objects.create(source=cls.new, kind=RelationKind.REPLACES, target=cls.old)

    def numbers(self, query):
        response = self.client.get(LIST_URL, query)
        self.assertEqual(response.status_code, 200)
        return [document.number for document in response.context["document_list"]]

    def test_each_vietnamese_value_filters(self):
        """het-hieu-luc and con-hieu-luc select what the English codes used to."""
        self.assertEqual(self.numbers({"hieu_luc": "het-hieu-luc"}), ["02-NQ/TU"])
        self.assertEqual(self.numbers({"hieu_luc": "con-hieu-luc"}), ["01-NQ/TU"])
        self.assertEqual(self.numbers({"hieu_luc": "chua-co-hieu-luc"}), [])

    def test_old_english_values_still_work(self):
        """Links pasted before the change (?hieu_luc=expired) still filter, with no 400."""
        self.assertEqual(self.numbers({"hieu_luc": Validity.EXPIRED}), ["02-NQ/TU"])
        self.assertEqual(self.numbers({"hieu_luc": "in_force"}), ["01-NQ/TU"])

    def test_facet_links_and_chip_speak_vietnamese(self):
        """Facet links carry con-hieu-luc, the chip reads the label, no English code shows."""
        response = self.client.get(LIST_URL, {"hieu_luc": "het-hieu-luc"})
        facets = {facet["name"]: facet["options"] for facet in response.context["facets"]}
        self.assertContains(response, 'href="?hieu_luc=con-hieu-luc"')
        self.assertTrue(
            next(o for o in facets["hieu_luc"] if o["label"] == "Hết hiệu lực")["chosen"]
        )
        self.assertIn(
            "Hiệu lực: Hết hiệu lực", [label for _, label in response.context["active_filters"]]
        )
        content = response.content.decode()
        self.assertNotIn("hieu_luc=in_force", content)
        self.assertNotIn("hieu_luc=expired", content)

    def test_document_json_gives_the_vietnamese_code(self):
        """One document's JSON carries the same validity value the registry filters on."""
        data = json.loads(self.client.get(self.old.get_absolute_url() + "du-lieu.json").content)
        self.assertEqual(data["ma_hieu_luc"], "het-hieu-luc")
        self.assertEqual(data["hieu_luc"], "Hết hiệu lực")


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
        response = self.client.get(LIST_URL)
        self.assertContains(
            response,
            '<section class="registry-results" aria-labelledby="registry-heading">\n'
            '    <h2 class="visually-hidden" id="registry-heading">',
        )


class DigitGroupingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.conference = make_conference(
            title="Hội nghị đông người",
            starts_at=datetime.datetime(2025, 3, 10, 1, 0, tzinfo=datetime.UTC),
            published_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
            invited_count=2000,
            attendance=1653,
        )

    def test_conference_pages_group_thousands_with_a_dot(self):
        """1653 reads 1.653 on the list card and the detail page; the year stays 2025."""
        for url in (reverse("resolutions:conference-list"), self.conference.get_absolute_url()):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "1.653")
                self.assertNotContains(response, "1653")
                self.assertContains(response, "10/03/2025")
                self.assertNotContains(response, "2.025")

    def test_detail_groups_invited_count(self):
        """The number invited is grouped too."""
        self.assertContains(self.client.get(self.conference.get_absolute_url()), "2.000")

    def test_small_share_is_not_zero(self):
        """1 of 226 reads <1%, not 0%; nothing reads 0%, half reads 50%."""
        self.assertEqual(percent(1 / 226), "<1%")
        self.assertEqual(percent(0), "0%")
        self.assertEqual(percent(0.5), "50%")
        self.assertEqual(percent(None), "—")


class ConferenceDocumentChoiceTests(TestCase):
    def test_documents_offered_by_issue_date_then_number(self):
        """The "Văn bản học tập" filter lists oldest first, same-day documents by number."""
        early = datetime.date(2021, 3, 19)
        later = datetime.date(2021, 6, 25)
        documents = [
            make_document(number="05-NQ/TU", issued_on=datetime.date(2021, 9, 17)),
            make_document(number="04-NQ/TU", issued_on=later),
            make_document(number="03-NQ/TU", issued_on=later),
            make_document(number="02-NQ/TU", issued_on=early),
            make_document(number="10-NQ/TU", issued_on=early),
        ]
        conference = make_conference()
        conference.documents.add(*documents)
        response = self.client.get(reverse("resolutions:conference-list"))
        choices = [str(d) for d in response.context["form"].fields["van_ban"].queryset]
        numbers = [label.split()[-1] for label in choices]
        self.assertEqual(numbers, ["02-NQ/TU", "10-NQ/TU", "03-NQ/TU", "04-NQ/TU", "05-NQ/TU"])


class BatchPhotoAltTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("admin", "admin@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.admin)
        self.conference = make_conference(
            title="Hội nghị có ảnh", status=Status.REVIEW, published_at=None
        )
        self.url = reverse("admin:resolutions_conference_change", args=[self.conference.pk])

    def upload_batch(self, count=2, **overrides):
        files = [upload(f"anh-{n}.png", image_bytes(colour=(n * 40, 0, 0))) for n in range(count)]
        data = form_data(self.conference, new_photos=files, status=self.conference.status)
        data.update(overrides)
        return self.client.post(self.url, data)

    def test_batch_marks_alt_as_not_written(self):
        """The batch still stores every photo, with a marked alt and not the title."""
        self.assertEqual(self.upload_batch().status_code, 302)
        alts = list(self.conference.photos.values_list("alt_text", flat=True))
        self.assertEqual(alts, [pending_alt(1), pending_alt(2)])
        self.assertFalse(any("Hội nghị có ảnh" in alt for alt in alts))

    def test_marked_alts_block_publishing_named_by_number_and_caption(self):
        """Publishing is refused, naming photos as "ảnh số N: caption", never by file name."""
        self.upload_batch()
        first = self.conference.photos.first()
        first.caption = "Đồng chí Bí thư phát biểu"
        first.save()
        problems = alt_text_problems(self.conference)
        self.assertEqual(len(problems), 1)
        self.assertIn("ảnh số 1: Đồng chí Bí thư phát biểu; ảnh số 2", problems[0])
        self.assertNotIn(".png", problems[0])
        with self.assertRaisesMessage(TransitionRefused, "ảnh số 2"):
            item_publish(item=self.conference, user=self.admin)
        self.conference.refresh_from_db()
        self.assertEqual(self.conference.status, Status.REVIEW)

    def test_publishes_once_alts_are_written(self):
        """With a real alt on every photo the conference can be published."""
        self.upload_batch()
        self.conference.photos.update(alt_text="Toàn cảnh hội trường")
        self.assertEqual(alt_text_problems(self.conference), [])
        item_publish(item=self.conference, user=self.admin)
        self.conference.refresh_from_db()
        self.assertEqual(self.conference.status, Status.PUBLISHED)

    def test_no_batch_on_a_published_conference(self):
        """A batch cannot go straight onto a public page; nothing is stored."""
        self.conference.status = Status.PUBLISHED
        self.conference.published_at = timezone.now()
        self.conference.save()
        response = self.upload_batch(status=Status.PUBLISHED)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "không tải ảnh hàng loạt được")
        self.assertFalse(ConferencePhoto.objects.exists())
