"""Geometry of server-rendered SVG charts (no script, no CDN) for templates/includes/chart.html.

Each chart is drawn beside a table of the same figures, which is what screen
readers and print read; the SVG is the picture of it.
"""

from dataclasses import dataclass

WIDTH, ROW, LABEL_WIDTH, VALUE_WIDTH, PAD = 640, 28, 220, 130, 8
LINE_HEIGHT, LINE_LEFT, LINE_BOTTOM, LINE_TOP = 220, 40, 30, 16


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the value as the language writes it
    x: float
    y: float
    width: float
    height: float
    label_y: float
    text_x: float


def bar_chart(rows, title):
    """Horizontal bars for rows of (label, number, text); longest bar = the largest number."""
    peak = max([float(value) for _label, value, _text in rows] + [0]) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, (label, value, text) in enumerate(rows):
        y = PAD + index * ROW
        width = round(span * float(value) / peak, 1)
        bars.append(
            Bar(label, text, LABEL_WIDTH, y, width, ROW - 8, y + (ROW - 8) / 2 + 4,
                LABEL_WIDTH + width + 6)
        )  # fmt: skip
    return {
        "kind": "bar",
        "title": title,
        "width": WIDTH,
        "height": PAD * 2 + ROW * len(rows),
        "bars": bars,
        "axis_x": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 6,
    }


def line_chart(points, title):
    """A line through (label, number, text) points, left to right, from zero."""
    peak = max([float(value) for _label, value, _text in points] + [0]) or 1
    area = LINE_HEIGHT - LINE_TOP - LINE_BOTTOM
    step = (WIDTH - LINE_LEFT * 2) / max(len(points) - 1, 1)
    dots = [
        {
            "label": label,
            "text": text,
            "x": round(LINE_LEFT + index * step, 1),
            "y": round(LINE_TOP + area - area * float(value) / peak, 1),
        }
        for index, (label, value, text) in enumerate(points)
    ]
    return {
        "kind": "line",
        "title": title,
        "width": WIDTH,
        "height": LINE_HEIGHT,
        "dots": dots,
        "path": " ".join(f"{dot['x']},{dot['y']}" for dot in dots),
        "axis_y": LINE_TOP + area,
        "label_y": LINE_TOP + area + 18,
        "left": LINE_LEFT,
        "right": WIDTH - LINE_LEFT,
    }
