"""Server-rendered SVG bar charts: each bar a figure, written by the formatting helpers.

One function and one template include (`stories/includes/bar_chart.html`), so a
site-wide chart include can replace both.
"""

from dataclasses import dataclass

from localisation import formats

WIDTH = 600
BAR_HEIGHT = 28
GAP = 12
LABEL_WIDTH = 180
VALUE_WIDTH = 130


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    year: object
    source: str
    y: int
    width: int


def bar_chart(figures, label=lambda figure: figure.label):
    """Horizontal bars for figures in one unit, scaled to the largest; None when empty."""
    figures = list(figures)
    if not figures:
        return None
    largest = max(float(figure.value) for figure in figures) or 1.0
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = [
        Bar(
            label=label(figure),
            value_text=figure.display_value,
            year=figure.year,
            source=figure.source_name,
            y=index * (BAR_HEIGHT + GAP),
            width=max(2, round(room * float(figure.value) / largest)),
        )
        for index, figure in enumerate(figures)
    ]
    sources = sorted({bar.source for bar in bars if bar.source})
    years = sorted({bar.year for bar in bars if bar.year})
    return {
        "bars": bars,
        "width": WIDTH,
        "height": len(bars) * (BAR_HEIGHT + GAP),
        "bar_height": BAR_HEIGHT,
        "label_width": LABEL_WIDTH,
        "sources": formats.join(sources),
        "years": [formats.year(year) for year in years],
    }
