"""Charts laid out on the server: the template draws the SVG, no JavaScript is needed.

The reach page's bar charts and the document page's relation diagram. Only geometry is
computed here; labels are escaped by the template like any other text.
"""

from dataclasses import dataclass

from resolutions.models import REVERSE_RELATION_LABELS
from resolutions.reach import percent

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


def share_chart(title, rows, label_width=LABEL_WIDTH, value_width=VALUE_WIDTH):
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
        title=title,
        bars=bars,
        width=label_width + BAR_AREA + value_width,
        height=height,
        label_width=label_width,
    )


def _number(value):
    return f"{value:,}".replace(",", ".")


def committees_chart(reach):
    """Share of committees at each level that have reported their study of one document."""
    rows = []
    for level in reach.levels:
        reported = _number(level.committees_reported)
        if level.committees_total is None:
            text = f"{reported}/?"
        else:
            text = f"{reported}/{_number(level.committees_total)} ({level.reported_percent})"
        rows.append((level.label, level.reported_share, text))
    return share_chart(
        f"Cấp ủy đã báo cáo kết quả học tập {reach.document}, theo cấp", rows, value_width=175
    )


def members_chart(reach):
    """Share of party members at each level who have studied one document (approved results)."""
    rows = []
    for level in reach.levels:
        total = "?" if level.members_total is None else _number(level.members_total)
        text = f"{_number(level.members_studied)}/{total} ({level.members_percent})"
        rows.append((level.label, level.members_share, text))
    return share_chart(f"Đảng viên đã học tập {reach.document}, theo cấp", rows, value_width=175)


def results_chart(committee, results):
    """Share of a committee's party members who studied each document (its approved results)."""
    rows = [
        (
            result.document.number,
            result.studied_share,
            f"{_number(result.members_studied)}/{_number(result.members)} "
            f"({percent(result.studied_share)})",
        )
        for result in results
    ]
    return share_chart(
        f"Tỷ lệ đảng viên của {committee} đã học tập, theo văn bản",
        rows,
        label_width=110,
        value_width=175,
    )


def relation_diagram(document, outgoing, incoming):
    """Boxes and arrows for the SVG on the document page, laid out here, not in the browser.

    Documents acting on this one stand above it, documents it acts on below it, two boxes
    to a row. The drawing is 390 units wide whatever the number of relations, so a phone
    shows it near its natural size (three columns side by side shrank the labels to 6 px).
    The arrows run down the gap between the two columns.
    """
    if not outgoing and not incoming:
        return None
    box_w, box_h, gap, row, tier_gap, top = 180, 44, 30, 56, 34, 6
    width = 2 * box_w + gap
    centre_x = (width - box_w) // 2
    middle = width // 2

    def tier(relations, y0, doc_of, label_of):
        nodes = []
        for index, relation in enumerate(relations):
            alone = len(relations) == 1
            column = index % 2
            x = centre_x if alone else column * (box_w + gap)
            y = y0 + (index // 2) * row
            doc = doc_of(relation)
            nodes.append(
                {
                    "x": x,
                    "y": y,
                    "text": doc.number,
                    "title": str(doc),
                    "url": doc.get_absolute_url(),
                    "label": label_of(relation),
                    # Where the arrow meets the box: its inner side, or its middle when alone.
                    "edge_x": middle if alone else (x + box_w if column == 0 else x),
                    "edge_y": None if alone else y + box_h // 2,
                }
            )
        rows = (len(relations) + 1) // 2
        return nodes, rows * row

    above, above_h = tier(
        incoming, top, lambda r: r.source, lambda r: REVERSE_RELATION_LABELS[r.kind]
    )
    centre_y = top + (above_h - row + box_h + tier_gap if incoming else 0)
    below, below_h = tier(
        outgoing, centre_y + box_h + tier_gap, lambda r: r.target, lambda r: r.get_kind_display()
    )
    for item in above:
        start_y = item["edge_y"] if item["edge_y"] is not None else item["y"] + box_h
        item["line"] = (item["edge_x"], start_y, middle, centre_y)
    for item in below:
        end_y = item["edge_y"] if item["edge_y"] is not None else item["y"]
        item["line"] = (middle, centre_y + box_h, item["edge_x"], end_y)
    height = (below[-1]["y"] + box_h if below else centre_y + box_h) + top
    return {
        "width": width,
        "height": height,
        "box_w": box_w,
        "box_h": box_h,
        "half_w": box_w // 2,
        "centre": {"x": centre_x, "y": centre_y, "text": document.number},
        "nodes": above + below,
    }
