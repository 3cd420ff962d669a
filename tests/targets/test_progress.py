"""targets/progress.py: every computed figure, on known numbers (no database)."""

import datetime
from decimal import Decimal as D

from django.test import SimpleTestCase

from resolutions.models import Term
from targets.models import Direction, Period, ResponsibleUnit, Target, TargetPlan, TargetReport
from targets.progress import (
    Rollup,
    Status,
    effective_reports,
    furthest_behind,
    meets,
    progress_share,
    report_year,
    target_progress,
    units_missing,
)

TERM = Term(name="XX", start_year=2020, end_year=2025)
_ids = iter(range(1, 10_000))


def target(direction=Direction.HIGHER, goal="100", baseline=None, weight=1, unit=None, **kw):
    return Target(
        id=next(_ids),
        direction=direction,
        goal_value=D(goal),
        baseline_value=None if baseline is None else D(baseline),
        baseline_year=kw.pop("baseline_year", 2020),
        weight=weight,
        unit=unit or ResponsibleUnit(id=1, name="Sở A", sort_key="so a"),
        name="Chỉ tiêu",
        **kw,
    )


def report(year, value, period=Period.YEAR, day=None, supersedes=None):
    return TargetReport(
        id=next(_ids),
        period=period,
        year=year,
        value=D(value),
        reported_on=day or datetime.date(year + 1, 1, 15),
        supersedes_id=supersedes.pk if supersedes else None,
        is_approved=True,
    )


def plans(**values):
    return [TargetPlan(year=int(year[1:]), value=D(value)) for year, value in values.items()]


class MeetsTests(SimpleTestCase):
    def test_each_direction(self):
        """Higher meets at or above the plan, lower at or below, exact only on it."""
        self.assertTrue(meets(Direction.HIGHER, D(5), D(5)))
        self.assertFalse(meets(Direction.HIGHER, D(4), D(5)))
        self.assertTrue(meets(Direction.LOWER, D(2), D(3)))
        self.assertFalse(meets(Direction.LOWER, D(4), D(3)))
        self.assertTrue(meets(Direction.EXACT, D(3), D(3)))
        self.assertFalse(meets(Direction.EXACT, D(4), D(3)))
        self.assertTrue(meets(Direction.MILESTONE, D(1), D(1)))
        self.assertIsNone(meets(Direction.HIGHER, None, D(1)))


class ProgressShareTests(SimpleTestCase):
    def test_higher_from_baseline(self):
        """From 40 toward 90, a value of 65 is half the way."""
        self.assertEqual(progress_share(Direction.HIGHER, D(65), D(90), D(40)), 0.5)

    def test_higher_without_baseline_starts_at_zero(self):
        self.assertEqual(progress_share(Direction.HIGHER, D(30), D(120)), 0.25)

    def test_lower_is_better(self):
        """A poverty rate from 5 % toward 1 %: 2 % is three quarters of the way."""
        self.assertEqual(progress_share(Direction.LOWER, D(2), D(1), D(5)), 0.75)

    def test_lower_going_the_wrong_way_is_zero(self):
        self.assertEqual(progress_share(Direction.LOWER, D(6), D(1), D(5)), 0.0)

    def test_exceeded_is_above_one(self):
        self.assertEqual(progress_share(Direction.HIGHER, D(110), D(100), D(50)), 1.2)

    def test_exact(self):
        """Exactly on the value is done; a quarter of the distance left is 75 %."""
        self.assertEqual(progress_share(Direction.EXACT, D(10), D(10), D(6)), 1.0)
        self.assertEqual(progress_share(Direction.EXACT, D(9), D(10), D(6)), 0.75)

    def test_milestone(self):
        self.assertEqual(progress_share(Direction.MILESTONE, D(1), D(1)), 1.0)
        self.assertEqual(progress_share(Direction.MILESTONE, D(0), D(1)), 0.0)


class CorrectionTests(SimpleTestCase):
    def test_correction_supersedes_without_overwriting(self):
        """The correction is the figure; the first report stays in the history."""
        first = report(2021, "50")
        fixed = report(2021, "55", day=datetime.date(2022, 3, 1), supersedes=first)
        result = target_progress(target(goal="100", baseline="0"), [], [first, fixed], TERM)
        self.assertEqual(result.years[1].actual, D(55))
        self.assertEqual(result.latest, fixed)
        self.assertEqual(result.history, [first, fixed])
        self.assertEqual(result.corrections, [first])

    def test_superseded_is_ignored_even_if_reported_later(self):
        first = report(2021, "50", day=datetime.date(2022, 5, 1))
        fixed = report(2021, "55", day=datetime.date(2022, 3, 1), supersedes=first)
        self.assertEqual(effective_reports([first, fixed]), {(Period.YEAR, 2021): fixed})


class StatusTests(SimpleTestCase):
    def test_no_report_is_no_data(self):
        result = target_progress(target(), [], [], TERM)
        self.assertEqual(result.status, Status.NO_DATA)
        self.assertIsNone(result.progress)
        self.assertEqual(result.bar_percent, 0)

    def test_goal_reached_is_achieved(self):
        result = target_progress(target(goal="100"), [], [report(2023, "101")], TERM)
        self.assertEqual(result.status, Status.ACHIEVED)
        self.assertEqual(result.bar_percent, 100)
        self.assertEqual(result.percent, 101)

    def test_yearly_plan_decides_on_track_or_behind(self):
        """With a plan for the year of the latest figure, meeting that plan is on track."""
        item = target(goal="100", baseline="0")
        year_plans = plans(y2021="20", y2022="40")
        on = target_progress(item, year_plans, [report(2021, "25"), report(2022, "40")], TERM)
        self.assertEqual(on.status, Status.ON_TRACK)
        self.assertEqual([y.met for y in on.years[:4]], [None, True, True, None])
        behind = target_progress(item, year_plans, [report(2022, "39")], TERM)
        self.assertEqual(behind.status, Status.BEHIND)

    def test_missing_years_keep_the_latest_figure(self):
        """A year without a report is empty; status comes from the latest year reported."""
        item = target(goal="100", baseline="0")
        result = target_progress(
            item, plans(y2023="60"), [report(2021, "30"), report(2023, "61")], TERM
        )
        self.assertEqual([y.actual for y in result.years], [None, D(30), None, D(61), None, None])
        self.assertEqual(result.status, Status.ON_TRACK)

    def test_without_plan_a_steady_pace_is_expected(self):
        """No plan for 2022: two fifths of the way (2020→2025) are expected by then."""
        item = target(goal="100", baseline="0")
        self.assertEqual(
            target_progress(item, [], [report(2022, "40")], TERM).status, Status.ON_TRACK
        )
        late = target_progress(item, [], [report(2022, "39")], TERM)
        self.assertEqual(late.status, Status.BEHIND)
        self.assertAlmostEqual(late.expected, 0.4)
        self.assertAlmostEqual(late.gap, 0.01)

    def test_lower_is_better_status(self):
        """Poverty 5 % → 1,5 %: 3 % in 2022 meets a plan of 3,2 %; 1,4 % achieves the goal."""
        item = target(Direction.LOWER, goal="1.5", baseline="5")
        ok = target_progress(item, plans(y2022="3.2"), [report(2022, "3")], TERM)
        self.assertEqual(ok.status, Status.ON_TRACK)
        done = target_progress(item, [], [report(2024, "1.4")], TERM)
        self.assertEqual(done.status, Status.ACHIEVED)

    def test_milestone_not_done_is_behind_only_at_term_end(self):
        item = target(Direction.MILESTONE, goal="1")
        self.assertEqual(
            target_progress(item, [], [report(2023, "0")], TERM).status, Status.ON_TRACK
        )
        self.assertEqual(target_progress(item, [], [report(2025, "0")], TERM).status, Status.BEHIND)
        self.assertEqual(
            target_progress(item, [], [report(2024, "1")], TERM).status, Status.ACHIEVED
        )

    def test_review_counts_for_its_year_and_after_the_yearly_figure(self):
        """A sơ kết figure fills its year when no yearly figure exists, and is the latest word."""
        item = target(goal="100", baseline="0")
        yearly = report(2022, "40")
        review = report(2022, "42", period=Period.MIDTERM, day=datetime.date(2023, 6, 1))
        result = target_progress(item, [], [yearly, review], TERM)
        self.assertEqual(result.years[2].actual, D(40))
        self.assertEqual(result.latest, review)
        only_review = target_progress(item, [], [review], TERM)
        self.assertEqual(only_review.years[2].actual, D(42))

    def test_term_end_plan_defaults_to_goal(self):
        result = target_progress(target(goal="80"), [], [], TERM)
        self.assertEqual(result.years[-1].plan, D(80))


class RollupTests(SimpleTestCase):
    def test_weighted_mean_caps_each_target_at_its_goal(self):
        """Weights 3 and 1, progress 50 % and 120 % (capped at 100 %): (1,5 + 1) / 4."""
        a = target_progress(
            target(goal="100", baseline="0", weight=3), [], [report(2022, "50")], TERM
        )
        b = target_progress(
            target(goal="100", baseline="0", weight=1), [], [report(2022, "120")], TERM
        )
        none = target_progress(target(weight=5), [], [], TERM)
        rollup = Rollup(items=[a, b, none])
        self.assertAlmostEqual(rollup.progress, 0.625)
        self.assertEqual(rollup.percent, 62)
        self.assertEqual(rollup.counts[Status.ACHIEVED], 1)
        self.assertEqual(rollup.counts[Status.NO_DATA], 1)
        self.assertAlmostEqual(rollup.achieved_share, 1 / 9)

    def test_equal_weights_by_default(self):
        a = target_progress(target(goal="10", baseline="0"), [], [report(2022, "2")], TERM)
        b = target_progress(target(goal="10", baseline="0"), [], [report(2022, "6")], TERM)
        self.assertAlmostEqual(Rollup(items=[a, b]).progress, 0.4)

    def test_empty_rollup(self):
        self.assertIsNone(Rollup().progress)
        self.assertIsNone(Rollup().achieved_share)


class DashboardFigureTests(SimpleTestCase):
    def test_report_year_is_last_year_within_the_term(self):
        self.assertEqual(report_year(TERM, datetime.date(2023, 3, 1)), 2022)
        self.assertEqual(report_year(TERM, datetime.date(2027, 3, 1)), 2025)
        self.assertIsNone(report_year(TERM, datetime.date(2020, 6, 1)))

    def test_furthest_behind_orders_by_gap(self):
        item = target(goal="100", baseline="0")
        slight = target_progress(item, [], [report(2022, "39")], TERM)
        far = target_progress(target(goal="100", baseline="0"), [], [report(2022, "5")], TERM)
        fine = target_progress(target(goal="100", baseline="0"), [], [report(2022, "90")], TERM)
        self.assertEqual(furthest_behind([slight, far, fine]), [far, slight])

    def test_units_missing_the_current_year(self):
        unit_a = ResponsibleUnit(id=1, name="Sở A", sort_key="so a")
        unit_b = ResponsibleUnit(id=2, name="Sở B", sort_key="so b")
        has = target_progress(target(unit=unit_a), [], [report(2024, "5")], TERM)
        lacks = target_progress(target(unit=unit_b), [], [report(2023, "5")], TERM)
        missing = units_missing([has, lacks], 2024)
        self.assertEqual([(unit, len(targets)) for unit, targets in missing], [(unit_b, 1)])
