"""What the reports say: progress toward each target, year by year, and the roll-ups.

Pure functions over rows already loaded (a target, its plans, its approved reports), so
every figure is computed the same way on the public pages, in the exports and in the
tests; `load_progress` does the loading in a fixed number of queries. The rules are
written out in the README ("Tiến độ thực hiện").
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Prefetch

from targets.models import Direction, Period, Target, TargetReport

# At the same year, a review (sơ kết, tổng kết) is a later word than the yearly figure.
PERIOD_RANK = {Period.YEAR: 0, Period.MIDTERM: 1, Period.FINAL: 2}


class Status(models.TextChoices):
    ACHIEVED = "achieved", "Đạt và vượt"
    ON_TRACK = "on_track", "Đúng tiến độ"
    BEHIND = "behind", "Chậm tiến độ"
    NO_DATA = "no_data", "Chưa có số liệu"


def meets(direction, value, plan):
    """Whether `value` reaches `plan` for a target of this direction."""
    if value is None or plan is None:
        return None
    if direction == Direction.LOWER:
        return value <= plan
    if direction == Direction.EXACT:
        return value == plan
    return value >= plan


def progress_share(direction, value, goal, baseline=None):
    """How far `value` has come from the baseline toward the goal: 0 at the start, 1 at the
    goal, above 1 when exceeded (never below 0). Without a baseline, the way starts at 0
    (higher), or the share is goal/value (lower)."""
    if value is None:
        return None
    if direction == Direction.MILESTONE:
        return 1.0 if value >= 1 else 0.0
    if direction == Direction.EXACT:
        if value == goal:
            return 1.0
        if baseline is None or baseline == goal:
            return 0.0
        return max(0.0, 1 - float(abs(goal - value) / abs(goal - baseline)))
    if direction == Direction.LOWER:
        if baseline is None or baseline <= goal:
            if value <= goal:
                return 1.0
            return float(goal / value)
        return max(0.0, float((baseline - value) / (baseline - goal)))
    start = baseline if baseline is not None else Decimal(0)
    if goal == start:
        return 1.0 if value >= goal else 0.0
    return max(0.0, float((value - start) / (goal - start)))


def effective_reports(reports):
    """One report per (period, year): the correction that nothing else supersedes.

    `reports` are one target's approved reports. A report superseded by another approved
    report is history; among those left, the latest reported wins.
    """
    superseded = {r.supersedes_id for r in reports if r.supersedes_id}
    by_key = {}
    for report in sorted(reports, key=lambda r: (r.reported_on, r.pk or 0)):
        if report.pk in superseded:
            continue
        by_key[(report.period, report.year)] = report
    return by_key


@dataclass
class YearFigure:
    """One year of a target: what was planned, what was reported, whether the plan was met."""

    year: int
    plan: Decimal | None
    actual: Decimal | None
    report: TargetReport | None
    met: bool | None


@dataclass
class TargetProgress:
    """Everything the reports say about one target."""

    target: Target
    years: list[YearFigure]
    latest: TargetReport | None
    history: list[TargetReport]
    progress: float | None
    expected: float | None
    status: str

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def percent(self):
        return None if self.progress is None else round(self.progress * 100)

    @property
    def bar_percent(self):
        """The progress bar's width: full at the goal, never wider."""
        return 0 if self.progress is None else min(100, round(self.progress * 100))

    @property
    def corrections(self):
        """Reports replaced by a later correction, shown as history."""
        return [r for r in self.history if r.pk in {h.supersedes_id for h in self.history}]

    @property
    def gap(self):
        """How far behind the expected progress (0 when on or ahead of it)."""
        if self.progress is None or self.expected is None:
            return 0.0
        return max(0.0, self.expected - self.progress)


def expected_share(target, year, term):
    """The share of the way a target should have come by `year`, at a steady pace."""
    start = target.baseline_year or term.start_year
    if term.end_year <= start:
        return 1.0
    return min(1.0, max(0.0, (year - start) / (term.end_year - start)))


def target_progress(target, plans, reports, term):
    """The progress of one target from its plans (TargetPlan rows) and approved reports."""
    effective = effective_reports(reports)
    plan_by_year = {plan.year: plan.value for plan in plans}
    years = []
    for year in range(term.start_year, term.end_year + 1):
        report = (
            effective.get((Period.YEAR, year))
            or effective.get((Period.MIDTERM, year))
            or effective.get((Period.FINAL, year))
        )
        actual = report.value if report else None
        plan = plan_by_year.get(year)
        if year == term.end_year and plan is None:
            plan = target.goal_value
        years.append(
            YearFigure(
                year=year,
                plan=plan,
                actual=actual,
                report=report,
                met=meets(target.direction, actual, plan),
            )
        )
    latest = max(
        effective.values(),
        key=lambda r: (r.year, PERIOD_RANK[r.period], r.reported_on),
        default=None,
    )
    progress = expected = None
    if latest is None:
        status = Status.NO_DATA
    else:
        value = latest.value
        progress = progress_share(target.direction, value, target.goal_value, target.baseline_value)
        expected = expected_share(target, latest.year, term)
        plan = plan_by_year.get(latest.year)
        if meets(target.direction, value, target.goal_value):
            status = Status.ACHIEVED
        elif plan is not None:
            status = Status.ON_TRACK if meets(target.direction, value, plan) else Status.BEHIND
        elif target.direction == Direction.MILESTONE:
            status = Status.ON_TRACK if latest.year < term.end_year else Status.BEHIND
        else:
            status = Status.ON_TRACK if progress >= expected else Status.BEHIND
    history = sorted(reports, key=lambda r: (r.year, PERIOD_RANK[r.period], r.reported_on, r.pk))
    return TargetProgress(
        target=target,
        years=years,
        latest=latest,
        history=history,
        progress=progress,
        expected=expected,
        status=status,
    )


@dataclass
class Rollup:
    """Targets taken together (a programme, a resolution, a term), weighted."""

    items: list[TargetProgress] = field(default_factory=list)

    @property
    def counts(self):
        counts = dict.fromkeys(Status, 0)
        for item in self.items:
            counts[item.status] += 1
        return counts

    @property
    def count_rows(self):
        """(status, label, count) in the order readers expect."""
        counts = self.counts
        return [(status, status.label, counts[status]) for status in Status]

    @property
    def progress(self):
        """Weighted mean progress of the targets with data, each capped at its goal."""
        with_data = [i for i in self.items if i.progress is not None]
        weights = sum(i.target.weight for i in with_data)
        if not weights:
            return None
        return sum(i.target.weight * min(1.0, i.progress) for i in with_data) / weights

    @property
    def percent(self):
        progress = self.progress
        return None if progress is None else round(progress * 100)

    @property
    def achieved_share(self):
        """Weight of the targets met, out of the weight of all targets."""
        weights = sum(i.target.weight for i in self.items)
        if not weights:
            return None
        achieved = sum(i.target.weight for i in self.items if i.status == Status.ACHIEVED)
        return achieved / weights


def rollup_by(items, key):
    """Rollups keyed by `key(item)`, in the order the keys first appear."""
    groups = defaultdict(Rollup)
    for item in items:
        groups[key(item)].items.append(item)
    return dict(groups)


def furthest_behind(items, limit=10):
    """The targets behind schedule, furthest from their expected progress first."""
    behind = [i for i in items if i.status == Status.BEHIND]
    return sorted(behind, key=lambda i: (-i.gap, i.target.pk))[:limit]


def report_year(term, today):
    """The year whose figures are due now: last year, within the term; None before it."""
    year = min(today.year - 1, term.end_year)
    return year if year >= term.start_year else None


def units_missing(items, year):
    """(unit, targets without an approved figure for `year`), for every unit lacking one."""
    missing = defaultdict(list)
    for item in items:
        if item.years and not any(y.year == year and y.actual is not None for y in item.years):
            missing[item.target.unit].append(item.target)
    return sorted(missing.items(), key=lambda pair: pair[0].sort_key)


def load_progress(targets, term):
    """TargetProgress of each target of `targets` (a queryset), counting approved reports
    only; a fixed number of queries whatever the number of targets."""
    reports = TargetReport.objects.filter(is_approved=True).select_related(
        "source_document__doc_type"
    )
    rows = targets.select_related(
        "unit", "resolution__doc_type", "resolution__term", "programme__doc_type"
    ).prefetch_related(
        "plans",
        "sharing_units",
        Prefetch("reports", queryset=reports, to_attr="approved_reports"),
    )
    return [
        target_progress(target, target.plans.all(), target.approved_reports, term)
        for target in rows
    ]
