"""Qt Charts of the IOK statistics: requests per month stacked by channel, old accounts
per class (a pie), and the consent batches stacked by answer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter

from clerk_app.domain.iok_statistics import CHANNELS, IokStatistics
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.ui.qt_helpers import translate
from clerk_app.ui.statistics.iok_models import MONTH_NAMES

_CTX = "IokCharts"
CHANNEL_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf")
ANSWER_COLOURS = ("#2ca02c", "#d62728", "#bdbdbd")
CLASS_COLOURS = ("#2ca02c", "#ff7f0e", "#9e9e9e")
RENDER_HINT = QPainter.RenderHint.Antialiasing
# Slice labels have little room; the tables and the summary line give the full names.
SHORT_CLASS_LABELS = {LegacyClass.MIGRATE: "Do przeniesienia",
                      LegacyClass.NEEDS_CONSENT: "Wymaga zgody",
                      LegacyClass.SKIPPED: "Nieaktywne"}


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def add_bar_sets(series: QAbstractBarSeries,
                 sets: Sequence[tuple[str, Sequence[int], str]]) -> None:
    """One bar set per ``(label, values, colour)``."""
    for label, values, colour in sets:
        bar = QBarSet(label)
        bar.append([float(v) for v in values])
        bar.setColor(QColor(colour))
        series.append(bar)


def _stacked(chart: QChart, categories: Sequence[str],
             sets: Sequence[tuple[str, Sequence[int], str]]) -> QStackedBarSeries:
    series = QStackedBarSeries()
    add_bar_sets(series, sets)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(categories))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    top = max((sum(v[i] for _l, v, _c in sets) for i in range(len(categories))), default=0)
    axis_y.setRange(0, max(top, 1))
    axis_y.setLabelFormat("%d")
    axis_y.setTickCount(min(max(top, 1), 5) + 1)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return series


def requests_chart(stats: IokStatistics) -> QChart:
    """Requests filed per month, each bar stacked by channel."""
    chart = _chart(translate(_CTX, "Wnioski o konto IOK według miesiąca i kanału wpływu"))
    categories = [f"{MONTH_NAMES[m.month.month - 1][:3]} {m.month.year % 100:02d}"
                  for m in stats.months]
    _stacked(chart, categories, [
        (channel.label, [m.counts[i] for m in stats.months],
         CHANNEL_COLOURS[i % len(CHANNEL_COLOURS)]) for i, channel in enumerate(CHANNELS)])
    return chart


def classes_chart(stats: IokStatistics) -> QChart:
    """Old accounts per class."""
    chart = _chart(translate(_CTX, "Konta starego portalu według klasy"))
    series = QPieSeries()
    for item, colour in zip(stats.classes, CLASS_COLOURS, strict=False):
        if item.count:
            short = SHORT_CLASS_LABELS.get(item.account_class, item.account_class.label)
            slice_ = series.append(f"{translate(_CTX, short)}: {item.count}",
                                   float(item.count))
            slice_.setColor(QColor(colour))
            slice_.setLabelVisible(True)  # the class names are too long for a legend row
    series.setPieSize(0.55)
    chart.addSeries(series)
    chart.legend().setVisible(False)
    return chart


def batches_chart(stats: IokStatistics) -> QChart:
    """Each consent batch stacked by answered, no answer after N days, still waiting."""
    chart = _chart(translate(_CTX, "Partie pism o zgodę"))
    batches = stats.batches
    _stacked(chart, [translate(_CTX, "nr {0}").format(b.number) for b in batches], [
        (translate(_CTX, "Odpowiedzi"), [b.answered for b in batches], ANSWER_COLOURS[0]),
        (translate(_CTX, "Brak odpowiedzi po {0} dniach").format(stats.no_answer_days),
         [b.no_answer for b in batches], ANSWER_COLOURS[1]),
        (translate(_CTX, "Czeka na odpowiedź"), [b.waiting for b in batches],
         ANSWER_COLOURS[2])])
    return chart
