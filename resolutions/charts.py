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


def relation_diagram(document, outgoing, incoming, width=480):
    """Boxes and arrows for the SVG on the document page, laid out here, not in the browser.

    Documents acting on this one sit on the left, documents it acts on on the right.
    """
    if not outgoing and not incoming:
        return None
    row, box_w, box_h, top = 52, 150, 40, 12
    rows = max(len(outgoing), len(incoming), 1)
    height = top * 2 + rows * row
    centre = {"x": (width - box_w) // 2, "y": top + (rows * row - box_h) // 2}

    def node(doc, x, index, label):
        y = top + index * row + (row - box_h) // 2
        return {
            "x": x,
            "y": y,
            "text": doc.number,
            "title": str(doc),
            "url": doc.get_absolute_url(),
            "label": label,
            "mid_y": y + box_h // 2,
        }

    left = [node(r.source, 0, i, REVERSE_RELATION_LABELS[r.kind]) for i, r in enumerate(incoming)]
    right = [node(r.target, width - box_w, i, r.get_kind_display()) for i, r in enumerate(outgoing)]
    centre_mid = centre["y"] + box_h // 2
    for item in left:
        item["line"] = (box_w, item["mid_y"], centre["x"], centre_mid)
    for item in right:
        item["line"] = (centre["x"] + box_w, centre_mid, item["x"], item["mid_y"])
    return {
        "width": width,
        "height": height,
        "box_w": box_w,
        "box_h": box_h,
        "half_w": box_w // 2,
        "centre": {**centre, "text": document.number},
        "nodes": left + right,
    }
