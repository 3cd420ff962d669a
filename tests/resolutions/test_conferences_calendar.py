"""The month calendar and the iCalendar output, at month boundaries in Asia/Ho_Chi_Minh."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import time_machine
from django.test import TestCase
from django.urls import reverse

from tests.factories import make_conference

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def local(*args):
    return datetime.datetime(*args, tzinfo=HANOI)


def month_url(year, month):
    return reverse("resolutions:conference-calendar", args=[year, month])


class MonthCalendarTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # 23:30 on 30 November in Hà Nội is 16:30 UTC the same day.
        cls.last_evening = make_conference(
            title="Hội nghị tối cuối tháng", starts_at=local(2026, 11, 30, 23, 30)
        )
        # 00:30 on 1 December in Hà Nội is still 30 November in UTC.
        cls.first_morning = make_conference(
            title="Hội nghị rạng sáng đầu tháng", starts_at=local(2026, 12, 1, 0, 30)
        )
        cls.draft = make_conference(
            title="Hội nghị nháp tháng mười một",
            starts_at=local(2026, 11, 15, 8, 0),
            status="draft",
        )

    def test_month_boundaries_follow_local_time(self):
        """A conference belongs to the month of its local start, not of its UTC start."""
        november = self.client.get(month_url(2026, 11))
        december = self.client.get(month_url(2026, 12))
        self.assertContains(november, self.last_evening.title)
        self.assertNotContains(november, self.first_morning.title)
        self.assertContains(december, self.first_morning.title)
        self.assertNotContains(december, self.last_evening.title)

    def test_day_cell_shows_local_time(self):
        """The conference is listed at its local hour on its local day."""
        response = self.client.get(month_url(2026, 12))
        self.assertContains(response, "00:30")
        self.assertEqual(response.context["weeks"][0][1]["date"], datetime.date(2026, 12, 1))
        self.assertEqual(response.context["weeks"][0][1]["conferences"], [self.first_morning])

    def test_drafts_are_not_in_the_calendar(self):
        """An unpublished conference does not appear in its month."""
        self.assertNotContains(self.client.get(month_url(2026, 11)), self.draft.title)

    @time_machine.travel(datetime.datetime(2026, 11, 30, 17, 30, tzinfo=datetime.UTC), tick=False)
    def test_current_month_is_local(self):
        """At 00:30 on 1 December in Hà Nội (still November in UTC) "this month" is December."""
        response = self.client.get(reverse("resolutions:conference-month"))
        self.assertRedirects(response, month_url(2026, 12))

    def test_month_parameter(self):
        """?thang=YYYY-MM opens that month; a malformed or impossible month is a 400."""
        url = reverse("resolutions:conference-month")
        self.assertRedirects(self.client.get(url, {"thang": "2026-02"}), month_url(2026, 2))
        for value in ["2026-13", "2026-00", "abc", "1850-01", "2026-1x"]:
            with self.subTest(value=value):
                self.assertEqual(self.client.get(url, {"thang": value}).status_code, 400)

    def test_out_of_range_month_is_404(self):
        """A month outside 1-12 or a year outside the calendar's range is a 404."""
        for year, month in [(2026, 13), (2026, 0), (1999, 5), (2101, 1)]:
            with self.subTest(year=year, month=month):
                self.assertEqual(self.client.get(month_url(year, month)).status_code, 404)

    def test_december_links_to_january(self):
        """Month navigation crosses the year boundary."""
        response = self.client.get(month_url(2026, 12))
        self.assertContains(response, month_url(2027, 1))
        self.assertContains(response, month_url(2026, 11))


class IcsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.upcoming = make_conference(
            title="Hội nghị quán triệt Nghị quyết số 05-NQ/TU",
            starts_at=local(2030, 1, 1, 0, 30),
            ends_at=local(2030, 1, 1, 11, 0),
            place="Hội trường Tỉnh ủy, Nam Định",
        )
        cls.past = make_conference(title="Hội nghị đã qua")
        cls.draft = make_conference(
            title="Hội nghị nháp sắp tới", starts_at=local(2030, 2, 1, 8), status="draft"
        )

    def parse(self, response):
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        return icalendar.Calendar.from_ical(response.content)

    def test_one_conference_ics(self):
        """The .ics of a conference parses back with its title, place and UTC times."""
        response = self.client.get(reverse("resolutions:conference-ics", args=[self.upcoming.slug]))
        self.assertIn("attachment", response["Content-Disposition"])
        events = list(self.parse(response).walk("VEVENT"))
        self.assertEqual(len(events), 1)
        event = events[0]
        self.assertEqual(str(event["SUMMARY"]), self.upcoming.title)
        self.assertEqual(str(event["LOCATION"]), "Hội trường Tỉnh ủy, Nam Định")
        start = event.decoded("DTSTART")
        # 00:30 on 1 January 2030 in Hà Nội is 17:30 on 31 December 2029 in UTC.
        self.assertEqual(start, datetime.datetime(2029, 12, 31, 17, 30, tzinfo=datetime.UTC))
        self.assertEqual(start.utcoffset(), datetime.timedelta(0))
        self.assertEqual(event.decoded("DTEND"), local(2030, 1, 1, 11, 0))
        self.assertIn(self.upcoming.get_absolute_url(), str(event["URL"]))

    def test_feed_lists_only_upcoming_published(self):
        """The feed holds upcoming published conferences, not past ones or drafts."""
        calendar = self.parse(self.client.get(reverse("resolutions:conference-feed")))
        titles = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
        self.assertEqual(titles, [self.upcoming.title])

    def test_draft_ics_is_404(self):
        """A draft conference has no public .ics."""
        url = reverse("resolutions:conference-ics", args=[self.draft.slug])
        self.assertEqual(self.client.get(url).status_code, 404)
