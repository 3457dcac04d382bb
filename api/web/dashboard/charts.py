"""The dashboard's charts as plain data for the template, which draws them as inline SVG bars:
no script, nothing to load, readable on a wall screen and at 360 px. Each chart sits next to
the table it is drawn from; that table is its text equivalent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from api.web.dashboard.tables import Table


def _(message: str) -> str:
    return message


@dataclass(frozen=True)
class Segment:
    share: float
    """Width in percent of the chart's scale (0..100)."""
    tone: str
    """CSS class: the colour, explained by the chart's legend."""


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    text: str

    @property
    def rects(self) -> list[tuple[str, str, str]]:
        """(tone, x, width) of each visible segment, side by side, as SVG attribute text."""
        out, x = [], 0.0
        for s in self.segments:
            if s.share > 0:
                out.append((s.tone, f"{x:.2f}", f"{s.share:.2f}"))
                x += s.share
        return out


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    table: str
    """The key of the table it is drawn from."""
    bars: tuple[Bar, ...]
    legend: tuple[tuple[str, str], ...] = ()
    """(tone, label) pairs for charts of more than one colour."""


def _num(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def _scale(values: list[float]) -> float:
    return max(values, default=0.0) or 1.0


def build(tables: dict[str, Table], tr: Callable[[str], str]) -> list[Chart]:
    units = [r for r, link in zip(tables["units"].rows, tables["units"].links) if link is not None]
    charts = []
    if units:
        ranked = sorted(units, key=lambda r: (-_num(r[4]), r[0]))
        charts.append(Chart("registration", tr(_("Registration rate by unit")), "units", tuple(
            Bar(r[0], (Segment(_num(r[4]), "ok"),), f"{r[4]} %" if r[4] != "" else "–") for r in ranked)))
        charts.append(Chart("compliance", tr(_("Report compliance by unit")), "units", tuple(
            _compliance(r) for r in sorted(units, key=lambda r: (-_num(r[12]), r[0]))),
            (("ok", tr(_("On time"))), ("warn", tr(_("Late"))), ("bad", tr(_("Missing"))))))
    coverage = tables["coverage"].rows
    if any(r[1] for r in coverage):  # below the last level that issues plans there is nothing to draw
        days = _scale([_num(r[3]) for r in coverage])
        charts.append(Chart("coverage", tr(_("Days after the parent plan, by unit")), "coverage", tuple(
            Bar(r[0], (Segment(100 * _num(r[3]) / days, "info"),) if r[1] else (),
                tr(_("{days} days")).format(days=r[3]) if r[1] else tr(_("not issued")))
            for r in sorted(coverage, key=lambda r: (r[1] == 0, _num(r[3]), r[0])))))
    levels = [r for r in tables["levels"].rows if r[2] != ""]
    if levels:
        most = _scale([_num(r[2]) for r in levels])
        charts.append(Chart("levels", tr(_("Average days after the parent plan, by level")), "levels", tuple(
            Bar(r[0], (Segment(100 * _num(r[2]) / most, "info"),), tr(_("{days} days")).format(days=r[2]))
            for r in levels)))
    awards = tables["awards"].rows
    if awards:
        most = _scale([_num(r[2]) for r in awards])
        charts.append(Chart("awards", tr(_("Awards by form")), "awards", tuple(
            Bar(f"{r[0]} ({r[1]})" if r[1] else r[0], (Segment(100 * _num(r[2]) / most, "brand"),), str(r[2]))
            for r in awards)))
    quotas = [r for r, link in zip(tables["quotas"].rows, tables["quotas"].links) if link is not None]
    if quotas:
        charts.append(Chart("quotas", tr(_("Quota use by unit")), "quotas", tuple(_quota(r) for r in quotas),
                            (("info", tr(_("Used by other units"))), ("brand", tr(_("Used by enterprise unions"))),
                             ("free", tr(_("Remaining"))))))
    return charts


def _compliance(row: tuple) -> Bar:
    on_time, late, missing = _num(row[9]), _num(row[10]), _num(row[11])
    due = on_time + late + missing
    if not due:
        return Bar(row[0], (), "–")
    return Bar(row[0], (Segment(100 * on_time / due, "ok"), Segment(100 * late / due, "warn"),
                        Segment(100 * missing / due, "bad")), f"{row[12]} %" if row[12] != "" else "–")


def _quota(row: tuple) -> Bar:
    limit, used, enterprise = _num(row[1]), _num(row[2]), _num(row[4])
    scale = max(limit, used) or 1.0
    return Bar(row[0], (Segment(100 * (used - enterprise) / scale, "info"), Segment(100 * enterprise / scale, "brand"),
                        Segment(100 * max(limit - used, 0) / scale, "free")), f"{int(used)}/{int(limit)}")
