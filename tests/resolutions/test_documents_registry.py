"""The public registry /van-ban/: filters alone and combined, counts, bad values, exports that
validate like the page, Vietnamese validity values."""

import csv
import datetime
import io
import json

import time_machine
from django.test import TestCase
from django.urls import reverse

from ndportal.publishing import Status
from resolutions.models import DocumentRelation, Field, RelationKind, Validity
from tests.factories import (
    make_document,
    make_document_type,
    make_issuing_body,
    make_term,
)

URL = reverse("resolutions:document-list")
CSV_URL = reverse("resolutions:document-list-csv")
JSON_URL = reverse("resolutions:document-list-json")


@time_machine.travel(datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC), tick=False)
class RegistryFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with time_machine.travel(datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC)):
            cls.nq = make_document_type()
            cls.kh = make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach", order=2)
            cls.tu = make_issuing_body()
            cls.btv = make_issuing_body(name="Ban Thường vụ Tỉnh ủy", code="TU-BTV")
            cls.xx = make_term()
            cls.xix = make_term(name="XIX", start_year=2015, end_year=2020)
            cls.economy = Field.objects.create(name="Kinh tế", slug="kinh-te")
            cls.party = Field.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang")
            cls.resolution = make_document(
                number="01-NQ/TU",
                title="về chuyển đổi số",
                term=cls.xx,
                signer="Phạm Gia Túc",
                issued_on=datetime.date(2021, 7, 30),
            )
            cls.resolution.fields.add(cls.economy, cls.party)
            cls.plan = make_document(
                number="15-KH/TU",
                doc_type=cls.kh,
                title="thực hiện Nghị quyết 01",
                term=cls.xx,
                signer="Đoàn Hồng Phong",
                issued_on=datetime.date(2021, 9, 10),
            )
            cls.plan.fields.add(cls.economy)
            cls.old = make_document(
                number="03-NQ/TU",
                title="về xây dựng Đảng",
                term=cls.xix,
                issuing_body=cls.btv,
                signer="Phạm Gia Túc",
                issued_on=datetime.date(2016, 3, 1),
            )
            cls.old.fields.add(cls.party)
            DocumentRelation.objects.create(
                source=cls.resolution, kind=RelationKind.REPLACES, target=cls.old
            )
            cls.draft = make_document(
                number="09-NQ/TU",
                title="bản nháp bí mật",
                term=cls.xx,
                signer="Phạm Gia Túc",
                issued_on=datetime.date(2021, 8, 1),
                status=Status.DRAFT,
                published_at=None,
            )
            cls.draft.fields.add(cls.economy)

    def numbers(self, query=None):
        response = self.client.get(URL, query or {})
        return [d.number for d in response.context["document_list"]]

    def test_no_filter_lists_published_only(self):
        """Without filters every published document is listed, newest first, no draft."""
        self.assertEqual(self.numbers(), ["15-KH/TU", "01-NQ/TU", "03-NQ/TU"])

    def test_each_filter_alone(self):
        """Every filter narrows the list on its own."""
        cases = [
            ({"loai": "ke-hoach"}, ["15-KH/TU"]),
            ({"co_quan": self.btv.pk}, ["03-NQ/TU"]),
            ({"nhiem_ky": "XIX"}, ["03-NQ/TU"]),
            ({"linh_vuc": "kinh-te"}, ["15-KH/TU", "01-NQ/TU"]),
            ({"hieu_luc": Validity.EXPIRED}, ["03-NQ/TU"]),
            ({"hieu_luc": Validity.IN_FORCE}, ["15-KH/TU", "01-NQ/TU"]),
            ({"nam": 2016}, ["03-NQ/TU"]),
            ({"tu_ngay": "2021-08-01"}, ["15-KH/TU"]),
            ({"den_ngay": "30/07/2021"}, ["01-NQ/TU", "03-NQ/TU"]),
            ({"nguoi_ky": "phạm gia túc"}, ["01-NQ/TU", "03-NQ/TU"]),
            ({"q": "01 nq tu"}, ["01-NQ/TU"]),
            ({"q": "chuyen doi so"}, ["01-NQ/TU"]),
            ({"q": "nq 01"}, ["01-NQ/TU"]),
            ({"q": "KH15"}, ["15-KH/TU"]),
        ]
        for query, expected in cases:
            with self.subTest(query=query):
                self.assertEqual(self.numbers(query), expected)

    def test_filters_combine(self):
        """Filters combine with AND, including the many-to-many field without duplicates."""
        cases = [
            ({"linh_vuc": "xay-dung-dang", "nhiem_ky": "XX"}, ["01-NQ/TU"]),
            ({"linh_vuc": "kinh-te", "loai": "nghi-quyet", "nam": 2021}, ["01-NQ/TU"]),
            ({"nguoi_ky": "Phạm Gia Túc", "hieu_luc": Validity.IN_FORCE}, ["01-NQ/TU"]),
            (
                {"tu_ngay": "2016-01-01", "den_ngay": "2021-07-30", "co_quan": self.tu.pk},
                ["01-NQ/TU"],
            ),
            ({"loai": "ke-hoach", "nhiem_ky": "XIX"}, []),
        ]
        for query, expected in cases:
            with self.subTest(query=query):
                self.assertEqual(self.numbers(query), expected)

    def test_sorts_by_allowlist(self):
        """Sort by number (numerically) and by accent-folded title."""
        self.assertEqual(self.numbers({"sap_xep": "so"}), ["01-NQ/TU", "03-NQ/TU", "15-KH/TU"])
        self.assertEqual(
            self.numbers({"sap_xep": "trich-yeu"}), ["15-KH/TU", "01-NQ/TU", "03-NQ/TU"]
        )
        self.assertEqual(self.numbers({"sap_xep": "cu-nhat"}), ["03-NQ/TU", "01-NQ/TU", "15-KH/TU"])

    def test_counts_exclude_drafts(self):
        """Facet counts count published documents only, and keep the other filters."""
        response = self.client.get(URL, {"nhiem_ky": "XX"})
        facets = {facet["name"]: facet["options"] for facet in response.context["facets"]}
        fields = {option["label"]: option["count"] for option in facets["linh_vuc"]}
        self.assertEqual(fields, {"Kinh tế": 2, "Xây dựng Đảng": 1})
        signers = {option["label"]: option["count"] for option in facets["nguoi_ky"]}
        self.assertEqual(signers, {"Đoàn Hồng Phong": 1, "Phạm Gia Túc": 1})
        terms = {option["label"]: option["count"] for option in facets["nhiem_ky"]}
        self.assertEqual(len(terms), 2, "a facet's own choice does not narrow its counts")
        validity = {option["label"]: option["count"] for option in facets["hieu_luc"]}
        self.assertEqual(validity, {"Còn hiệu lực": 2})
        self.assertNotContains(response, "bản nháp bí mật")

    def test_a_document_with_two_fields_counts_once(self):
        """01-NQ/TU holds two fields: filtered by one, or counted by field, it counts once."""
        response = self.client.get(URL, {"linh_vuc": "kinh-te"})
        facets = {f["name"]: f["options"] for f in response.context["facets"]}
        types = {option["label"]: option["count"] for option in facets["loai"]}
        self.assertEqual(types, {"Nghị quyết": 1, "Kế hoạch": 1})
        years = {option["label"]: option["count"] for option in facets["nam"]}
        self.assertEqual(years["2021"], 2)
        response = self.client.get(URL, {"loai": "nghi-quyet", "nam": 2021})
        facets = {f["name"]: f["options"] for f in response.context["facets"]}
        fields = {option["label"]: option["count"] for option in facets["linh_vuc"]}
        self.assertEqual(fields, {"Kinh tế": 1, "Xây dựng Đảng": 1})

    def test_facet_links_keep_state(self):
        """An option link adds its value to the current query string, dropping the page."""
        response = self.client.get(URL, {"nam": 2021, "page": 1})
        self.assertContains(response, 'href="?nam=2021&amp;loai=ke-hoach"')

    def test_bad_values_are_a_message_not_a_500(self):
        """Malformed or unknown values give a 400 page with a message; the rest still filters."""
        bad = [
            {"loai": "khong-co"},
            {"co_quan": "abc"},
            {"co_quan": "99999"},
            {"nhiem_ky": "XXX"},
            {"hieu_luc": "draft"},
            {"nam": "99999"},
            {"nam": "-1"},
            {"nam": "abc"},
            {"tu_ngay": "2024-13-45"},
            {"den_ngay": "2024-02-30"},
            {"tu_ngay": "2024-05-01", "den_ngay": "2024-01-01"},
            {"sap_xep": "-password"},
            {"sap_xep": "__class__"},
            {"q": "x" * 300},
            {"q": "a\x00b"},
        ]
        for query in bad:
            with self.subTest(query=query):
                response = self.client.get(URL, query)
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, "không hợp lệ", status_code=400)
        response = self.client.get(URL, {"loai": "ke-hoach", "nam": "abc"})
        self.assertEqual([d.number for d in response.context["document_list"]], ["15-KH/TU"])

    def test_status_in_query_never_widens(self):
        """Unknown parameters such as status=draft are ignored."""
        self.assertNotIn("09-NQ/TU", self.numbers({"status": "draft", "status__in": "draft"}))

    def test_page_out_of_range_is_404(self):
        """A page past the end is a 404, not a 500."""
        self.assertEqual(self.client.get(URL, {"page": "999"}).status_code, 404)
        self.assertEqual(self.client.get(URL, {"page": "abc"}).status_code, 404)

    def test_csv_export(self):
        """CSV with a BOM, a Vietnamese header, filtered rows and no draft."""
        response = self.client.get(reverse("resolutions:document-list-csv"), {"nhiem_ky": "XX"})
        content = response.content.decode("utf-8")
        self.assertTrue(content.startswith("\ufeff"))
        rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
        self.assertEqual(rows[0][:3], ["Số ký hiệu", "Loại văn bản", "Trích yếu"])
        self.assertEqual([row[0] for row in rows[1:]], ["15-KH/TU", "01-NQ/TU"])
        self.assertIn("Kinh tế; Xây dựng Đảng", rows[2])
        self.assertNotIn("09-NQ/TU", content)

    def test_csv_cells_never_formulas(self):
        """A title starting with = is written as text, not as an Excel formula."""
        make_document(number="20-NQ/TU", title='=HYPERLINK("http://x")')
        response = self.client.get(reverse("resolutions:document-list-csv"), {"q": "20-NQ/TU"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
        self.assertEqual(rows[1][2], '\'=HYPERLINK("http://x")')

    def test_json_export(self):
        """JSON of the filtered registry, validity included, no draft."""
        response = self.client.get(
            reverse("resolutions:document-list-json"), {"hieu_luc": "expired"}
        )
        data = json.loads(response.content)
        self.assertEqual(data["so_van_ban"], 1)
        self.assertEqual(data["van_ban"][0]["so_ky_hieu"], "03-NQ/TU")
        self.assertEqual(data["van_ban"][0]["hieu_luc"], "Hết hiệu lực")
        everything = self.client.get(reverse("resolutions:document-list-json")).content.decode()
        self.assertNotIn("09-NQ/TU", everything)

    def test_export_with_bad_value_is_not_a_500(self):
        """A bad filter on an export is a 400 with a message, not a 500 nor a wider file."""
        response = self.client.get(reverse("resolutions:document-list-csv"), {"nam": "abc"})
        self.assertEqual(response.status_code, 400)


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
                self.assertEqual(self.client.get(URL, query).status_code, 400)
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
        response = self.client.get(URL, query)
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
        response = self.client.get(URL, {"hieu_luc": "het-hieu-luc"})
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
