from __future__ import annotations

import io
import json
from uuid import uuid4

import pytest

from audit.export import export_tenant
from audit.export_check import verify_export
from infra.records import NewEvent
from tests.audit.conftest import ten_events


@pytest.fixture
async def exported(platform, tenant_id, tmp_path):
    await ten_events(platform, tenant_id)
    path = tmp_path / "export.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        await export_tenant(platform.db, tenant_id, out, auditor="kiem-toan")
    return path


def lines_of(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def rewrite(path, lines: list[dict]) -> None:
    path.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines), encoding="utf-8")


async def test_export_verifies_offline_and_ends_at_the_stored_head(platform, exported, tenant_id):
    head = await platform.store.head(tenant_id)
    report = verify_export(exported, expected_head_hash=head.hash.hex())
    assert report.ok and report.events == 10 and report.tenant_id == tenant_id
    assert (report.head_position, report.head_hash) == (10, head.hash.hex())
    header, *events, trailer = lines_of(exported)
    assert header["kind"] == "header" and header["tenant_id"] == tenant_id
    assert [e["position"] for e in events] == list(range(1, 11))
    assert events[0]["previous_hash"] == "00" * 32 and events[1]["previous_hash"] == events[0]["hash"]
    assert events[0]["metadata"] == {"actor": "user-0", "trace_id": "trace-0"}
    assert trailer == {"kind": "trailer", "tenant_id": tenant_id, "events": 10,
                       "head_position": 10, "head_hash": head.hash.hex()}


async def test_exact_numbers_and_vietnamese_text_survive_the_export(platform, tenant_id, tmp_path):
    body = '{"ten": "Chiến sĩ thi đua cơ sở", "ty_le": 1.10, "so": 12345678901234567890, "ok": true}'
    await platform.store.append(tenant_id, uuid4(), 0, [NewEvent("tests.audit:Exact", body)])
    out = io.StringIO()
    await export_tenant(platform.db, tenant_id, out, auditor="kiem-toan")
    path = tmp_path / "exact.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert verify_export(path).ok
    assert '"ty_le": 1.10' in out.getvalue()


async def test_changed_body_fails_naming_the_position(exported):
    lines = lines_of(exported)
    lines[6]["body"]["name"] = "forged"  # line 7 = position 6
    rewrite(exported, lines)
    report = verify_export(exported)
    assert not report.ok and report.first_bad_position == 6 and "body" in report.reason


async def test_true_and_one_are_not_the_same_value(exported):
    lines = lines_of(exported)
    lines[3]["metadata"]["trace_id"] = True
    rewrite(exported, lines)
    assert verify_export(exported).first_bad_position == 3


async def test_rewritten_canonical_text_breaks_the_hash(exported):
    lines = lines_of(exported)
    lines[2]["body"]["name"] = "forged"
    lines[2]["canonical"] = lines[2]["canonical"].replace('"B0"', '"forged"')
    rewrite(exported, lines)
    report = verify_export(exported)
    assert report.first_bad_position == 2 and report.reason == "hash does not match content"


async def test_dropped_line_fails_naming_the_position(exported):
    lines = lines_of(exported)
    del lines[4]  # position 4
    rewrite(exported, lines)
    report = verify_export(exported)
    assert not report.ok and report.first_bad_position == 4


async def test_swapped_lines_fail_at_the_first(exported):
    lines = lines_of(exported)
    lines[3], lines[8] = lines[8], lines[3]  # positions 3 and 8
    rewrite(exported, lines)
    assert verify_export(exported).first_bad_position == 3


async def test_edited_hash_fails_naming_the_position(exported):
    lines = lines_of(exported)
    lines[5]["hash"] = "ab" * 32  # position 5
    rewrite(exported, lines)
    report = verify_export(exported)
    assert report.first_bad_position == 5 and report.line == 6


async def test_truncated_export_is_detected(exported):
    rewrite(exported, lines_of(exported)[:-3])  # trailer and positions 9, 10 gone
    report = verify_export(exported)
    assert not report.ok and report.first_bad_position == 9 and "truncated" in report.reason


async def test_export_rewritten_end_to_end_fails_against_an_independent_head(exported):
    lines = lines_of(exported)
    rewrite(exported, lines[:-2] + [{**lines[-1], "events": 9, "head_position": 9,
                                     "head_hash": lines[-3]["hash"]}])
    assert verify_export(exported).ok  # consistent on its own...
    report = verify_export(exported, expected_head_hash=lines[-2]["hash"])
    assert not report.ok and "expected" in report.reason  # ...but not with the published head


async def test_export_of_a_tampered_log_does_not_verify(platform, admin, tenant_id, tmp_path):
    await ten_events(platform, tenant_id)
    await admin.execute(
        "UPDATE events SET metadata = '{\"actor\": \"someone-else\"}' WHERE tenant_id = $1 AND position = 8",
        tenant_id,
    )
    path = tmp_path / "tampered.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        await export_tenant(platform.db, tenant_id, out, auditor="kiem-toan")
    assert verify_export(path).first_bad_position == 8


async def test_cli_export_then_verify_export(platform, cli, tenant_id, tmp_path):
    await ten_events(platform, tenant_id)
    path = tmp_path / "cli.jsonl"
    exported = await cli("audit", "export", "--tenant", tenant_id, "--out", str(path), "--auditor", "kt")
    assert exported.code == 0 and "exported 10 events" in exported.err
    checked = await cli("audit", "verify-export", str(path))
    assert checked.code == 0 and checked.out.startswith(f"OK {tenant_id} events=10 head=10 ")
    lines = lines_of(path)
    lines[1]["topic"] = "tests.audit:Forged"
    rewrite(path, lines)
    checked = await cli("audit", "verify-export", str(path))
    assert checked.code == 1 and "at position 1 (line 2): topic differs" in checked.out
