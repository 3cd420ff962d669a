"""The plan-versus-actual chart of one target, laid out on the server (no JavaScript).

Only geometry is computed here; the template draws the SVG and escapes the labels. The
same numbers are in the table beside it, for screen readers and for copying.
"""

from dataclasses import dataclass

from targets.numbers import format_number

LEFT, TOP, BOTTOM = 44, 18, 22
SLOT, BAR = 52, 18
HEIGHT = 150


@dataclass
class Column:
    year: int
    x: float
    label_x: float
    plan_y: float | None
    plan_h: float
    actual_y: float | None
    actual_h: float
    actual_text: str
    met: bool | None


def axis(values):
    """(top, floor) of the value axis. Close values (86 and 86,2 of 90) would look equal on
    an axis from 0, so the axis starts near the smallest value; its ends are labelled."""
    if not values:
        return 0, 0
    low, high = min(values), max(values)
    if low <= 0 or high == low:
        return high, min(low, 0)
    floor = max(0, low - (high - low))
    return high, floor.quantize(1) if floor > 10 else floor


def plan_actual_chart(progress):
    """Bars per year of the term: the plan (outlined) and the reported value (filled)."""
    values = [v for y in progress.years for v in (y.plan, y.actual) if v is not None]
    top, floor = axis(values)
    area = HEIGHT - TOP - BOTTOM
    columns = []
    for index, year in enumerate(progress.years):
        x = LEFT + index * SLOT

        def bar(value):
            if value is None or top <= floor:
                return None, 0
            share = (value - floor) / (top - floor)
            # A value at the floor still shows as a sliver, so "reported" never looks empty.
            height = max(2.0, round(float(share) * area, 1))
            return round(TOP + area - height, 1), height

        plan_y, plan_h = bar(year.plan)
        actual_y, actual_h = bar(year.actual)
        columns.append(
            Column(
                year=year.year,
                x=x,
                label_x=x + BAR,
                plan_y=plan_y,
                plan_h=plan_h,
                actual_y=actual_y,
                actual_h=actual_h,
                actual_text=format_number(year.actual),
                met=year.met,
            )
        )
    return {
        "width": LEFT + 8 + SLOT * len(columns),
        "top_text": format_number(top),
        "floor_text": format_number(floor),
        "top_y": TOP + 4,
        "left": LEFT,
        "height": HEIGHT,
        "baseline_y": HEIGHT - BOTTOM,
        "label_y": HEIGHT - 6,
        "bar": BAR,
        "columns": columns,
        "title": f"Kế hoạch và thực hiện từng năm: {progress.target.name}",
    }
