"""Editors type dates as they read them: day/month/year."""

import datetime

from django import forms
from django.test import SimpleTestCase
from django.utils import formats


class DateInputTests(SimpleTestCase):
    def test_date_field_accepts_day_month_year(self):
        """'26/11/2026' is 26 November 2026, and ISO dates still work."""
        field = forms.DateField()
        self.assertEqual(field.clean("26/11/2026"), datetime.date(2026, 11, 26))
        self.assertEqual(field.clean("2026-11-26"), datetime.date(2026, 11, 26))

    def test_datetime_field_accepts_day_month_year_and_time(self):
        """'26/11/2026 08:30' is accepted by date-time fields."""
        self.assertEqual(
            forms.DateTimeField().clean("26/11/2026 08:30").replace(tzinfo=None),
            datetime.datetime(2026, 11, 26, 8, 30),
        )

    def test_widgets_write_day_month_year(self):
        """A stored date is shown back to the editor as 26/11/2026."""
        self.assertEqual(formats.get_format("DATE_INPUT_FORMATS")[0], "%d/%m/%Y")
        self.assertEqual(forms.DateInput().format_value(datetime.date(2026, 11, 26)), "26/11/2026")
