"""Public conference pages: list and filters, detail, series, gallery, hidden drafts and reports,
links to documents and news, Vietnamese digit grouping."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from resolutions.models import (
    AgendaItem,
    ConferencePhoto,
    ConferenceReport,
    ConnectedSite,
)
from resolutions.reach import percent
from tests.factories import (
    make_article,
    make_conference,
    make_document,
    make_staff,
)
from tests.image_files import image_bytes, upload

LIST_URL = reverse("resolutions:conference-list")


class ConferenceListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.document = make_document(number="07-NQ/TU")
        cls.past = make_conference(
            title="Hội nghị cấp tỉnh đã qua",
            starts_at=datetime.datetime(2025, 3, 10, 1, 0, tzinfo=datetime.UTC),
            format="online",
        )
        cls.past.documents.add(cls.document)
        cls.district = make_conference(
            title="Hội nghị cấp huyện đã qua",
            level="district",
            starts_at=datetime.datetime(2026, 1, 5, 1, 0, tzinfo=datetime.UTC),
        )
        cls.upcoming = make_conference(
            title="Hội nghị sắp tới", starts_at=now + datetime.timedelta(days=5)
        )
        cls.draft = make_conference(title="Hội nghị bản nháp", status="draft")
        cls.scheduled = make_conference(
            title="Hội nghị hẹn giờ", published_at=now + datetime.timedelta(days=1)
        )

    def test_upcoming_and_past_are_listed_drafts_are_not(self):
        """The list shows upcoming and past published conferences, never drafts or scheduled."""
        response = self.client.get(LIST_URL)
        self.assertContains(response, self.upcoming.title)
        self.assertContains(response, self.past.title)
        self.assertNotContains(response, self.draft.title)
        self.assertNotContains(response, self.scheduled.title)

    def test_filters(self):
        """Level, year, document and format each narrow the list."""
        cases = [
            ({"cap": "district"}, self.district, self.past),
            ({"nam": "2025"}, self.past, self.district),
            ({"van_ban": str(self.document.pk)}, self.past, self.district),
            ({"hinh_thuc": "online"}, self.past, self.district),
        ]
        for params, shown, hidden in cases:
            with self.subTest(params=params):
                response = self.client.get(LIST_URL, params)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, shown.title)
                self.assertNotContains(response, hidden.title)

    def test_bad_filter_values_are_400_not_500(self):
        """Values outside the offered choices give a 400 with a message."""
        for params in [
            {"cap": "galaxy"},
            {"nam": "abc"},
            {"nam": "99999"},
            {"van_ban": "abc"},
            {"van_ban": "999999"},
            {"van_ban": "9" * 30},
            {"van_ban": "\x00"},
            {"cap": "\x00"},
            {"hinh_thuc": "x" * 500},
        ]:
            with self.subTest(params=params):
                response = self.client.get(LIST_URL, params)
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, "không hợp lệ", status_code=400)

    def test_draft_document_is_not_a_filter_choice(self):
        """A document that is not published cannot be chosen as a filter."""
        hidden = make_document(number="99-NQ/TU", status="draft")
        self.past.documents.add(hidden)
        response = self.client.get(LIST_URL, {"van_ban": str(hidden.pk)})
        self.assertEqual(response.status_code, 400)


class ConferenceDetailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(number="03-NQ/TU")
        cls.province = make_conference(
            title="Hội nghị cán bộ chủ chốt toàn tỉnh", invited_count=500, format="online"
        )
        cls.province.documents.add(cls.document)
        AgendaItem.objects.create(
            conference=cls.province,
            title="Quán triệt Nghị quyết 03",
            presenter="Trưởng Ban Tuyên giáo Tỉnh ủy",
            document=cls.document,
            duration_minutes=45,
        )
        for name, attendance in [("Điểm cầu Hải Hậu", 230), ("Điểm cầu Giao Thủy", 190)]:
            ConnectedSite.objects.create(
                conference=cls.province,
                name=name,
                place="Trung tâm chính trị",
                attendance=attendance,
            )
        cls.province.update_attendance_from_sites()
        cls.district = make_conference(
            title="Hội nghị quán triệt ở huyện Hải Hậu", level="district", parent=cls.province
        )
        cls.hidden_child = make_conference(
            title="Hội nghị cấp xã chưa xuất bản",
            level="commune",
            parent=cls.province,
            status="draft",
        )
        cls.report = ConferenceReport.objects.create(
            conference=cls.province, conclusions="Kết luận chưa duyệt của hội nghị"
        )

    def test_detail_shows_agenda_sites_and_total(self):
        """The page shows the agenda item, each site and the total from the sites."""
        response = self.client.get(self.province.get_absolute_url())
        self.assertContains(response, "Quán triệt Nghị quyết 03")
        self.assertContains(response, "Trưởng Ban Tuyên giáo Tỉnh ủy")
        self.assertContains(response, "Điểm cầu Giao Thủy")
        self.assertContains(response, '<td class="num">420</td>', html=True)
        self.assertContains(
            response, reverse("resolutions:conference-ics", args=[self.province.slug])
        )

    def test_series_is_shown_both_ways(self):
        """The parent lists its published children and the child links back to its parent."""
        response = self.client.get(self.province.get_absolute_url())
        self.assertContains(response, self.district.title)
        self.assertNotContains(response, self.hidden_child.title)
        response = self.client.get(self.district.get_absolute_url())
        self.assertContains(response, "Triển khai tiếp từ")
        self.assertContains(response, self.province.get_absolute_url())

    def test_unpublished_parent_is_not_linked(self):
        """A child does not reveal a parent that is not published."""
        draft_parent = make_conference(title="Hội nghị tỉnh chưa công bố", status="draft")
        child = make_conference(
            title="Hội nghị huyện công khai", level="district", parent=draft_parent
        )
        response = self.client.get(child.get_absolute_url())
        self.assertNotContains(response, draft_parent.title)

    def test_unapproved_report_is_never_shown(self):
        """A report that is not approved stays hidden, from readers and from staff preview."""
        response = self.client.get(self.province.get_absolute_url())
        self.assertNotContains(response, self.report.conclusions)
        staff = make_staff(username="staff", password="pw")
        self.client.force_login(staff)
        response = self.client.get(self.province.get_absolute_url())
        self.assertNotContains(response, self.report.conclusions)

    def test_approved_report_is_shown(self):
        """Once approved, the report's conclusions appear on the page."""
        self.report.is_approved = True
        self.report.save()
        response = self.client.get(self.province.get_absolute_url())
        self.assertContains(response, self.report.conclusions)

    def test_draft_is_404_and_staff_preview_200(self):
        """A draft conference is a 404 for readers and a preview for staff."""
        url = self.hidden_child.get_absolute_url()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(
            self.client.get(
                reverse("resolutions:conference-ics", args=[self.hidden_child.slug])
            ).status_code,
            404,
        )
        staff = make_staff(username="staff", password="pw")
        self.client.force_login(staff)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_detail_queries_do_not_grow_with_sites(self):
        """The page's query count does not depend on the number of sites or agenda items."""
        url = self.province.get_absolute_url()
        with CaptureQueriesContext(connection) as before:
            self.client.get(url)
        for n in range(10):
            ConnectedSite.objects.create(conference=self.province, name=f"Điểm {n}")
            AgendaItem.objects.create(
                conference=self.province, title=f"Mục {n}", document=make_document()
            )
        with CaptureQueriesContext(connection) as after:
            response = self.client.get(url)
        self.assertContains(response, "Mục 9")
        self.assertEqual(len(after), len(before))


class GalleryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.conference = make_conference(title="Hội nghị có ảnh")
        for n in range(1, 4):
            ConferencePhoto.objects.create(
                conference=cls.conference,
                image=upload(f"p{n}.png", image_bytes()),
                caption=f"Chú thích ảnh {n}",
                alt_text=f"Mô tả ảnh {n}",
                order=n,
            )

    def test_each_thumbnail_links_to_its_large_view(self):
        """Every thumbnail is a link to the photo's own page, in order."""
        response = self.client.get(self.conference.get_absolute_url())
        for n in range(1, 4):
            url = reverse("resolutions:conference-photo", args=[self.conference.slug, n])
            self.assertContains(response, f'href="{url}"')
        self.assertContains(response, 'alt="Mô tả ảnh 2"')

    def test_photo_page_has_previous_and_next(self):
        """The large view shows the photo with its caption and links to its neighbours."""
        url = reverse("resolutions:conference-photo", args=[self.conference.slug, 2])
        response = self.client.get(url)
        self.assertContains(response, "Chú thích ảnh 2")
        self.assertContains(response, "Ảnh 2/3")
        self.assertContains(response, 'rel="prev"')
        self.assertContains(response, 'rel="next"')

    def test_photo_out_of_range_is_404(self):
        """A photo number beyond the gallery is a 404."""
        for number in [0, 4, 999]:
            url = reverse("resolutions:conference-photo", args=[self.conference.slug, number])
            self.assertEqual(self.client.get(url).status_code, 404)

    def test_photos_of_a_draft_are_404(self):
        """The photo pages of an unpublished conference are not public."""
        draft = make_conference(title="Nháp có ảnh", status="draft")
        ConferencePhoto.objects.create(
            conference=draft, image=upload("x.png", image_bytes()), alt_text="x"
        )
        url = reverse("resolutions:conference-photo", args=[draft.slug, 1])
        self.assertEqual(self.client.get(url).status_code, 404)


class AgendaDocumentLinkTests(TestCase):
    def test_agenda_links_only_published_documents(self):
        """An agenda item names its document only when the document is published."""
        from ndportal.publishing import Status

        conference = make_conference()
        public = make_document(number="07-NQ/TU")
        draft = make_document(number="08-NQ/TU", status=Status.DRAFT, published_at=None)
        AgendaItem.objects.create(conference=conference, title="Quán triệt 07", document=public)
        AgendaItem.objects.create(conference=conference, title="Quán triệt 08", document=draft)

        response = self.client.get(conference.get_absolute_url())

        self.assertContains(response, "Quán triệt 08")
        self.assertContains(response, public.get_absolute_url())
        self.assertNotContains(response, draft.get_absolute_url())
        self.assertNotContains(response, "08-NQ/TU")


class ConferenceLinksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(number="03-NQ/TU", title="về phát triển nông nghiệp")
        cls.draft_document = make_document(
            number="04-NQ/TU", title="nghị quyết chưa công bố", status=Status.DRAFT
        )
        cls.conference = make_conference(
            title="Hội nghị quán triệt các nghị quyết chuyên đề",
            place="Hội trường Tỉnh ủy",
            chair="Đồng chí Bí thư Tỉnh ủy",
        )
        cls.conference.documents.add(cls.document, cls.draft_document)
        cls.article = make_article(title="Tin về hội nghị quán triệt")
        cls.draft_article = make_article(title="Tin nháp về hội nghị", status=Status.REVIEW)
        for article in [cls.article, cls.draft_article]:
            article.conferences.add(cls.conference)
        cls.child = make_conference(title="Hội nghị cấp huyện Hải Hậu", parent=cls.conference)
        cls.draft_child = make_conference(
            title="Hội nghị cấp xã chưa duyệt", parent=cls.conference, status=Status.DRAFT
        )
        cls.draft_parent = make_conference(title="Hội nghị cấp trên nháp", status=Status.DRAFT)
        cls.orphan = make_conference(title="Hội nghị có cấp trên nháp", parent=cls.draft_parent)

    def test_details(self):
        """The page shows title, place, chair and level."""
        response = self.client.get(self.conference.get_absolute_url())
        self.assertContains(response, self.conference.title)
        self.assertContains(response, "Hội trường Tỉnh ủy")
        self.assertContains(response, "Đồng chí Bí thư Tỉnh ủy")
        self.assertContains(response, "Cấp tỉnh")

    def test_shows_its_documents_and_news(self):
        """The conference links the documents it studied and the news about it."""
        response = self.client.get(self.conference.get_absolute_url())
        self.assertContains(response, self.document.get_absolute_url())
        self.assertContains(response, self.article.get_absolute_url())
        self.assertContains(response, self.child.get_absolute_url())

    def test_hides_unpublished_links(self):
        """A draft document, an article under review and a draft child are not shown."""
        response = self.client.get(self.conference.get_absolute_url())
        self.assertNotContains(response, "04-NQ/TU")
        for obj in [self.draft_document, self.draft_article, self.draft_child]:
            with self.subTest(obj=str(obj)):
                self.assertNotContains(response, obj.title)

    def test_hides_unpublished_parent(self):
        """A conference under a draft parent does not link the parent."""
        response = self.client.get(self.orphan.get_absolute_url())
        self.assertNotContains(response, self.draft_parent.title)
        self.assertNotContains(response, self.draft_parent.get_absolute_url())

    def test_unknown_slug_is_404(self):
        """A conference slug that does not exist is a 404."""
        url = reverse("resolutions:conference-detail", kwargs={"slug": "khong-co"})
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_query_count_does_not_grow_with_links(self):
        """More documents and articles on a conference do not add queries (no N+1)."""
        with CaptureQueriesContext(connection) as before:
            self.client.get(self.conference.get_absolute_url())
        for index in range(4):
            self.conference.documents.add(make_document(number=f"{50 + index}-KH/TU"))
            make_article(title=f"Tin thêm {index}").conferences.add(self.conference)
        with CaptureQueriesContext(connection) as after:
            response = self.client.get(self.conference.get_absolute_url())
        self.assertContains(response, "53-KH/TU")
        self.assertEqual(len(after), len(before), [q["sql"][:120] for q in after])


class DigitGroupingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.conference = make_conference(
            title="Hội nghị đông người",
            starts_at=datetime.datetime(2025, 3, 10, 1, 0, tzinfo=datetime.UTC),
            published_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
            invited_count=2000,
            attendance=1653,
        )

    def test_conference_pages_group_thousands_with_a_dot(self):
        """1653 reads 1.653 on the list card and the detail page; the year stays 2025."""
        for url in (LIST_URL, self.conference.get_absolute_url()):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "1.653")
                self.assertNotContains(response, "1653")
                self.assertContains(response, "10/03/2025")
                self.assertNotContains(response, "2.025")

    def test_detail_groups_invited_count(self):
        """The number invited is grouped too."""
        self.assertContains(self.client.get(self.conference.get_absolute_url()), "2.000")

    def test_small_share_is_not_zero(self):
        """1 of 226 reads <1%, not 0%; nothing reads 0%, half reads 50%."""
        self.assertEqual(percent(1 / 226), "<1%")
        self.assertEqual(percent(0), "0%")
        self.assertEqual(percent(0.5), "50%")
        self.assertEqual(percent(None), "—")


class ConferenceDocumentChoiceTests(TestCase):
    def test_documents_offered_by_issue_date_then_number(self):
        """The "Văn bản học tập" filter lists oldest first, same-day documents by number."""
        early = datetime.date(2021, 3, 19)
        later = datetime.date(2021, 6, 25)
        documents = [
            make_document(number="05-NQ/TU", issued_on=datetime.date(2021, 9, 17)),
            make_document(number="04-NQ/TU", issued_on=later),
            make_document(number="03-NQ/TU", issued_on=later),
            make_document(number="02-NQ/TU", issued_on=early),
            make_document(number="10-NQ/TU", issued_on=early),
        ]
        conference = make_conference()
        conference.documents.add(*documents)
        response = self.client.get(LIST_URL)
        choices = [str(d) for d in response.context["form"].fields["van_ban"].queryset]
        numbers = [label.split()[-1] for label in choices]
        self.assertEqual(numbers, ["02-NQ/TU", "10-NQ/TU", "03-NQ/TU", "04-NQ/TU", "05-NQ/TU"])
