"""The officer pages' edges: a double submit writes once, a grassroots officer answers for its
own union only (another union is refused by the service), a nomination or plan of another
tenant is not found, the to-do page in English, and a dossier file over the size limit
refused next to the file field with nothing written."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from domain.nomination import Nomination
from projections.queries import registrations
from projections.read_your_writes import wait_until_projected
from services import files, nominations
from services.context import SYSTEM
from tests.web.officer_story import seed_001_story
from tests.web.pages import assert_accessible, assert_fits_width, person, sign_in


def form_of(page) -> dict:
    """The registration form as the browser would post it (hidden keys included)."""
    return page.evaluate("() => Object.fromEntries(new FormData(document.querySelector('form.card')))")


async def test_a_double_submit_registers_once(site, desk, tenant_id):
    story = await seed_001_story(site, tenant_id)
    await sign_in(desk, story.email, story.password)
    await desk.goto(f"/unit/plans/{story.plan_id}/register?on=2021-10-06")
    await desk.select_option("#f-unit_id", str(story.unions[2]))
    await desk.fill("#f-target-0-indicator", "Sáng kiến")
    await desk.fill("#f-target-0-amount", "2")
    fields = await form_of(desk)
    url = f"/unit/plans/{story.plan_id}/register"
    first = await desk.request.post(url, form=fields, max_redirects=0)
    again = await desk.request.post(url, form=fields, max_redirects=0)
    assert (first.status, again.status) == (303, 303), "the second post answers the first result"
    assert first.headers["location"] == again.headers["location"]
    rows = await registrations(site.platform.db, tenant_id, story.plan_id, unit_id=story.unions[2])
    assert len(rows) == 1

    fresh = {**fields, "idempotency_key": "another-key"}  # a new form: the rule refuses the second registration
    refused = await desk.request.post(url, form=fresh, max_redirects=0)
    assert refused.status == 409
    assert "Đơn vị đã đăng ký thi đua cho đợt này" in await refused.text()


async def test_a_grassroots_officer_answers_for_its_own_union(site, phone, tenant_id, keep_screenshot):
    story = await seed_001_story(site, tenant_id)
    email, password = await person(site, tenant_id, "officer", unit=story.unions[0])
    await sign_in(phone, email, password)
    await phone.goto("/?on=2021-10-05")
    assert "Đã xong 0/1 đơn vị" in await phone.inner_text(".todo")
    await phone.goto(f"/unit/plans/{story.plan_id}/register?on=2021-10-05")
    options = await phone.locator("#f-unit_id option").all_inner_texts()
    assert options == ["Chọn đơn vị", "CĐCS Công ty TNHH Giày Gò Dầu"]
    await phone.evaluate("(id) => { document.querySelector('#f-unit_id option:last-child').value = id }",
                         str(story.unions[1]))  # a tampered form names another union
    await phone.select_option("#f-unit_id", str(story.unions[1]))
    await phone.fill("#f-target-0-indicator", "Sáng kiến")
    await phone.fill("#f-target-0-amount", "1")
    await phone.click("button:has-text('Đăng ký')")
    assert await phone.locator(".field.invalid, [role=alert]").count() >= 1
    assert await registrations(site.platform.db, tenant_id, story.plan_id, unit_id=story.unions[1]) == []
    await assert_accessible(phone)
    await assert_fits_width(phone)
    await keep_screenshot(phone, "officer-grassroots-refused")


async def test_another_tenants_pages_are_not_found(site, desk, tenant_id, other_tenant_id):
    story = await seed_001_story(site, tenant_id)
    drafted = await nominations.draft_nomination(
        site.platform, tenant_id, SYSTEM, plan_id=story.plan_id, nominee_kind="collective",
        nominee_id=story.unions[0], award_form="bk_bch_ldld_tinh", phase="90 ngày nước rút",
        proposing_unit_id=story.district)
    await wait_until_projected(site.platform.db, tenant_id, drafted.position)
    email, password = await person(site, other_tenant_id, "officer")
    await sign_in(desk, email, password)
    for path in (f"/unit/plans/{story.plan_id}", f"/unit/plans/{story.plan_id}/register",
                 f"/unit/nominations/new?plan={story.plan_id}", f"/unit/nominations/{drafted.id}",
                 f"/unit/plans/{story.plan_id}/units/{story.unions[0]}"):
        response = await desk.goto(path)
        assert response.status == 404, path
        assert "90 ngày nước rút" not in await desk.inner_text("main")
    await desk.goto("/")
    assert "Không có việc đến hạn" in await desk.inner_text("main")


async def test_the_to_do_page_in_english(site, desk, tenant_id):
    story = await seed_001_story(site, tenant_id)
    await sign_in(desk, story.email, story.password)
    await desk.goto("/language/en?next=/%3Fon%3D2021-10-05")
    assert urlsplit(desk.url).path == "/"
    text = await desk.inner_text("main")
    assert "To do" in text and "7 days left" in text and "Register for the campaign" in text


async def test_a_file_over_the_size_limit_is_refused_next_to_the_file(site, desk, tenant_id):
    story = await seed_001_story(site, tenant_id)
    drafted = await nominations.draft_nomination(
        site.platform, tenant_id, SYSTEM, plan_id=story.plan_id, nominee_kind="collective",
        nominee_id=story.unions[0], award_form="bk_bch_ldld_tinh", phase="90 ngày nước rút",
        proposing_unit_id=story.district)
    await wait_until_projected(site.platform.db, tenant_id, drafted.position)
    await sign_in(desk, story.email, story.password)
    await desk.goto(f"/unit/nominations/{drafted.id}")
    fields = {"_csrf": await desk.input_value("input[name=_csrf]"), "kind": "achievement_report",
              "idempotency_key": await desk.input_value("input[name=idempotency_key]")}
    cookies = {c["name"]: c["value"] for c in await desk.context.cookies()}
    limit = site.platform.settings.files.max_bytes
    # Posted with httpx, not through the browser: 20 MiB through the driver takes minutes.
    async with httpx.AsyncClient(base_url=site.url, cookies=cookies, timeout=120) as client:
        response = await client.post(f"/unit/nominations/{drafted.id}/files", data=fields,
                                     files={"file": ("bao-cao.pdf", b"%PDF-" + b"0" * limit, "application/pdf")})
    assert response.status_code == 413
    assert f'id="e-file" role="alert">Tệp lớn hơn giới hạn {limit} byte' in response.text
    assert await files.list_files(site.platform, tenant_id, Nomination, drafted.id) == []
