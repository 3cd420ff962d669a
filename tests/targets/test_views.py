"""targets/views.py: the progress page, the dashboard, and what readers may see on them."""

import datetime

from django.core.files.base import ContentFile
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from targets.models import Milestone
from targets.views import progress_url
from tests.factories import make_report, make_target, make_unit, warm_page_fragments
from tests.image_files import image_bytes


@override_settings(PAGE_CACHE_SECONDS=0)
class ProgressPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.target = make_target(name="Tỷ lệ xã nông thôn mới nâng cao", unit_of_measure="%")
        cls.resolution = cls.target.resolution
        make_report(cls.target, year=2022, value="40.5")
        make_report(cls.target, year=2023, value="77.7", is_approved=False)
        inspection = Milestone.objects.create(
            programme=cls.target.programme,
            unit=cls.target.unit,
            happened_on=datetime.date(2023, 5, 1),
            title="Kiểm tra giữa kỳ",
            is_approved=True,
        )
        inspection.photos.create(
            image=ContentFile(image_bytes(size=(800, 600)), name="kiem-tra.png"),
            alt_text="Đoàn kiểm tra thăm cánh đồng mẫu",
        )
        Milestone.objects.create(
            programme=cls.target.programme,
            unit=cls.target.unit,
            happened_on=datetime.date(2023, 6, 1),
            title="Mốc chưa duyệt",
        )

    def test_shows_target_chart_table_and_milestones(self):
        """The target, its approved figure written 40,5, the SVG and table, the milestone."""
        response = self.client.get(progress_url(self.resolution))
        self.assertContains(response, "Tỷ lệ xã nông thôn mới nâng cao")
        self.assertContains(response, '<td class="num">40,5</td>', html=True)
        self.assertContains(response, "<svg", count=2)  # the progress bar and the chart
        self.assertContains(response, "<title>Kế hoạch và thực hiện từng năm: Tỷ lệ xã")
        self.assertContains(response, "Kiểm tra giữa kỳ")
        self.assertContains(response, self.target.unit.name)
        # The milestone's photo, with its stored size (ndportal/renditions.py; the worker's
        # renditions come after the commit, never inside this test's transaction).
        self.assertContains(
            response, 'alt="Đoàn kiểm tra thăm cánh đồng mẫu" width="800" height="600"'
        )

    def test_unapproved_reports_and_milestones_never_show(self):
        response = self.client.get(progress_url(self.resolution))
        self.assertNotContains(response, "77,7")
        self.assertNotContains(response, "Mốc chưa duyệt")

    def test_draft_programme_hides_its_targets(self):
        """A programme taken back to draft takes its targets off the page (404 when none left)."""
        other = make_target()
        programme = other.programme
        programme.status = Status.DRAFT
        programme.save()
        self.assertEqual(self.client.get(progress_url(other.resolution)).status_code, 404)

    def test_unknown_resolution_is_404(self):
        url = reverse(
            "targets:resolution-progress",
            kwargs={"type_slug": "nghi-quyet", "year": 2021, "slug": "khong-co"},
        )
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_document_page_links_to_progress(self):
        response = self.client.get(self.resolution.get_absolute_url())
        self.assertContains(response, f'href="{progress_url(self.resolution)}"')

    def test_readers_can_ask_about_the_resolution_from_its_progress(self):
        """The citizens' question form, about this resolution, without a CSRF token (the
        page stays cacheable; feedback/ explains the second step that carries one)."""
        response = self.client.get(progress_url(self.resolution))
        self.assertContains(response, 'id="feedback-form-title"')
        self.assertContains(response, f'action="{reverse("feedback:send")}"')
        self.assertContains(response, f'value="{self.resolution.pk}"')
        self.assertNotContains(response, "csrfmiddlewaretoken")


@override_settings(PAGE_CACHE_SECONDS=0)
class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.unit_late = make_unit(name="Sở Chậm Báo Cáo")
        cls.done = make_target(name="Chỉ tiêu đã đạt")
        make_report(cls.done, year=2025, value=100)
        cls.behind = make_target(name="Chỉ tiêu chậm", resolution=cls.done.resolution)
        make_report(cls.behind, year=2025, value=10)
        cls.silent = make_target(
            name="Chỉ tiêu im lặng", resolution=cls.done.resolution, unit=cls.unit_late
        )

    def test_counts_by_status(self):
        response = self.client.get(reverse("targets:dashboard"))
        counts = {status: count for status, _, count in response.context["overall"].count_rows}
        self.assertEqual(counts, {"achieved": 1, "on_track": 0, "behind": 1, "no_data": 1})

    def test_furthest_behind_and_units_without_report(self):
        with self.settings(USE_TZ=True):
            response = self.client.get(reverse("targets:dashboard"))
        self.assertEqual([item.target for item, _ in response.context["behind"]], [self.behind])
        self.assertEqual(response.context["report_year"], min(timezone.localdate().year - 1, 2025))
        self.assertIn(self.unit_late, [unit for unit, _ in response.context["missing"]])
        self.assertContains(response, "Sở Chậm Báo Cáo")

    def test_bad_term_is_400(self):
        response = self.client.get(reverse("targets:dashboard"), {"khoa": "khong-co"})
        self.assertEqual(response.status_code, 400)

    def test_navigation_links_to_dashboard(self):
        response = self.client.get(reverse("home"))
        self.assertContains(response, f'href="{reverse("targets:dashboard")}"')


PROGRESS_QUERIES, DASHBOARD_QUERIES = 7, 5


@override_settings(PAGE_CACHE_SECONDS=0)
class QueryCountTests(TestCase):
    """The pages' queries do not grow with the number of targets."""

    def count_queries(self, url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)

    def test_constant_in_number_of_targets(self):
        first = make_target()
        make_report(first)
        progress = progress_url(first.resolution)
        dashboard = reverse("targets:dashboard")
        warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version
        small = self.count_queries(progress), self.count_queries(dashboard)
        for _ in range(12):
            target = make_target(resolution=first.resolution, programme=first.programme)
            make_report(target)
            make_report(target, year=2023)
        warm_page_fragments()
        large = self.count_queries(progress), self.count_queries(dashboard)
        self.assertEqual(small, large)
        # Pinned: the progress page and the dashboard (README, "Caching and query budgets").
        self.assertEqual(large, (PROGRESS_QUERIES, DASHBOARD_QUERIES))
