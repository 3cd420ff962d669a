"""Spreadsheet imports of the committee tree and of study results: all or nothing."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import Workbook

from resolutions import imports
from resolutions.models import Committee, StudyResult
from tests.factories import make_committee, make_document, make_reporter, make_staff, make_term

TREE_HEADER = ["Tên cấp ủy", "Cấp", "Cấp trên", "Số đảng viên"]
RESULT_HEADER = list(imports.RESULT_COLUMNS.values())


def xlsx(rows, name="cay.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(rows, name="ket-qua.csv"):
    text = "\n".join(",".join(str(cell) for cell in row) for row in rows)
    return SimpleUploadedFile(name, ("\ufeff" + text).encode())


class TreeImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XXI", start_year=2025, end_year=2030)

    def test_tree_from_xlsx(self):
        """A sheet builds the tree: parents named below their children are found too."""
        report = imports.import_tree(
            xlsx(
                [
                    TREE_HEADER,
                    ["Chi bộ xóm 1", "Chi bộ", "Đảng ủy xã Hải Anh", 25],
                    ["Tỉnh ủy Nam Định", "Cấp tỉnh", "", 150000],
                    ["Đảng ủy xã Hải Anh", "cap xa", "Tỉnh ủy Nam Định", 410],
                ]
            ),
            term=self.term,
        )
        self.assertEqual(report.errors, [])
        self.assertEqual(report.created, 3)
        cell = Committee.objects.get(name="Chi bộ xóm 1")
        self.assertEqual(cell.parent.name, "Đảng ủy xã Hải Anh")
        self.assertEqual(cell.parent.parent.level, "province")
        self.assertEqual(cell.term, self.term)
        self.assertEqual(cell.party_members, 25)

    def test_second_import_updates(self):
        """Importing again updates members instead of adding committees twice."""
        rows = [TREE_HEADER, ["Tỉnh ủy Nam Định", "Cấp tỉnh", "", 100]]
        imports.import_tree(xlsx(rows), term=self.term)
        rows[1][3] = 120
        report = imports.import_tree(xlsx(rows), term=self.term)
        self.assertEqual((report.created, report.updated), (0, 1))
        self.assertEqual(Committee.objects.get().party_members, 120)

    def test_a_bad_row_saves_nothing(self):
        """One bad row: nothing is saved and every error is listed with its row number."""
        report = imports.import_tree(
            csv_file(
                [
                    TREE_HEADER,
                    ["Tỉnh ủy Nam Định", "Cấp tỉnh", "", "150000"],
                    ["Đảng ủy xã Hải Anh", "Cấp xã", "Tỉnh ủy Nam Định", "nhiều"],
                    ["Chi bộ 2", "Cấp nào đó", "Tỉnh ủy Nam Định", "3"],
                    ["Chi bộ 3", "Chi bộ", "Huyện ủy không có", "3"],
                    ["Đảng ủy xã Hải Bắc", "Cấp tỉnh", "Tỉnh ủy Nam Định", "3"],
                ]
            ),
            term=self.term,
        )
        self.assertEqual([row for row, _ in report.errors], [3, 4, 5, 6])
        self.assertIn("phải là số", report.errors[0][1])
        self.assertIn("Không tìm thấy cấp trên", report.errors[2][1])
        self.assertIn("cấp cao hơn", report.errors[3][1])
        self.assertFalse(Committee.objects.exists())

    def test_missing_column_and_wrong_file(self):
        """A sheet without the expected columns, or a file that is not one, is refused."""
        with self.assertRaisesMessage(imports.ImportRefused, "Thiếu cột: Cấp trên"):
            imports.import_tree(xlsx([["Tên cấp ủy", "Cấp", "Số đảng viên"]]), term=self.term)
        with self.assertRaises(imports.ImportRefused):
            imports.import_tree(SimpleUploadedFile("cay.xlsx", b"not a zip"), term=self.term)
        with self.assertRaises(imports.ImportRefused):
            imports.import_tree(SimpleUploadedFile("cay.pdf", b"%PDF"), term=self.term)

    def test_admin_page(self):
        """An approver imports through the admin; errors show by row, nothing saved."""
        self.client.force_login(make_staff("approver", "duyet"))
        url = reverse("admin:resolutions_committee_import")
        bad = csv_file([TREE_HEADER, ["Tỉnh ủy", "Cấp tỉnh", "", "x"]], name="cay.csv")
        response = self.client.post(url, {"term": self.term.pk, "file": bad})
        self.assertContains(response, "Chưa nhập gì: 1 lỗi")
        self.assertFalse(Committee.objects.exists())
        good = csv_file([TREE_HEADER, ["Tỉnh ủy", "Cấp tỉnh", "", "9"]], name="cay.csv")
        response = self.client.post(url, {"term": self.term.pk, "file": good})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Committee.objects.filter(name="Tỉnh ủy").exists())


class ResultImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XXI", start_year=2025, end_year=2030)
        province = make_committee(name="Tỉnh ủy", level="province", term=cls.term)
        cls.hai_hau = make_committee(
            name="Đảng ủy xã Hải Hậu", level="commune", parent=province, term=cls.term
        )
        cls.giao_thuy = make_committee(
            name="Đảng ủy xã Giao Thủy", level="commune", parent=province, term=cls.term
        )
        cls.document = make_document(number="01-NQ/TU", term=cls.term)
        cls.approver = make_staff("approver", "duyet")

    def row(self, committee, document="01-NQ/TU", members=100, studied=95):
        return [committee, document, members, studied, 2, 3, 0, 90, 60, 25, 5, 0, "Tốt."]

    def run_import(self, rows, user, committees=None):
        return imports.import_results(
            csv_file([RESULT_HEADER, *rows]),
            term=self.term,
            user=user,
            committees=committees or Committee.objects.for_user(user),
        )

    def test_rows_create_results(self):
        """Each row is one committee's result for one document, awaiting approval in the list."""
        report = self.run_import(
            [self.row("Đảng ủy xã Hải Hậu"), self.row("dang uy xa giao thuy", studied=92)],
            self.approver,
        )
        self.assertEqual(report.errors, [])
        self.assertEqual(report.created, 2)
        result = StudyResult.objects.get(committee=self.giao_thuy)
        self.assertEqual((result.members_studied, result.grade_good), (92, 60))
        self.assertFalse(result.is_approved)

    def test_a_bad_row_saves_nothing(self):
        """A row with impossible figures or an unknown document: no row is saved."""
        report = self.run_import(
            [
                self.row("Đảng ủy xã Hải Hậu"),
                self.row("Đảng ủy xã Giao Thủy", studied=120),
                self.row("Đảng ủy xã Giao Thủy", document="99-NQ/TU"),
            ],
            self.approver,
        )
        self.assertEqual([row for row, _ in report.errors], [3, 4])
        self.assertFalse(StudyResult.objects.exists())

    def test_reporter_cannot_import_for_another_committee(self):
        """A reporter's row for a committee not theirs is an error; nothing is saved."""
        reporter = make_reporter(self.hai_hau, "capuy")
        report = self.run_import(
            [self.row("Đảng ủy xã Hải Hậu"), self.row("Đảng ủy xã Giao Thủy")], reporter
        )
        self.assertEqual(report.errors[0][0], 3)
        self.assertFalse(StudyResult.objects.exists())
        report = self.run_import([self.row("Đảng ủy xã Hải Hậu")], reporter)
        self.assertEqual(report.created, 1)
        self.assertFalse(StudyResult.objects.get().is_approved)
