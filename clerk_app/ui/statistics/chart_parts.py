"""Parts shared by the statistics charts: the chart frame, bar sets, the count axis, the
stacked bars per category and the month labels of the category axis."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter

from clerk_app.ui.statistics.iok_models import MONTH_NAMES

RENDER_HINT = QPainter.RenderHint.Antialiasing
BarSets = Sequence[tuple[str, Sequence[int], str]]


def new_chart(title: str) -> QChart:
    """A chart without animation, the legend below, narrow margins."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def month_label(month: date) -> str:
    """A month on the category axis: ``"sty 26"``."""
    return f"{MONTH_NAMES[month.month - 1][:3]} {month.year % 100:02d}"


def add_bar_sets(series: QAbstractBarSeries, sets: BarSets) -> None:
    """One bar set per ``(label, values, colour)``."""
    for label, values, colour in sets:
        bar = QBarSet(label)
        bar.append([float(v) for v in values])
        bar.setColor(QColor(colour))
        series.append(bar)


def attach_axes(chart: QChart, series: QAbstractBarSeries, categories: Sequence[str],
                top: int, *, horizontal: bool = False) -> None:
    """Add ``series`` with a category axis and a whole-number count axis up to ``top``
    (the categories on the left when ``horizontal``, else at the bottom)."""
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append(list(categories))
    bottom, left = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
    chart.addAxis(names, left if horizontal else bottom)
    series.attachAxis(names)
    counts = QValueAxis()
    counts.setRange(0, max(top, 1))
    counts.setLabelFormat("%d")
    counts.setTickCount(min(max(top, 1), 5) + 1)
    chart.addAxis(counts, bottom if horizontal else left)
    series.attachAxis(counts)


def stacked_bars(chart: QChart, categories: Sequence[str], sets: BarSets) -> QStackedBarSeries:
    """Vertical bars per category, stacked by the sets."""
    series = QStackedBarSeries()
    add_bar_sets(series, sets)
    top = max((sum(v[i] for _l, v, _c in sets) for i in range(len(categories))), default=0)
    attach_axes(chart, series, categories, top)
    return series
