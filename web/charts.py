"""The one chart module: server-rendered SVG bars, comparisons and time series.

`templates/includes/chart.html` draws every chart of the portal (costs page, home,
country pages, the desk performance page) from what these builders return: plain
shapes for the SVG picture, and the table of the same figures printed beside it,
which is what screen readers and print read. No script, no CDN. Numbers are written
by `localisation.formats` (or a caller's formatter built on it) in the active
language; a builder given no figures returns None, and the include then draws nothing.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from localisation import formats

# Map units; the text is 14 units high, so still legible on a phone's 340 px.
WIDTH = 560
# Horizontal bars: the label column, the bar, the value written after it.
ROW, LABEL_WIDTH, VALUE_WIDTH, PAD = 32, 180, 130, 8
# Columns and time series: the plot area inside the frame.
PLOT_HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 250, 72, 16, 28, 48


@dataclass(frozen=True)
class Datum:
    """One figure: a bar, a point, a row of the table."""

    label: str
    value: object  # a number; None when the figure is not known
    text: str = ""  # the value as the language writes it; from the formatter when blank
    note: str = ""  # e.g. the date and source, a last column of the table
    url: str = ""  # the note's link


@dataclass(frozen=True)
class Shape:
    x: float
    y: float
    width: float = 0
    height: float = 0
    series: int = 0  # the colour: the series' place in the legend


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"
    kind: str = "label"  # label, amount or tick: the CSS class


@dataclass
class Chart:
    kind: str  # bars, grouped, stacked or timeseries
    title: str
    summary: str  # the SVG's description, a sentence
    width: int
    height: int
    columns: list  # the table's headings
    rows: list  # the table's rows: (heading, [cells], note, url)
    rects: list = field(default_factory=list)
    dots: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    axes: list = field(default_factory=list)  # (x1, y1, x2, y2)
    line: str = ""  # the polyline's points of a time series
    legend: list = field(default_factory=list)  # (series index, name)
    source: str = ""

    @property
    def noted(self):
        """Whether the table has a last column of notes (each row's date and source)."""
        return len(self.columns) > 1 + len(self.rows[0][1])


def _number(value):
    return float(value) if value is not None else None


def _peak(values):
    return max([v for v in values if v is not None] + [0]) or 1


def _texts(data, fmt):
    return [d.text or ("" if d.value is None else fmt(d.value)) for d in data]


def _has_notes(data):
    return any(d.note for d in data)


def _columns(label_heading, value_heading, notes, note_heading):
    columns = [str(label_heading or _("Item")), str(value_heading or _("Value"))]
    return columns + ([str(note_heading or _("Source"))] if notes else [])


def bars(data, *, title, fmt=formats.number, label_heading="", value_heading="",
         note_heading="", source=""):  # fmt: skip
    """Horizontal bars, one per Datum, the longest for the largest value."""
    data = [d for d in data if d.value is not None]
    if not data:
        return None
    texts = _texts(data, fmt)
    peak = _peak([_number(d.value) for d in data])
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    chart = Chart(
        "bars", title, _largest(data, texts), WIDTH, PAD * 2 + ROW * len(data),
        _columns(label_heading, value_heading, _has_notes(data), note_heading),
        [(d.label, [text], d.note, d.url) for d, text in zip(data, texts, strict=True)],
        axes=[(LABEL_WIDTH, 0, LABEL_WIDTH, PAD * 2 + ROW * len(data))], source=source,
    )  # fmt: skip
    for index, (datum, text) in enumerate(zip(data, texts, strict=True)):
        y = PAD + index * ROW
        width = round(span * _number(datum.value) / peak, 1)
        middle = round(y + (ROW - 8) / 2 + 5, 1)
        chart.rects.append(Shape(LABEL_WIDTH, y, width, ROW - 8))
        chart.texts.append(Text(LABEL_WIDTH - 6, middle, datum.label, "end"))
        chart.texts.append(Text(round(LABEL_WIDTH + width + 6, 1), middle, text, kind="amount"))
    return chart


def _largest(data, texts):
    best = max(range(len(data)), key=lambda i: _number(data[i].value))
    return _("Largest: %(label)s, %(value)s.") % {"label": data[best].label, "value": texts[best]}


def _frame(kind, title, summary, columns, rows, peak, fmt, source):
    """A column or time-series chart's frame: the axes and the 0 and peak ticks."""
    base = PLOT_HEIGHT - BOTTOM
    return Chart(
        kind, title, summary, WIDTH, PLOT_HEIGHT, columns, rows,
        texts=[Text(LEFT - 6, base, fmt(0), "end", "tick"),
               Text(LEFT - 6, TOP + 4, fmt(peak), "end", "tick")],
        axes=[(LEFT, base, WIDTH - RIGHT, base), (LEFT, TOP, LEFT, base)], source=source,
    )  # fmt: skip


def _height(value, peak):
    return round((PLOT_HEIGHT - TOP - BOTTOM) * float(value) / peak, 1)


def _category_label(chart, x, category):
    """A category's label under its columns; a second line (e.g. the year) under that."""
    first, second = category if isinstance(category, tuple) else (category, "")
    base = PLOT_HEIGHT - BOTTOM
    chart.texts.append(Text(round(x, 1), base + 18, first, "middle"))
    if second:
        chart.texts.append(Text(round(x, 1), base + 36, second, "middle"))


def comparison(categories, series, *, title, stacked=False, fmt=formats.number,
               label_heading="", source=""):  # fmt: skip
    """Columns per category, one per series side by side (or stacked on each other).

    `categories`: labels, or (label, second line) pairs; `series`: (name, values) with
    one value per category.
    """
    series = [(str(name), [_number(v) for v in values]) for name, values in series]
    if not categories or not series:
        return None
    columns = list(zip(*[values for _name, values in series], strict=True))  # per category
    peak = _peak([sum(v or 0 for v in column) for column in columns] if stacked
                 else [v for column in columns for v in column])  # fmt: skip
    headings = [" ".join(c) if isinstance(c, tuple) else str(c) for c in categories]
    rows = [
        (heading, ["" if values[i] is None else fmt(values[i]) for _n, values in series], "", "")
        for i, heading in enumerate(headings)
    ]
    chart = _frame(
        "stacked" if stacked else "grouped", title,
        _("%(series)s, from %(first)s to %(last)s.") % {
            "series": formats.join([name for name, _v in series]),
            "first": headings[0], "last": headings[-1]},
        [str(label_heading or _("Item"))] + [name for name, _v in series], rows, peak, fmt,
        source,
    )  # fmt: skip
    chart.legend = [(index, name) for index, (name, _v) in enumerate(series)]
    slot = (WIDTH - LEFT - RIGHT) / len(categories)
    width = slot * 0.8 / (1 if stacked else len(series))
    for i, category in enumerate(categories):
        x = LEFT + i * slot + slot * 0.1
        bottom = PLOT_HEIGHT - BOTTOM
        for index, (_name, values) in enumerate(series):
            height = _height(values[i] or 0, peak)
            left = x if stacked else x + index * width
            chart.rects.append(
                Shape(round(left, 1), round(bottom - height, 1), round(width, 1), height, index)
            )
            bottom = bottom - height if stacked else bottom
        _category_label(chart, x + slot * 0.4, category)
    return chart


def _when(moment):
    """A year or a date as a fractional year, for the time axis."""
    if isinstance(moment, date):
        return moment.year + (moment.timetuple().tm_yday - 1) / 366
    return float(moment)


def timeseries(points, *, title, fmt=formats.number, value_heading="", note_heading="",
               source=""):  # fmt: skip
    """A figure over the years: Datum(label=the year as written, value), `when` in label order.

    `points`: (when, Datum) pairs, `when` a year or a date; the time axis is to scale,
    so uneven gaps between the years show as such.
    """
    points = sorted(((w, d) for w, d in points if d.value is not None), key=lambda p: _when(p[0]))
    if not points:
        return None
    data = [d for _w, d in points]
    texts = _texts(data, fmt)
    peak = _peak([_number(d.value) for d in data])
    first, last = _when(points[0][0]), _when(points[-1][0])
    chart = _frame(
        "timeseries", title,
        _("From %(first)s in %(start)s to %(last)s in %(end)s.") % {
            "first": texts[0], "start": data[0].label, "last": texts[-1], "end": data[-1].label},
        _columns(_("Year"), value_heading, _has_notes(data), note_heading),
        [(d.label, [text], d.note, d.url) for d, text in zip(data, texts, strict=True)],
        peak, fmt, source,
    )  # fmt: skip
    inner = WIDTH - LEFT - RIGHT - 64  # the first and last year's labels inside the frame
    base = PLOT_HEIGHT - BOTTOM
    for index, ((when, datum), text) in enumerate(zip(points, texts, strict=True)):
        x = LEFT + 32 + (inner * (_when(when) - first) / (last - first) if last > first else 0)
        y = round(base - _height(datum.value, peak), 1)
        # The last value ends at its point, so a long one stays inside the frame.
        anchor = "end" if index and index == len(points) - 1 else "middle"
        chart.dots.append(Shape(round(x, 1), y))
        chart.texts.append(Text(round(x, 1), round(y - 12, 1), text, anchor, "amount"))
        chart.texts.append(Text(round(x, 1), base + 18, datum.label, "middle"))
    chart.line = " ".join(f"{dot.x},{dot.y}" for dot in chart.dots)
    return chart
