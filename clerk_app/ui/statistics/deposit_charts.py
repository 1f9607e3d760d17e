"""Qt Charts of the deposit statistics: cases per month stacked by state, the decision
deadlines met and missed per month, and the deadlines met and missed per clerk (the chart
frame, the bars and the axes come from ``chart_parts``)."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QHorizontalStackedBarSeries, QValueAxis

from clerk_app.domain.deposit_statistics import STATES, DepositStatistics
from clerk_app.ui.qt_helpers import translate
from clerk_app.ui.statistics.chart_parts import (
    add_bar_sets,
    attach_axes,
    month_label,
    new_chart,
    stacked_bars,
)

_CTX = "DepositCharts"
STATE_COLOURS = ("#9e9e9e", "#ff7f0e", "#1f77b4", "#2ca02c", "#d62728", "#8c564b",
                 "#17becf", "#636363")
MET_COLOUR, MISSED_COLOUR = "#2ca02c", "#d62728"


def _nice(chart: QChart) -> QChart:
    """Round the count axes to nice steps once the counts are large (thousands of cases)."""
    for axis in chart.axes():
        if isinstance(axis, QValueAxis) and axis.max() > 10:
            axis.applyNiceNumbers()
    return chart


def _months(stats: DepositStatistics) -> list[str]:
    return [month_label(m.month) for m in stats.months]


def states_chart(stats: DepositStatistics) -> QChart:
    """Cases registered per month, each bar stacked by the cases' current state."""
    chart = new_chart(translate(_CTX, "Sprawy kaucji według miesiąca wpływu i stanu"))
    stacked_bars(chart, _months(stats), [
        (state.label, [m.counts[i] for m in stats.months], STATE_COLOURS[i])
        for i, state in enumerate(STATES)])
    return _nice(chart)


def decisions_chart(stats: DepositStatistics) -> QChart:
    """The decision month kept or missed, per month of registration."""
    chart = new_chart(translate(_CTX, "Rozstrzygnięcie w terminie miesiąca"))
    stacked_bars(chart, _months(stats), [
        (translate(_CTX, "W terminie"), [m.decision_met for m in stats.months], MET_COLOUR),
        (translate(_CTX, "Po terminie"), [m.decision_missed for m in stats.months],
         MISSED_COLOUR)])
    return _nice(chart)


def clerks_chart(stats: DepositStatistics) -> QChart:
    """Deadlines met and missed per clerk, as horizontal bars (the names on the left)."""
    chart = new_chart(translate(_CTX, "Terminy dotrzymane i przekroczone według referenta"))
    clerks = stats.clerks[::-1]  # the first clerk on top
    series = QHorizontalStackedBarSeries()
    add_bar_sets(series, [
        (translate(_CTX, "Dotrzymane"), [c.met for c in clerks], MET_COLOUR),
        (translate(_CTX, "Przekroczone"), [c.missed for c in clerks], MISSED_COLOUR)])
    attach_axes(chart, series, [c.name for c in clerks],
                max((c.total for c in clerks), default=0), horizontal=True)
    return _nice(chart)
