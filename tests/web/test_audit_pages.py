"""The auditor's pages in a real browser, for an auditor granted one tenant after the seed-001
story: the tenant's history with actor, time and trace id, one aggregate's events, its state
as of a moment, the chain verified OK; a tenant not granted is not found; accessible, 360 px."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from domain.accounts import Grant
from services.accounts.invitations import accept_invitation, create_invitation
from services.context import SYSTEM
from tenants.ids import NATIONAL_TENANT
from tests.accounts.conftest import unique_email
from tests.web.dashboard_story import Story, seed_001_story
from tests.web.pages import assert_accessible, assert_fits_width, sign_in

PASSWORD = "Mat-khau-rat-dai-2026"


@pytest.fixture(scope="module")
async def story(site, web_database) -> Story:
    return await seed_001_story(site, web_database)


@pytest.fixture(scope="module")
async def auditor(site, story) -> tuple[str, str]:
    """An auditor of the national body granted Tây Ninh's history only."""
    email = unique_email("auditor")
    _, link, _ = await create_invitation(site.platform, SYSTEM, tenant=NATIONAL_TENANT, email=email,
                                         grant=Grant(frozenset({"auditor"}), None,
                                                     frozenset({story.tay_ninh.tenant})))
    await accept_invitation(site.platform, parse_qs(urlsplit(link).query)["token"][0], PASSWORD)
    return email, PASSWORD


async def test_history_of_an_aggregate_with_actor_and_trace(desk, story, auditor, keep_screenshot):
    await sign_in(desk, *auditor)
    assert "Kiểm tra" in await desk.inner_text("header nav")
    await desk.click("header nav >> text=Kiểm tra")
    await desk.click(f"text={story.tay_ninh.tenant} >> xpath=.. >> text=Lịch sử")
    assert urlsplit(desk.url).path == "/audit/history"
    rows = await desk.eval_on_selector("table.events", "t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.innerText.trim()))")
    assert len(rows) > 10
    assert all(r[5] for r in rows), "every event names its actor"
    assert any(len(r[6]) == 32 for r in rows), "commands over HTTP carry a trace id"

    await desk.fill("#f-stream", story.plan_001)
    await desk.click(".audit-filter button[type=submit]")
    events = await desk.eval_on_selector_all("table.events tbody tr td:nth-child(3) summary", "s => s.map(e => e.innerText)")
    assert events[:3] == ["Plan.PlanDrafted", "Plan.PlanIssued", "Plan.PlanLaunched"], events
    await assert_accessible(desk)
    await keep_screenshot(desk, "audit-history")


async def test_state_as_of_a_moment_and_now(desk, story, auditor, keep_screenshot):
    await sign_in(desk, *auditor)
    tenant = story.tay_ninh.tenant
    await desk.goto(f"/audit/state?tenant={tenant}&stream={story.plan_001}")
    assert "launched" in await desk.inner_text("table.state")
    # before the plan existed there is no state to show: the page says so (404), nothing invented
    response = await desk.goto(f"/audit/state?tenant={tenant}&stream={story.plan_001}&at=2000-01-01T00:00")
    assert response.status == 404
    await desk.goto(f"/audit/state?tenant={tenant}&stream={story.plan_001}")
    await assert_accessible(desk)
    await keep_screenshot(desk, "audit-state")


async def test_the_chain_verifies_ok_and_another_tenant_is_not_found(site, phone, story, auditor, keep_screenshot):
    await sign_in(phone, *auditor)
    await phone.goto(f"/audit/verify?tenant={story.tay_ninh.tenant}")
    verdict = await phone.inner_text("#verdict")
    assert "TOÀN VẸN" in verdict
    await assert_fits_width(phone)
    await assert_accessible(phone)
    await keep_screenshot(phone, "audit-verify-phone")
    for path in (f"/audit/verify?tenant={story.binh_phuoc.tenant}", f"/audit/history?tenant={story.binh_phuoc.tenant}"):
        response = await phone.goto(path)
        assert response.status == 404, path
    response = await phone.goto("/dashboard/")
    assert response.status in (403, 404)


async def test_every_page_read_is_recorded_for_the_tenant(site, desk, story, auditor):
    from audit.reads import list_reads

    await sign_in(desk, *auditor)
    before = len(await list_reads(site.platform.db, story.tay_ninh.tenant, 1000))
    await desk.goto(f"/audit/history?tenant={story.tay_ninh.tenant}")
    await desk.goto(f"/audit/verify?tenant={story.tay_ninh.tenant}")
    reads = await list_reads(site.platform.db, story.tay_ninh.tenant, 1000)
    assert len(reads) == before + 2
    assert {r.what for r in reads[:2]} == {"history", "verify"}


async def test_a_forged_event_is_shown_at_its_position(site, desk, web_database, tenant_id, keep_screenshot):
    """A tenant of its own (its chain is altered here): provisioned, one event's body forged."""
    import asyncpg

    from tests.web.pages import person

    await person(site, tenant_id, "viewer")  # provisions the tenant: its first events
    email = unique_email("auditor")
    _, link, _ = await create_invitation(site.platform, SYSTEM, tenant=NATIONAL_TENANT, email=email,
                                         grant=Grant(frozenset({"auditor"}), None, frozenset({tenant_id})))
    await accept_invitation(site.platform, parse_qs(urlsplit(link).query)["token"][0], PASSWORD)
    admin = await asyncpg.connect(web_database)
    try:
        await admin.execute("UPDATE events SET body = '{\"name\": \"forged\"}' WHERE tenant_id = $1 AND position = 2",
                            tenant_id)
    finally:
        await admin.close()
    await sign_in(desk, email, PASSWORD)
    await desk.goto(f"/audit/verify?tenant={tenant_id}")
    assert "HỎNG tại vị trí 2" in await desk.inner_text("#verdict")
    await assert_accessible(desk)
    await keep_screenshot(desk, "audit-verify-broken")
