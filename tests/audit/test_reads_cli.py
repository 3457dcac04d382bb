from __future__ import annotations

import json

from audit.history import HistoryFilter, read_history
from tests.audit.conftest import ten_events


async def test_cli_reads_lists_who_read_the_tenants_history_newest_first(platform, cli, tenant_id):
    await ten_events(platform, tenant_id)
    await read_history(platform.db, tenant_id, auditor="kt-pham-d", filter=HistoryFilter(actor="user-1"))
    await read_history(platform.db, tenant_id, auditor="kt-vo-e", after=5)
    result = await cli("audit", "reads", "--tenant", tenant_id, "--json")
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert [(r["auditor"], r["what"]) for r in rows] == [("kt-vo-e", "history"), ("kt-pham-d", "history")]
    assert rows[1]["detail"]["filter"] == {"actor": "user-1"} and rows[0]["read_at"] >= rows[1]["read_at"]
    plain = await cli("audit", "reads", "--tenant", tenant_id, "--limit", "1")
    assert plain.code == 0 and len(plain.out.splitlines()) == 1 and " kt-vo-e history " in plain.out


async def test_cli_reads_of_a_tenant_never_read_is_empty_and_bad_input_is_refused(cli, tenant_id):
    empty = await cli("audit", "reads", "--tenant", tenant_id)
    assert (empty.code, empty.out) == (0, "")
    bad = await cli("audit", "reads", "--tenant", "Not A Tenant")
    assert bad.code == 2 and bad.err.startswith("error BAD_INPUT:")
    zero = await cli("audit", "reads", "--tenant", tenant_id, "--limit", "0")
    assert zero.code == 2 and "BAD_INPUT" in zero.err
