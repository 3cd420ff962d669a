"""targets/exports.py through its views: CSV (BOM) and JSON, approved figures only."""

import csv
import io
import json

from django.test import TestCase, override_settings
from django.urls import reverse

from ndportal.publishing import Status
from targets.views import progress_url
from tests.factories import make_report, make_target


@override_settings(PAGE_CACHE_SECONDS=0)
class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.target = make_target(name="Thu nhập bình quân", unit_of_measure="triệu đồng")
        make_report(cls.target, year=2022, value="1234.5")
        make_report(cls.target, year=2023, value="9999", is_approved=False)
        cls.hidden = make_target(
            name="Chỉ tiêu của kế hoạch nháp", resolution=cls.target.resolution
        )
        cls.hidden.programme.status = Status.DRAFT
        cls.hidden.programme.save()

    def test_csv_has_bom_and_vietnamese_numbers(self):
        response = self.client.get(reverse("targets:dashboard-csv"))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith("\ufeff".encode()))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0][3], "Chỉ tiêu")
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][3], "Thu nhập bình quân")
        self.assertIn("1.234,5", rows[1])
        self.assertNotIn("9.999", response.content.decode("utf-8-sig"))

    def test_json_of_a_resolution(self):
        url = progress_url(self.target.resolution) + "du-lieu.json"
        data = json.loads(self.client.get(url).content)
        self.assertEqual(data["so_chi_tieu"], 1)
        row = data["chi_tieu"][0]
        self.assertEqual(row["thuc_hien"], "1.234,5")
        self.assertEqual(row["nam_thuc_hien"], 2022)
        self.assertEqual([r["gia_tri"] for r in row["lich_su_bao_cao"]], ["1.234,5"])
        self.assertNotIn("Chỉ tiêu của kế hoạch nháp", json.dumps(data, ensure_ascii=False))

    def test_bad_parameters_are_400(self):
        self.assertEqual(
            self.client.get(reverse("targets:dashboard-json"), {"khoa": "zz"}).status_code, 400
        )
        self.assertEqual(
            self.client.get(reverse("targets:dashboard-csv"), {"trang": "x"}).status_code, 400
        )

    def test_paged_under_the_export_cap(self):
        make_target(resolution=self.target.resolution, programme=self.target.programme)
        with self.settings(EXPORT_MAX_ROWS=1):
            response = self.client.get(reverse("targets:dashboard-json"))
            data = json.loads(response.content)
        self.assertEqual(data["so_chi_tieu"], 1)
        self.assertEqual(data["tong_so"], 2)
        self.assertEqual(response["X-Export-Page"], "1/2")


@override_settings(PAGE_CACHE_SECONDS=0)
class SitemapTests(TestCase):
    def test_progress_pages_in_sitemap_only_when_public(self):
        shown = make_target()
        hidden = make_target()
        hidden.programme.status = Status.DRAFT
        hidden.programme.save()
        response = self.client.get("/sitemap-progress.xml")
        self.assertContains(response, progress_url(shown.resolution))
        self.assertNotContains(response, progress_url(hidden.resolution))
        self.assertContains(response, reverse("targets:dashboard"))
