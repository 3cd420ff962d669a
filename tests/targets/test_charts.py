"""targets/charts.py: the value axis and the bars of the plan-vs-actual chart."""

from decimal import Decimal as D

from django.test import SimpleTestCase

from targets.charts import axis, plan_actual_chart
from targets.progress import target_progress
from tests.targets.test_progress import TERM, plans, report, target


class AxisTests(SimpleTestCase):
    def test_close_values_start_near_the_smallest(self):
        """86 to 91: the axis runs from 81, so 86 and 86,2 look different."""
        self.assertEqual(axis([D(86), D("86.2"), D(91)]), (D(91), D(81)))

    def test_values_from_zero_and_yes_no(self):
        self.assertEqual(axis([D(0), D(1)]), (D(1), D(0)))
        self.assertEqual(axis([]), (0, 0))

    def test_bars_follow_the_values(self):
        item = target_progress(
            target(goal="100", baseline="0"),
            plans(y2021="20", y2022="40"),
            [report(2021, "10"), report(2022, "40")],
            TERM,
        )
        chart = plan_actual_chart(item)
        columns = {column.year: column for column in chart["columns"]}
        self.assertIsNone(columns[2020].actual_y)
        self.assertGreater(columns[2022].actual_h, columns[2021].actual_h)
        self.assertEqual(columns[2022].actual_h, columns[2022].plan_h)
        self.assertFalse(columns[2021].met)
