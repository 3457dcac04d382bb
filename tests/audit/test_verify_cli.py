from __future__ import annotations

import json
from uuid import uuid4

from audit.file_check import FILE_TOPICS
from infra.records import NewEvent
from tests import dossier_samples as samples
from tests.audit.conftest import ten_events


async def test_untouched_tenant_is_ok_with_head_position_and_hash(platform, cli, tenant_id):
    await ten_events(platform, tenant_id)
    head = await platform.store.head(tenant_id)
    result = await cli("audit", "verify", "--tenant", tenant_id)
    assert result.code == 0
    assert result.out.strip() == f"OK {tenant_id} head=10 hash={head.hash.hex()}"


async def test_altered_body_is_named_by_position_with_a_failing_exit(platform, admin, cli, tenant_id):
    await ten_events(platform, tenant_id)
    await admin.execute(
        "UPDATE events SET body = '{\"name\": \"forged\"}' WHERE tenant_id = $1 AND position = 6",
        tenant_id,
    )
    result = await cli("audit", "verify", "--tenant", tenant_id)
    assert result.code == 1
    assert result.out.startswith(f"BROKEN {tenant_id} at position 6:")


async def test_deleted_row_is_named_by_position(platform, admin, cli, tenant_id):
    await ten_events(platform, tenant_id)
    await admin.execute("DELETE FROM events WHERE tenant_id = $1 AND position = 4", tenant_id)
    result = await cli("audit", "verify", "--tenant", tenant_id)
    assert result.code == 1 and f"BROKEN {tenant_id} at position 4:" in result.out


async def test_two_swapped_rows_are_named_at_the_first(platform, admin, cli, tenant_id):
    await ten_events(platform, tenant_id)
    async with admin.transaction():
        for old, new in ((3, -1), (7, 3), (-1, 7)):
            await admin.execute(
                "UPDATE events SET position = $3 WHERE tenant_id = $1 AND position = $2",
                tenant_id, old, new,
            )
    result = await cli("audit", "verify", "--tenant", tenant_id)
    assert result.code == 1 and f"BROKEN {tenant_id} at position 3:" in result.out


async def test_every_tenant_is_verified_including_one_missing_from_the_registry(
    platform, admin, cli, tenant_id, other_tenant_id
):
    await ten_events(platform, tenant_id)
    await ten_events(platform, other_tenant_id)
    await admin.execute("INSERT INTO tenants (tenant_id, name, kind) VALUES ($1, 'x', 'province')",
                        tenant_id)
    await admin.execute("DELETE FROM events WHERE tenant_id = $1 AND position = 10", other_tenant_id)
    result = await cli("audit", "verify")
    assert result.code == 1  # at least the other tenant is broken
    lines = result.out.splitlines()
    assert any(line.startswith(f"OK {tenant_id} head=10 ") for line in lines)
    assert f"BROKEN {other_tenant_id} at position 10: log and head disagree" in lines


async def test_invalid_tenant_gives_a_coded_error(cli):
    result = await cli("audit", "verify", "--tenant", "Not A Tenant;")
    assert result.code == 2 and result.err.startswith("error BAD_INPUT:")


async def test_an_unknown_tenant_is_an_error_not_ok(platform, cli, tenant_id):
    result = await cli("audit", "verify", "--tenant", tenant_id)  # fresh: no events, not registered
    assert result.code == 2 and "OK" not in result.out
    assert result.err.startswith("error NOT_FOUND:") and tenant_id in result.err


def test_the_history_type_example_is_a_real_event_topic(capsys):
    from eventsourcing.domain import DomainEvent
    from eventsourcing.utils import resolve_topic

    from cli.commands.audit import HISTORY_TYPE_EXAMPLE
    from cli.main import build_parser

    assert issubclass(resolve_topic(f"domain.plan:{HISTORY_TYPE_EXAMPLE}"), DomainEvent)
    try:
        build_parser().parse_args(["audit", "history", "--help"])
    except SystemExit:
        pass
    shown = " ".join(capsys.readouterr().out.split())
    assert f"({HISTORY_TYPE_EXAMPLE})" in shown and "(domain.plan:Plan.PlanLaunched)" in shown


async def test_a_dossier_file_changed_after_the_fact_is_named_by_its_events_position(
    platform, admin, cli, tenant_id
):
    await ten_events(platform, tenant_id)
    sha256 = await platform.files.put(tenant_id, samples.pdf("Biên bản họp xét"))
    body = json.dumps({"kind": "review_minutes", "file_name": "Biên bản.pdf", "file_sha256": sha256,
                       "file_size": 1, "media_type": "application/pdf"})
    await platform.store.append(tenant_id, uuid4(), 0, [NewEvent(FILE_TOPICS[0], body)])
    assert (await cli("audit", "verify", "--tenant", tenant_id)).code == 0
    await admin.execute("UPDATE dossier_files SET content = $3 WHERE tenant_id = $1 AND sha256 = $2",
                        tenant_id, sha256, samples.pdf("Biên bản đã sửa"))
    result = await cli("audit", "verify", "--tenant", tenant_id)
    assert result.code == 1
    assert result.out.startswith(f"BROKEN {tenant_id} at position 11: file {sha256} was changed")
