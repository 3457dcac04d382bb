"""bench.mutation: scores per module from mutmut's result files, equivalents set apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import mutation


def write_meta(root: Path, module: str, codes: dict) -> None:
    path = root / f"{module}.meta"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"exit_code_by_key": codes}), "utf-8")


def test_scores_count_killed_and_timed_out_as_caught_and_everything_else_against(tmp_path, monkeypatch):
    monkeypatch.setattr(mutation, "EQUIVALENT", {"domain.b.x_g__mutmut_2": "both orders are checked"})
    monkeypatch.setattr(mutation, "version", lambda _: "3.8.1")
    write_meta(tmp_path, "domain/a.py", {f"domain.a.x_f__mutmut_{i}": code
                                         for i, code in enumerate([1, 1, 3, 36, 0, 33, None, -11], 1)})
    write_meta(tmp_path, "domain/plan/b.py", {"domain.b.x_g__mutmut_1": 1, "domain.b.x_g__mutmut_2": 0})
    result = mutation.collect(tmp_path)
    a, b = result["modules"]["domain/a.py"], result["modules"]["domain/plan/b.py"]
    assert (a["mutants"], a["caught"], a["score"]) == (8, 4, 0.5)
    assert a["counts"] == {"killed": 3, "timeout": 1, "survived": 1, "no_tests": 1, "not_checked": 1,
                           "suspicious": 1}
    assert [s["mutant"] for s in a["survivors"]] == [f"domain.a.x_f__mutmut_{i}" for i in (5, 6, 7, 8)]
    assert (b["score"], b["score_all"], b["equivalent"][0]["reason"]) == (1.0, 0.5, "both orders are checked")
    assert result["total"] == {"mutants": 10, "caught": 5, "equivalent": 1, "score": round(5 / 9, 4)}
    assert result["meets_target"] is False
    table = mutation.markdown(result)
    assert "| `domain/a.py` | 8 | 4 | 1 | 1 | 0 | 50.0% |" in table
    assert "- `domain.b.x_g__mutmut_2`: both orders are checked" in table


def test_no_results_is_an_error_that_says_what_to_run(tmp_path):
    with pytest.raises(SystemExit, match="make mutation"):
        mutation.collect(tmp_path)
