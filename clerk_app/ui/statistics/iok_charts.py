"""Qt Charts of the IOK statistics: requests per month stacked by channel, old accounts
per class (a pie), and the consent batches stacked by answer."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QPieSeries
from PySide6.QtGui import QColor

from clerk_app.domain.iok_statistics import CHANNELS, IokStatistics
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.ui.qt_helpers import translate
from clerk_app.ui.statistics.chart_parts import month_label, new_chart, stacked_bars

_CTX = "IokCharts"
CHANNEL_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf")
ANSWER_COLOURS = ("#2ca02c", "#d62728", "#bdbdbd")
CLASS_COLOURS = ("#2ca02c", "#ff7f0e", "#9e9e9e")
# Slice labels have little room; the tables and the summary line give the full names.
SHORT_CLASS_LABELS = {LegacyClass.MIGRATE: "Do przeniesienia",
                      LegacyClass.NEEDS_CONSENT: "Wymaga zgody",
                      LegacyClass.SKIPPED: "Nieaktywne"}


def requests_chart(stats: IokStatistics) -> QChart:
    """Requests filed per month, each bar stacked by channel."""
    chart = new_chart(translate(_CTX, "Wnioski o konto IOK według miesiąca i kanału wpływu"))
    stacked_bars(chart, [month_label(m.month) for m in stats.months], [
        (channel.label, [m.counts[i] for m in stats.months],
         CHANNEL_COLOURS[i % len(CHANNEL_COLOURS)]) for i, channel in enumerate(CHANNELS)])
    return chart


def classes_chart(stats: IokStatistics) -> QChart:
    """Old accounts per class."""
    chart = new_chart(translate(_CTX, "Konta starego portalu według klasy"))
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
    chart = new_chart(translate(_CTX, "Partie pism o zgodę"))
    batches = stats.batches
    stacked_bars(chart, [translate(_CTX, "nr {0}").format(b.number) for b in batches], [
        (translate(_CTX, "Odpowiedzi"), [b.answered for b in batches], ANSWER_COLOURS[0]),
        (translate(_CTX, "Brak odpowiedzi po {0} dniach").format(stats.no_answer_days),
         [b.no_answer for b in batches], ANSWER_COLOURS[1]),
        (translate(_CTX, "Czeka na odpowiedź"), [b.waiting for b in batches],
         ANSWER_COLOURS[2])])
    return chart
