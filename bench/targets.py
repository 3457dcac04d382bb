"""The issue's targets for this 2-core machine, next to the keys they judge."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass

from bench.pages import PAGE_KEYS


@dataclass(frozen=True)
class Target:
    key: str
    text: str
    compare: Callable[[float, float], bool]
    bound: float

    def verdict(self, value: float | None) -> str:
        if value is None:
            return "not measured"
        return "met" if self.compare(value, self.bound) else "missed"


_GE, _LE = operator.ge, operator.le
TARGETS = {t.key: t for t in (
    Target("append.ratio_vs_floor", "≥ 0.6 × floor", _GE, 0.6),
    Target("append.ratio_vs_eventsourcing", "≥ 3 × eventsourcing", _GE, 3.0),
    Target("append.ratio_vs_floor_batch10", "≥ 0.6 × floor", _GE, 0.6),
    Target("append.ratio_vs_eventsourcing_batch10", "≥ 3 × eventsourcing", _GE, 3.0),
    Target("projection.events_per_s", "≥ 20,000 events/s", _GE, 20_000),
    Target("projection.rebuild_vs_catch_up", "≤ 1 × live catch-up", _LE, 1.0),
    Target("projection.rebuild_failed_reads", "0", _LE, 0),
    Target("projection.rebuild_stale_reads", "0", _LE, 0),
    Target("rollup.p99_ms", "≤ 50 ms", _LE, 50.0),
    Target("rollup.ratio_p99_vs_floor", "≤ 3 × SQL floor", _LE, 3.0),
    Target("rollup.flatness_ratio", "≤ 1.5", _LE, 1.5),
    Target("rollup.as_of.p99_ms", "≤ 50 ms", _LE, 50.0),
    Target("rollup.as_of.ratio_p99_vs_floor", "≤ 3 × SQL floor", _LE, 3.0),
    Target("org_import.write_s", "≤ 10 s", _LE, 10.0),
    Target("subscriptions.p99_ms", "≤ 1,000 ms", _LE, 1000.0),
    Target("exports.national_xlsx_s", "≤ 10 s", _LE, 10.0),
    Target("pages.max_p99_ms", "≤ 100 ms (every main page)", _LE, 100.0),
)}

# Every key a complete run reports, in table order; a part that did not run reports null.
PART_KEYS = {
    "append": [f"append.{name}{suffix}" for suffix in ("", "_batch10") for name in (
        "events_per_s", "raw_floor_events_per_s", "eventsourcing_recorder_events_per_s",
        "ratio_vs_floor", "ratio_vs_eventsourcing")],
    "projection": ["projection.events_per_s", "projection.catch_up_s", "projection.workers",
                   "projection.catch_up_reads", "projection.catch_up_failed_reads",
                   "projection.one_process_events_per_s", "projection.one_process_catch_up_s",
                   "projection.rebuild_s", "projection.rebuild_events", "projection.rebuild_vs_catch_up",
                   "projection.rebuild_reads", "projection.rebuild_failed_reads", "projection.rebuild_stale_reads",
                   "projection.rebuild_read_max_ms"],
    "rollup": ["rollup.p50_ms", "rollup.p99_ms", "rollup.sql_floor_p99_ms",
               "rollup.ratio_p99_vs_floor", "rollup.flatness_ratio", "rollup.small_p99_ms",
               "rollup.as_of.p50_ms", "rollup.as_of.p99_ms", "rollup.as_of.sql_floor_p99_ms",
               "rollup.as_of.ratio_p99_vs_floor"],
    "pages": PAGE_KEYS,
    "subscriptions": ["subscriptions.subscribers", "subscriptions.writes", "subscriptions.subscribe_all_s",
                      *(f"subscriptions.{who}{what}" for who in ("", "one_subscriber_")
                        for what in ("p50_ms", "p99_ms", "max_ms", "missed"))],
    "commands": ["commands.per_s", "commands.p50_ms", "commands.p99_ms"],
    "org_import": [f"org_import.{name}" for name in (
        "units", "file_kib", "write_s", "units_per_s", "dry_run_s", "reimport_s", "export_s",
        "rest_one_by_one_units_per_s", "rest_one_by_one_estimated_s", "speedup_vs_rest")],
    "files": ["files.count", "files.file_mib", "files.floor_write_mib_per_s"] + [
        f"files.{store}_{what}" for store in ("postgres", "directory")
        for what in ("put_mib_per_s", "get_mib_per_s", "put_ratio_vs_floor")],
    "exports": [f"exports.{name}" for name in (
        "units", "cells", "national_xlsx_s", "xlsx_mib", "openpyxl_write_only_s", "csv_s", "speedup_vs_openpyxl",
        "loadavg_1m_before", "loadavg_1m_after")],
}
