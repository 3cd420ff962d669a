"""Targets in the site search (targets/search.py): found accent-blind by name, units,
unit of measure and document numbers; only targets whose resolution and programme are
both published are found or counted; a renamed or added unit is found at once."""

import datetime

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from ndportal.search import run_search
from targets.models import Direction
from targets.views import target_anchor_url
from tests.factories import (
    make_document,
    make_document_type,
    make_report,
    make_target,
    make_term,
    make_unit,
    warm_page_fragments,
)

DRAFT = {"status": Status.DRAFT, "published_at": None}


def counts(query):
    return {kind.name: n for kind, n in run_search(query).kind_counts}


@override_settings(PAGE_CACHE_SECONDS=0)
class TargetSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XX", start_year=2020, end_year=2025, is_current=True)
        cls.resolution = make_document(number="07-NQ/TU", term=cls.term, is_thematic=True)
        plan_type = make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach")
        cls.programme = make_document(number="15-KH/TU", doc_type=plan_type, term=cls.term)
        cls.agriculture = make_unit(name="Sở Nông nghiệp và Môi trường", short_name="Sở NN&MT")
        cls.target = make_target(
            resolution=cls.resolution,
            programme=cls.programme,
            unit=cls.agriculture,
            code="1.2",
            name="Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao",
            unit_of_measure="%",
            direction=Direction.HIGHER,
        )

    def only_target(self, query):
        """The hits of `query` that are targets."""
        return [hit for hit in run_search(query).hits if hit.kind.name == "chi-tieu"]

    def test_a_published_target_is_found_accent_blind(self):
        """`ty le xa` finds "Tỷ lệ xã…", headed by code and name, linked to its progress row."""
        [hit] = self.only_target("ty le xa")
        self.assertEqual(hit.obj, self.target)
        self.assertEqual(hit.title, "1.2 Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao")
        self.assertEqual(hit.url, target_anchor_url(self.target))
        self.assertTrue(hit.url.endswith(f"#chi-tieu-{self.target.pk}"))
        self.assertEqual(hit.date, self.resolution.issued_on)
        self.assertEqual(counts("ty le xa")["chi-tieu"], 1)

    def test_the_search_page_shows_the_target(self):
        """The header search lists it under the kind "Chỉ tiêu", with its link and filter."""
        response = self.client.get(reverse("search"), {"q": "TỶ LỆ XÃ"})
        self.assertContains(response, '<span class="badge">Chỉ tiêu</span>', html=True)
        self.assertContains(response, f'href="{target_anchor_url(self.target)}"')
        response = self.client.get(reverse("search"), {"q": "ty le xa", "loai": "chi-tieu"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual([hit.obj for hit in response.context["results"].hits], [self.target])

    def test_found_by_units_measure_and_document_numbers(self):
        """The responsible unit (name or short name), the numbers, the direction's words."""
        for query in ("so nong nghiep", "nn&mt", "07-NQ/TU", "15 kh tu", "cang cao cang tot"):
            with self.subTest(query=query):
                self.assertEqual([hit.obj for hit in self.only_target(query)], [self.target])

    def test_a_target_of_a_draft_programme_is_neither_found_nor_counted(self):
        draft_programme = make_document(number="16-KH/TU", term=self.term, **DRAFT)
        make_target(resolution=self.resolution, programme=draft_programme, name="Tỷ lệ xã nháp")
        self.assertEqual(counts("ty le xa nhap")["chi-tieu"], 0)
        self.assertEqual(run_search("ty le xa nhap").total, 0)
        self.assertEqual(counts("ty le xa")["chi-tieu"], 1)

    def test_a_target_of_a_draft_or_scheduled_resolution_is_neither_found_nor_counted(self):
        draft = make_document(number="08-NQ/TU", term=self.term, is_thematic=True, **DRAFT)
        later = timezone.now() + datetime.timedelta(days=1)
        scheduled = make_document(
            number="09-NQ/TU", term=self.term, is_thematic=True, published_at=later
        )
        for resolution in (draft, scheduled):
            make_target(resolution=resolution, programme=self.programme, name="Tỷ lệ xã ẩn")
        self.assertEqual(counts("ty le xa an")["chi-tieu"], 0)
        self.assertEqual(run_search("ty le xa an").total, 0)
        response = self.client.get(reverse("search"), {"q": "ty le xa an"})
        self.assertNotContains(response, "Tỷ lệ xã ẩn")

    def test_unpublishing_the_programme_hides_the_target(self):
        """Public is decided at search time: no stored flag to forget."""
        type(self.programme).objects.filter(pk=self.programme.pk).update(**DRAFT)
        self.assertEqual(counts("ty le xa")["chi-tieu"], 0)

    def test_reports_are_never_searched(self):
        """A report's note stays on the progress page (once approved), never in the search."""
        make_report(self.target, note="Số liệu thống kê riêng của huyện")
        self.assertEqual(counts("thong ke rieng cua huyen")["chi-tieu"], 0)

    def test_a_renamed_unit_is_found_at_once(self):
        """Renaming the responsible unit refreshes the targets it carries or shares."""
        sharing = make_unit(name="Sở Tài chính")
        self.target.sharing_units.add(sharing)
        self.assertEqual([hit.obj for hit in self.only_target("so tai chinh")], [self.target])
        self.agriculture.name = "Sở Nông nghiệp và Phát triển nông thôn"
        self.agriculture.save()
        sharing.name = "Sở Kế hoạch và Đầu tư"
        sharing.save()
        self.assertEqual(self.only_target("so tai chinh"), [])
        self.assertEqual(self.only_target("moi truong"), [])
        self.assertEqual([hit.obj for hit in self.only_target("ke hoach va dau tu")], [self.target])
        found = self.only_target("phat trien nong thon")
        self.assertEqual([hit.obj for hit in found], [self.target])

    def test_removing_a_sharing_unit_removes_its_name(self):
        sharing = make_unit(name="Sở Xây dựng")
        self.target.sharing_units.add(sharing)
        self.assertEqual([hit.obj for hit in self.only_target("so xay dung")], [self.target])
        self.target.sharing_units.remove(sharing)
        self.assertEqual(self.only_target("so xay dung"), [])

    def test_an_edited_target_is_found_by_its_new_name(self):
        self.target.name = "Số xã có chợ đạt chuẩn"
        self.target.save()
        self.assertEqual(self.only_target("ty le xa"), [])
        self.assertEqual([hit.obj for hit in self.only_target("cho dat chuan")], [self.target])

    def test_query_count_with_targets_found_is_fixed(self):
        """Targets found cost their count, their title count and one fetch, whatever their
        number: the same with 1 target as with 6."""
        warm_page_fragments()
        # six counts (one per kind), Chỉ tiêu's title count, the ranked page, the fetch of
        # the targets with their documents and units, the type menu
        with self.assertNumQueries(10):
            self.client.get(reverse("search"), {"q": "ty le xa"})
        for n in range(5):
            make_target(
                resolution=self.resolution,
                programme=self.programme,
                unit=make_unit(),
                name=f"Tỷ lệ xã có nhà văn hóa {n}",
            ).sharing_units.add(self.agriculture)
        warm_page_fragments()
        with self.assertNumQueries(10):
            response = self.client.get(reverse("search"), {"q": "ty le xa"})
        self.assertEqual(len(response.context["results"].hits), 6)
