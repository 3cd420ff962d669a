"""Bar charts laid out on the server: the template draws the SVG, no JavaScript is needed.

Only geometry is computed here; labels are escaped by the template like any other text.
"""

from dataclasses import dataclass

LABEL_WIDTH = 80
BAR_AREA = 200
VALUE_WIDTH = 100
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TOP = 8


@dataclass
class Bar:
    label: str
    value_text: str
    y: int
    width: float
    # Kept for the text position; an empty bar still shows its value.
    text_y: int
    share: float | None


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_area: int = BAR_AREA

    @property
    def value_x(self):
        return self.label_width + self.bar_area + 6

    @property
    def gridlines(self):
        """x positions of the 0, 50 and 100 % lines."""
        return [self.label_width + self.bar_area * step / 2 for step in range(3)]


def share_chart(title, rows):
    """A horizontal bar chart of shares: rows are (label, share or None, value text)."""
    bars = []
    for index, (label, share, value_text) in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        clamped = min(max(share or 0, 0), 1)
        bars.append(
            Bar(
                label=label,
                value_text=value_text,
                y=y,
                width=round(BAR_AREA * clamped, 1),
                text_y=y + BAR_HEIGHT - 4,
                share=share,
            )
        )
    height = TOP * 2 + len(bars) * ROW_HEIGHT
    return BarChart(
        title=title, bars=bars, width=LABEL_WIDTH + BAR_AREA + VALUE_WIDTH, height=height
    )


def committees_chart(reach):
    """Share of committees at each level that have held their conference on one document."""
    rows = []
    for level in reach.levels:
        if level.committees_total is None:
            text = f"{level.committees_held}/?"
        else:
            text = f"{level.committees_held}/{level.committees_total} ({level.committees_percent})"
        rows.append((level.label, level.committees_share, text))
    return share_chart(f"Cấp ủy đã tổ chức học tập {reach.document}, theo cấp", rows)
