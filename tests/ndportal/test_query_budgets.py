"""Every public page runs a fixed number of queries, whether it lists 1 item or 50.

The budgets are written in README.md ("Query budgets"). The page cache is off here:
these are the costs of a page rendered afresh.
"""

import datetime
from contextlib import contextmanager
from unittest import mock

from django.db import connection, transaction
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Tag
from resolutions.models import (
    AgendaItem,
    CommitteeCount,
    ConnectedSite,
    DocumentRelation,
    Field,
    RelationKind,
    StudyResult,
)
from tests.factories import (
    make_article,
    make_category,
    make_committee,
    make_conference,
    make_document,
    make_document_type,
    make_question,
    make_target,
    make_term,
    make_unit,
    warm_page_fragments,
)

HOME_BUDGET = 12
PAGE_BUDGET = 10
SEARCH_BUDGET = 14  # 13 + the Chỉ tiêu kind's count (targets joined the search)


def build(n):
    """n articles, documents and conferences, the first of each tied to n of the others."""
    category = make_category(name="Thời sự", slug="thoi-su")
    term = make_term(name="XX", start_year=2020, end_year=2025, is_current=True)
    field = Field.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang")
    committee = make_committee(
        name="Huyện ủy Xuân Trường", level="district", term=term, party_members=9000
    )
    CommitteeCount.objects.create(term=term, level="district", count=10)
    programme_type = make_document_type(name="Chương trình", code="CTr", slug="chuong-trinh")
    programme = make_document(number="01-CTr/TU", doc_type=programme_type, term=term)
    articles = []
    documents = []
    conferences = []
    for i in range(n):
        tag = Tag.objects.create(name=f"Từ khóa {i}", slug=f"tu-khoa-{i}")
        article = make_article(category=category, is_featured=i < 3)
        article.tags.add(tag)
        articles.append(article)
        document = make_document(
            number=f"{i + 1:02d}-NQ/TU",
            term=term,
            is_thematic=True,
            issued_on=datetime.date(2021, 1, 1) + datetime.timedelta(days=i),
        )
        document.fields.add(field)
        documents.append(document)
        # Words apart from "nghi quyet" too: the Chỉ tiêu kind costs its count on the search
        # page; tests/targets/test_search.py pins the page when targets are found.
        make_target(resolution=document, programme=programme, name=f"Tỷ lệ xã đạt chuẩn {i}")
        starts = timezone.now() + datetime.timedelta(days=(1 if i % 2 else -1) * (i + 1))
        conference = make_conference(
            level="district", committee=committee, term=term, starts_at=starts
        )
        conference.documents.add(documents[0] if documents else document)
        conferences.append(conference)
        StudyResult.objects.create(
            committee=committee, document=document, members=100, members_studied=90
        )
        make_committee(
            name=f"Đảng ủy xã {i}", level="commune", parent=committee, term=term, party_members=90
        )
    first_article, first_document, first_conference = articles[0], documents[0], conferences[0]
    first_article.documents.add(*documents)
    first_article.conferences.add(*conferences)
    kinds = [RelationKind.BASED_ON, RelationKind.GUIDES, RelationKind.REFERS_TO]
    for i, other in enumerate(documents[1:]):
        DocumentRelation.objects.create(source=first_document, kind=kinds[i % 3], target=other)
        DocumentRelation.objects.create(
            source=other, kind=RelationKind.AMENDS, target=first_document
        )
    for i, document in enumerate(documents):
        AgendaItem.objects.create(conference=first_conference, title=f"Mục {i}", document=document)
        ConnectedSite.objects.create(
            conference=first_conference, name=f"Điểm cầu {i}", attendance=10 + i
        )
    first_conference.documents.add(*documents)
    unit = make_unit(name="Sở Nông nghiệp và Môi trường")
    questions = [
        # Words apart from the search test's "nghi quyet", so search pages measure alike.
        make_question(
            answered=True,
            unit=unit,
            document=documents[i],
            subject="Thủ tục hỗ trợ giống lúa",
            message="Xin hỏi thủ tục nhận hỗ trợ giống lúa chất lượng cao?",
        )
        for i in range(n)
    ]
    return {
        "question": questions[0],
        "category": category,
        "article": first_article,
        "document": first_document,
        "conference": first_conference,
        "term": term,
        "field": field,
        "committee": committee,
    }


def pages(data):
    """(name, url, budget) for every public page."""
    document_filters = (
        f"?loai=nghi-quyet&nhiem_ky={data['term'].name}&linh_vuc={data['field'].slug}"
    )
    question = data["question"]
    question_filters = f"?van_ban={question.document_id}&don_vi={question.unit_id}"
    return [
        ("home", reverse("home"), HOME_BUDGET),
        ("news list", reverse("news:article-list"), PAGE_BUDGET),
        ("category", reverse("news:category", args=[data["category"].slug]), PAGE_BUDGET),
        ("article", data["article"].get_absolute_url(), PAGE_BUDGET),
        ("registry", reverse("resolutions:document-list"), PAGE_BUDGET),
        ("registry filtered", reverse("resolutions:document-list") + document_filters, PAGE_BUDGET),
        ("document", data["document"].get_absolute_url(), PAGE_BUDGET),
        ("conference list", reverse("resolutions:conference-list"), PAGE_BUDGET),
        ("conference", data["conference"].get_absolute_url(), PAGE_BUDGET),
        ("reach", reverse("resolutions:conference-reach"), PAGE_BUDGET),
        ("committee", data["committee"].get_absolute_url(), PAGE_BUDGET),
        # Each kind the search covers costs a count even when nothing matches, and up to
        # two counts and a fetch when something does: with Chỉ tiêu (the sixth kind) this
        # page is 12 here, 14 when every kind has hits on the page.
        ("search", reverse("search") + "?q=nghi+quyet", SEARCH_BUDGET),
        ("article feed", reverse("article-feed"), PAGE_BUDGET),
        ("category feed", reverse("category-feed", args=[data["category"].slug]), PAGE_BUDGET),
        ("document feed", reverse("document-feed"), PAGE_BUDGET),
        ("hỏi đáp", reverse("feedback:question-list"), PAGE_BUDGET),
        ("hỏi đáp filtered", reverse("feedback:question-list") + question_filters, PAGE_BUDGET),
        ("question", data["question"].get_absolute_url(), PAGE_BUDGET),
        ("send page", reverse("feedback:send"), PAGE_BUDGET),
        ("lookup", reverse("feedback:lookup") + f"?ma={data['question'].code}", PAGE_BUDGET),
    ]


@contextmanager
def steady_fragments():
    """The shared fragments (footer, navigation, "Đọc nhiều"), read once and then held.

    On a page they cost queries once per content version, and nothing when the cache holds
    them (tests/news/test_navigation.py, tests/pages/test_site_details.py); held here, so that a
    cache that drops a key (a slow Redis answering after its 1 s timeout fails open) never
    bills them to whichever page comes next.
    """
    held = {}

    def fragment(name, read, *, seconds):
        if name not in held:
            held[name] = read()
        return held[name]

    with (
        mock.patch("news.navigation.cached_fragment", fragment),
        mock.patch("news.reads.cached_fragment", fragment),
        mock.patch("pages.footer.cached_fragment", fragment),
    ):
        yield


def count_queries(client, url):
    warm_page_fragments()  # the fragments' first read is no page's
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


@override_settings(PAGE_CACHE_SECONDS=0)
class QueryBudgetTests(TestCase):
    def measure(self, n):
        """{page: queries} on a database holding n items, rolled back afterwards."""
        savepoint = transaction.savepoint()
        try:
            data = build(n)
            with steady_fragments():
                return {
                    name: (count_queries(self.client, url), budget)
                    for name, url, budget in pages(data)
                }
        finally:
            transaction.savepoint_rollback(savepoint)

    def test_pages_within_budget_and_flat_from_1_to_50_items(self):
        """Each page stays within its budget, and lists 50 items with as many queries as 1."""
        one, fifty = self.measure(1), self.measure(50)
        for name, (queries, budget) in one.items():
            with self.subTest(page=name):
                self.assertLessEqual(queries, budget, f"{name} with 1 item")
                self.assertLessEqual(fifty[name][0], budget, f"{name} with 50 items")
                # Search reads its ranked rows in two streams (title/summary matches, then the
                # rest by date): a page that needs both reads both, one query more, never two.
                slack = 1 if name == "search" else 0
                self.assertLessEqual(abs(fifty[name][0] - queries), slack, f"{name}: not flat")
