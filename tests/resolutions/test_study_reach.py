"""Committees' study results on the reach page, its downloads and a committee's page."""

import csv
import io
import json

from django.test import TestCase, override_settings
from django.urls import reverse

from resolutions.models import Committee
from resolutions.reach import term_reach
from tests.factories import (
    make_committee,
    make_conference,
    make_document,
    make_study_result,
    make_term,
    warm_page_fragments,
)

REACH_URL = reverse("resolutions:conference-reach")
CSV_URL = reverse("resolutions:conference-reach-csv")
JSON_URL = reverse("resolutions:conference-reach-json")


def build_tree(term, communes=3, cells_per_commune=2):
    """A province, `communes` commune committees of 100 members, cells of 20 under each."""
    province = make_committee(name="Tỉnh ủy", level="province", term=term, party_members=5000)
    tree = {"province": province, "commune": [], "cell": []}
    for n in range(communes):
        commune = make_committee(
            name=f"Đảng ủy xã {n}",
            level="commune",
            parent=province,
            term=term,
            party_members=100,
        )
        tree["commune"].append(commune)
        for m in range(cells_per_commune):
            tree["cell"].append(
                make_committee(
                    name=f"Chi bộ {n}-{m}",
                    level="cell",
                    parent=commune,
                    term=term,
                    party_members=20,
                )
            )
    return tree


class StudyFiguresTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XXI", start_year=2025, end_year=2030, is_current=True)
        cls.document = make_document(number="01-NQ/TU", term=cls.term, is_thematic=True)
        cls.tree = build_tree(cls.term)
        communes, cells = cls.tree["commune"], cls.tree["cell"]
        # A fourth commune has no member figure in the tree; it reported 50 members.
        cls.unknown = make_committee(
            name="Đảng ủy phường mới", level="commune", parent=cls.tree["province"], term=cls.term
        )
        # And a fifth with no figure has not reported.
        make_committee(
            name="Đảng ủy xã chưa báo cáo",
            level="commune",
            parent=cls.tree["province"],
            term=cls.term,
        )
        make_study_result(
            committee=communes[0],
            document=cls.document,
            members=100,
            members_studied=90,
            absent_sick=4,
            absent_work=6,
            reports_written=90,
            grade_good=50,
            grade_fair=30,
            grade_average=8,
            grade_poor=2,
        )
        make_study_result(
            committee=communes[1],
            document=cls.document,
            members=100,
            members_studied=80,
            reports_written=70,
            grade_good=70,
        )
        make_study_result(
            committee=cls.unknown,
            document=cls.document,
            members=50,
            members_studied=45,
            reports_written=0,
        )
        # Not approved: counts nowhere.
        make_study_result(
            committee=communes[2],
            document=cls.document,
            members=100,
            members_studied=99,
            is_approved=False,
        )
        make_study_result(committee=cells[0], document=cls.document, members=20, members_studied=20)

    def levels(self):
        return {level.level: level for level in term_reach(self.term)[0].levels}

    def test_committees_reported_against_the_tree(self):
        """Committees at a level come from the term's tree; only approved results count."""
        commune = self.levels()["commune"]
        self.assertEqual(commune.committees_total, 5)
        self.assertEqual(commune.committees_reported, 3)
        self.assertEqual(commune.reported_percent, "60%")

    def test_members_studied_with_committees_without_members(self):
        """Members: the tree's figures, a reported figure for a committee without one; a
        committee with neither is counted apart."""
        commune = self.levels()["commune"]
        self.assertEqual(commune.members_studied, 90 + 80 + 45)
        self.assertEqual(commune.members_total, 300 + 50)
        self.assertEqual(commune.committees_without_members, 1)
        self.assertEqual(commune.members_percent, "61%")

    def test_grades_and_absences(self):
        """Learning reports add up by grade, absences by reason."""
        commune = self.levels()["commune"]
        self.assertEqual(commune.reports_written, 160)
        self.assertEqual(
            commune.grade_list, [("Tốt", 120), ("Khá", 30), ("Trung bình", 8), ("Chưa đạt", 2)]
        )
        self.assertEqual(commune.absent_total, 10)

    def test_levels_of_the_term(self):
        """A term with a tree shows its own levels: no district level in khóa XXI."""
        levels = self.levels()
        self.assertEqual(list(levels), ["province", "commune", "cell"])
        self.assertEqual(levels["cell"].committees_reported, 1)
        self.assertEqual(levels["cell"].members_total, 120)
        self.assertEqual(levels["province"].committees_reported, 0)

    def test_queries_do_not_grow_with_the_tree(self):
        """The figures take five queries with a small tree and with a large one."""
        with self.assertNumQueries(5):
            term_reach(self.term)
        for n in range(30):
            commune = make_committee(
                name=f"Xã thêm {n}",
                level="commune",
                parent=self.tree["province"],
                term=self.term,
                party_members=10,
            )
            make_study_result(
                committee=commune,
                document=self.document,
                members=10,
                members_studied=5,
                reports_written=5,
            )
        with self.assertNumQueries(5):
            term_reach(self.term)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_reach_page_shows_results_and_not_drafts(self):
        """The page shows approved figures; an unapproved report's numbers are not there."""
        make_conference(level="commune", committee=self.tree["commune"][0]).documents.add(
            self.document
        )
        warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version
        with self.assertNumQueries(7):
            response = self.client.get(REACH_URL)
        content = response.content.decode()
        self.assertIn("3/5", content)
        self.assertIn("215/350", content)
        self.assertIn("1 cấp ủy chưa có số đảng viên", content)
        self.assertNotIn("99", content.split("<main", 1)[-1].split("Tải số liệu")[0])
        self.assertIn(self.tree["province"].get_absolute_url(), content)

    def test_csv_download(self):
        """The CSV has a BOM, one row per level, and the same numbers as the page."""
        response = self.client.get(CSV_URL)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        text = response.content.decode("utf-8")
        self.assertTrue(text.startswith("\ufeff"))
        rows = list(csv.DictReader(io.StringIO(text[1:])))
        self.assertEqual(len(rows), 3)
        commune = next(row for row in rows if row["Mã cấp"] == "commune")
        self.assertEqual(commune["Cấp ủy đã báo cáo"], "3")
        self.assertEqual(commune["Đảng viên đã học tập"], "215")
        self.assertEqual(commune["Bài loại tốt"], "120")

    def test_json_download(self):
        """The JSON names the term and gives the same rows; a bad term is a 400."""
        data = json.loads(self.client.get(JSON_URL, {"khoa": "XXI"}).content)
        self.assertEqual(data["nhiem_ky"], str(self.term))
        commune = next(row for row in data["ket_qua"] if row["ma_cap"] == "commune")
        self.assertEqual(commune["so_dang_vien"], 350)
        self.assertEqual(commune["cap_uy_chua_co_so_dang_vien"], 1)
        self.assertEqual(self.client.get(JSON_URL, {"khoa": "nope"}).status_code, 400)
        self.assertEqual(self.client.get(CSV_URL, {"khoa": "\x00"}).status_code, 400)


class CommitteePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XXI", start_year=2025, end_year=2030)
        cls.tree = build_tree(cls.term, communes=2)
        cls.commune = cls.tree["commune"][0]
        cls.first = make_document(number="01-NQ/TU", term=cls.term)
        cls.second = make_document(number="02-NQ/TU", term=cls.term)
        make_study_result(
            committee=cls.commune,
            document=cls.first,
            members=100,
            members_studied=93,
            assessment="Tổ chức nghiêm túc.",
        )
        make_study_result(
            committee=cls.commune,
            document=cls.second,
            members=100,
            members_studied=41,
            is_approved=False,
            assessment="Bản nháp chưa duyệt.",
        )
        cls.held = make_conference(level="commune", committee=cls.commune, title="Hội nghị xã")
        cls.held.documents.add(cls.first)
        make_conference(
            level="commune", committee=cls.commune, title="Hội nghị nháp", status="draft"
        )

    def url(self, committee=None):
        return (committee or self.commune).get_absolute_url()

    def test_page_lists_public_items_only(self):
        """Approved results and published conferences show; the rest does not."""
        response = self.client.get(self.url())
        self.assertContains(response, "Đảng ủy xã 0")
        self.assertContains(response, "93/100")
        self.assertContains(response, "Tổ chức nghiêm túc.")
        self.assertContains(response, "Hội nghị xã")
        self.assertContains(response, "<svg", count=1)
        self.assertNotContains(response, "41/100")
        self.assertNotContains(response, "Bản nháp chưa duyệt.")
        self.assertNotContains(response, "Hội nghị nháp")
        self.assertContains(response, "Chi bộ 0-1")
        self.assertContains(response, self.tree["province"].get_absolute_url())

    def test_unknown_committee_is_404(self):
        """A committee id that does not exist is a 404."""
        self.assertEqual(self.client.get("/hoi-nghi/cap-uy/999999/").status_code, 404)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_queries_do_not_grow(self):
        """The page takes the same queries with two children and results and with many."""
        warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version
        with self.assertNumQueries(5) as before:
            self.client.get(self.url())
        for n in range(20):
            Committee.objects.create(
                name=f"Chi bộ thêm {n}", level="cell", parent=self.commune, term=self.term
            )
            document = make_document(term=self.term)
            make_study_result(committee=self.commune, document=document)
            make_conference(level="commune", committee=self.commune).documents.add(document)
        warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version
        with self.assertNumQueries(len(before.captured_queries)):
            self.client.get(self.url())


class FigureFilterTests(TestCase):
    def test_groups_like_intcomma(self):
        """The reach page's number filter writes what intcomma writes in Vietnamese."""
        from django.contrib.humanize.templatetags.humanize import intcomma
        from django.utils import translation

        from resolutions.templatetags.figures import figure

        with translation.override("vi"):
            for value in (0, 7, 999, 1653, 110400, 12345678):
                self.assertEqual(figure(value), intcomma(value))
        self.assertEqual(figure(None), None)
        self.assertEqual(figure("?"), "?")
