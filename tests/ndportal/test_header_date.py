"""The dated header (Thứ Tư, 02/12/2026) and the page cache at local midnight."""

import datetime
import zoneinfo

import time_machine
from django.test import TestCase
from django.urls import reverse

from ndportal.cache import page_timeout, seconds_to_midnight
from ndportal.dates import long_date

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def local(*args):
    return datetime.datetime(*args, tzinfo=HANOI)


class HeaderDateTests(TestCase):
    def test_weekdays_are_spelt_out(self):
        """Every day reads in words: Thứ Hai … Thứ Bảy, Chủ nhật."""
        monday = datetime.date(2026, 11, 30)
        names = [long_date(monday + datetime.timedelta(days=n)) for n in range(7)]
        self.assertEqual(names[0], "Thứ Hai, 30/11/2026")
        self.assertEqual(names[2], "Thứ Tư, 02/12/2026")
        self.assertEqual(names[6], "Chủ nhật, 06/12/2026")

    def test_header_shows_the_local_date(self):
        """At 00:30 in Hà Nội (17:30 UTC the day before) the header already shows the new day."""
        with time_machine.travel(local(2026, 12, 2, 0, 30), tick=False):
            response = self.client.get(reverse("home"))
        self.assertContains(
            response, '<time datetime="2026-12-02">Thứ Tư, 02/12/2026</time>', html=True
        )

    def test_no_page_outlives_local_midnight(self):
        """A page cached at 23:59:30 lives 30 s at most, so the next day's date shows at once."""
        with time_machine.travel(local(2026, 12, 2, 23, 59, 30), tick=False):
            self.assertEqual(seconds_to_midnight(), 30)
            self.assertLessEqual(page_timeout(), 30)
            first = self.client.get(reverse("home"))
            self.assertEqual(first["X-Page-Cache"], "miss")
            self.assertIn("s-maxage=10", first["Cache-Control"])
        with time_machine.travel(local(2026, 12, 3, 0, 0, 5), tick=False):
            after = self.client.get(reverse("home"))
        self.assertContains(after, "Thứ Năm, 03/12/2026")
        self.assertEqual(after["X-Page-Cache"], "miss")

    def test_pages_cached_within_the_day_are_hits(self):
        """Within the day the date costs nothing: the second request is a cache hit."""
        with time_machine.travel(local(2026, 12, 2, 10, 0), tick=False):
            self.client.get(reverse("home"))
            self.assertEqual(self.client.get(reverse("home"))["X-Page-Cache"], "hit")
