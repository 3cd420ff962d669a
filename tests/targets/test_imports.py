"""targets/imports.py: a unit's spreadsheet template and its all-or-nothing upload."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from openpyxl import Workbook, load_workbook

from targets.imports import COLUMNS
from targets.models import TargetReport
from targets.numbers import format_number, parse_number
from tests.factories import make_staff, make_target, make_unit


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("bao-cao.xlsx", buffer.getvalue())


class NumberTests(TestCase):
    def test_vietnamese_numbers(self):
        self.assertEqual(str(parse_number("1.234,5")), "1234.5")
        self.assertEqual(str(parse_number("1234,5")), "1234.5")
        self.assertEqual(str(parse_number("12")), "12")
        self.assertEqual(str(parse_number(7.25)), "7.25")
        for bad in ("12.5", "1,2,3", "abc", "", "1.23,4"):
            with self.assertRaises(ValueError, msg=bad):
                parse_number(bad)
        self.assertEqual(format_number(parse_number("1.234.567,25")), "1.234.567,25")
        self.assertEqual(format_number(parse_number("100")), "100")


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.unit = make_unit()
        cls.reporter = make_staff("reporting_unit", "donvi")
        cls.unit.reporters.add(cls.reporter)
        cls.own = make_target(name="Chỉ tiêu của sở", unit=cls.unit)
        cls.second = make_target(
            name="Chỉ tiêu thứ hai", unit=cls.unit, resolution=cls.own.resolution
        )
        cls.foreign = make_target(name="Chỉ tiêu sở khác")

    def setUp(self):
        self.client.force_login(self.reporter)

    def upload(self, upload):
        return self.client.post("/admin/targets/targetreport/nhap-bang-tinh/", {"file": upload})

    def test_template_lists_own_targets_only(self):
        response = self.client.get("/admin/targets/targetreport/mau-bang-tinh.xlsx")
        self.assertEqual(response.status_code, 200)
        sheet = load_workbook(io.BytesIO(response.content)).active
        names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(names, [str(self.own), str(self.second)])

    def test_csv_template_has_bom(self):
        response = self.client.get("/admin/targets/targetreport/mau-bang-tinh.csv")
        self.assertTrue(response.content.startswith("\ufeff".encode()))
        self.assertIn("Chỉ tiêu của sở", response.content.decode("utf-8-sig"))

    def test_valid_file_saves_every_row(self):
        rows = [
            [self.own.pk, "", "", "Năm", 2024, "1.234,5", "ghi chú"],
            [self.second.pk, "", "", "Sơ kết giữa nhiệm kỳ", 2023, 12, ""],
        ]
        response = self.upload(xlsx(rows))
        self.assertEqual(response.status_code, 302)
        report = TargetReport.objects.get(target=self.own)
        self.assertEqual(str(report.value), "1234.5000")
        self.assertFalse(report.is_approved)
        self.assertEqual(TargetReport.objects.get(target=self.second).period, "midterm")

    def test_a_bad_row_saves_nothing_and_is_named(self):
        """Row 3 has a bad number and row 4 another unit's target: nothing is saved."""
        rows = [
            [self.own.pk, "", "", "Năm", 2024, "10", ""],
            [self.second.pk, "", "", "Năm", 2024, "12.5", ""],
            [self.foreign.pk, "", "", "Năm", 2024, "3", ""],
        ]
        response = self.upload(xlsx(rows))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "<td>3</td>", html=True, status_code=400)
        self.assertContains(response, "không đúng dạng số", status_code=400)
        self.assertContains(response, "<td>4</td>", html=True, status_code=400)
        self.assertContains(response, "không thuộc đơn vị của bạn", status_code=400)
        self.assertFalse(TargetReport.objects.exists())

    def test_year_outside_the_term_and_bad_period(self):
        rows = [[self.own.pk, "", "", "Quý", 2031, "10", ""]]
        response = self.upload(xlsx(rows))
        self.assertContains(response, "kỳ báo cáo phải là", status_code=400)
        self.assertContains(response, "năm phải trong nhiệm kỳ 2020-2025", status_code=400)

    def test_csv_upload(self):
        body = "\ufeff" + ",".join(COLUMNS) + f'\n{self.own.pk},,,Năm,2022,"7,5",\n'
        response = self.upload(SimpleUploadedFile("bao-cao.csv", body.encode()))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(str(TargetReport.objects.get().value), "7.5000")

    def test_other_file_types_refused(self):
        response = self.upload(SimpleUploadedFile("bao-cao.txt", b"x"))
        self.assertContains(response, "Chỉ nhận tệp .xlsx hoặc .csv.")
        self.assertFalse(TargetReport.objects.exists())

    def test_a_correction_by_import_supersedes(self):
        rows = [[self.own.pk, "", "", "Năm", 2024, "10", ""]]
        self.upload(xlsx(rows))
        rows = [[self.own.pk, "", "", "Năm", 2024, "11", "đính chính"]]
        self.upload(xlsx(rows))
        first, second = TargetReport.objects.order_by("id")
        self.assertEqual(second.supersedes, first)
