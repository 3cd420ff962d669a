"""Reach of the thematic resolutions: figures on known data, the overview page, its queries."""

import datetime

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from resolutions import charts
from resolutions.models import CommitteeCount
from resolutions.reach import term_reach
from tests.factories import (
    make_committee,
    make_conference,
    make_document,
    make_term,
    warm_page_fragments,
)

REACH_URL = reverse("resolutions:conference-reach")


class ReachFiguresTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XXI", start_year=2025, end_year=2030, is_current=True)
        cls.first = make_document(number="01-NQ/TU", term=cls.term, is_thematic=True)
        cls.second = make_document(number="02-NQ/TU", term=cls.term, is_thematic=True)
        cls.not_thematic = make_document(number="15-KH/TU", term=cls.term)
        cls.draft_doc = make_document(
            number="03-NQ/TU", term=cls.term, is_thematic=True, status="draft"
        )
        CommitteeCount.objects.create(term=cls.term, level="province", count=1)
        CommitteeCount.objects.create(term=cls.term, level="district", count=10)
        CommitteeCount.objects.create(term=cls.term, level="commune", count=200)

        province = make_committee(name="Tỉnh ủy Nam Định", level="province")
        hai_hau = make_committee(name="Huyện ủy Hải Hậu", level="district", parent=province)
        giao_thuy = make_committee(name="Huyện ủy Giao Thủy", level="district", parent=province)
        # A third district committee exists but has not held its conference yet.
        make_committee(name="Huyện ủy Nghĩa Hưng", level="district", parent=province)

        def held(level, committee, attendance, invited=None, **extra):
            conference = make_conference(
                level=level,
                committee=committee,
                attendance=attendance,
                invited_count=invited,
                **extra,
            )
            conference.documents.add(cls.first)
            return conference

        held("province", province, 480, invited=500)
        held("district", hai_hau, 300, invited=400)
        # Hải Hậu held a second conference on the same resolution: still one committee.
        held("district", hai_hau, 50)
        held("district", giao_thuy, 250, invited=250)
        # Neither a draft nor a conference still to come counts.
        held("district", giao_thuy, 999, invited=999, status="draft")
        held(
            "district",
            giao_thuy,
            777,
            starts_at=timezone.now() + datetime.timedelta(days=3),
        )
        both = held("commune", None, 40)
        both.documents.add(cls.second)

    def levels(self, reach):
        return {level.level: level for level in reach.levels}

    def test_documents_are_the_published_thematic_ones(self):
        """Only published thematic resolutions of the term are in the overview."""
        reach = term_reach(self.term)
        self.assertEqual([r.document for r in reach], [self.first, self.second])

    def test_figures_per_level(self):
        """Conferences, committees held against committees existing, attendance, share."""
        first = self.levels(term_reach(self.term)[0])
        district = first["district"]
        self.assertEqual(district.conferences, 3)
        self.assertEqual(district.committees_held, 2)
        self.assertEqual(district.committees_total, 10)
        self.assertEqual(district.committees_missing, 8)
        self.assertEqual(district.committees_percent, "20%")
        self.assertEqual(district.attendance, 600)
        # Only conferences with both counts known: (300 + 250) / (400 + 250).
        self.assertAlmostEqual(district.target_share, 550 / 650)
        self.assertEqual(first["province"].committees_percent, "100%")
        self.assertEqual(first["province"].target_percent, "96%")

    def test_levels_without_conferences_or_counts(self):
        """A level with no conference shows zero held; a level with no count has no share."""
        reach = term_reach(self.term)
        second = self.levels(reach[1])
        self.assertEqual(second["district"].conferences, 0)
        self.assertEqual(second["district"].committees_missing, 10)
        self.assertEqual(second["commune"].conferences, 1)
        # The commune conference has no committee recorded: a conference, no committee.
        self.assertEqual(second["commune"].committees_held, 0)
        self.assertIsNone(second["cell"].committees_total)
        self.assertEqual(second["cell"].committees_percent, "—")
        self.assertEqual(reach[1].target_percent, "—")

    def test_document_totals(self):
        """A document's totals add up its levels."""
        first = term_reach(self.term)[0]
        self.assertEqual(first.conferences, 5)
        self.assertEqual(first.attendance, 480 + 600 + 40)

    def test_figures_take_five_queries(self):
        """The reach of every document of the term takes five queries in all: documents,
        counts, the tree, the results and the conferences."""
        with self.assertNumQueries(5):
            term_reach(self.term)

    def test_overview_page(self):
        """The public overview draws a chart and a table for each resolution in few queries."""
        warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version
        with self.assertNumQueries(7):
            response = self.client.get(REACH_URL)
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        # Two charts per resolution: committees reported, members studied.
        self.assertEqual(content.count("<svg"), 4)
        self.assertIn('2/10 <span class="meta">(20%)</span>', content)
        self.assertIn("01-NQ/TU", content)
        self.assertNotIn("03-NQ/TU", content)
        # No script runs the chart: besides the JSON-LD data block, the only <script> is
        # the site-wide text size and contrast controls (static/js/reading.js).
        self.assertEqual(
            content.count("<script"),
            content.count('<script type="application/ld+json">') + content.count("js/reading."),
        )

    def test_unknown_term_is_400(self):
        """A term that does not exist is a 400 with a message, not a 500."""
        response = self.client.get(REACH_URL, {"khoa": "<b>XL</b>"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Không có nhiệm kỳ này", status_code=400)
        self.assertNotContains(response, "<b>XL</b>", status_code=400)

    def test_default_term_has_resolutions(self):
        """A new current term without thematic resolutions yet does not hide the last one's."""
        self.term.is_current = False
        self.term.save()
        make_term(name="XXII", start_year=2030, end_year=2035, is_current=True)
        response = self.client.get(REACH_URL)
        self.assertEqual(response.context["term"], self.term)
        self.assertContains(response, "01-NQ/TU")

    def test_nul_in_term_is_400(self):
        """A NUL character in the term name is refused like any unknown term."""
        self.assertEqual(self.client.get(REACH_URL, {"khoa": "X\x00X"}).status_code, 400)

    def test_other_term_by_name(self):
        """?khoa= picks another term, whose resolutions then show."""
        old = make_term(name="XX", start_year=2020, end_year=2025)
        make_document(number="05-NQ/TU", term=old, is_thematic=True)
        response = self.client.get(REACH_URL, {"khoa": "XX"})
        self.assertContains(response, "05-NQ/TU")
        self.assertNotContains(response, "01-NQ/TU")


class ChartTests(TestCase):
    def test_bar_width_follows_share(self):
        """A bar is as long as its share of the bar area, clamped to 0-100 %."""
        chart = charts.share_chart("t", [("a", 0.5, ""), ("b", None, ""), ("c", 1.7, "")])
        widths = [bar.width for bar in chart.bars]
        self.assertEqual(widths, [charts.BAR_AREA / 2, 0, charts.BAR_AREA])
        self.assertGreater(chart.bars[1].y, chart.bars[0].y)
