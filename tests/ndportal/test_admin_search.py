"""Admin search is accent- and tone-style-blind: autocomplete widgets and changelist boxes."""

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from tests.factories import make_category, make_committee, make_conference
from tests.ndportal.test_search import DOCUMENT_QUERIES, SearchData


class AdminSearchTests(SearchData, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin_user = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        cls.category = make_category(name="Xây dựng Đảng", slug="xay-dung-dang-2")
        cls.committee = make_committee(name="Huyện ủy Giao Thủy")

    def setUp(self):
        self.client.force_login(self.admin_user)

    def autocomplete(self, app_label, model_name, field_name, term):
        """Ids found by the select widget of `field_name` on `model_name` for `term`."""
        response = self.client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": app_label,
                "model_name": model_name,
                "field_name": field_name,
                "term": term,
            },
        )
        self.assertEqual(response.status_code, 200)
        return [int(result["id"]) for result in response.json()["results"]]

    def changelist(self, url_name, term):
        response = self.client.get(reverse(url_name), {"q": term})
        self.assertEqual(response.status_code, 200)
        return list(response.context["cl"].result_list)

    def test_document_autocomplete_finds_every_example(self):
        """The documents widget on articles and conferences finds each example query."""
        for source in [("news", "article"), ("resolutions", "conference")]:
            for query, expected in DOCUMENT_QUERIES:
                with self.subTest(source=source, query=query):
                    found = self.autocomplete(*source, "documents", query)
                    self.assertIn(getattr(self, expected).pk, found)

    def test_issuing_body_autocomplete(self):
        """Cơ quan ban hành: 'tinh uy', 'Tỉnh uỷ' and 'ban chap hanh' find their bodies."""
        cases = [
            ("tinh uy", self.tu),
            ("Tỉnh uỷ", self.tu),
            ("Tỉnh ủy", self.tu),
            ("ban chap hanh", self.bch),
            ("Ban Chấp hành", self.bch),
        ]
        for term, expected in cases:
            with self.subTest(term=term):
                found = self.autocomplete("resolutions", "document", "issuing_body", term)
                self.assertIn(expected.pk, found)
        self.assertEqual(
            self.autocomplete("resolutions", "document", "issuing_body", "chap hanh"),
            [self.bch.pk],
        )

    def test_term_autocomplete(self):
        """Nhiệm kỳ: 'Khóa XX', 'Khoá XX', 'khoa xx' and '2020' find term XX."""
        other = type(self.xx).objects.create(name="XV", start_year=2000, end_year=2005)
        for term in ["Khóa XX", "Khoá XX", "khoa xx", "2020", "nhiem ky 2025"]:
            with self.subTest(term=term):
                found = self.autocomplete("resolutions", "document", "term", term)
                self.assertIn(self.xx.pk, found)
                self.assertNotIn(other.pk, found)

    def test_category_and_committee_autocomplete(self):
        """Annotated (category) and plain (committee) lookups both fold accents."""
        self.assertEqual(
            self.autocomplete("news", "article", "category", "xay dung dang"), [self.category.pk]
        )
        self.assertEqual(
            self.autocomplete("resolutions", "conference", "committee", "Giao Thuỷ"),
            [self.committee.pk],
        )

    def test_document_changelist_search(self):
        """The documents changelist box: 'nghi quyet 01', 'chuyen doi so', tone styles."""
        url = "admin:resolutions_document_changelist"
        self.assertIn(self.resolution, self.changelist(url, "nghi quyet 01"))
        self.assertIn(self.resolution, self.changelist(url, "chuyen doi so"))
        # Editors see their drafts in the admin, in either tone style.
        self.assertIn(self.draft_document, self.changelist(url, "Tỉnh ủy"))
        self.assertNotIn(self.other, self.changelist(url, "nq 01"))

    def test_lookup_changelists_search(self):
        """Cơ quan ban hành and Nhiệm kỳ changelists fold accents and tone styles."""
        self.assertIn(
            self.tu, self.changelist("admin:resolutions_issuingbody_changelist", "tinh uy")
        )
        self.assertIn(self.xx, self.changelist("admin:resolutions_term_changelist", "Khoá XX"))

    def test_django_search_fields_still_work(self):
        """What search_fields found before is still found: a number typed without breaks."""
        documents = self.changelist("admin:resolutions_document_changelist", "01nqtu")
        self.assertIn(self.resolution, documents)

    def test_conference_changelist_search(self):
        """Conferences are found by place and number without accents."""
        conference = make_conference(title="Hội nghị trực tuyến toàn tỉnh", place="Hoà Bình")
        found = self.changelist("admin:resolutions_conference_changelist", "hoa binh")
        self.assertEqual(found, [conference])

    def test_nul_in_admin_search_is_harmless(self):
        """A NUL byte in the admin search box is a 400 (ndportal.middleware), not a 500."""
        response = self.client.get(
            reverse("admin:resolutions_document_changelist"), {"q": "nghi\x00quyet"}
        )
        self.assertEqual(response.status_code, 400)
