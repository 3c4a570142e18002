"""The one chart module (web.charts) and its include: each kind, the table, Chinese labels."""

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from localisation import formats
from web import charts
from web.charts import Datum


def render(chart, **context):
    return render_to_string("includes/chart.html", {"chart": chart, "chart_id": "c", **context})


class TestBars:
    def test_the_largest_bar_fills_the_width(self):
        chart = charts.bars([Datum("a", 10), Datum("b", 5)], title="T")
        widths = [rect.width for rect in chart.rects]
        assert widths[0] == 2 * widths[1] == charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_WIDTH
        assert chart.height == charts.PAD * 2 + charts.ROW * 2

    def test_unknown_figures_are_left_out(self):
        chart = charts.bars([Datum("a", 10), Datum("b", None)], title="T")
        assert [row[0] for row in chart.rows] == ["a"]

    def test_no_figures_is_no_chart_and_the_include_draws_nothing(self):
        assert charts.bars([], title="T") is None
        assert charts.bars([Datum("a", None)], title="T") is None
        assert charts.timeseries([], title="T") is None
        assert charts.comparison([], [], title="T") is None
        assert render(None).strip() == ""

    def test_the_table_beside_says_what_the_bars_show(self):
        chart = charts.bars(
            [Datum("Germany", 356, note="2019 · Bureau", url="https://example.org/")], title="T"
        )
        html = render(chart)
        assert '<svg class="chart-svg"' in html and 'role="img"' in html
        assert '<title id="c-title">T</title>' in html and '<desc id="c-desc">' in html
        assert '<th scope="row">Germany</th><td class="num">356</td>' in html
        assert '<a href="https://example.org/" rel="noopener">2019 · Bureau</a>' in html

    def test_labels_are_written_in_chinese(self):
        with translation.override("zh-hans"):
            chart = charts.bars(
                [Datum("韩国", 12930)], title="T", fmt=lambda v: formats.money(v * 10**6, "USD")
            )
            html = render(chart)
        assert "129.3亿美元" in html
        assert "最大：韩国，129.3亿美元。" in chart.summary
        assert '<th scope="col">项目</th>' in html


class TestComparison:
    CATEGORIES = [("5", "2025"), ("6", "")]
    SERIES = [("Received", [4, 2]), ("Within target", [3, 1])]

    def test_grouped_columns_stand_side_by_side(self):
        chart = charts.comparison(self.CATEGORIES, self.SERIES, title="T")
        first, second = chart.rects[0], chart.rects[1]  # May: received, within target
        assert second.x > first.x and first.series == 0 and second.series == 1
        assert first.y + first.height == second.y + second.height  # on the same baseline
        assert [name for _i, name in chart.legend] == ["Received", "Within target"]
        assert chart.rows[0] == ("5 2025", ["4", "3"], "", "")

    def test_stacked_columns_stand_on_each_other(self):
        chart = charts.comparison(self.CATEGORIES, self.SERIES, title="T", stacked=True)
        bottom, top = chart.rects[0], chart.rects[1]
        assert top.x == bottom.x and round(top.y + top.height, 1) == bottom.y
        # The tallest stack (4 + 3) reaches the top of the plot.
        assert round(top.y, 1) == charts.TOP

    def test_a_page_with_its_own_table_gets_no_second_one(self):
        chart = charts.comparison(self.CATEGORIES, self.SERIES, title="T")
        html = render(chart, table_id="t")
        assert 'aria-describedby="t"' in html and "<table" not in html
        assert '<ul class="chart-legend">' in html


class TestTimeseries:
    def test_the_time_axis_is_to_scale_and_the_line_rises(self):
        points = [(2018, Datum("2018", 1)), (2021, Datum("2021", 2)), (2025, Datum("2025", 3))]
        chart = charts.timeseries(points, title="T")
        xs = [dot.x for dot in chart.dots]
        assert (xs[1] - xs[0]) / (xs[2] - xs[1]) == pytest.approx(3 / 4, abs=0.01)
        assert chart.dots[2].y < chart.dots[1].y < chart.dots[0].y
        assert chart.line.count(",") == 3

    def test_dates_and_years_sort_in_time(self):
        points = [(date(2025, 10, 1), Datum("2025", 3)), (date(2018, 6, 1), Datum("2018", 1))]
        chart = charts.timeseries(points, title="T")
        assert [row[0] for row in chart.rows] == ["2018", "2025"]

    def test_one_point_is_drawn_without_dividing_by_zero(self):
        chart = charts.timeseries([(2020, Datum("2020", 5))], title="T")
        assert len(chart.dots) == 1

    def test_the_summary_and_ticks_are_in_chinese(self):
        with translation.override("zh-hans"):
            points = [(2018, Datum("2018年", 1910)), (2025, Datum("2025年", 23500))]
            chart = charts.timeseries(points, title="T")
            html = render(chart)
        assert chart.summary == "从2018年的1910到2025年的2.35万。"
        assert ">2.35万</text>" in html and '<th scope="col">年份</th>' in html


def test_the_comparison_summary_names_the_series_and_the_span():
    chart = charts.comparison(["May", "June"], [("In", [1, 2]), ("Out", [0, None])], title="T")
    assert chart.summary == "In, Out, from May to June."
    assert chart.rows[1] == ("June", ["2", ""], "", "")
