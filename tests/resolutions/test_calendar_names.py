"""The month calendar names its month and weekdays in Vietnamese through Django's formats."""

from django.test import TestCase
from django.urls import reverse


class CalendarNamesTests(TestCase):
    def test_month_and_weekday_names(self):
        """December 2026 reads "tháng 12 năm 2026"; the week runs Thứ Hai … Chủ nhật, in words."""
        response = self.client.get(reverse("resolutions:conference-calendar", args=[2026, 12]))
        self.assertContains(response, "Lịch hội nghị tháng 12 năm 2026")
        self.assertContains(response, "<title>Lịch hội nghị tháng 12/2026 —", count=1)
        names = [name for name, _ in response.context["weekdays"]]
        self.assertEqual(
            names, ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
        )
        self.assertContains(
            response,
            '<th scope="col"><span class="weekday-long">Thứ Hai</span>'
            '<span class="weekday-short" aria-hidden="true">T2</span></th>',
            html=True,
        )

    def test_first_and_last_months_have_no_link_beyond(self):
        """January 2000 has no previous month and December 2100 no next one."""
        first = self.client.get(reverse("resolutions:conference-calendar", args=[2000, 1]))
        last = self.client.get(reverse("resolutions:conference-calendar", args=[2100, 12]))
        self.assertIsNone(first.context["previous_month"])
        self.assertIsNotNone(first.context["next_month"])
        self.assertIsNone(last.context["next_month"])
        self.assertNotContains(first, 'rel="prev"')
