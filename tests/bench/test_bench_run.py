"""A quick run limited to the append part reports every key, with nulls and reasons for the
parts it skipped, and writes the JSON and the Markdown table."""

from __future__ import annotations

import json

from bench import report
from bench.append import AppendConfig
from bench.runner import run_on
from bench.targets import PART_KEYS
from infra.settings import Settings

TINY = AppendConfig(writers=2, warmup_s=0.0, duration_s=0.1, repeats=1)


async def test_append_only_run_has_every_key_and_explains_each_skipped_part(admin_url, tmp_path):
    run = await run_on(admin_url, Settings(), quick=True, only=["append"], append_config=TINY)

    assert {"date", "mode", "duration_s", "machine", "scale", "results", "skipped"} <= set(run)
    assert run["mode"] == "quick"
    assert {"cores", "memory_gib", "postgresql_version"} <= set(run["machine"])
    every_key = {key for keys in PART_KEYS.values() for key in keys}
    assert set(run["results"]) == every_key
    assert all(run["results"][key] > 0 for key in PART_KEYS["append"])
    assert all(run["results"][key] is None for part in ("projection", "rollup", "subscriptions", "pages", "commands",
                                                         "org_import", "files", "exports")
               for key in PART_KEYS[part])
    assert set(run["skipped"]) == {"projection", "rollup", "subscriptions", "pages", "commands", "org_import", "files",
                                   "exports"}


async def test_the_file_stores_are_measured_side_by_side_with_the_floor(admin_url):
    run = await run_on(admin_url, Settings(), quick=True, only=["files"])
    assert run["skipped"].keys() == {"projection", "rollup", "subscriptions", "pages", "commands", "append", "org_import",
                                     "exports"}
    assert all(run["results"][key] > 0 for key in PART_KEYS["files"])


async def test_results_are_written_as_json_and_a_markdown_table_with_verdicts(admin_url, tmp_path):
    run = await run_on(admin_url, Settings(), quick=True, only=["append"], append_config=TINY)

    report.write_json(run, tmp_path / "latest.json")
    report.write_markdown(run, tmp_path / "benchmarks.md")

    assert json.loads((tmp_path / "latest.json").read_text())["results"] == run["results"]
    table = (tmp_path / "benchmarks.md").read_text()
    assert "| `append.ratio_vs_floor` |" in table
    assert "≥ 0.6 × floor" in table
    assert "null (skipped: not selected (--only))" in table


async def test_a_run_tells_its_progress_part_by_part(admin_url):
    lines: list[str] = []
    await run_on(admin_url, Settings(), quick=True, only=["append"], append_config=TINY, progress=lines.append)
    assert lines[0] == "append: running" and lines[1].startswith("append: done in ") and len(lines) == 2


def test_only_a_run_asked_to_publish_rewrites_the_tracked_files(tmp_path):
    from cli.commands.bench import outputs
    from cli.main import build_parser

    def paths(*argv: str):
        return outputs(build_parser().parse_args(["bench", *argv]))

    assert paths("--quick") == (report.RUN_PATH, None)
    assert paths("--docs") == (report.RESULTS_PATH, report.DOCS_PATH)
    assert paths("--docs", str(tmp_path / "b.md"), "--results", str(tmp_path / "b.json")) == (
        tmp_path / "b.json", tmp_path / "b.md")
    assert paths("--docs", str(tmp_path / "b.md")) == (report.RUN_PATH, tmp_path / "b.md")
    tracked = {report.RESULTS_PATH, report.DOCS_PATH}
    assert not tracked & {p for p in paths("--quick", "--only", "append") if p}
