"""Server-rendered SVG charts of the desk performance page (no script, no CDN)."""

# The chart: two bars a month, enquiries received and those answered within target.
CHART_WIDTH, CHART_HEIGHT, CHART_TOP, CHART_BOTTOM, CHART_LEFT = 640, 230, 16, 40, 36


def chart(desk):
    """Coordinates of the bars and labels, for the template's server-rendered SVG."""
    peak = max([m.received for m in desk.months] + [1])
    area = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    slot = (CHART_WIDTH - CHART_LEFT) / len(desk.months)
    bar = slot * 0.36
    groups = []
    for i, month in enumerate(desk.months):
        x = CHART_LEFT + i * slot + slot * 0.12
        bars = []
        for offset, value, kind in (
            (0, month.received, "received"),
            (bar, month.within_target, "within"),
        ):
            height = area * value / peak
            bars.append(
                {
                    "x": round(x + offset, 1),
                    "y": round(CHART_TOP + area - height, 1),
                    "width": round(bar, 1),
                    "height": round(height, 1),
                    "kind": kind,
                    "value": value,
                }
            )
        # The month's number under each pair; the year under the first and each January.
        year = month.month.year if i == 0 or month.month.month == 1 else None
        groups.append(
            {"month": month.month, "year": year, "bars": bars, "label_x": round(x + bar, 1)}
        )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "groups": groups,
        "peak": peak,
        "axis_y": CHART_TOP + area,
        "label_y": CHART_TOP + area + 16,
        "year_y": CHART_TOP + area + 32,
        "left": CHART_LEFT,
        "top": CHART_TOP + 4,
    }
